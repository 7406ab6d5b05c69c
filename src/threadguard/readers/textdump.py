"""The plain-text thread dump: what copying a comment page into a text file gives.

Layout (see ``examples/thread_dump_sample.txt``)::

    Article title
                                    <- blank line
    Article paragraph, possibly hard-wrapped.

      • author                      <- top-level comment: bullet indented 2 spaces
                                    <- blank line
        Comment text, indented two spaces deeper than its bullet,
        hard-wrapped, in paragraphs separated by blank lines.

        • replier                   <- a reply: 2 more spaces per nesting level
      • another author              <- bullet right after bullet: a comment with no text

Decisions, each made so that no words are lost:

* Wrapped lines of a paragraph are joined with one space; paragraphs with a blank line
  (``"\\n\\n"``). Curly quotes, dashes and other characters are kept exactly.
* A bullet line is a comment even when it carries a sentence rather than a name and has no
  text under it: the sentence becomes the author, which is screened like text.
* Bullets: ``•``, ``‣``, ``◦``, ``▪`` and ``●`` always start a comment. ``*`` and ``-`` do only
  when the dump's first bullet uses that glyph, because in a ``•`` dump a line starting with
  ``- `` is far more likely a list inside a comment than a comment.
* Tabs. A dump indented with tabs (no bullet indented with a space) reads one tab per
  nesting level: a tab advances to the next multiple of the indent step, 2 columns, so
  ``\\t•`` is the top level and ``\\t\\t•`` a reply to it. In a dump indented with spaces a
  tab in a bullet's indentation is ambiguous (one level, or 4 or 8 columns as editors show
  it), so the comment's own text decides: the bullet is read two columns left of its first
  text line, when that line is indented with spaces alone and that is where the tab puts
  the bullet at a tab width of 2, 4 or 8 (``\\t• Greg`` over text indented 6 is a reply at 4
  columns, as the writer saw it). Otherwise (no text under the bullet, or its text indented
  with a tab too) the tab is read as in a tab-indented dump, to the next multiple of 2
  columns. Either way the tab's line is reported, saying how it was read and where the
  comment went. Text lines are measured with tab stops every 2 columns.
* Nesting follows indentation the way Python blocks do: a bullet deeper than the one above
  is a reply to it, one at the same indentation is a sibling, one further left closes levels
  until an open one is as far left or further. Indentation that is not the expected
  ``2 + 2 * depth`` columns (odd, or more than one level deeper) is reported as a problem with
  its line number, and the comment is attached to that nearest sensible parent.
* Text lines belong to the comment whose bullet came last, whatever their indentation; text
  not indented under its bullet is reported.
* A comment longer than ``threadguard score`` accepts is reported and left out, as in every
  format (:mod:`.screening`); its replies are read as top-level comments.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from threadguard.readers.tree import RawComment, build_comments
from threadguard.thread import Problem, ReadResult, Thread

UNICODE_BULLETS = "•‣◦▪●"
ASCII_BULLETS = "*-"
_BULLET_RE = re.compile(
    r"([ \t]*)([" + re.escape(UNICODE_BULLETS + ASCII_BULLETS) + r"])(?:[ \t]+(.*))?"
)
_INDENT_STEP = 2
_TAB_WIDTH = 2
#: The tab widths a tab in a space-indented dump may have been written at: one nesting
#: level, and what editors show.
_TAB_WIDTHS = (2, 4, 8)


#: Spaces a page copied from a browser, or a writer typing in a CJK input method, indents
#: with: the blank Unicode space separators (no-break, the fixed-width ones, narrow no-break,
#: medium mathematical, ideographic U+3000; not the Ogham space mark, drawn as a stroke).
#: Desk 75 (session 51) pasted a thread indented with U+00A0 and got no comments (a dump
#: indented with U+3000 too, while this list left it out): a dump with no bullet line as
#: written is read again with them as plain spaces, one for one (a wide space is one press
#: of the space bar, as a plain one is), where they indent a line or follow a bullet glyph
#: (•, not "-", which may be a minus sign). Only then: in a dump that reads as it is, a
#: list indented so stays text (a code review found fake comments made of one).
_WIDE_SPACE_CHARS = "\u00a0\u2000-\u200a\u202f\u205f\u3000"
_WIDE_SPACES = re.compile(f"[{_WIDE_SPACE_CHARS}]")
_LEADING_SPACE = re.compile(
    f"^[ \\t{_WIDE_SPACE_CHARS}]+(?:[" + re.escape(UNICODE_BULLETS) + f"][ {_WIDE_SPACE_CHARS}]+)?"
)


def _plain_indent(line: str) -> str:
    """``line`` with the wide spaces of its indentation (and after its bullet) made plain
    spaces, one for one; the text after them is kept exactly."""
    found = _LEADING_SPACE.match(line)
    if not found or not _WIDE_SPACES.search(found.group()):
        return line
    return _WIDE_SPACES.sub(" ", found.group()) + line[found.end() :]


def _lines(text: str) -> list[str]:
    """The dump's lines; read with plain spaces for wide ones (:data:`_WIDE_SPACES`) only
    where no line is a bullet as written and some would be so."""
    lines = text.split("\n")
    if any(_BULLET_RE.fullmatch(line) for line in lines):
        return lines
    plain = [_plain_indent(line) for line in lines]
    return plain if any(_BULLET_RE.fullmatch(line) for line in plain) else lines


def _leading(line: str) -> str:
    """The spaces and tabs ``line`` starts with."""
    return line[: len(line) - len(line.lstrip(" \t"))]


def _indent_width(line: str) -> int:
    return len(_leading(line).expandtabs(_TAB_WIDTH))


def _paragraphs(lines: list[str]) -> str:
    """Join wrapped lines with a space and paragraphs (split by blank lines) with a blank line."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


