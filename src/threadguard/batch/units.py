"""A unit of batch work: one thread, whole, with where it came from.

Threads are never split across partitions: the context of a reply (its parent's text),
the author rules (a repeat offender within the thread) and the thread signals all need
the whole thread. A row input may also give a comment's parent *text* (the ``score``
contract's ``parent``) instead of a parent id; ``contexts`` keeps it by comment id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from threadguard.batch.rows import Row
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
    contexts = {
        raw.id: parent
        for raw, (_, row) in zip(raws, rows, strict=True)
        if (parent := row.get("parent")) and raw.id is not None and given[raw.id] == 1
    }
    thread = Thread(
        title=_first(rows, "title"),
        url=_first(rows, "url"),
        id=_first(rows, "thread_id"),
        comments=tuple(comments),
    )
    return Unit(thread, source, contexts), problems
