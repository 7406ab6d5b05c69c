"""Erasing a comment's text and author name on request: an erasure request (GDPR article
17), or doxxing that must not stay in the store.

What goes, in one transaction: the comment's text (stored as ``""`` from then on) and its
author's name, wherever the store keeps a copy of them tied to the comment: the comment
row (and its link to the author's row, which names them), its queue entry, the texts its
verdicts were given on (``decisions.text``: the labelled export then leaves those verdicts
out, as it leaves out verdicts whose text was never kept), the copy of the text with its
watched words censored that its policy decisions kept (``details["censored_text"]``) and
the author named on its lines of moderation history.

What stays: every decision (the policy's and the moderators', with their reasons, which
quote a listed phrase or the shape of contact details, never the text), every
analysis (scores, targets, and spans, which are offsets and no words), the status and the
queue entry, and the audit log. The log is append-only and names texts by their SHA-256
only; the erasure adds its own entry, ``comment.erase``: who erased it and when (the
entry's actor and time), why where the admin said, and the SHA-256 of the text erased.
The name's hash is not kept: a site's few thousand names could be hashed one by one to
find it again. The author's own record (a ban, trust, counts) stays under their name: it
is the author's, not this comment's.

An erased comment stays erased: an upload of it again (or a reply that remembers it as
context) does not bring its text back (:mod:`.ingest`, :mod:`.comments`), and rescoring
passes it by (:mod:`.rescore`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.models import ModeratorAction as ActionRow
from threadguard.storage.models import QueueItem, utcnow
from threadguard.storage.records import (
    MAX_NOTE_CHARS,
    Actor,
    ConflictError,
    InvalidError,
    no_comment,
)
from threadguard.storage.repositories.rows import text_sha256
from threadguard.storage.sessions import Repository, add_audit, with_site_name

#: The audit log's action for an erasure.
ERASE = "comment.erase"


@dataclass(frozen=True)
class Erased:
    """A comment erased: which, on which site, when, by whom, and the SHA-256 of the text
    it had (what its audit entry records)."""

    comment_id: str
    site: str
    at: datetime
    by: str
    text_sha256: str


class ErasureRepository(Repository):
    """Erasing comments' texts and author names (see the module docs)."""

    def erase_comment(
        self,
        comment_id: str,
        actor: Actor,
        *,
        reason: str | None = None,
        sites: tuple[str, ...] | None = None,
    ) -> Erased:
        """Erase the comment's text and author name, keeping its decisions and scores,
        audited ``comment.erase`` in the same transaction.

        ``sites``: the sites the actor may act on (None: any; another site's comment is
        "no comment", as for a verdict); ``reason``: why, in the admin's words (at most
        :data:`~threadguard.storage.records.MAX_NOTE_CHARS`). Raises
        :class:`NotFoundError`, :class:`ConflictError` (erased already) or
        :class:`InvalidError` (a reason too long)."""
        reason = (reason or "").strip() or None
        if reason is not None and len(reason) > MAX_NOTE_CHARS:
            raise InvalidError(
                f"a reason is at most {MAX_NOTE_CHARS:,} characters (this one has {len(reason):,})"
            )
        now = utcnow()
        with self._sessions.write() as session:
            found = session.execute(
                with_site_name(CommentModel)
                .where(CommentModel.id == comment_id)
                .with_for_update(of=CommentModel)
            ).first()
            if found is None or (sites is not None and found[1] not in sites):
                raise no_comment(comment_id)
            row, site = found
            if row.erased_at is not None:
                raise ConflictError(
                    f"comment {row.id} was erased already, by {row.erased_by} at "
                    f"{row.erased_at.isoformat(timespec='seconds')}"
                )
            erased = Erased(row.id, site, now, actor.id, text_sha256(row.text))
            before: dict[str, Any] = {
                "text_sha256": erased.text_sha256,
                "author": "named" if row.author else "none",
                "status": row.status,
                "status_source": row.status_source,
                "version": row.version,
            }
            session.execute(
                update(CommentModel)
                .where(CommentModel.id == row.id)
                .values(
                    text="",
                    author=None,
                    author_id=None,
                    erased_at=now,
                    erased_by=actor.id,
                    version=row.version + 1,
                )
                .execution_options(synchronize_session=False)
            )
            for model in (QueueItem, ActionRow):
                session.execute(
                    update(model)
                    .where(model.comment_id == row.id)
                    .values(author=None)
                    .execution_options(synchronize_session=False)
                )
            session.execute(
                update(DecisionModel)
                .where(DecisionModel.comment_id == row.id, DecisionModel.text.is_not(None))
                .values(text=None)
                .execution_options(synchronize_session=False)
            )
            for decision in session.scalars(
                select(DecisionModel).where(
                    DecisionModel.comment_id == row.id, DecisionModel.details.is_not(None)
                )
            ):
                if (decision.details or {}).get("censored_text") is not None:
                    decision.details = {**(decision.details or {}), "censored_text": None}
            after: dict[str, Any] = {"erased": True, "version": row.version + 1}
            if reason is not None:
                after["reason"] = reason
            add_audit(
                session, actor, ERASE, "comment", row.id, site=site, before=before, after=after
            )
            return erased
