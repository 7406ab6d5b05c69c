"""Thread uploads: read, moderated and stored, and what the client is told.

A small upload is ingested while the client waits and answered with the ``scan`` document
(:func:`thread_answer`); a large one is a background job
(:mod:`threadguard.service.upload_jobs`) whose result is :func:`job_result`. Either way
the comments are stored in short transactions
(:mod:`threadguard.storage.repositories.ingest`), so nothing else waits on an upload.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from threadguard.moderation import Moderated
from threadguard.service.context import ServiceState, SitePolicy
from threadguard.service.moderation import (
    ThreadModeration,
    moderate_thread,
    standing,
    stored_thread_document,
    to_store,
)
from threadguard.storage.records import Actor, ArticleRef, Origin
from threadguard.storage.repositories.ingest import Stored
from threadguard.thread import ReadResult
from threadguard.validation import printable


@dataclass(frozen=True)
class Upload:
    """A thread as read from an upload, and where and by whom it goes."""

    site: str
    read: ReadResult
    format: str
    article: ArticleRef
    actor: Actor
    #: The upload as received and the name it goes by in messages (what a background
    #: job reads again, in a process of its own).
    body: bytes = b""
    name: str = ""

    @property
    def size(self) -> int:
        """How many comments the upload has."""
        return len(self.read.thread.comments)


@dataclass(frozen=True)
class Ingested:
    """An upload once moderated and stored: the site's moderator, each comment's outcome
    (and which were left as stored, unchanged), and each one's store id and status."""

    moderation: ThreadModeration
    stored: list[Stored]

    @property
    def policy(self) -> SitePolicy:
        return self.moderation.policy

    @property
    def items(self) -> list[Moderated]:
        return self.moderation.items


def ingest(
    state: ServiceState,
    upload: Upload,
    progress: Callable[[int], None] | None = None,
    *,
    background: bool = False,
) -> Ingested:
    """Score, decide and store the upload's comments (``progress`` and ``background``:
    see :meth:`~threadguard.storage.store.Store.record_many`). Comments stored already
    with the same text and context keep their analysis and decision
    (:func:`moderate_thread`); the store only refreshes their place in the thread."""
    done = moderate_thread(state, upload.site, upload.read.thread, upload.article)
    stored = state.store.comments.record_many(
        Origin(upload.site, "native", upload.article, upload.actor),
        to_store(done.items),
        progress=progress,
        background=background,
        unchanged=done.unchanged,
    )
    return Ingested(done, stored)


def thread_answer(upload: Upload, done: Ingested) -> dict[str, Any]:
    """The answer to an upload stored while the client waited: the scan document with
    each comment's store id and status, and the site, article, format and problems."""
    doc = stored_thread_document(upload.read.thread, done.moderation, done.stored)
    return {**doc, **_upload_facts(upload, done)}


def _standing_actions(m: Moderated, result: Stored) -> dict[str, str]:
    """A job result's ``decision`` (and ``policy_decision``) actions (:func:`standing`)."""
    decision, policy = standing({"action": m.decision.action.value}, result)
    if policy is None:
        return {"decision": decision["action"]}
    return {"decision": decision["action"], "policy_decision": policy["action"]}


def job_result(upload: Upload, done: Ingested) -> dict[str, Any]:
    """A finished upload job's result: each comment's id, store id, status and the
    policy's decision (``unchanged``: the stored one, the comment uploaded again as it
    is stored), and the count of each status (the full analyses are the comments' own,
    ``GET /api/v1/comments/{id}``)."""
    comments = [
        {
            "id": m.comment.id,
            "comment_id": result.id,
            "status": result.status,
            # the decision to act on, as the upload answer gives it (a review: a job's
            # result gave the policy's where a moderator's verdict stood)
            **_standing_actions(m, result),
            **({"left_as_stored": True} if result.kept else {}),
            **({"unchanged": True} if i in done.moderation.kept else {}),
        }
        for i, (m, result) in enumerate(zip(done.items, done.stored, strict=True))
    ]
    statuses = Counter(r.status for r in done.stored)
    return {
        **_upload_facts(upload, done),
        "statuses": {s: statuses.get(s, 0) for s in ("approved", "pending", "rejected")},
        "comments": comments,
    }


def _upload_facts(upload: Upload, done: Ingested) -> dict[str, Any]:
    """The site, article and format of an upload, and its problems: the readers', then
    one for each comment left as stored (no text of its own, see
    :attr:`~threadguard.storage.records.NewComment.has_text`, or one an admin erased)."""
    kept = [
        _left_as_stored(m.comment.id, result)
        for m, result in zip(done.items, done.stored, strict=True)
        if result.kept
    ]
    return {
        "site": upload.site,
        "article": upload.article.external_id,
        "format": upload.read.format or upload.format,
        "problems": [printable(str(p)) for p in upload.read.problems]
        + [printable(k) for k in kept],
    }


def _left_as_stored(comment_id: str, result: Stored) -> str:
    """Why the upload's comment ``comment_id`` was left as stored, for its problems."""
    if result.erased:
        # it was said to have "no text of its own", sent whole: the store keeps an erased
        # comment erased (docs/service.md), and the answer says that is why
        return (
            f"comment {comment_id!r} was erased by an admin ({result.id}); its text was not "
            "stored again: an erased comment stays erased (its decision and queue entry "
            "unchanged)"
        )
    return (
        f"comment {comment_id!r} has no text; the stored comment with this id was left "
        "as stored (its text, decision and queue entry unchanged)"
    )
