"""The audit log and the labelled export: who did what, and what moderators decided.

The log is append-only (a database trigger refuses updates and deletes); changes write
their entry in their own transaction through
:func:`~threadguard.storage.sessions.add_audit`, and :meth:`AuditRepository.audit` is for
events that have no other transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Exists, Select, and_, bindparam, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from threadguard.schema import Verdict
from threadguard.storage.models import AnalysisRow as AnalysisModel
from threadguard.storage.models import Article, AuditEntry, Site
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.records import AuditRecord, Page
from threadguard.storage.repositories.rows import from_row, in_chunks, on_sites
from threadguard.storage.repositories.search import escaped_like
from threadguard.storage.sessions import Repository, Sessions, add_audit

#: The decision row an undo writes (the moderation repository's ``UNDO``).
UNDONE = "undo"


def undone_verdict(verdict: Any) -> Exists:
    """Whether the moderator's verdict ``verdict`` (the decision model or an alias of it)
    was taken back by the dashboard's undo: the first verdict or undo on its comment after
    it is an undo. An undo takes back the comment's latest verdict and is refused once
    anyone has given a verdict or undo on it since, so an undo follows the verdict it takes
    back; an undo after a later verdict took back that one (counted as undoing every
    earlier verdict, it took the standing verdict with it). An undone verdict is neither a
    label (the export) nor a moderator's verdict (the stats, the comment's decision)."""
    undo = aliased(DecisionModel)
    between = aliased(DecisionModel)
    return exists().where(
        undo.comment_id == verdict.comment_id,
        undo.source == UNDONE,
        undo.id > verdict.id,
        ~exists()
        .where(
            between.comment_id == verdict.comment_id,
            between.source == "moderator",
            between.id > verdict.id,
            between.id < undo.id,
        )
        .correlate(verdict, undo),  # both enclosing: auto-correlation looks one level up
    )


def standing_verdict(verdict: Any) -> ColumnElement[bool]:
    """Whether the moderator's verdict ``verdict`` stands for the text it was given on:
    not undone, and no later verdict on that comment and that same text stands (one given
    over it: an overturn, with ``expected``; or one on the text edited away and back). One
    verdict per comment and text, the latest: the label. A verdict on a text edited since
    still stands for that text."""
    later = aliased(DecisionModel)
    overturned = exists().where(
        later.comment_id == verdict.comment_id,
        later.source == "moderator",
        later.id > verdict.id,
        later.text == verdict.text,
        ~undone_verdict(later),
    )
    return and_(~undone_verdict(verdict), ~overturned)


def _latest_verdicts() -> Select[DecisionModel]:
    """The statement of :func:`latest_verdicts`, for the comment ids bound as ``ids``."""
    verdict = aliased(DecisionModel)
    latest = (
        select(func.max(verdict.id))
        .where(
            verdict.comment_id.in_(bindparam("ids", expanding=True)),
            verdict.source == "moderator",
            ~undone_verdict(verdict),
        )
        .group_by(verdict.comment_id)
    )
    return select(DecisionModel).where(DecisionModel.id.in_(latest))


#: Built once: building the aliases again for each comment read cost more than the read.
_LATEST_VERDICTS = _latest_verdicts()


def latest_verdicts(session: Session, ids: Sequence[str]) -> dict[str, DecisionModel]:
    """Per comment id, the moderator's latest verdict that was not undone (a comment with
    none left out): the moderator's decision, where the comment's status is a moderator's
    (``status_source``; else the verdict was given on a text edited since). After an
    overturn that was undone, the verdict it overturned."""
    out: dict[str, DecisionModel] = {}
    for chunk in in_chunks(ids):
        for row in session.scalars(_LATEST_VERDICTS, {"ids": list(chunk)}):
            out[row.comment_id] = row
    return out


class AuditRepository(Repository):
    """Appending to and reading the audit log; moderators' verdicts as training examples."""

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(sessions)
        #: Append an audit entry on its own (for events outside other transactions):
        #: :func:`~threadguard.storage.sessions.add_audit`'s arguments, less the session.
        self.audit = sessions.on_its_own(add_audit)

    def audit_log(
        self,
        *,
        site: str | None = None,
        sites: tuple[str, ...] | None = None,
        actor: str | None = None,
        action: str | None = None,
        since: datetime | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> Page[AuditRecord]:
        """Audit entries, newest first."""
        stmt = _entries(site, sites, actor, action, since)
        with self._sessions.read() as session:
            total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            rows = session.scalars(
                stmt.order_by(AuditEntry.id.desc()).limit(limit).offset(offset)
            ).all()
        return Page(
            [from_row(AuditRecord, r) for r in rows],
            int(total),
            limit,
            offset,
        )

    def audit_entries(
        self,
        *,
        site: str | None = None,
        sites: tuple[str, ...] | None = None,
        actor: str | None = None,
        action: str | None = None,
        since: datetime | None = None,
        batch: int = 1000,
    ) -> Iterator[AuditRecord]:
        """Every entry :meth:`audit_log` would list under the same filters, newest first,
        read ``batch`` at a time (each in a read of its own) for an export of the whole log.

        Batches follow the entries' ids, not an offset: an entry written while the export
        runs has a higher id than those already read and is left out, where an offset
        would have shifted by one and given the next batch's first entry twice; and no
        batch counts the whole log again, as :meth:`audit_log`'s total does.
        """
        stmt = _entries(site, sites, actor, action, since).order_by(AuditEntry.id.desc())
        below: int | None = None
        while True:
            page = stmt if below is None else stmt.where(AuditEntry.id < below)
            with self._sessions.read() as session:
                rows = [from_row(AuditRecord, r) for r in session.scalars(page.limit(batch))]
            if not rows:
                return
            yield from rows
            if len(rows) < batch:
                return
            below = rows[-1].id

    def labelled(
        self,
        *,
        site: str | None = None,
        sites: tuple[str, ...] | None = None,
        since: datetime | None = None,
        batch: int = 500,
    ) -> Iterator[dict[str, Any]]:
        """Moderators' verdicts as labelled examples, oldest first, streamed in batches.

        Each example pairs the moderator's label with the text it was given on (an edit
        since does not change it), the parent's text (context), the attribute scores
        and policy decision of that text, and timestamps. A verdict whose text is not
        known (given before the store kept it, on a comment scored again since: see
        migration 0003) is left out rather than paired with a text nobody judged, and so
        are one its moderator undid and one overturned (:func:`standing_verdict`): a
        comment has one label per text it was judged on, the verdict that stands.
        """
        last_id = 0
        standing = standing_verdict(DecisionModel)
        while True:
            with self._sessions.read() as session:
                stmt = (
                    select(DecisionModel, CommentModel, Site.name, Article.external_id)
                    .join(CommentModel, CommentModel.id == DecisionModel.comment_id)
                    .join(Site, Site.id == CommentModel.site_id)
                    .outerjoin(Article, Article.id == CommentModel.article_id)
                    .where(
                        DecisionModel.source == "moderator",
                        DecisionModel.text.is_not(None),
                        DecisionModel.id > last_id,
                        standing,
                    )
                )
                stmt = on_sites(stmt, Site.name, site, sites)
                if since is not None:
                    stmt = stmt.where(DecisionModel.created_at >= since)
                rows = session.execute(stmt.order_by(DecisionModel.id).limit(batch)).all()
                if not rows:
                    return
                out = [_example(session, *r) for r in rows]
                last_id = rows[-1][0].id
            yield from out


def _entries(
    site: str | None,
    sites: tuple[str, ...] | None,
    actor: str | None,
    action: str | None,
    since: datetime | None,
) -> Select[AuditEntry]:
    """The audit entries on ``site`` and the ``sites`` an account may see, by ``actor``,
    of ``action`` or its family, from ``since`` on (None: any), in no order."""
    stmt = on_sites(select(AuditEntry), AuditEntry.site, site, sites)
    if actor is not None:
        stmt = stmt.where(AuditEntry.actor == actor)
    if action is not None:
        # an action or its family ("comment" for comment.approve...): the family is a
        # prefix with LIKE's wildcards escaped (``%`` listed every entry)
        family = AuditEntry.action.like(f"{escaped_like(action)}.%", escape="\\")
        stmt = stmt.where(or_(AuditEntry.action == action, family))
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= since)
    return stmt


