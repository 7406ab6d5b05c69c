"""The moderation queue and what moderators do: verdicts on comments, flags on authors.

A moderator's verdict is applied with a guarded ``UPDATE ... WHERE status_source =
'policy'``: of two moderators acting on one comment at once exactly one update matches
a row; the other gets :class:`~threadguard.storage.records.ConflictError` (HTTP 409), so
a decision is never applied twice and, being in the same transaction as its audit
entry, never lost. Author flags (ban, trust) are guarded the same way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from threadguard.schema import ATTRIBUTES, ModeratorAction, Verdict
from threadguard.storage.models import Article, Author, QueueItem, Site, utcnow
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.models import ModeratorAction as ActionRow
from threadguard.storage.records import (
    ActionRecord,
    ActionResult,
    Actor,
    AuthorInfo,
    ConflictError,
    InvalidError,
    NotFoundError,
    Page,
    QueueFilter,
    QueueRecord,
)
from threadguard.storage.repositories.rows import from_row, latest_analysis, text_sha256
from threadguard.storage.sessions import Sessions, add_audit

#: The status each verdict gives a comment.
VERDICTS: dict[str, str] = {ModeratorAction.APPROVE: "approved", ModeratorAction.REJECT: "rejected"}
#: The author column each flag sets, and to what.
AUTHOR_FLAGS: dict[str, tuple[str, bool]] = {
    ModeratorAction.BAN: ("banned", True),
    ModeratorAction.UNBAN: ("banned", False),
    ModeratorAction.TRUST: ("trusted", True),
    ModeratorAction.UNTRUST: ("trusted", False),
}


class ModerationRepository:
    """The queue listing, and moderator actions on comments and their authors."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def pending_counts(self) -> dict[str, int]:
        """How many comments wait for a moderator, per site (sites with none left out)."""
        with self._sessions.read() as session:
            rows = session.execute(
                select(Site.name, func.count())
                .join(QueueItem, QueueItem.site_id == Site.id)
                .where(QueueItem.status == "pending")
                .group_by(Site.name)
            ).all()
        return {str(name): int(count) for name, count in rows}

    def queue(self, filters: QueueFilter, *, limit: int = 50, offset: int = 0) -> Page[QueueRecord]:
        """Queue entries matching ``filters``, oldest first (the order moderators work in)."""
        stmt = (
            select(QueueItem, CommentModel.text, Site.name, Article.external_id)
            .join(CommentModel, CommentModel.id == QueueItem.comment_id)
            .join(Site, Site.id == QueueItem.site_id)
            .outerjoin(Article, Article.id == QueueItem.article_id)
        )
        if filters.site is not None:
            stmt = stmt.where(Site.name == filters.site)
        if filters.sites is not None:
            stmt = stmt.where(Site.name.in_(filters.sites))
        if filters.article is not None:
            stmt = stmt.where(Article.external_id == filters.article)
        if filters.status is not None:
            stmt = stmt.where(QueueItem.status == filters.status)
        if filters.author is not None:
            stmt = stmt.where(QueueItem.author == filters.author)
        if filters.attribute is not None:
            if filters.attribute not in ATTRIBUTES:
                raise InvalidError(f"unknown attribute {filters.attribute!r}")
            column = getattr(QueueItem, filters.attribute)
            if filters.above is not None:
                stmt = stmt.where(column > filters.above)
            elif filters.at_least is not None:
                stmt = stmt.where(column >= filters.at_least)
        with self._sessions.read() as session:
            total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            rows = session.execute(
                stmt.order_by(QueueItem.entered_at, QueueItem.id).limit(limit).offset(offset)
            ).all()
        items = [
            QueueRecord(
                id=q.id,
                comment_id=q.comment_id,
                site=site,
                article=article,
                author=q.author,
                text=text,
                status=q.status,
                reasons=list(q.reasons),
                scores={a: float(getattr(q, a)) for a in ATTRIBUTES},
                entered_at=q.entered_at,
                resolved_at=q.resolved_at,
                resolved_by=q.resolved_by,
            )
            for q, text, site, article in rows
        ]
        return Page(items, int(total), limit, offset)

    def moderate(
        self,
        comment_id: str,
        action: str,
        actor: Actor,
        *,
        note: str | None = None,
        sites: tuple[str, ...] | None = None,
    ) -> ActionResult:
        """Apply a moderator action to a comment (or its author) in one transaction.

        ``sites`` limits which sites' comments the actor may touch (None: any).
        Raises :class:`NotFoundError`, :class:`ConflictError` (already resolved, already
        banned...) or :class:`InvalidError` (no author to ban, empty note).
        """
        if action not in tuple(ModeratorAction):
            expected = ", ".join(ModeratorAction)
            raise InvalidError(f"unknown action {action!r}; expected one of {expected}")
        if action == ModeratorAction.NOTE and not (note or "").strip():
            raise InvalidError("a note needs text")
        with self._sessions.write() as session:
            found = session.execute(
                select(CommentModel, Site.name)
                .join(Site, Site.id == CommentModel.site_id)
                .where(CommentModel.id == comment_id)
            ).first()
            if found is None or (sites is not None and found[1] not in sites):
                raise NotFoundError(f"no comment with id {comment_id!r}")
            row, site = found
            status: str | None = row.status
            author_info: AuthorInfo | None = None
            if action in VERDICTS:
                status = self._verdict(session, row, site, VERDICTS[action], actor, note)
            elif action in AUTHOR_FLAGS:
                author_info = self._flag_author(session, row, site, action, actor)
            else:
                add_audit(
                    session,
                    actor,
                    "comment.note",
                    "comment",
                    row.id,
                    site=site,
                    after={"note": note},
                )
            record = ActionRow(
                site_id=row.site_id,
                comment_id=row.id,
                author=row.author,
                action=action,
                note=note,
                actor=actor.id,
                actor_role=actor.role,
                created_at=utcnow(),
            )
            session.add(record)
            session.flush()
            return ActionResult(from_row(ActionRecord, record, site=site), status, author_info)

    def _verdict(
        self,
        session: Session,
        row: CommentModel,
        site: str,
        status: str,
        actor: Actor,
        note: str | None,
    ) -> str:
        now = utcnow()
        version = row.version
        before: dict[str, Any] = {
            "status": row.status,
            "status_source": row.status_source,
            "version": version,
        }
        # Guarded by the version read above as well: a verdict applies to the text the
        # comment had when it was read, never to an edit that landed meanwhile.
        applied = session.execute(
            update(CommentModel)
            .where(
                CommentModel.id == row.id,
                CommentModel.status_source == "policy",
                CommentModel.version == version,
            )
            .values(
                status=status,
                status_source="moderator",
                status_at=now,
                version=CommentModel.version + 1,
            )
            .execution_options(synchronize_session=False)
        )
        if applied.rowcount != 1:  # type: ignore[attr-defined]
            raise ConflictError(self._resolved_message(session, row.id))
        latest = latest_analysis(session, row.id)
        queued = session.execute(
            update(QueueItem)
            .where(QueueItem.comment_id == row.id)
            .values(
                status=status,
                resolved_at=now,
                resolved_by=actor.id,
                version=QueueItem.version + 1,
            )
            .execution_options(synchronize_session=False)
        )
        if queued.rowcount == 0:  # type: ignore[attr-defined]
            # A moderator overrides an automatic approval: the comment enters the queue
            # already resolved, so the queue shows every human decision.
            scores = dict(latest.scores) if latest is not None else {}
            session.add(
                QueueItem(
                    comment_id=row.id,
                    site_id=row.site_id,
                    article_id=row.article_id,
                    author=row.author,
                    status=status,
                    reasons=["moderator review"],
                    entered_at=now,
                    resolved_at=now,
                    resolved_by=actor.id,
                    version=1,
                    **{a: float(scores.get(a, 0.0)) for a in ATTRIBUTES},
                )
            )
        if row.author_id is not None and status != before["status"]:
            delta = {"rejected": 1}.get(status, 0) - {"rejected": 1}.get(str(before["status"]), 0)
            if delta:
                session.execute(
                    update(Author)
                    .where(Author.id == row.author_id)
                    .values(rejected_count=Author.rejected_count + delta)
                )
        verb = Verdict.APPROVE if status == "approved" else Verdict.REJECT
        session.add(
            DecisionModel(
                comment_id=row.id,
                analysis_id=latest.id if latest is not None else None,
                action=verb.value,
                reasons=[note] if note else [],
                source="moderator",
                actor=actor.id,
                details=None,
                text=row.text,
                created_at=now,
            )
        )
        after = {
            "status": status,
            "status_source": "moderator",
            "version": version + 1,
            "text_sha256": text_sha256(row.text),
        }
        add_audit(
            session,
            actor,
            f"comment.{verb}",
            "comment",
            row.id,
            site=site,
            before=before,
            after=after,
        )
        return status

    def _resolved_message(self, session: Session, comment_id: str) -> str:
        source = session.scalar(
            select(CommentModel.status_source).where(CommentModel.id == comment_id)
        )
        if source == "policy":
            return (
                f"comment {comment_id} changed while the verdict was being given "
                "(edited or scored again); read it again and decide on what it says now"
            )
        last = session.scalars(
            select(DecisionModel)
            .where(DecisionModel.comment_id == comment_id, DecisionModel.source == "moderator")
            .order_by(DecisionModel.id.desc())
            .limit(1)
        ).first()
        if last is None:
            return f"comment {comment_id} has already been moderated"
        verb = "approved" if last.action == Verdict.APPROVE else "rejected"
        return (
            f"comment {comment_id} was already {verb} by {last.actor} "
            f"at {last.created_at.isoformat(timespec='seconds')}"
        )

    def _flag_author(
        self, session: Session, row: CommentModel, site: str, action: str, actor: Actor
    ) -> AuthorInfo:
        if row.author_id is None:
            raise InvalidError(f"comment {row.id} has no author to {action}")
        column, value = AUTHOR_FLAGS[action]
        attr = getattr(Author, column)
        applied = session.execute(
            update(Author)
            .where(Author.id == row.author_id, attr.is_(not value))
            .values({column: value, "version": Author.version + 1})
            .execution_options(synchronize_session=False)
        )
        if applied.rowcount != 1:  # type: ignore[attr-defined]
            state = "banned" if column == "banned" else "trusted"
            raise ConflictError(f"author {row.author!r} is {'already' if value else 'not'} {state}")
        author = session.get(Author, row.author_id, populate_existing=True)
        assert author is not None
        add_audit(
            session,
            actor,
            f"author.{action}",
            "author",
            author.name,
            site=site,
            before={column: not value},
            after={column: value},
        )
        return from_row(AuthorInfo, author, recent_rejections=0)
