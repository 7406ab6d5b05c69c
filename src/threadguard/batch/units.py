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

Two kinds of comment are read but named as problems that cost no row. A comment with no
text (a deleted Disqus post, an empty CSV field) stays in its thread, as the parent of its
replies, but is left out of the results (:func:`has_text`): counted as an approved comment
it swelled every total. A ``created_at`` that is no ISO 8601 date after the thread
readers' conversion ("01/02/2019": day and month either way round) is kept as written,
and named, since the report's timeline leaves it out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Final

from threadguard.batch.inputs import ROW_EXTENSIONS
from threadguard.batch.rows import Row
from threadguard.readers.screening import field_fault, readable_article
from threadguard.readers.tree import RawComment, build_comments
from threadguard.readers.values import as_language
from threadguard.thread import Comment, Problem, Thread

#: The problem of a comment with no text: read (its replies keep their place) and left
#: out of the results. Not a left-out *record*: the input holds nothing to score.
NO_TEXT: Final = "no text (a deleted post, or an empty field); left out of the results"
#: The start of the problem of a date that is no ISO 8601 date.
ODD_DATE: Final = "created_at "
#: An ISO 8601 date the report can place (its year 1970 to 2099).
_ISO_DATE: Final = re.compile(r"(?:19[7-9]\d|20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")
#: A date written with day and month as numbers, in an order the text does not say.
_DAY_MONTH: Final = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b.*")


@dataclass(frozen=True)
class Unit:
    """One thread to score: the thread, the input it came from, and given parent texts."""

    thread: Thread
    source: str
    contexts: dict[str, str] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.thread.comments)


def has_text(comment: Comment) -> bool:
    """Whether ``comment`` has a text to score (not empty, not only white space)."""
    return bool(comment.text.strip())


def _date_problem(value: str) -> str:
    shown = repr(value[:40])
    match = _DAY_MONTH.fullmatch(value)
    if match and int(match[1]) <= 12 and int(match[2]) <= 12:
        why = "day and month could be either way round"
    else:
        why = "not a date ThreadGuard converts"
    return (
        f"{ODD_DATE}{shown} is no ISO 8601 date ({why}); kept as written, and left out "
        "of the report's timeline"
    )


def comment_problems(
    thread: Thread, source: str, locations: Mapping[str, str] | None = None
) -> list[Problem]:
    """A problem for each comment of ``thread`` with no text, and each whose date is no
    ISO 8601 date (see the module's docstring); ``locations`` by comment id, else the
    problem names the comment."""
    problems = []
    for c in thread.comments:
        where = (locations or {}).get(c.id) or f"comment {c.id}"
        if not has_text(c):
            problems.append(Problem(source, where, NO_TEXT, harmless=True))
        if c.created_at and not _ISO_DATE.match(c.created_at):
            problems.append(Problem(source, where, _date_problem(c.created_at), harmless=True))
    return problems


def where(source: str, number: int) -> str:
    """Where the record ``number`` of ``source`` is: ``row N`` in a Parquet file, which
    has no lines (its problems said ``line 2``), else ``line N``."""
    parquet = ROW_EXTENSIONS.get(PurePath(source).suffix.lower()) == "parquet"
    return f"{'row' if parquet else 'line'} {number}"


def _language(row: Row, source: str, number: int, problems: list[Problem]) -> str | None:
    """The row's stated language (``de`` for ``de-AT``), as scan reads it; a value that is
    no language code is reported, and the language detected from the text."""
    language, bad = as_language(row.get("language"))
    if bad is not None:
        problems.append(Problem(source, where(source, number), bad))
    return language


def _first(rows: Sequence[tuple[int, Row]], key: str) -> str:
    return next((r[key] for _, r in rows if r.get(key)), None) or ""


def _article(rows: Sequence[tuple[int, Row]], source: str, problems: list[Problem]) -> Thread:
    """The thread's title, url and id, each from the first row that gives one, screened
    as the thread readers screen an article (reported at the thread's first row)."""
    thread = Thread(
        title=_first(rows, "title"), url=_first(rows, "url"), id=_first(rows, "thread_id")
    )
    return readable_article(thread, source, where(source, rows[0][0]) if rows else "", problems)


def unit_from_rows(rows: Sequence[tuple[int, Row]], source: str) -> tuple[Unit, list[Problem]]:
    """One thread from its rows (in input order): the tree is built from ``parent_id``; a
    row without an id is called ``L<line>`` (its line or row number), stable across runs."""
    stated: list[Problem] = []
    raws = [
        RawComment(
            text=row["text"] or "",
            id=row.get("id") or f"L{number}",
            parent=row.get("parent_id") or None,
            author=row.get("author") or "",
            created_at=row.get("created_at") or None,
            location=where(source, number),
            language=_language(row, source, number, stated),
        )
        for number, row in rows
    ]
    comments, problems = build_comments(raws, source)
    problems = stated + problems
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
            problems.append(Problem(source, where(source, number), message))
    thread = replace(_article(rows, source, problems), comments=tuple(comments))
    lines = {raw.id: raw.location for raw in raws if raw.id is not None and given[raw.id] == 1}
    problems.extend(comment_problems(thread, source, lines))
    return Unit(thread, source, contexts), problems