def _example(
    session: Session,
    decision: DecisionModel,
    comment: CommentModel,
    site: str,
    article: str | None,
) -> dict[str, Any]:
    """One labelled example: a moderator's verdict with the comment as it was judged."""
    analysis = (
        session.get(AnalysisModel, decision.analysis_id)
        if decision.analysis_id is not None
        else None
    )
    policy = (
        session.scalars(
            select(DecisionModel)
            .where(
                DecisionModel.analysis_id == analysis.id,
                DecisionModel.source == "policy",
            )
            .order_by(DecisionModel.id.desc())
            .limit(1)
        ).first()
        if analysis is not None
        else None
    )
    parent_text = None
    if comment.parent_external_id:
        parent_text = session.scalar(
            select(CommentModel.text)
            .where(
                CommentModel.site_id == comment.site_id,
                CommentModel.article_key == comment.article_key,
                CommentModel.external_id == comment.parent_external_id,
            )
            .limit(1)
        )
    return {
        "id": comment.id,
        "external_id": comment.external_id,
        "site": site,
        "article": article,
        "text": decision.text,
        "parent_text": parent_text,
        "label": decision.action,
        "toxic": decision.action == Verdict.REJECT,
        "attributes": dict(analysis.scores) if analysis is not None else {},
        # the engine's own scores when a site adaptation changed the ones served
        "engine_scores": (
            dict(analysis.engine_scores or analysis.scores) if analysis is not None else {}
        ),
        "targets": list(analysis.targets) if analysis is not None else [],
        # the language it was scored in (an adaptation is fitted on English verdicts only)
        "language": (analysis.language or "en") if analysis is not None else None,
        "model": analysis.model if analysis is not None else None,
        "policy_decision": policy.action if policy is not None else None,
        "moderator": decision.actor,
        "note": decision.reasons[0] if decision.reasons else None,
        "created_at": comment.received_at.isoformat(),
        "posted_at": comment.posted_at,
        "decided_at": decision.created_at.isoformat(),
    }
