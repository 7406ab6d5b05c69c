"""The moderation queue and what moderators do: verdicts on comments, flags on authors.

A moderator's verdict is applied with a guarded ``UPDATE ... WHERE status_source =
'policy'``: of two moderators acting on one comment at once exactly one update matches
a row; the other gets :class:`~threadguard.storage.records.ConflictError` (HTTP 409), so
a decision is never applied twice and, being in the same transaction as its audit
entry, never lost. Author flags (ban, trust) are guarded the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from threadguard.schema import ATTRIBUTES, ModeratorAction, Verdict
from threadguard.storage.models import AnalysisRow, Article, Author, QueueItem, Site, utcnow
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.models import ModeratorAction as ActionRow
from threadguard.storage.names import quoted
from threadguard.storage.records import (
    MAX_NOTE_CHARS,
    STATUS_OF_ACTION,
    ActionRecord,
    ActionResult,
    Actor,
    AuthorInfo,
    ConflictError,
    InvalidError,
    NotFoundError,
    Page,
    ParentComment,
    QueueFilter,
    QueueRecord,
    UndoResult,
    no_comment,
)
from threadguard.storage.repositories.audit import latest_verdicts
from threadguard.storage.repositories.rows import S, from_row, latest_analysis, on_sites
from threadguard.storage.repositories.rows import text_sha256 as text_sha256_of
from threadguard.storage.sessions import Repository, add_audit, with_site_name

#: The status each verdict gives a comment.
VERDICTS: dict[str, str] = {ModeratorAction.APPROVE: "approved", ModeratorAction.REJECT: "rejected"}
#: The author column each flag sets, and to what.
AUTHOR_FLAGS: dict[str, tuple[str, bool]] = {
    ModeratorAction.BAN: ("banned", True),
    ModeratorAction.UNBAN: ("banned", False),
    ModeratorAction.TRUST: ("trusted", True),
    ModeratorAction.UNTRUST: ("trusted", False),
}
#: The action row that records an undo (the dashboard's ``u``).
UNDO = "undo"
#: The refusal of an action given with the hash of a text the comment no longer has.
EDITED_SINCE = "this comment was edited since you opened it: reload to see the new text"


def _history_line(
    row: CommentModel, action: str, note: str | None, actor: Actor, at: datetime
) -> ActionRow:
    """The line of ``row``'s moderation history that says ``actor`` took ``action`` at
    ``at``: an action and its undo (``UNDO``, with the action it took back as its note)
    are written by this one function, so the two never differ in what they record."""
    return ActionRow(
        site_id=row.site_id,
        comment_id=row.id,
        author=row.author,
        action=action,
        note=note,
        actor=actor.id,
        actor_role=actor.role,
        created_at=at,
    )


def _put_back(
    session: Session,
    row: CommentModel,
    verdict_status: str,
    values: dict[str, str],
    now: datetime,
) -> None:
    """Set the comment's ``values`` if the verdict being undone still stands (same
    version, still that moderator's status); :class:`ConflictError` if not."""
    applied = session.execute(
        update(CommentModel)
        .where(
            CommentModel.id == row.id,
            CommentModel.version == row.version,
            CommentModel.status_source == "moderator",
            CommentModel.status == verdict_status,
        )
        .values(**values, status_at=now, version=row.version + 1)
        .execution_options(synchronize_session=False)
    )
    if applied.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError(f"comment {row.id} changed since; the change stands")


