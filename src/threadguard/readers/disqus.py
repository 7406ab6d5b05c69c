"""Disqus XML export: ``<disqus>`` with ``<thread>`` (articles) and ``<post>`` (comments).

Parsed with defusedxml, streaming, with document type declarations refused outright: a
Disqus export never has one, and refusing them shuts out entity-expansion ("billion
laughs") and external-entity attacks in one rule. HTML's named entities (``&nbsp;``),
which real exports carry outside CDATA, are read as the characters they name. Posts name
their thread and parent by ``dsq:id``; messages are HTML and are reduced to plain text.
Deleted posts are kept with empty text so the tree keeps its shape; spam-flagged posts
are kept as they are.

An export usually holds many threads. :func:`read_disqus` returns the one with the most
posts (the first such in document order on a tie) and reports that others were left out
(``threadguard scan`` shows one thread); :func:`iter_disqus_threads` yields them all, one
at a time, for ``threadguard batch`` (a whole-site export); :func:`read_disqus_threads`
lists them. A truncated or broken export is read up to the
break (reported with line and column); only when nothing was read before it is it an error.
"""

from __future__ import annotations

import html.entities
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from threadguard.readers.errors import ReaderError
from threadguard.readers.htmltext import html_to_text
from threadguard.readers.tree import RawComment, build_comments
from threadguard.readers.values import as_timestamp
from threadguard.thread import Problem, ReadResult, Thread


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _dsq_id(element: Element) -> str | None:
    for name, value in element.attrib.items():
        if _local(name) == "id" and value.strip():
            return value.strip()
    return None


def _child(element: Element, name: str) -> Element | None:
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _child_text(element: Element, *path: str) -> str:
    node: Element | None = element
    for name in path:
        node = _child(node, name) if node is not None else None
    return "".join(node.itertext()).strip() if node is not None else ""


def _is_true(element: Element, name: str) -> bool:
    return _child_text(element, name).lower() == "true"


@dataclass
class _Thread:
    dsq_id: str
    meta: Thread
    order: int
    posts: list[RawComment] = field(default_factory=list)
    declared: bool = False


@dataclass
class _Export:
    threads: dict[str, _Thread] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    post_ids: set[str] = field(default_factory=set)

    def thread(self, dsq_id: str) -> _Thread:
        if dsq_id not in self.threads:
            self.threads[dsq_id] = _Thread(dsq_id, Thread(id=dsq_id), len(self.threads))
        return self.threads[dsq_id]


#: XML's own entities; any other named one is undefined to an XML parser.
_XML_ENTITIES = frozenset(("amp", "lt", "gt", "quot", "apos"))
_ENTITY_RE = re.compile(r"&([A-Za-z][A-Za-z0-9]{0,31});")
_CDATA_RE = re.compile(r"(<!\[CDATA\[.*?\]\]>)", re.DOTALL)


def _with_html_entities(text: str, source: str, problems: list[Problem]) -> str:
    """``text`` with HTML's named entities (``&nbsp;``, ``&eacute;``), which real exports
    carry outside CDATA and an XML parser stops at, written as character references
    (``&#160;``): one pass, nothing expanded into markup, so no entity can grow the text
    or reach outside it. Another undefined name is kept as text (``&amp;name;``), reported
    once. CDATA sections are left as they are (their HTML is unescaped later), and a
    document with a DTD is left whole, for the parser to refuse."""
    if "&" not in text or "<!DOCTYPE" in text:
        return text
    unknown: dict[str, int] = {}
    lines_before = 0  # in the parts before the one being rewritten

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in _XML_ENTITIES:
            return match.group(0)
        if name in html.entities.name2codepoint:
            return f"&#{html.entities.name2codepoint[name]};"
        line = lines_before + match.string.count("\n", 0, match.start()) + 1
        unknown.setdefault(name, line)
        return f"&amp;{name};"

    out = []
    for i, part in enumerate(_CDATA_RE.split(text)):
        out.append(part if i % 2 else _ENTITY_RE.sub(replace, part))
        lines_before += part.count("\n")
    if unknown:
        line = next(iter(unknown.values()))
        names = ", ".join(f"&{n};" for n in list(unknown)[:5])
        problems.append(
            Problem(source, f"line {line}", f"undefined entities ({names}) read as plain text")
        )
    return "".join(out)