@dataclass
class _Open:
    """A comment being read: its bullet, and its text lines ("" marks a blank line)."""

    id: str
    author: str
    depth: int
    indent: int
    parent: str | None
    line: int
    lines: list[str] = field(default_factory=list)
    warned: bool = False


class _Parser:
    """Line-by-line state: the open nesting levels, the comments so far, the problems met."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.comments: list[_Open] = []
        self.open_levels: list[_Open] = []
        self.glyphs = UNICODE_BULLETS
        self.base_indent: int | None = None

    def bullet(self, line: str, *, first: bool = False) -> tuple[int, str] | None:
        """Return (indent, author) if ``line`` starts a comment, else None."""
        match = _BULLET_RE.fullmatch(line)
        if not match:
            return None
        glyph = match.group(2)
        if first:
            if glyph in ASCII_BULLETS and not match.group(1):
                return None  # an unindented "- item" is a list in the article
            if glyph in ASCII_BULLETS:
                self.glyphs = UNICODE_BULLETS + glyph
        elif glyph not in self.glyphs:
            return None
        return _indent_width(line), (match.group(3) or "").strip()

    def tab_reading(self, lines: list[str], index: int, indent: int) -> tuple[int, str]:
        """Where the bullet on ``lines[index]``, indented with a tab in a dump indented with
        spaces, stands (``indent``: read one level per tab), and how that was read."""
        below = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
        if below is None or self.bullet(lines[below]):
            why = "no text under it places it"
        else:
            text_indent = _leading(lines[below])
            placed = len(text_indent) - _INDENT_STEP
            widths = {len(_leading(lines[index]).expandtabs(w)) for w in _TAB_WIDTHS}
            if "\t" not in text_indent and placed in widths:
                where = f"two columns left of its text (line {below + 1})"
                return placed, f"read as {placed} columns, {where}"
            why = f"its text (line {below + 1}) does not place it"
        return indent, (
            f"read as {indent} columns ({why}; a tab advances to the next multiple of "
            f"{_TAB_WIDTH} columns)"
        )

    def start_comment(
        self, indent: int, author: str, line_no: int, tab_reading: str | None = None
    ) -> None:
        if self.base_indent is None:
            self.base_indent = min(indent, _INDENT_STEP)
        levels = self.open_levels
        while levels and levels[-1].indent >= indent:
            levels.pop()
        parent = levels[-1] if levels else None
        depth = len(levels)
        comment = _Open(
            id=f"c{len(self.comments) + 1}",
            author=author,
            depth=depth,
            indent=indent,
            parent=parent.id if parent else None,
            line=line_no,
        )
        placed = (
            f"a reply to {parent.author!r} (line {parent.line})"
            if parent
            else "a top-level comment"
        )
        if tab_reading is not None:
            self.problems.append(
                Problem(
                    self.source,
                    f"line {line_no}",
                    f"the bullet is indented with a tab; {tab_reading}, {placed}",
                )
            )
        expected = self.base_indent + _INDENT_STEP * depth
        if indent != expected:
            self.problems.append(
                Problem(
                    self.source,
                    f"line {line_no}",
                    f"comment bullet indented {indent} columns where {expected} were expected; "
                    f"read as {placed}",
                )
            )
        levels.append(comment)
        self.comments.append(comment)

    def text(self, line: str, line_no: int) -> None:
        current = self.comments[-1]
        if not line.strip():
            current.lines.append("")
            return
        if _indent_width(line) <= current.indent and not current.warned:
            current.warned = True
            other = _BULLET_RE.fullmatch(line)
            message = (
                f"starts with {other.group(2)!r}, which this dump does not read as a bullet "
                f"(its first bullet is {self.glyphs[-1]!r}: use one kind throughout); read "
                f"as text of the comment at line {current.line}"
                if other and other.group(2) in ASCII_BULLETS and other.group(2) not in self.glyphs
                else "comment text is not indented under its bullet "
                f"(line {current.line}); read as part of that comment"
            )
            self.problems.append(Problem(self.source, f"line {line_no}", message))
        current.lines.append(line.strip())


def _no_bullets(lines: list[str]) -> str:
    """Why a dump has no comment, saying what starts one: a desk wrote its comments under
    ``*`` and ``-`` at the margin, which read as a list in the article, and was told only
    that no bullet line was found (session 53)."""
    message = "no comment bullet lines found; read as an article only"
    margin = [
        n
        for n, line in enumerate(lines, 1)
        if (m := _BULLET_RE.fullmatch(line)) and m.group(2) in ASCII_BULLETS and not m.group(1)
    ]
    if margin:
        shown = ", ".join(map(str, margin[:5])) + (", ..." if len(margin) > 5 else "")
        return (
            f"{message}: line{'s' if len(margin) > 1 else ''} {shown} start"
            f"{'' if len(margin) > 1 else 's'} with '*' or '-' at the margin, a list in the "
            "article; indent a comment's bullet two spaces (or use '•') to make it a comment"
        )
    return f"{message} (a comment starts with a bullet '•' indented two spaces per level)"


def read_text_dump(text: str, source: str) -> ReadResult:
    """Read a plain-text thread dump (already decoded, ``\\n`` line endings)."""
    lines = _lines(text)
    parser = _Parser(source)
    start = next(i for i, line in enumerate(lines) if line.strip())
    first_comment = next(
        (i for i in range(start, len(lines)) if parser.bullet(lines[i], first=True)), None
    )
    title = ""
    article_end = len(lines) if first_comment is None else first_comment
    if first_comment != start:
        title = lines[start].strip()
        start += 1
    else:
        parser.problems.append(
            Problem(source, f"line {start + 1}", "no title line: the dump starts with a comment")
        )
    body = _paragraphs([line.strip() for line in lines[start:article_end]])

    if first_comment is None:
        parser.problems.append(Problem(source, "document", _no_bullets(lines)))
    else:
        indents = [_leading(line) for line in lines[first_comment:] if parser.bullet(line)]
        # indented with tabs: one tab per level, as read; else a tab is placed by its text
        tab_dump = not any(" " in indent for indent in indents)
        for number in range(first_comment, len(lines)):
            line = lines[number]
            found = parser.bullet(line)
            if not found:
                parser.text(line, number + 1)
                continue
            indent, reading = found[0], None
            if "\t" in _leading(line) and not tab_dump:
                indent, reading = parser.tab_reading(lines, number, indent)
            parser.start_comment(indent, found[1], number + 1, reading)

    # The parser has settled the tree already (ids c1, c2, ... in reading order, each
    # parent before its replies); build_comments keeps it and screens the comments.
    raws = [
        RawComment(
            text=_paragraphs(c.lines),
            id=c.id,
            parent=c.parent,
            author=c.author,
            location=f"line {c.line}",
        )
        for c in parser.comments
    ]
    comments, tree_problems = build_comments(raws, source)
    thread = Thread(title=title, body=body, comments=comments)
    return ReadResult(thread=thread, problems=parser.problems + tree_problems, format="text")


def format_text_dump(thread: Thread, width: int | None = 88) -> str:
    """Write ``thread`` as a text dump that :func:`read_text_dump` reads back.

    Paragraphs are hard-wrapped at ``width`` (None: one line per paragraph). Lossy where the
    format is: single newlines inside a paragraph become spaces, surrounding whitespace is
    dropped, and text lines that begin with a bullet glyph would read back as comments.
    """

    def wrap(paragraph: str, indent: str) -> list[str]:
        flat = " ".join(paragraph.split("\n"))
        if width is None:
            return [indent + flat]
        return textwrap.wrap(
            flat,
            width=max(width, len(indent) + 20),
            initial_indent=indent,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )

    out = [" ".join(thread.title.split("\n")), ""]
    for paragraph in thread.body.split("\n\n"):
        if paragraph.strip():
            out += [*wrap(paragraph, ""), ""]
    for comment in thread.comments:
        indent = " " * (_INDENT_STEP * (comment.depth + 1))
        author = " ".join(comment.author.split("\n"))
        out.append(f"{indent}• {author}".rstrip())
        paragraphs = [p for p in comment.text.split("\n\n") if p.strip()]
        if paragraphs:
            out.append("")
            for paragraph in paragraphs:
                out += [*wrap(paragraph, indent + " " * _INDENT_STEP), ""]
    return "\n".join(out).rstrip("\n") + "\n"