def _record_undo(
    session: Session,
    row: CommentModel,
    site: str,
    verdict_status: str,
    after: tuple[str, str],
    actor: Actor,
    now: datetime,
) -> None:
    """What every undone verdict leaves: the author's rejection count mended, an ``undo``
    decision, and the audit entry from the verdict's status to ``after`` (status, source)."""
    status, source = after
    if row.author_id is not None:
        delta = (status == "rejected") - (verdict_status == "rejected")
        if delta:
            session.execute(
                update(Author)
                .where(Author.id == row.author_id)
                .values(rejected_count=Author.rejected_count + delta)
            )
    latest = latest_analysis(session, row.id)
    session.add(
        DecisionModel(
            comment_id=row.id,
            analysis_id=latest.id if latest is not None else None,
            action=Verdict.APPROVE if verdict_status == "approved" else Verdict.REJECT,
            reasons=["undone"],
            source=UNDO,
            actor=actor.id,
            details=None,
            text=row.text,
            created_at=now,
        )
    )
    add_audit(
        session,
        actor,
        "comment.undo",
        "comment",
        row.id,
        site=site,
        before={"status": verdict_status, "status_source": "moderator", "version": row.version},
        after={"status": status, "status_source": source, "version": row.version + 1},
    )


def _overturned(session: Session, comment_id: str) -> DecisionModel | None:
    """The moderator's verdict that the comment's latest verdict was given over (an
    overturn, with ``expected``), if it was: the one an undo of it brings back. The
    latest verdict names it (``details["overturns"]``), since neither the decisions
    before it nor the comment's text can tell: a thread uploaded again with the same text
    writes the policy's decision and keeps the moderator's verdict, and a text edited
    away and back again is a new one to decide."""
    latest = session.scalars(
        select(DecisionModel)
        .where(DecisionModel.comment_id == comment_id, DecisionModel.source == "moderator")
        .order_by(DecisionModel.id.desc())
        .limit(1)
    ).first()
    earlier = (latest.details or {}).get("overturns") if latest is not None else None
    return session.get(DecisionModel, earlier) if isinstance(earlier, int) else None


def placed(stmt: S, site: str | None, sites: Sequence[str] | None, article: str | None) -> S:
    """``stmt`` (over the site and the article, joined) limited to a site, to the sites an
    account may see (None: every one) and to an article, where given: what the queue's
    API and the dashboard's lists filter alike."""
    stmt = on_sites(stmt, Site.name, site, sites)
    if article is not None:
        stmt = stmt.where(Article.external_id == article)
    return stmt


def _parent(found: Sequence[Any]) -> ParentComment | None:
    """The parent's columns of a queue row as a record (None: no parent stored)."""
    pid, external_id, author, text, status, erased_at = found
    if pid is None:
        return None
    return ParentComment(pid, external_id, author, text, status, erased_at is not None)


