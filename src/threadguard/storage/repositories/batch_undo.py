"""Undoing a bulk action: every verdict of the batch, not only the last.

A bulk reject is one verdict per comment, each its own action row; ``undo_last`` takes
back the actor's last action only, so the dashboard's undo after "Reject selected"
restored the batch's last comment and left the others rejected. Here each comment of
the batch is put back as ``undo_last`` puts back one (the same helpers: a correction goes
back to the verdict it overturned, a first verdict to the policy's status, audited and
recorded as an ``undo``), within the same window, counted from each comment's own
verdict: the ids come from the form, so one fresh verdict must not carry the undo of
weeks-old ones on other comments. A comment someone else gave a verdict since keeps it
(their verdict may be the same as the one undone, so the status alone cannot tell) and is
reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, or_

from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import ModeratorAction as ActionRow
from threadguard.storage.models import utcnow
from threadguard.storage.records import Actor, ConflictError, NotFoundError, UndoResult
from threadguard.storage.repositories.moderation import UNDO, VERDICTS, ModerationRepository
from threadguard.storage.sessions import with_site_name

#: The most comments one batch undo takes (a bulk action takes at most a page of 200).
MAX_BATCH = 200


@dataclass(frozen=True)
class BatchUndone:
    """What a batch undo did: each comment put back, and each left as it is with why."""

    undone: list[UndoResult] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    #: The skipped comments someone else gave a verdict since (the others had nothing
    #: of the actor's to undo: undone already, or past the window).
    changed: set[str] = field(default_factory=set)


class BatchUndoRepository(ModerationRepository):
    """The undo of a bulk action (the moderation repository's undo, for many comments)."""

    def undo_batch(
        self, actor: Actor, comment_ids: Sequence[str], *, within: timedelta
    ) -> BatchUndone:
        """Undo the actor's latest verdict on each of ``comment_ids`` (a bulk action's
        comments) that is at most ``within`` old and still the comment's latest verdict;
        the others are skipped, each with why. Raises :class:`NotFoundError` when there
        is nothing to undo at all (too old, already undone, not the actor's)."""
        ids = list(dict.fromkeys(comment_ids))[:MAX_BATCH]
        since = utcnow() - within
        done = BatchUndone()
        for comment_id in ids:
            try:
                done.undone.append(self._undo_one(actor, comment_id, since))
            except ConflictError as exc:
                done.skipped[comment_id] = str(exc)
                done.changed.add(comment_id)
            except NotFoundError as exc:
                done.skipped[comment_id] = str(exc)
        if not done.undone:
            raise NotFoundError("nothing to undo")
        return done

    def _undo_one(self, actor: Actor, comment_id: str, since: datetime) -> UndoResult:
        """Undo the actor's last verdict on one comment if it was given after ``since``
        and not undone yet (its own transaction: a conflict leaves the batch's other
        comments undone)."""
        with self._sessions.write() as session:
            last = session.execute(
                with_site_name(ActionRow)
                .where(
                    ActionRow.actor == actor.id,
                    ActionRow.comment_id == comment_id,
                    or_(
                        ActionRow.action.in_(list(VERDICTS)),
                        and_(ActionRow.action == UNDO, ActionRow.note.in_(list(VERDICTS))),
                    ),
                )
                .order_by(ActionRow.id.desc())
                .limit(1)
            ).first()
            if last is None or last[0].action not in VERDICTS:
                raise NotFoundError("nothing to undo")
            action, site = last
            if action.created_at < since:
                raise NotFoundError("nothing to undo: your verdict on it is past the undo window")
            row = session.get(CommentModel, comment_id)
            if row is None:
                raise NotFoundError("the comment is gone")
            at = utcnow()
            status = self._unverdict(session, row, site, action, actor, at)
            return self._recorded_undo(session, row, action, actor, at, status)
