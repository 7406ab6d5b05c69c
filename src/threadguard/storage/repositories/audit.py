"""The audit log and the labelled export: who did what, and what moderators decided.

The log is append-only (a database trigger refuses updates and deletes); changes write
their entry in their own transaction through
:func:`~threadguard.storage.sessions.add_audit`, and :meth:`AuditRepository.audit` is for
events that have no other transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Exists, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from threadguard.schema import Verdict
from threadguard.storage.models import AnalysisRow as AnalysisModel
from threadguard.storage.models import Article, AuditEntry, Site
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.records import AuditRecord, Page
from threadguard.storage.repositories.rows import from_row, on_sites
from threadguard.storage.repositories.search import escaped_like
from threadguard.storage.sessions import Repository, Sessions, add_audit


def undone_verdict(verdict: Any) -> Exists:
    """Whether the decision row ``verdict`` (the model or an alias of it) was taken back
    by the dashboard's undo: an ``undo`` decision on its comment comes after it. Neither
    a label (the export) nor a moderator's verdict (the stats)."""
    later = aliased(DecisionModel)
    return exists().where(
        later.comment_id == verdict.comment_id,
        later.source == "undo",
        later.id > verdict.id,
    )


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
        is one its moderator undid.
        """
        last_id = 0
        undone = undone_verdict(DecisionModel)  # a verdict taken back is no label
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
                        ~undone,
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
