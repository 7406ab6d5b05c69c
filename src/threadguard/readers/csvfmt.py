"""CSV (or TSV) with one comment per row: what spreadsheets and CMS exports produce.

Columns are matched by name, case-insensitively: a text column (``text``, ``comment``,
``body`` or ``comment_text``) is required; ``id``, ``parent_id``, ``author``, ``created_at``,
``article`` (the article's title) and ``language`` (the comment's, ISO 639-1) are optional. The delimiter is whichever of ``,`` ``;`` and
tab is most frequent in the header line: counting one line is cheap and cannot be misled by
a multi-megabyte comment further down, unlike :class:`csv.Sniffer`. A first line
``sep=X`` (Excel writes one) names the delimiter instead, and the header follows it.

A row with the wrong number of fields is reported by line and skipped, except when the text
column is the last one and the row has too many fields: then the extra fields are the text's
own unquoted delimiters, and are joined back into it.

A stray quote (``c4,"c1,Thanks...`` with no closing quote on its line) opens a quoted field
that runs on over the following lines until some later quote closes it, and the rows in
between would be read as part of one field. Quoted text may span lines, so a record read
from several lines is taken for such a runaway only when it is malformed (its fields do
not line up with the header, or a closing quote is followed by more of its field, as in
``"Seconded"`` read as ``"`` then ``Seconded"``, which no CSV writer produces) and one of the
lines after its first begins a record that lines up with the header (read from that line
on, as far as that record goes; at most 200 lines are looked at). The lines before that
one are the damaged row: it is reported, with its id where that comes before the quote,
and skipped, and reading resumes at that line, so every row the quote swallowed is read.
Otherwise the record is read as before: quoted text spanning lines is one field, and a
multi-line row short of a field is one skipped row. A quoted field never closed before
the end of the file is always reported and skipped the same way (reading resumes at the
line after its first when no later line begins a row), unless it opens on the last line:
then nothing was swallowed, and the row is kept. :func:`iter_csv` does all of
this for the thread reader and for ``threadguard batch``.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Callable, Iterable, Iterator

from threadguard.readers.errors import ReaderError
from threadguard.readers.tree import RawComment, build_comments
from threadguard.readers.values import as_language, as_timestamp
from threadguard.thread import Problem, ReadResult, Thread

TEXT_COLUMNS = ("text", "comment", "body", "comment_text")
OPTIONAL_COLUMNS = {
    "id": ("id", "comment_id"),
    "parent": ("parent_id", "parent"),
    "author": ("author", "user", "username"),
    "created_at": ("created_at", "created", "date", "timestamp"),
    "article": ("article", "article_title"),
    "language": ("language", "lang"),
}
_DELIMITERS = (",", ";", "\t")
_FIELD_LIMIT_CAP = 2**31 - 1
#: How many lines on from a runaway quote's row a row to resume at is looked for, and how
#: far past the runaway that row may run.
_RESCAN = 200


def _allow_fields_of(size: int) -> None:
    """Raise the csv module's per-field limit (128 KiB by default) to fit ``size`` chars.

    The limit is process-wide; it is only ever raised, so concurrent readers are safe.
    """
    wanted = min(size + 1, _FIELD_LIMIT_CAP)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


_SEP_RE = re.compile(r'\s*"?sep=(.)"?\s*', re.IGNORECASE)


def sep_line(line: str) -> str | None:
    """The delimiter Excel's first line ``sep=;`` declares (its "CSV (semicolon)" and
    regional saves write one), or None when ``line`` is not such a line."""
    match = _SEP_RE.fullmatch(line.lstrip("\ufeff"))
    return match.group(1) if match and match.group(1) not in '\r\n"' else None


def normalised_name(name: str) -> str:
    """A header's column name as it is matched: ``" Parent-ID "`` is ``parent_id``."""
    return name.strip().strip('"').strip().lower().replace(" ", "_").replace("-", "_")


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    normalised = [normalised_name(h) for h in header]
    for name in names:
        if name in normalised:
            return normalised.index(name)
    return None


class _Lines:
    """The lines fed to :class:`csv.reader`, numbered: keeps the lines of the record being
    read (:meth:`next_record` starts a new one), notes when the input ends, and takes lines
    back (:meth:`read_again`) to hand out again, so a stray quote's lines are re-read from
    memory, never by opening the input again."""

    def __init__(self, lines: Iterable[str], number: int) -> None:
        self._lines = iter(lines)
        self._again: list[str] = []  # lines given back, the next one last
        self.number = number  # the number of the last line handed out (from 1)
        self.record: list[str] = []
        self.first = number + 1
        self.ended = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self._again:
            line = self._again.pop()
        else:
            try:
                line = next(self._lines)
            except StopIteration:
                self.ended = True
                raise
        self.number += 1
        self.record.append(line)
        return line

    def next_record(self) -> None:
        self.record = []
        self.first = self.number + 1

    def ahead(self, index: int) -> str | None:
        """The ``index``-th line (from 0) after the last one handed out, read but not handed
        out; None past the end of the input."""
        while len(self._again) <= index:
            try:
                line = next(self._lines)
            except StopIteration:
                return None
            self._again.insert(0, line)
        return self._again[-1 - index]

    def read_again(self, lines: list[str]) -> None:
        """Hand ``lines`` (the last ones handed out) out again, in order."""
        self._again.extend(reversed(lines))
        self.number -= len(lines)
        self.ended = False


