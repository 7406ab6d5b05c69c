"""A unit of batch work: one thread, whole, with where it came from.

Threads are never split across partitions: the context of a reply (its parent's text),
the author rules (a repeat offender within the thread) and the thread signals all need
the whole thread. A row input may also give a comment's parent *text* (the ``score``
contract's ``parent``) instead of a parent id; ``contexts`` keeps it by comment id.

Rows are screened here as the thread readers screen comments (:mod:`threadguard.readers.tree`):
a row whose text cannot be scored (a lone surrogate, longer than ``score`` accepts) is
reported and left out, and any other field that is not Unicode text (an author, a title,
a parent's text...) is reported and dropped, so that no worker is handed a partition it
cannot score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from threadguard.batch.rows import Row
from threadguard.readers.screening import field_fault, readable_article
from threadguard.readers.tree import RawComment, build_comments
from threadguard.thread import Problem, Thread


@dataclass(frozen=True)
class Unit:
    """One thread to score: the thread, the input it came from, and given parent texts."""

    thread: Thread
    source: str
    contexts: dict[str, str] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.thread.comments)


def _first(rows: Sequence[tuple[int, Row]], key: str) -> str:
    return next((r[key] for _, r in rows if r.get(key)), None) or ""


def _article(rows: Sequence[tuple[int, Row]], source: str, problems: list[Problem]) -> Thread:
    """The thread's title, url and id, each from the first row that gives one, screened
    as the thread readers screen an article (reported at the thread's first row)."""
    thread = Thread(
        title=_first(rows, "title"), url=_first(rows, "url"), id=_first(rows, "thread_id")
    )
    return readable_article(thread, source, f"line {rows[0][0]}" if rows else "", problems)


def unit_from_rows(rows: Sequence[tuple[int, Row]], source: str) -> tuple[Unit, list[Problem]]:
    """One thread from its rows (in input order): the tree is built from ``parent_id``; a
    row without an id is called ``L<line>`` (its line or row number), stable across runs."""
    raws = [
        RawComment(
            text=row["text"] or "",
            id=row.get("id") or f"L{number}",
            parent=row.get("parent_id") or None,
            author=row.get("author") or "",
            created_at=row.get("created_at") or None,
            location=f"line {number}",
        )
        for number, row in rows
    ]
    comments, problems = build_comments(raws, source)
    # by id, for ids given once: a repeated id is renamed in the thread ("x~2"), and the
    # context of one row must not become the other's
    given = Counter(raw.id for raw in raws)
    contexts = {}
    for raw, (number, row) in zip(raws, rows, strict=True):
        parent = row.get("parent")
        if not parent or raw.id is None or given[raw.id] != 1:
            continue
        fault = field_fault("parent", parent)
        if fault is None:
            contexts[raw.id] = parent
        else:
            message = f"{fault}; read without the text it replies to"
            problems.append(Problem(source, f"line {number}", message))
    thread = replace(_article(rows, source, problems), comments=tuple(comments))
    return Unit(thread, source, contexts), problems
