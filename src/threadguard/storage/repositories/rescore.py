"""Stored comments scored again under the models served now (``threadguard db rescore``).

After the models are upgraded (a new shipped version) or a site's policy changed, stored
comments keep the analysis and decision they were given (a thread uploaded again
unchanged keeps them too, on purpose). Rescoring is the explicit way to bring them up to
date: :meth:`RescoreRepository.stale` reads a page of a site's scored comments whose
latest analysis came from another model version (or every one), with what they were read
with (their parent's stored text, their article's title); the caller scores and decides
them (:mod:`threadguard.service.rescore`) and :meth:`RescoreRepository.apply` writes a
page in one transaction.

A moderator's verdict is never overturned: a comment whose status a moderator set gets
its new analysis (so the dashboard shows current scores, and its queue entry's score
columns follow) and keeps its verdict and status. A comment whose status is still the
policy's gets the new analysis and policy decision, and its status, queue entry and
author's counters move as a fresh upload would place them. Each comment written is
audited ``comment.rescore`` (model and decision before and after). A comment changed
meanwhile (edited, scored again, deleted) is skipped: it was read with what it is no more.

:meth:`RescoreRepository.decided_under` tallies, before a run writes, the server policies
(as their details keep them) that made the decisions the run would make again.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from threadguard.storage.models import AnalysisRow as AnalysisModel
from threadguard.storage.models import Article, QueueItem, Site, utcnow
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.records import SERVER_POLICY, STATUS_OF_ACTION, Actor, NewComment
from threadguard.storage.repositories.bulk import analysis_values, policy_decision_values, scores
from threadguard.storage.repositories.ingest import CommentWriter
from threadguard.storage.repositories.rows import in_chunks, latest_rows
from threadguard.storage.sessions import Repository, Sessions, add_audit, find_site_id

S = TypeVar("S", bound="Select[*tuple[Any, ...]]")

__all__ = ["DecidedUnder", "RescoreRepository", "Rescored", "StaleComment"]


@dataclass(frozen=True)
class StaleComment:
    """A stored, scored comment as rescoring reads it: what it is read with, its latest
    analysis's model and language, its latest policy decision, and who set its status."""

    id: str
    external_id: str
    article_key: str
    #: Its article's title ("": none) and its parent's stored text ("": none stored).
    title: str
    parent_id: str | None
    parent_text: str
    text: str
    author: str | None
    depth: int
    position: int
    status: str
    status_source: str
    #: The latest analysis: its row id (what :meth:`RescoreRepository.apply` checks is
    #: still the latest), model version and language.
    analysis_id: int
    model: str
    language: str
    #: The latest policy decision's action (None: none stored).
    decision: str | None

    @property
    def by_moderator(self) -> bool:
        """Whether a moderator set the comment's status (their verdict stands)."""
        return self.status_source == "moderator"


@dataclass(frozen=True)
class DecidedUnder:
    """How many of the comments a rescore would decide again had their latest policy
    decision made under one server policy: the policy as the decisions keep it (their
    details' :data:`~threadguard.storage.records.SERVER_POLICY`; None: none kept, made
    before the store kept it), and when the newest of those decisions was made."""

    policy: dict[str, Any] | None
    comments: int
    newest: datetime | None


@dataclass(frozen=True)
class Rescored:
    """A stale comment with its new analysis and the policy's decision on it now."""

    comment: StaleComment
    item: NewComment