#: A quoted field as the csv module reads it (``""`` is a quote inside it); possessive,
#: so that ``"a""`` does not match as ``"a"`` and a stray ``"``.
_QUOTED = re.compile(r'"(?:[^"]++|"")*+"')


def _quoting(record: list[str], delimiter: str) -> str:
    """How the quotes of a record (its lines) close: ``"ok"``; ``"open"``, a quoted field
    still open where the record ends; or ``"stray"``, a field's closing quote followed by
    more of the field (``"a"b``), which no CSV writer produces: the quote was a stray one
    that a runaway quoted field took for its end."""
    try:  # the csv module's strict reading finds both, fast, but does not say which
        next(csv.reader(record, delimiter=delimiter, strict=True), None)
    except csv.Error:
        pass
    else:
        return "ok"
    text = "".join(record)
    unquoted = re.compile(f"[^{re.escape(delimiter)}\r\n]*")
    pos, end = 0, len(text)
    while pos < end:
        if text[pos] == '"':
            match = _QUOTED.match(text, pos)
            if match is None:
                return "open"
            pos = match.end()
            if pos < end and text[pos] not in (delimiter, "\r", "\n"):
                return "stray"
        else:
            match = unquoted.match(text, pos)
            assert match is not None  # it matches the empty string
            pos = match.end()
        pos += 1  # the delimiter or line break after the field
    return "ok"


def iter_csv(
    open_lines: Callable[[int], Iterable[str]], source: str, problems: list[Problem], *, size: int
) -> Iterator[tuple[int, dict[str, str]]]:
    """Every data row of a CSV, as (its first line's number, {column: cell}), columns named
    as :func:`normalised_name` spells the header's; damaged rows are reported to
    ``problems`` as the module docstring says. ``open_lines(n)`` gives the decoded lines
    (``\n`` endings) from the ``n``-th on, counting from 0; lines a stray quote swallowed
    are read again from memory, so a file is streamed. ``size`` bounds the longest field.

    Raises :class:`ReaderError` (when the rows are first asked for) when there is no
    header row or it has no text column. The thread reader and ``threadguard batch``
    both read CSV through this, so they read the same rows with the same problems.
    """
    _allow_fields_of(size)
    number, first_line = next(
        ((n, line) for n, line in enumerate(open_lines(0)) if line.strip()), (0, "")
    )
    declared = sep_line(first_line)
    delimiter = declared or _delimiter(first_line)
    columns: _Columns | None = None
    # Excel's "sep=;" line is no row: the header is the line after it
    start = number + 1 if declared else 0
    lines = _Lines(open_lines(start), start)
    reader = csv.reader(lines, delimiter=delimiter)
    while True:
        lines.next_record()
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(source, "document", f"CSV error: {exc}; reading stopped"))
            break
        first, last = lines.first, lines.number
        if not row or not any(cell.strip() for cell in row):
            continue
        if last > first or lines.ended:
            quoting = _quoting(lines.record, delimiter)
            if quoting == "open" and last == first:
                # the file's last line opens a quote it never closes: nothing after it
                # was swallowed, so the row is kept, and the damage named
                problems.append(
                    Problem(
                        source,
                        f"line {first}",
                        "a quoted field is never closed; read to the end of the file",
                    )
                )
            elif quoting == "open" or (
                columns is not None and (quoting == "stray" or len(row) != columns.width)
            ):
                resume = _resume_at(lines, columns, delimiter)
                if resume is not None or quoting == "open":
                    resume = resume or first + 1
                    problems.append(
                        Problem(
                            source,
                            f"line {first}",
                            _runaway(lines, quoting, resume, columns, delimiter),
                        )
                    )
                    lines.read_again(lines.record[resume - first :])
                    continue
        if columns is None:
            columns = _Columns.find(row, delimiter, source)
            continue
        record = columns.record(row, first, source, problems)
        if record is not None:
            yield first, record
    if columns is None:
        raise ReaderError(source, "no CSV header row found")


