"""Inserting comments that are new, many at a time, without the ORM.

A comment the store has not seen touches no row but its own (its analysis, its policy
decision, its queue entry) and its author's counters, so a batch of them can be written
with one multi-row ``INSERT`` per table and one ``UPDATE`` per author, instead of an ORM
flush (and several look-ups) per comment. That is what keeps a 60,000-comment upload's
transactions short (:mod:`threadguard.storage.repositories.ingest` cuts it into many),
and what the hot path's group commit uses for Perspective's plain comments.

The rows written are exactly those the ORM path writes for a new comment (a test
compares them).
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.storage.models import Base, utcnow
from threadguard.storage.records import (
    COMMENT_ID_PREFIX,
    SERVER_POLICY,
    STATUS_OF_ACTION,
    NewComment,
)
from threadguard.storage.repositories.rows import in_chunks

_COMMENTS: Table = Base.metadata.tables["comments"]
_ANALYSES: Table = Base.metadata.tables["analyses"]
_DECISIONS: Table = Base.metadata.tables["decisions"]
_QUEUE: Table = Base.metadata.tables["queue_items"]
_AUTHORS: Table = Base.metadata.tables["authors"]


class Stored(NamedTuple):
    """What storing one comment gives back: the store's id for it and its status (after
    the write)."""

    id: str
    status: str

    @property
    def kept(self) -> bool:
        """Whether the comment was left as stored, the incoming one ignored
        (:class:`Kept`)."""
        return False

    @property
    def erased(self) -> bool:
        """Whether it was left as stored because an admin erased it (:class:`KeptErased`)."""
        return False


class Kept(Stored):
    """A stored comment left as it was: the incoming one had no text of its own (see
    :attr:`~threadguard.storage.records.NewComment.has_text`), so neither its text nor
    its decision nor its queue entry changed. ``status`` is the stored one."""

    __slots__ = ()

    @property
    def kept(self) -> bool:
        return True


class KeptErased(Kept):
    """A stored comment left as it was because an admin erased it
    (:mod:`~threadguard.storage.repositories.erasure`): the incoming one's text, however
    whole, is not stored again, and its decision and queue entry did not change."""

    __slots__ = ()

    @property
    def erased(self) -> bool:
        return True


def new_comment_id() -> str:
    """A comment's id in the store: random, so ids from many sites never collide."""
    return COMMENT_ID_PREFIX + secrets.token_hex(10)


@dataclass(frozen=True)
class NewRow:
    """A new comment and where it goes: its site, what received it, its article and
    author (ids already resolved) and its rank among the author's comments."""

    site_id: int
    source: str
    item: NewComment
    article_id: int | None = None
    article_key: str = ""
    author_id: int | None = None
    author_seq: int | None = None


def insert_new(
    conn: Connection, rows: Sequence[NewRow], *, decided_under: Mapping[str, Any] | None
) -> list[Stored]:
    """Insert new comments with their analyses, decisions and queue entries; ``(id,
    status)`` for each, in order (``decided_under``: see :func:`policy_decision_values`).
    Authors' counters are :func:`count_new`'s job."""
    if not rows:
        return []
    now = utcnow()
    out: list[Stored] = []
    comments: list[dict[str, Any]] = []
    analyses: list[dict[str, Any]] = []
    for row in rows:
        item = row.item
        cid = new_comment_id()
        status = STATUS_OF_ACTION[item.decision.action]
        out.append(Stored(cid, status))
        comments.append(
            {
                "id": cid,
                "site_id": row.site_id,
                "article_id": row.article_id,
                "article_key": row.article_key,
                "external_id": item.external_id or cid,
                "parent_external_id": item.parent_id,
                "author": item.author or None,
                "author_id": row.author_id,
                "author_seq": row.author_seq,
                "text": item.text,
                "source": row.source,
                "depth": item.depth,
                "position": item.position,
                "posted_at": item.posted_at,
                "received_at": now,
                "status": status,
                "status_source": "policy",
                "status_at": now,
                "version": 1,
                "client_token_hash": item.token_hash,
            }
        )
        analyses.append({"comment_id": cid, **analysis_values(item, now)})
    conn.execute(insert(_COMMENTS), comments)
    # Matched back by comment id: a multi-row RETURNING does not promise row order.
    returned = conn.execute(
        insert(_ANALYSES).returning(_ANALYSES.c.comment_id, _ANALYSES.c.id), analyses
    )
    analysis_ids: dict[str, int] = {str(cid): int(aid) for cid, aid in returned.all()}
    decisions = []
    queued = []
    for row, (cid, status) in zip(rows, out, strict=True):
        item = row.item
        decisions.append(
            policy_decision_values(cid, analysis_ids[cid], item, now, decided_under=decided_under)
        )
        if item.decision.action != Verdict.APPROVE:
            resolved = status != "pending"
            queued.append(
                {
                    "comment_id": cid,
                    "site_id": row.site_id,
                    "article_id": row.article_id,
                    "author": item.author or None,
                    "status": status,
                    "reasons": list(item.decision.reasons),
                    "entered_at": now,
                    "resolved_at": now if resolved else None,
                    "resolved_by": "policy" if resolved else None,
                    "version": 1,
                    **scores(item),
                }
            )
    conn.execute(insert(_DECISIONS), decisions)
    if queued:
        conn.execute(insert(_QUEUE), queued)
    return out