def _top_level_elements(text: str, source: str, export: _Export) -> Iterator[Element]:
    """Yield each complete child of the root; report (or raise on) a broken document."""
    depth = 0
    seen_any = False
    text = _with_html_entities(text, source, export.problems)
    events = iterparse(io.StringIO(text), events=("start", "end"), forbid_dtd=True)
    try:
        for event, element in events:
            if event == "start":
                depth += 1
                continue
            depth -= 1
            if depth == 1:
                seen_any = True
                yield element
                element.clear()
    except DefusedXmlException as exc:
        raise ReaderError(
            source,
            "refused: the XML declares a document type or entities "
            f"({type(exc).__name__}); Disqus exports have none, and they can be used for "
            "entity-expansion (billion laughs) or external-entity attacks",
        ) from exc
    except ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":")[0]
        location = f"line {line}, column {column + 1}"
        if not seen_any:
            raise ReaderError(source, f"broken XML: {reason}", location) from exc
        export.problems.append(
            Problem(
                source,
                location,
                f"broken XML ({reason}); everything before this point was read, "
                "anything after it is lost",
            )
        )


def _read_thread_element(element: Element, export: _Export) -> None:
    dsq_id = _dsq_id(element) or f"thread-{len(export.threads) + 1}"
    entry = export.thread(dsq_id)
    entry.declared = True
    entry.meta = Thread(
        title=_child_text(element, "title"),
        body=html_to_text(_child_text(element, "message")),
        url=_child_text(element, "link"),
        id=_child_text(element, "id") or dsq_id,
    )


def _read_post_element(element: Element, number: int, source: str, export: _Export) -> None:
    dsq_id = _dsq_id(element)
    location = f"post {dsq_id}" if dsq_id else f"post #{number}"
    if dsq_id is not None and dsq_id in export.post_ids:
        # a repeated id: "post 1 ... (first at post 1)" named one place twice
        location = f"post {dsq_id} (post #{number} of the export)"
    elif dsq_id is not None:
        export.post_ids.add(dsq_id)
    thread_ref = _child(element, "thread")
    thread_id = _dsq_id(thread_ref) if thread_ref is not None else None
    if thread_id is None:
        export.problems.append(
            Problem(source, location, "post names no thread; read into thread 'unknown'")
        )
        thread_id = "unknown"
    parent_ref = _child(element, "parent")
    deleted = _is_true(element, "isDeleted")
    author = _child_text(element, "author", "name") or _child_text(element, "author", "username")
    export.thread(thread_id).posts.append(
        RawComment(
            text="" if deleted else html_to_text(_child_text(element, "message")),
            id=dsq_id,
            parent=_dsq_id(parent_ref) if parent_ref is not None else None,
            author=author,
            created_at=as_timestamp(_child_text(element, "createdAt")),
            location=location,
        )
    )


def _parse(text: str, source: str) -> _Export:
    export = _Export()
    posts = 0
    for element in _top_level_elements(text, source, export):
        name = _local(element.tag)
        if name == "thread":
            _read_thread_element(element, export)
        elif name == "post":
            posts += 1
            _read_post_element(element, posts, source, export)
    if not export.threads:
        raise ReaderError(source, "no Disqus <thread> or <post> elements found")
    for entry in export.threads.values():
        if not entry.declared:
            export.problems.append(
                Problem(
                    source,
                    f"thread {entry.dsq_id}",
                    f"{len(entry.posts)} posts belong to a thread that is not in the export; "
                    "read with no title",
                )
            )
    return export


def _result(entry: _Thread, source: str, problems: list[Problem]) -> ReadResult:
    comments, tree_problems = build_comments(entry.posts, source)
    meta = entry.meta
    thread = Thread(title=meta.title, body=meta.body, url=meta.url, id=meta.id, comments=comments)
    return ReadResult(thread=thread, problems=[*problems, *tree_problems], format="disqus")


def iter_disqus_threads(text: str, source: str) -> Iterator[ReadResult]:
    """Every thread of an export with its posts, in document order, one at a time: each
    thread's comment tree is built only when it is yielded, so a whole-site export holds
    its raw posts once and one built thread at a time. Export-wide problems go with the
    first thread only (they are the export's, not each thread's)."""
    export = _parse(text, source)
    problems = list(export.problems)
    while export.threads:
        dsq_id = next(iter(export.threads))
        yield _result(export.threads.pop(dsq_id), source, problems)
        problems = []


def read_disqus_threads(text: str, source: str) -> list[ReadResult]:
    """Every thread of an export, in document order; export-wide problems go to each."""
    export = _parse(text, source)
    return [_result(entry, source, export.problems) for entry in export.threads.values()]


def read_disqus(text: str, source: str) -> ReadResult:
    """The thread with the most posts (first on a tie); others are reported as left out."""
    export = _parse(text, source)
    entries = list(export.threads.values())
    chosen = max(entries, key=lambda e: (len(e.posts), -e.order))
    problems = list(export.problems)
    if len(entries) > 1:
        shown = chosen.meta.title or chosen.dsq_id
        problems.append(
            Problem(
                source,
                "document",
                f"the export holds {len(entries)} threads; read {shown!r} "
                f"({len(chosen.posts)} posts), the one with the most posts. The other "
                f"{len(entries) - 1} were not read: `threadguard batch` reads every thread",
            )
        )
    return _result(chosen, source, problems)