def _resume_at(lines: _Lines, columns: _Columns | None, delimiter: str) -> int | None:
    """Where to read again after the record just read from ``lines``, more than one line
    and malformed: the first of the lines after its first that begins a record lining up
    with the header (the lines before it are the damaged row; that record may run past
    the runaway's end), looking at most :data:`_RESCAN` lines on; None when there is none,
    or no header to line up with."""
    if columns is None:
        return None
    first, record = lines.first, lines.record
    for start in range(1, min(len(record), _RESCAN + 1)):
        candidate = itertools.chain(record[start:], _ahead(lines, _RESCAN))
        try:
            row = next(csv.reader(candidate, delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(row) == columns.width:
            return first + start
    return None


def _ahead(lines: _Lines, count: int) -> Iterator[str]:
    """Up to ``count`` of the lines after those ``lines`` handed out, leaving them to hand
    out."""
    for index in range(count):
        line = lines.ahead(index)
        if line is None:
            return
        yield line


def _runaway(
    lines: _Lines, quoting: str, resume: int, columns: _Columns | None, delimiter: str
) -> str:
    """The warning for the runaway record just read from ``lines``, skipped up to line
    ``resume``, where reading goes on."""
    first, last = lines.first, lines.number
    row = "row" if resume == first + 1 else f"row (lines {first}-{resume - 1})"
    named = _named(lines.record[0], columns, delimiter)
    skipped = f"{row} skipped{named}, reading resumed at line {resume}"
    if quoting == "open":
        return f"a quoted field is never closed; {skipped}"
    where = (
        "on this line is not closed on it"
        if resume == first + 1
        else "in this row is not closed in it"
    )
    swallowed = f"line {last}" if resume == last else f"lines {resume}-{last}"
    return f"a quoted field opened {where} and swallowed {swallowed}; {skipped}"


def _named(line: str, columns: _Columns | None, delimiter: str) -> str:
    """`` (comment 'ID')`` for the row of a ``line`` that opens a quote it does not close,
    when its id column comes before the quote (the fields before it read as written)."""
    names = columns.names if columns is not None else []
    index = next((names.index(n) for n in OPTIONAL_COLUMNS["id"] if n in names), None)
    try:
        fields = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return ""
    if index is None or index >= len(fields) - 1 or not fields[index].strip():
        return ""
    return f" (comment {fields[index].strip()!r})"


def cell(record: dict[str, str], names: tuple[str, ...]) -> str | None:
    """The first of the columns ``names`` that ``record`` has, stripped; None if empty."""
    for name in names:
        if name in record:
            return record[name].strip() or None
    return None


def text_of(record: dict[str, str]) -> str:
    """The comment's text in ``record``, as written (the text column :func:`iter_csv`
    found)."""
    return next(record[name] for name in TEXT_COLUMNS if name in record)


def read_csv(text: str, source: str) -> ReadResult:
    """Read comments from CSV text (decoded, ``\n`` line endings)."""
    lines = [line + "\n" for line in text.split("\n")]
    if lines and lines[-1] == "\n":
        lines.pop()
    problems: list[Problem] = []
    raws: list[RawComment] = []
    titles: list[str] = []
    records = iter_csv(
        lambda start: itertools.islice(lines, start, None), source, problems, size=len(text)
    )
    for line, record in records:
        language, bad_language = as_language(cell(record, OPTIONAL_COLUMNS["language"]))
        if bad_language is not None:
            problems.append(Problem(source, f"line {line}", bad_language))
        raws.append(
            RawComment(
                text=text_of(record),
                id=cell(record, OPTIONAL_COLUMNS["id"]),
                parent=cell(record, OPTIONAL_COLUMNS["parent"]),
                author=cell(record, OPTIONAL_COLUMNS["author"]) or "",
                created_at=as_timestamp(cell(record, OPTIONAL_COLUMNS["created_at"])),
                location=f"line {line}",
                language=language,
            )
        )
        title = cell(record, OPTIONAL_COLUMNS["article"])
        if title:
            titles.append(title)
    comments, tree_problems = build_comments(raws, source)
    distinct = list(dict.fromkeys(titles))
    if len(distinct) > 1:
        problems.append(
            Problem(
                source,
                "article column",
                f"rows name {len(distinct)} different articles; all rows were read into one "
                f"thread titled {distinct[0]!r}",
            )
        )
    thread = Thread(title=distinct[0] if distinct else "", comments=comments)
    return ReadResult(thread=thread, problems=problems + tree_problems, format="csv")


class _Columns:
    """The header: its column names (normalised), and where the text column is."""

    def __init__(self, header: list[str], text: int, delimiter: str) -> None:
        self.names = [normalised_name(h) for h in header]
        self.width = len(header)
        self.delimiter = delimiter
        self.text = text

    @classmethod
    def find(cls, header: list[str], delimiter: str, source: str) -> _Columns:
        text = _column(header, TEXT_COLUMNS)
        if text is None:
            found = ", ".join(repr(h.strip()) for h in header) or "none"
            raise ReaderError(
                source,
                f"no text column: expected one of {', '.join(TEXT_COLUMNS)}; "
                f"found columns: {found}",
                "line 1",
            )
        return cls(header, text, delimiter)

    def record(
        self, row: list[str], line: int, source: str, problems: list[Problem]
    ) -> dict[str, str] | None:
        """The row by column name, or None (with a problem) when it cannot be lined up
        with the header."""
        if len(row) != self.width:
            fits = len(row) > self.width and self.text == self.width - 1
            action = "the extra fields were joined into the text" if fits else "row skipped"
            problems.append(
                Problem(
                    source,
                    f"line {line}",
                    f"row has {len(row)} fields, the header has {self.width}; {action}",
                )
            )
            if not fits:
                return None
            row = [*row[: self.text], self.delimiter.join(row[self.text :])]
        record: dict[str, str] = {}
        for name, value in zip(self.names, row, strict=True):
            record.setdefault(name, value)  # a repeated column: the first one counts
        return record