def add_authors(conn: Connection, site_id: int, names: Collection[str]) -> dict[str, int]:
    """The ids of the site's authors with these names, creating those that are new.

    ``INSERT ... ON CONFLICT DO NOTHING``, so two uploads creating one author at once
    (PostgreSQL) both end with the same row.
    """
    wanted = sorted({n for n in names if n})
    found = _author_ids(conn, site_id, wanted)
    missing = [n for n in wanted if n not in found]
    if missing:
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        now = utcnow()
        conn.execute(
            dialect.insert(_AUTHORS).on_conflict_do_nothing(),
            [
                {
                    "site_id": site_id,
                    "name": name,
                    "banned": False,
                    "trusted": False,
                    "comment_count": 0,
                    "held_count": 0,
                    "rejected_count": 0,
                    "first_seen": now,
                    "last_seen": now,
                    "version": 1,
                }
                for name in missing
            ],
        )
        found.update(_author_ids(conn, site_id, missing))
    return found


def _author_ids(conn: Connection, site_id: int, names: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in in_chunks(names):
        rows = conn.execute(
            select(_AUTHORS.c.name, _AUTHORS.c.id).where(
                _AUTHORS.c.site_id == site_id, _AUTHORS.c.name.in_(chunk)
            )
        ).all()
        out.update({str(name): int(aid) for name, aid in rows})
    return out


def count_new(conn: Connection, items: Sequence[tuple[int | None, str]]) -> list[int | None]:
    """Count new comments, ``(author id, status)`` each, in their authors' counters;
    each comment's rank among its author's comments (None without an author).

    The authors' rows are locked while their counts are read (PostgreSQL; SQLite's write
    transaction already excludes other writers), so concurrent uploads never hand out
    one rank twice; each author is then updated once, by the batch's increments.
    """
    authors = sorted({aid for aid, _ in items if aid is not None})
    if not authors:
        return [None] * len(items)
    base: dict[int, int] = {}
    for chunk in in_chunks(authors):
        rows = conn.execute(
            select(_AUTHORS.c.id, _AUTHORS.c.comment_count)
            .where(_AUTHORS.c.id.in_(chunk))
            .with_for_update()
        ).all()
        base.update({int(aid): int(count) for aid, count in rows})
    seen: Counter[int] = Counter()
    held: Counter[int] = Counter()
    rejected: Counter[int] = Counter()
    ranks: list[int | None] = []
    for aid, status in items:
        if aid is None:
            ranks.append(None)
            continue
        seen[aid] += 1
        held[aid] += status == "pending"
        rejected[aid] += status == "rejected"
        ranks.append(base[aid] + seen[aid])
    now = utcnow()
    a = _AUTHORS.c
    conn.execute(
        update(_AUTHORS)
        .where(a.id == bindparam("aid"))
        .values(
            comment_count=a.comment_count + bindparam("n"),
            held_count=a.held_count + bindparam("held"),
            rejected_count=a.rejected_count + bindparam("rejected"),
            last_seen=bindparam("now", type_=a.last_seen.type),
        ),
        [
            {"aid": aid, "n": seen[aid], "held": held[aid], "rejected": rejected[aid], "now": now}
            for aid in authors
        ],
    )
    return ranks


def scores(item: NewComment) -> dict[str, float]:
    """Every attribute's score as a float, 0 where the analysis has none (the analysis
    row's scores, and a queue entry's score columns)."""
    return {a: float(item.analysis.scores.get(a, 0.0)) for a in ATTRIBUTES}


def policy_decision_values(
    comment_id: str,
    analysis_id: int,
    item: NewComment,
    now: datetime,
    *,
    decided_under: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """A policy decision row's columns for a comment just scored: the same row whether it
    arrives in bulk, one by one, or is scored again (``db rescore``).

    ``decided_under``: the server policy the decision was made under, as the store was
    told it (:meth:`~threadguard.storage.store.Store.decide_under`), kept in its details
    under :data:`~threadguard.storage.records.SERVER_POLICY` (None: not known, nothing
    kept). Every writer of a policy decision passes it, so none is stored without it."""
    details = item.details
    if decided_under is not None:
        details = {**(details or {}), SERVER_POLICY: dict(decided_under)}
    return {
        "comment_id": comment_id,
        "analysis_id": analysis_id,
        "action": item.decision.action,
        "reasons": list(item.decision.reasons),
        "source": "policy",
        "actor": None,
        "details": details,
        "created_at": now,
    }


def analysis_values(item: NewComment, now: datetime) -> dict[str, Any]:
    """An analysis row's columns (all but its comment) for a comment being stored."""
    return {
        "model": item.analysis.model,
        "scores": scores(item),
        "targets": [t.to_json() for t in item.analysis.targets],
        "spans": [s.to_json() for s in item.analysis.spans],
        "language": item.analysis.language,
        "author_scores": (
            {a: float(v) for a, v in item.author_analysis.scores.items()}
            if item.author_analysis is not None
            else None
        ),
        "engine_scores": (
            {a: float(v) for a, v in item.analysis.engine_scores.items()}
            if item.analysis.engine_scores is not None
            else None
        ),
        "created_at": now,
    }