class RescoreRepository(Repository):
    """Reads stale comments a page at a time and writes their new analyses and decisions."""

    def __init__(self, sessions: Sessions, writer: CommentWriter) -> None:
        super().__init__(sessions)
        self._writer = writer

    def scored_count(self, site: str) -> int:
        """How many scored comments (not those kept as context only) the site holds."""
        with self._sessions.read() as session:
            site_id = find_site_id(session, site)
            if site_id is None:
                return 0
            count = session.scalar(
                select(func.count())
                .select_from(CommentModel)
                .where(CommentModel.site_id == site_id, CommentModel.source != "context")
            )
        return int(count or 0)

    def site_of(self, comment_id: str) -> str | None:
        """The name of the site that stores the comment whose store id is ``comment_id``
        (a context or erased one too), or None when none has it: where a run resumed
        ``after`` an id starts is checked against it, since ids compare as text and a
        mistyped one still orders somewhere (before every id: the whole site again)."""
        with self._sessions.read() as session:
            return session.scalar(
                select(Site.name)
                .join(CommentModel, CommentModel.site_id == Site.id)
                .where(CommentModel.id == comment_id)
            )

    def stale(
        self, site: str, current: Collection[str] | None, after: str = "", limit: int = 500
    ) -> list[StaleComment]:
        """The site's next ``limit`` scored comments (by store id, after ``after``) whose
        latest analysis's model is none of ``current`` (None: every comment)."""
        with self._sessions.read() as session:
            site_id = find_site_id(session, site)
            if site_id is None:
                return []
            stmt = _to_read(
                select(CommentModel, AnalysisModel, Article.title), site_id, current, after
            ).outerjoin(Article, Article.id == CommentModel.article_id)
            rows = session.execute(stmt.limit(limit)).all()
            parents = _parent_texts(session, site_id, [r[0] for r in rows])
            policy = latest_rows(session, DecisionModel, [r[0].id for r in rows], source="policy")
            decisions = {cid: str(d.action) for cid, d in policy.items()}
        out = []
        for comment, analysis, title in rows:
            out.append(
                StaleComment(
                    id=comment.id,
                    external_id=comment.external_id,
                    article_key=comment.article_key,
                    title=title or "",
                    parent_id=comment.parent_external_id,
                    parent_text=parents.get(
                        (comment.article_key, comment.parent_external_id or ""), ""
                    ),
                    text=comment.text,
                    author=comment.author,
                    depth=comment.depth,
                    position=comment.position,
                    status=comment.status,
                    status_source=comment.status_source,
                    analysis_id=analysis.id,
                    model=analysis.model,
                    language=analysis.language,
                    decision=decisions.get(comment.id),
                )
            )
        return out

    def decided_under(
        self, site: str, current: Collection[str] | None, after: str = "", page: int = 2000
    ) -> list[DecidedUnder]:
        """Which server policies made the latest policy decisions of the comments
        :meth:`stale` reads (the same ``current`` and ``after``) whose status is still the
        policy's (those whose decision a rescore makes again): one tally per policy, as
        the decisions keep it, most comments first. Read a ``page`` of comments per
        transaction, before anything is written, so a rescore can say what it would
        decide again under another policy than the server's."""
        found: dict[str, tuple[dict[str, Any] | None, int, datetime | None]] = {}
        last = after
        while True:
            with self._sessions.read() as session:
                site_id = find_site_id(session, site)
                if site_id is None:
                    return []
                stmt = _to_read(select(CommentModel.id), site_id, current, last).where(
                    CommentModel.status_source == "policy"
                )
                ids = list(session.scalars(stmt.limit(page)).all())
                if not ids:
                    break
                decided = latest_rows(session, DecisionModel, ids, source="policy")
            last = ids[-1]
            for cid in ids:
                row = decided.get(cid)
                stamp = (row.details or {}).get(SERVER_POLICY) if row is not None else None
                policy = dict(stamp) if isinstance(stamp, dict) else None
                key = json.dumps(policy, sort_keys=True)
                _, count, newest = found.get(key, (policy, 0, None))
                at = row.created_at if row is not None else None
                if newest is None or (at is not None and at > newest):
                    newest = at
                found[key] = (policy, count + 1, newest)
        tallies = [DecidedUnder(p, n, at) for p, n, at in found.values()]
        return sorted(tallies, key=lambda t: -t.comments)

    def apply(self, site: str, actor: Actor, rescored: Sequence[Rescored]) -> list[bool]:
        """Write a page of rescored comments in one transaction (see the module docs);
        for each, whether it was written (False: changed meanwhile, skipped)."""
        out = []
        with self._sessions.write() as session:
            for r in rescored:
                out.append(self._apply_one(session, site, actor, r))
            session.flush()
        return out

    def _apply_one(self, session: Session, site: str, actor: Actor, r: Rescored) -> bool:
        c, item = r.comment, r.item
        row = session.scalars(
            select(CommentModel).where(CommentModel.id == c.id).with_for_update()
        ).first()
        if row is None or row.text != c.text or row.status_source != c.status_source:
            return False
        latest = session.scalar(
            select(func.max(AnalysisModel.id)).where(AnalysisModel.comment_id == c.id)
        )
        if latest != c.analysis_id:
            return False
        now = utcnow()
        before = {
            "model": c.model,
            "decision": c.decision,
            "status": row.status,
            "status_source": row.status_source,
            "version": row.version,
        }
        analysis = AnalysisModel(comment_id=row.id, **analysis_values(item, now))
        session.add(analysis)
        session.flush()
        decision = c.decision
        if row.status_source == "policy":
            decision = item.decision.action.value
            decided = policy_decision_values(
                row.id, analysis.id, item, now, decided_under=self._writer.decided_under
            )
            session.add(DecisionModel(**decided))
            status = STATUS_OF_ACTION[item.decision.action]
            if status != row.status:
                if row.author_id is not None:
                    self._writer._count_author(
                        session, row.author_id, row.status, status, new=False
                    )
                row.status, row.status_at = status, now
                row.version += 1
            # placed as a fresh upload would place it: a queue entry the policy resolved
            # follows the new decision too (the edit's rule)
            self._writer._enqueue(session, row, item, now, edited=True)
        else:
            queued = session.scalars(
                select(QueueItem).where(QueueItem.comment_id == row.id)
            ).first()
            if queued is not None:  # its filters read the current scores; the verdict stands
                for attribute, value in scores(item).items():
                    setattr(queued, attribute, value)
        add_audit(
            session,
            actor,
            "comment.rescore",
            "comment",
            row.id,
            site=site,
            before=before,
            after={
                "model": item.analysis.model,
                "decision": decision,
                "status": row.status,
                "status_source": row.status_source,
                "version": row.version,
                **({"policy_decision": item.decision.action.value} if c.by_moderator else {}),
            },
        )
        return True