class ModerationRepository(Repository):
    """The queue listing, and moderator actions on comments and their authors."""

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
        """Queue entries matching ``filters``, oldest first (the order moderators work in),
        each with the comment it answers where the store has it (one join: a query per
        article cost 0.2-0.35 s for a page of 500, a code review)."""
        parent = aliased(CommentModel)
        stmt = (
            select(
                QueueItem,
                CommentModel.text,
                Site.name,
                Article.external_id,
                CommentModel.external_id,
                parent.id,
                parent.external_id,
                parent.author,
                parent.text,
                parent.status,
                parent.erased_at,
            )
            .join(CommentModel, CommentModel.id == QueueItem.comment_id)
            .join(Site, Site.id == QueueItem.site_id)
            .outerjoin(Article, Article.id == QueueItem.article_id)
            .outerjoin(
                parent,
                and_(
                    parent.site_id == CommentModel.site_id,
                    parent.article_key == CommentModel.article_key,
                    parent.external_id == CommentModel.parent_external_id,
                ),
            )
        )
        stmt = placed(stmt, filters.site, filters.sites, filters.article)
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
            elif filters.at_least is not None and filters.at_least_in:
                # the level of the language the comment was scored in (its latest analysis)
                language = func.coalesce(
                    select(AnalysisRow.language)
                    .where(AnalysisRow.comment_id == QueueItem.comment_id)
                    .order_by(AnalysisRow.id.desc())
                    .limit(1)
                    .scalar_subquery(),
                    "",
                )
                levels = dict(filters.at_least_in)
                stmt = stmt.where(
                    or_(
                        *(and_(language == lang, column >= v) for lang, v in levels.items()),
                        and_(language.not_in(list(levels)), column >= filters.at_least),
                    )
                )
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
                external_id=external_id,
                parent=_parent(above),
            )
            for q, text, site, article, external_id, *above in rows
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
        until: datetime | None = None,
        expected: str | None = None,
        text_sha256: str | None = None,
    ) -> ActionResult:
        """Apply a moderator action to a comment (or its author) in one transaction.

        ``sites`` limits which sites' comments the actor may touch (None: any);
        ``until``: a ban's end (a suspension; None: for good); ``expected``: the status
        the moderator saw ("approved", "rejected", "pending"): a verdict then also applies
        over an earlier moderator's, if the comment still has that status (a wrong
        approval could never be taken back; two moderators deciding one held comment
        at once still cannot both win, since the first changes what the second expects);
        ``text_sha256``: the SHA-256 (hex) of the text the moderator read: the action is
        refused (:data:`EDITED_SINCE`) if the comment's text is no longer that one (the
        site uploaded an edit after the page was rendered: an approval published a threat
        its moderator never saw), checked on the row this transaction changes.
        Raises :class:`NotFoundError`, :class:`ConflictError` (already resolved, already
        banned, edited since...) or :class:`InvalidError` (no author to ban, an empty note
        or one over :data:`~threadguard.storage.records.MAX_NOTE_CHARS`).
        """
        if action not in tuple(ModeratorAction):
            expected = ", ".join(ModeratorAction)
            raise InvalidError(f"unknown action {action!r}; expected one of {expected}")
        if action == ModeratorAction.NOTE and not (note or "").strip():
            raise InvalidError("a note needs text")
        if note is not None and len(note) > MAX_NOTE_CHARS:
            raise InvalidError(
                f"a note is at most {MAX_NOTE_CHARS:,} characters (this one has {len(note):,})"
            )
        with self._sessions.write() as session:
            query = with_site_name(CommentModel).where(CommentModel.id == comment_id)
            if text_sha256 is not None:
                # an edit waits for this action (PostgreSQL; SQLite writes one at a time):
                # the text checked is the text acted on, for a ban as for a verdict
                query = query.with_for_update(of=CommentModel)
            found = session.execute(query).first()
            if found is None or (sites is not None and found[1] not in sites):
                raise no_comment(comment_id)
            row, site = found
            if text_sha256 is not None and text_sha256.lower() != text_sha256_of(row.text):
                raise ConflictError(EDITED_SINCE)
            status: str | None = row.status
            author_info: AuthorInfo | None = None
            if action in VERDICTS:
                status = self._verdict(session, row, site, VERDICTS[action], actor, note, expected)
            elif action in AUTHOR_FLAGS:
                author_info = self._flag_author(session, row, site, action, actor, until, note)
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
            record = _history_line(row, action, note, actor, utcnow())
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
        expected: str | None = None,
    ) -> str:
        now = utcnow()
        version = row.version
        if expected is not None and expected != row.status:
            raise ConflictError(self._resolved_message(session, row.id))
        if status == row.status and row.status_source == "moderator":
            raise ConflictError(self._resolved_message(session, row.id))
        deciders = ["policy"] if expected is None else ["policy", "moderator"]
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
                CommentModel.status_source.in_(deciders),
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
        # given over a moderator's verdict: the one that stood, which an undo brings back
        overturned = (
            latest_verdicts(session, [row.id]).get(row.id)
            if before["status_source"] == "moderator"
            else None
        )
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
                details={"overturns": overturned.id} if overturned is not None else None,
                text=row.text,
                created_at=now,
            )
        )
        after = {
            "status": status,
            "status_source": "moderator",
            "version": version + 1,
            "text_sha256": text_sha256_of(row.text),
            # why, in the moderator's words: the audit log's to keep, as a ban's is (it was
            # only in the decision row, which the log's readers had to join by hand)
            **({"reason": note} if note and note.strip() else {}),
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
        last = latest_verdicts(session, [comment_id]).get(comment_id)
        if last is None:
            return f"comment {comment_id} has already been moderated"
        verb = "approved" if last.action == Verdict.APPROVE else "rejected"
        return (
            f"comment {comment_id} was already {verb} by {last.actor} "
            f"at {last.created_at.isoformat(timespec='seconds')}"
        )

    def _flag_author(
        self,
        session: Session,
        row: CommentModel,
        site: str,
        action: str,
        actor: Actor,
        until: datetime | None = None,
        reason: str | None = None,
    ) -> AuthorInfo:
        if row.author_id is None:
            raise InvalidError(f"comment {row.id} has no author to {action}")
        column, value = AUTHOR_FLAGS[action]
        attr = getattr(Author, column)
        values: dict[str, Any] = {column: value, "version": Author.version + 1}
        guard = attr.is_(not value)
        if column == "banned":
            values["banned_until"] = until if value else None
            if value:  # a suspension that has ended is no ban
                guard = or_(guard, Author.banned_until <= utcnow())
        applied = session.execute(
            update(Author)
            .where(Author.id == row.author_id, guard)
            .values(values)
            .execution_options(synchronize_session=False)
        )
        if applied.rowcount != 1:  # type: ignore[attr-defined]
            state = "banned" if column == "banned" else "trusted"
            raise ConflictError(
                f"author {quoted(row.author)} is {'already' if value else 'not'} {state}",
                names=[row.author],
            )
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
            after={
                column: value,
                **({"until": until.isoformat()} if until and value else {}),
                # why: the reason typed for a ban is the audit log's to keep, not only the
                # comment's actions'
                **({"reason": reason} if reason and reason.strip() else {}),
                "comment": row.id,
            },
        )
        return from_row(AuthorInfo, author, recent_rejections=0)

    def undo_last(self, actor: Actor, *, within: timedelta) -> UndoResult:
        """Undo the actor's last action if it is at most ``within`` old: a verdict goes
        back to the policy's, a ban is lifted (both audited, and recorded as an ``undo``
        action, so a second undo finds nothing to undo).

        Raises :class:`NotFoundError` when there is nothing to undo (no action, too
        old, or already undone) and :class:`ConflictError` when someone changed the
        comment or author since (their change stands).
        """
        now = utcnow()
        with self._sessions.write() as session:
            last = session.execute(
                with_site_name(ActionRow)
                .where(ActionRow.actor == actor.id)
                .order_by(ActionRow.id.desc())
                .limit(1)
            ).first()
            if last is None or last[0].action == UNDO or last[0].created_at < now - within:
                raise NotFoundError("nothing to undo")
            action, site = last
            if action.comment_id is None:
                raise NotFoundError("nothing to undo")
            row = session.get(CommentModel, action.comment_id)
            if row is None:
                raise NotFoundError("the comment is gone")
            if action.action in VERDICTS:
                status = self._unverdict(session, row, site, action, actor, now)
            elif action.action == ModeratorAction.BAN:
                self._unban(session, row, site, actor)
                status = row.status
            else:
                raise NotFoundError(f"a {action.action} cannot be undone")
            return self._recorded_undo(session, row, action, actor, now, status)

    @staticmethod
    def _recorded_undo(
        session: Session,
        row: CommentModel,
        action: ActionRow,
        actor: Actor,
        at: datetime,
        status: str,
    ) -> UndoResult:
        """The undo of ``action`` on ``row`` written to its history (as an ``undo`` action
        noting what it took back), and what it came to."""
        session.add(_history_line(row, UNDO, action.action, actor, at))
        return UndoResult(action.action, row.id, row.author, status)

    def _unverdict(
        self,
        session: Session,
        row: CommentModel,
        site: str,
        action: ActionRow,
        actor: Actor,
        now: datetime,
    ) -> str:
        """Put a comment back to what it was before the verdict being undone, if that
        verdict still stands: the moderator's verdict it overturned (:func:`_overturned`; a
        correction undone brought back the policy's status instead: a comment one moderator
        had rejected was published again), else its policy's status.

        The verdict must still be the comment's latest (no verdict or undo by anyone
        since): the status alone cannot tell, since another moderator may have approved
        and then rejected it again, and undoing "the same" reject would put back their
        overturned approval (:class:`ConflictError`: their change stands)."""
        latest = session.scalar(
            select(ActionRow.id)
            .where(
                ActionRow.comment_id == row.id,
                or_(
                    ActionRow.action.in_(list(VERDICTS)),
                    and_(ActionRow.action == UNDO, ActionRow.note.in_(list(VERDICTS))),
                ),
            )
            .order_by(ActionRow.id.desc())
            .limit(1)
        )
        if latest != action.id:
            raise ConflictError(f"comment {row.id} changed since; the change stands")
        verdict_status = VERDICTS[action.action]
        earlier = _overturned(session, row.id)
        if earlier is not None:
            return self._back_to_verdict(session, row, site, verdict_status, earlier, actor, now)
        policy = session.scalars(
            select(DecisionModel)
            .where(DecisionModel.comment_id == row.id, DecisionModel.source == "policy")
            .order_by(DecisionModel.id.desc())
            .limit(1)
        ).first()
        status = STATUS_OF_ACTION.get(policy.action if policy else "", "approved")
        _put_back(session, row, verdict_status, {"status": status, "status_source": "policy"}, now)
        queued = session.scalars(select(QueueItem).where(QueueItem.comment_id == row.id)).first()
        if queued is not None:
            if queued.reasons == ["moderator review"] and status == "approved":
                # It entered the queue only through the verdict being undone.
                session.execute(delete(QueueItem).where(QueueItem.id == queued.id))
            else:
                pending = status == "pending"
                queued.status = status
                queued.resolved_at = None if pending else now
                queued.resolved_by = None if pending else "policy"
                queued.version += 1
        _record_undo(session, row, site, verdict_status, (status, "policy"), actor, now)
        return status

    def _back_to_verdict(
        self,
        session: Session,
        row: CommentModel,
        site: str,
        verdict_status: str,
        earlier: DecisionModel,
        actor: Actor,
        now: datetime,
    ) -> str:
        """Undo a correction: the comment goes back to the moderator's verdict it
        overturned (``earlier``), queue entry, author's count and audit with it."""
        status = STATUS_OF_ACTION.get(earlier.action, "approved")
        _put_back(session, row, verdict_status, {"status": status}, now)
        session.execute(
            update(QueueItem)
            .where(QueueItem.comment_id == row.id)
            .values(status=status, resolved_by=earlier.actor, version=QueueItem.version + 1)
            .execution_options(synchronize_session=False)
        )
        _record_undo(session, row, site, verdict_status, (status, "moderator"), actor, now)
        return status

    def _unban(self, session: Session, row: CommentModel, site: str, actor: Actor) -> None:
        if row.author_id is None:
            raise NotFoundError("nothing to undo")
        applied = session.execute(
            update(Author)
            .where(Author.id == row.author_id, Author.banned.is_(True))
            .values(banned=False, banned_until=None, version=Author.version + 1)
            .execution_options(synchronize_session=False)
        )
        if applied.rowcount != 1:  # type: ignore[attr-defined]
            raise ConflictError(
                f"author {quoted(row.author)} is no longer banned", names=[row.author]
            )
        add_audit(
            session,
            actor,
            "author.undo_ban",
            "author",
            row.author or "",
            site=site,
            before={"banned": True},
            after={"banned": False, "comment": row.id},  # as the ban's own entry names it
        )