def _to_read(stmt: S, site_id: int, current: Collection[str] | None, after: str) -> S:
    """``stmt`` (over comments) limited to the site's scored comments that rescoring
    reads, after store id ``after``, in store-id order: those whose latest analysis's
    model is none of ``current`` (None: every one)."""
    latest = (
        select(func.max(AnalysisModel.id))
        .where(AnalysisModel.comment_id == CommentModel.id)
        .correlate(CommentModel)
        .scalar_subquery()
    )
    stmt = (
        stmt.join(AnalysisModel, AnalysisModel.id == latest)
        .where(
            CommentModel.site_id == site_id,
            CommentModel.source != "context",
            CommentModel.erased_at.is_(None),  # nothing left to read
            CommentModel.id > after,
        )
        .order_by(CommentModel.id)
    )
    if current is not None:
        stmt = stmt.where(AnalysisModel.model.not_in(sorted(current)))
    return stmt


def _parent_texts(
    session: Session, site_id: int, rows: Sequence[CommentModel]
) -> dict[tuple[str, str], str]:
    """The stored text of each of the rows' parents, by (article key, parent id)."""
    wanted: dict[str, set[str]] = {}
    for r in rows:
        if r.parent_external_id:
            wanted.setdefault(r.article_key, set()).add(r.parent_external_id)
    out: dict[tuple[str, str], str] = {}
    parent = aliased(CommentModel)
    for key, ids in wanted.items():
        for chunk in in_chunks(sorted(ids)):
            found = session.execute(
                select(parent.external_id, parent.text).where(
                    parent.site_id == site_id,
                    parent.article_key == key,
                    parent.external_id.in_(chunk),
                )
            ).all()
            out.update(((key, ext), text) for ext, text in found)
    return out
