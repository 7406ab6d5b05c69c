"""How scored comments become rows: the comment, its analysis, its policy decision, its
queue entry and its author's counters.

Two paths write the same rows. A comment the store has not seen goes in bulk
(:mod:`~threadguard.storage.repositories.bulk`: one multi-row ``INSERT`` per table). One
already stored (an edit, a thread uploaded again, a comment first remembered as context)
goes through the ORM, which looks it up and updates it; a moderator's verdict on a
comment stands while its text does not change. An incoming comment with no text of its
own (:attr:`~threadguard.storage.records.NewComment.has_text`: a deleted comment in a
dump, a record without a text field) leaves a stored one as it is (:class:`Kept`): its
text, decision and queue entry are never replaced by an empty node.

**Bounded transactions.** A thread upload is written in many short transactions, not one:
on SQLite a transaction holds the database's only write lock, and a 60,000-comment upload
in one transaction kept every other writer (Perspective's analyze, Coral, moderators)
waiting for minutes. Each transaction takes as many comments as fit in about
:data:`TX_TARGET_S` (at most :data:`MAX_PER_TX`), measured as it goes, and the write
lock is fair (:class:`~threadguard.storage.contention.FairLock`), so any other writer
waits for one such transaction at most; and while others are writing, the upload pauses
between its transactions (as long as each took), so the hot path finds the lock free,
and the CPU its own, at least half the time. An upload that fails part-way leaves the
comments before the failure stored; uploading it again completes it (a stored comment
is never duplicated, and one sent again as it is stored keeps its analysis and decision:
``unchanged`` in :meth:`CommentWriter.record_many`).

:meth:`CommentWriter.commit_records` is the batch function of the store's
:class:`~threadguard.storage.writer.GroupCommitter`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from threadguard.schema import Role, Verdict
from threadguard.storage.models import AnalysisRow as AnalysisModel
from threadguard.storage.models import Article, Author, QueueItem, Site, utcnow
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.names import quoted
from threadguard.storage.records import (
    STATUS_OF_ACTION,
    Actor,
    ConflictError,
    NewComment,
    Origin,
    StoreBusyError,
)
from threadguard.storage.repositories.bulk import (
    Kept,
    KeptErased,
    NewRow,
    Stored,
    add_authors,
    analysis_values,
    count_new,
    insert_new,
    new_comment_id,
    policy_decision_values,
    scores,
)
from threadguard.storage.repositories.rows import text_sha256
from threadguard.storage.sessions import Repository, add_audit, get_or_create
from threadguard.storage.writer import Outcome

__all__ = ["CommentWriter", "Kept", "RecordJob", "Stored", "Unchanged", "new_comment_id"]

#: How long one transaction of an upload should hold the write lock, in seconds.
TX_TARGET_S = 0.015
#: The most comments one transaction of an upload takes, and how many the first takes.
MAX_PER_TX = 500
FIRST_TX = 20
MIN_PER_TX = 5
#: While others write, an upload pauses this many times as long as each of its
#: transactions held the write lock, before the next: it is background work.
YIELD = 1.0


@dataclass(frozen=True)
class RecordJob:
    """One recorded comment waiting for the group commit."""

    origin: Origin
    item: NewComment

    @property
    def plain(self) -> bool:
        """A comment that is always new and touches no other row (no id, author, article)."""
        return (
            self.origin.article is None and self.item.external_id is None and not self.item.author
        )


class Pacer:
    """How many comments the next transaction of an upload takes: as many as were written
    in :data:`TX_TARGET_S` so far, between :data:`MIN_PER_TX` and :data:`MAX_PER_TX`."""

    def __init__(self) -> None:
        self.size = FIRST_TX

    def took(self, count: int, seconds: float) -> None:
        """Learn from a transaction that wrote ``count`` comments in ``seconds``."""
        if count <= 0:
            return
        per_comment = max(seconds, 1e-6) / count
        wanted = int(TX_TARGET_S / per_comment)
        # Grow gently (a fast transaction may have been lucky), shrink at once.
        self.size = max(MIN_PER_TX, min(MAX_PER_TX, wanted, self.size * 2))


class CommentWriter(Repository):
    """Writes comments and what hangs off them, through the store's transactions."""

    #: The server policy every policy decision written is made under, kept in the
    #: decision's details (:meth:`~threadguard.storage.store.Store.decide_under`; None:
    #: not told, nothing kept).
    decided_under: dict[str, Any] | None = None

    def record_many(
        self,
        origin: Origin,
        comments: Sequence[NewComment],
        *,
        progress: Callable[[int], None] | None = None,
        background: bool = False,
        unchanged: Collection[str] | None = None,
    ) -> list[Stored]:
        """Store scored comments in short transactions (see the module docs).

        Returns ``(id, status)`` for each, in order: the status is the policy's unless a
        moderator has already ruled on that comment as it reads now. ``progress`` is
        told how many are stored after each transaction.

        A comment already stored under the same site, article and id is updated: it gets
        a new analysis and policy decision (but for ``unchanged`` ones, below). If its
        text is the same, a moderator's verdict on it stands; if the text changed (an
        edit), it is moderated again and the edit is audited. One with no text of its
        own is left as stored and answered :class:`Kept` with its stored status.

        A comment already scored keeps its author: one sent again under another author
        is refused (:class:`ConflictError` naming the comment), before anything of the
        upload is written (a verdict on it, and the ban it led to, stay with who wrote it).

        ``background``: pause after every transaction, not only when others wrote in this
        process (an upload process of its own cannot see the service's writers).

        ``unchanged`` (a thread upload): the ids of the comments the upload sends as they
        are stored, with the same context, and so did not read again. Each keeps its
        analysis, policy decision, status and queue entry; only its place in the thread
        is refreshed (answered :class:`Unchanged`). Any other comment stored with the same
        text was read again because what it answers changed (its parent edited, the
        article retitled): its new decision is audited as ``comment.context``. None
        (Coral and the other single comments): a comment sent again is decided again, as
        its caller was answered.
        """
        self._check_authors(origin, comments)
        out: list[Stored] = []
        pacer = Pacer()
        while True:
            chunk = comments[len(out) : len(out) + pacer.size]
            with self._sessions.write() as session:
                started = time.perf_counter()
                ours = self._sessions.write_grants()
                site_id = self._sessions.site_key(session, origin.site)
                stored = self._store_batch(session, site_id, origin, chunk, unchanged)
                session.flush()
                pacer.took(len(chunk), time.perf_counter() - started)
            held = time.perf_counter() - started
            out.extend(stored)
            if progress is not None:
                progress(len(out))
            if len(out) >= len(comments):
                return out
            if background or self._sessions.write_grants() != ours:
                # Others are writing (the hot path): step aside as long as we held the
                # lock, so that they find it free, and the CPU ours, half the time.
                time.sleep(held * YIELD)

    def _check_authors(self, origin: Origin, comments: Sequence[NewComment]) -> None:
        """:class:`ConflictError` when any of ``comments`` is stored already, scored, under
        another author (read before the upload's first write; :meth:`_store_one` checks
        again in its transaction)."""
        wanted = {
            c.external_id: c.author
            for c in comments
            if c.external_id is not None and c.author and c.has_text
        }
        if not wanted:
            return
        key = origin.article.external_id if origin.article is not None else ""
        ids = list(wanted)
        with self._sessions.read() as session:
            site_id = session.scalar(select(Site.id).where(Site.name == origin.site))
            if site_id is None:
                return
            for start in range(0, len(ids), AUTHOR_CHECK_CHUNK):
                rows = session.execute(
                    select(CommentModel.external_id, CommentModel.author).where(
                        CommentModel.site_id == site_id,
                        CommentModel.article_key == key,
                        CommentModel.external_id.in_(ids[start : start + AUTHOR_CHECK_CHUNK]),
                        CommentModel.source != "context",
                        CommentModel.author.is_not(None),
                    )
                ).all()
                for ext, stored in rows:
                    if stored and wanted[ext] != stored:
                        raise author_changed(ext, stored, wanted[ext])

    def commit_records(self, jobs: Sequence[RecordJob]) -> list[Outcome[Stored]]:
        """Write a batch of records in one transaction; if that fails, each one alone.

        Retrying alone means one caller's bad write (or a conflict) fails that caller
        only; the others are committed and answered as if nothing happened. A busy
        database fails the whole batch at once: retrying each write would make every
        caller wait for the lock once more.
        """
        try:
            written: list[Outcome[Stored]] = list(self._write_jobs(jobs))
            return written
        except StoreBusyError as exc:
            return [exc] * len(jobs)
        except Exception as exc:
            if len(jobs) == 1:
                return [exc]
        outcomes: list[Outcome[Stored]] = []
        for job in jobs:
            try:
                outcomes.extend(self._write_jobs([job]))
            except Exception as exc:
                outcomes.append(exc)
        return outcomes

    def _write_jobs(self, jobs: Sequence[RecordJob]) -> list[Stored]:
        """Write ``jobs`` in one transaction: without an ORM session when every one is a
        plain comment for a site already known (Perspective's steady state)."""
        plain = [
            NewRow(site_id, job.origin.source, job.item)
            for job in jobs
            if job.plain and (site_id := self._sessions.cached_site_id(job.origin.site)) is not None
        ]
        if len(plain) == len(jobs):
            with self._sessions.write_core() as conn:
                return insert_new(conn, plain, decided_under=self.decided_under)
        with self._sessions.write() as session:
            return self._store_jobs(session, jobs)

    def _store_jobs(self, session: Session, jobs: Sequence[RecordJob]) -> list[Stored]:
        out: list[Stored | None] = [None] * len(jobs)
        plain: list[tuple[int, NewRow]] = []
        for i, job in enumerate(jobs):
            site_id = self._sessions.site_key(session, job.origin.site)
            if job.plain:
                plain.append((i, NewRow(site_id, job.origin.source, job.item)))
            else:
                out[i] = self._store_batch(session, site_id, job.origin, [job.item])[0]
        inserted = insert_new(
            session.connection(),
            [row for _, row in plain],
            decided_under=self.decided_under,
        )
        for (i, _), result in zip(plain, inserted, strict=True):
            out[i] = result
        return [r for r in out if r is not None]

    def _store_batch(
        self,
        session: Session,
        site_id: int,
        origin: Origin,
        comments: Sequence[NewComment],
        unchanged: Collection[str] | None = None,
    ) -> list[Stored]:
        """Store comments under one article: runs of new ones in bulk, the others (stored
        before, or repeated in this batch) one by one, in order (``unchanged``: see
        :meth:`record_many`). An article's title is the latest upload's that gives one
        (what its comments were last read with)."""
        article = origin.article
        article_id: int | None = None
        if article is not None:
            art: Article = get_or_create(
                session,
                Article,
                {"site_id": site_id, "external_id": article.external_id},
                title=article.title,
                url=article.url,
            )
            if article.title and art.title != article.title:
                art.title = article.title
            if article.url and not art.url:
                art.url = article.url
            article_id = art.id
        key = article.external_id if article is not None else ""
        known = self._stored_ids(session, site_id, key, comments)
        out: list[Stored] = []
        run: list[NewComment] = []
        for item in comments:
            ext = item.external_id
            if ext is None or ext not in known:
                run.append(item)
                if ext is not None:
                    known.add(ext)  # a second copy in this batch is an update
                continue
            out.extend(self._insert_run(session, site_id, article_id, key, origin.source, run))
            run = []
            out.append(self._store_one(session, site_id, key, origin, item, unchanged))
        out.extend(self._insert_run(session, site_id, article_id, key, origin.source, run))
        return out

    def _stored_ids(
        self, session: Session, site_id: int, key: str, comments: Sequence[NewComment]
    ) -> set[str]:
        """Which of the comments' external ids are already stored under the article."""
        ids = sorted({c.external_id for c in comments if c.external_id is not None})
        found: set[str] = set()
        for start in range(0, len(ids), MAX_PER_TX):
            found.update(
                session.scalars(
                    select(CommentModel.external_id).where(
                        CommentModel.site_id == site_id,
                        CommentModel.article_key == key,
                        CommentModel.external_id.in_(ids[start : start + MAX_PER_TX]),
                    )
                ).all()
            )
        return found

    def _insert_run(
        self,
        session: Session,
        site_id: int,
        article_id: int | None,
        key: str,
        source: str,
        run: Sequence[NewComment],
    ) -> list[Stored]:
        """Insert comments the store has not seen, in bulk, counting them for their authors."""
        if not run:
            return []
        session.flush()  # the ORM's pending rows first: the bulk path reads past it
        conn = session.connection()
        authors = add_authors(conn, site_id, [c.author for c in run if c.author])
        owners = [authors.get(c.author) if c.author else None for c in run]
        ranks = count_new(
            conn,
            [
                (aid, STATUS_OF_ACTION[c.decision.action])
                for aid, c in zip(owners, run, strict=True)
            ],
        )
        return insert_new(
            conn,
            [
                NewRow(site_id, source, c, article_id, key, aid, rank)
                for c, aid, rank in zip(run, owners, ranks, strict=True)
            ],
            decided_under=self.decided_under,
        )

    def _store_one(
        self,
        session: Session,
        site_id: int,
        article_key: str,
        origin: Origin,
        item: NewComment,
        unchanged: Collection[str] | None = None,
    ) -> Stored:
        """Update a stored comment with its new analysis and policy decision.

        A comment first remembered as context is counted for its author now. One already
        scored keeps a moderator's verdict while its text is the same (a thread uploaded
        again); an edit (new text) is moderated again: the verdict was given on the old
        text, so the policy's decision on the new one stands until a moderator rules on
        it, and the edit is audited.

        One of ``unchanged`` (see :meth:`record_many`) keeps its analysis, decision,
        status and queue entry: only its place in the thread is refreshed. (Should its
        text have changed meanwhile, the upload's is the older: the stored one stands.)

        An incoming comment with no text of its own (a reader's empty node, kept so its
        replies keep their parent) is no edit and no new reading: the stored comment, its
        decision, its queue entry and its author's counters are left as they are. So is
        one an admin erased (:mod:`.erasure`): its text does not come back.
        """
        now = utcnow()
        status = STATUS_OF_ACTION[item.decision.action]
        row = find_comment(session, site_id, article_key, item.external_id)
        assert row is not None, "only comments already stored are updated here"
        if row.erased_at is not None:
            # an erased comment stays erased: an upload of it again is no edit
            return KeptErased(row.id, row.status)
        if not item.has_text:
            return Kept(row.id, row.status)
        # Remembered as context only (never counted), or scored already.
        counted = row.source != "context"
        if counted and row.author and item.author and item.author != row.author:
            raise author_changed(item.external_id, row.author, item.author)
        if counted and unchanged is not None and item.external_id in unchanged:
            row.depth, row.position = item.depth, item.position
            row.posted_at = item.posted_at or row.posted_at
            return Unchanged(row.id, row.status)
        author_id = find_or_add_author(session, site_id, item.author)
        previous = row.status if counted else None  # what the author's counters include
        edit = edit_of(row, item.text) if counted else None
        # read again with the same text in an upload: what it answers changed
        context = (
            Edit(row.text, row.status, row.status_source, row.version)
            if counted and edit is None and unchanged is not None
            else None
        )
        row.text = item.text
        row.parent_external_id = item.parent_id or row.parent_external_id
        row.source = origin.source
        row.author = item.author or row.author
        row.author_id = author_id or row.author_id
        row.posted_at = item.posted_at or row.posted_at
        row.depth, row.position = item.depth, item.position
        if edit is not None:
            row.status_source = "policy"  # a verdict on the old text does not carry over
        if row.status_source == "policy":
            row.status = status
            row.status_at = now
            row.version += 1
        if author_id is not None and (not counted or row.status_source == "policy"):
            seq = self._count_author(session, author_id, previous, status, new=not counted)
            if not counted:
                row.author_seq = seq
        if edit is not None:
            audit_edit(session, origin, row, edit)
        elif context is not None:
            audit_edit(session, origin, row, context, action="comment.context")
        session.flush()
        analysis = AnalysisModel(comment_id=row.id, **analysis_values(item, now))
        session.add(analysis)
        session.flush()
        decided = policy_decision_values(
            row.id, analysis.id, item, now, decided_under=self.decided_under
        )
        session.add(DecisionModel(**decided))
        if row.status_source == "policy":
            self._enqueue(session, row, item, now, edited=edit is not None)
        return Stored(row.id, row.status)

    def _count_author(
        self, session: Session, author_id: int, before: str | None, after: str, *, new: bool
    ) -> int:
        """Move an author's counters from status ``before`` to ``after``, atomically in SQL.

        Returns their comment count, which for a new comment is its rank among the
        author's comments (what pre-moderation of new authors looks at).
        """
        values: dict[str, Any] = {"last_seen": utcnow()}
        if new:
            values["comment_count"] = Author.comment_count + 1
        if after == "pending" and before != "pending":
            values["held_count"] = Author.held_count + 1
        delta = (after == "rejected") - (before == "rejected")
        if delta:
            values["rejected_count"] = Author.rejected_count + delta
        count = session.execute(
            update(Author)
            .where(Author.id == author_id)
            .values(**values)
            .returning(Author.comment_count)
        ).scalar_one()
        return int(count)

    def _enqueue(
        self, session: Session, row: CommentModel, item: NewComment, now: datetime, *, edited: bool
    ) -> None:
        """Put a held or rejected comment in the queue (or update its entry).

        An edit's entry is the policy's again, even where a moderator had resolved it; an
        edit held for review enters the queue anew, at the back.
        """
        queued = session.scalars(select(QueueItem).where(QueueItem.comment_id == row.id)).first()
        if item.decision.action == Verdict.APPROVE:
            if queued is not None and (queued.status == "pending" or edited):
                queued.status = "approved"
                queued.reasons = list(item.decision.reasons)
                queued.resolved_at = now
                queued.resolved_by = "policy"
                queued.version += 1
            return
        status = STATUS_OF_ACTION[item.decision.action]
        if queued is None:
            queued = QueueItem(
                comment_id=row.id,
                site_id=row.site_id,
                article_id=row.article_id,
                author=row.author,
                entered_at=now,
                version=1,
            )
            session.add(queued)
        else:
            if status == "pending" and queued.status != "pending":
                queued.entered_at = now
            queued.version += 1
        queued.status = status
        queued.reasons = list(item.decision.reasons)
        queued.resolved_at = now if status != "pending" else None
        queued.resolved_by = "policy" if status != "pending" else None
        for attribute, value in scores(item).items():
            setattr(queued, attribute, value)


class Unchanged(Stored):
    """A stored comment an upload sent again as it is stored (same text, same context):
    its analysis, decision, status and queue entry were left as they were. ``status`` is
    the stored one."""

    __slots__ = ()


#: How many comment ids one read of the upload's author check asks about.
AUTHOR_CHECK_CHUNK = 500


def author_changed(external_id: str | None, stored: str, sent: str) -> ConflictError:
    """The refusal of an upload that would change who wrote a stored comment."""
    return ConflictError(
        f"comment {external_id!r} is stored as written by {quoted(stored)}; an upload cannot "
        f"change its author to {quoted(sent)} (moderators' verdicts and bans stay with who "
        "wrote it): send it with its stored author, or as a new comment under a new id (a "
        "different thread whose comments are numbered as this one's: upload it with "
        "?article= naming its own article)",
        names=[stored, sent],
    )


@dataclass(frozen=True)
class Edit:
    """A stored comment's state before an edit: its text and who had set its status."""

    text: str
    status: str
    status_source: str
    version: int


def edit_of(row: CommentModel, text: str) -> Edit | None:
    """The comment's state before this write if it changes the text (an edit), else None."""
    if row.text == text:
        return None
    return Edit(row.text, row.status, row.status_source, row.version)


def audit_edit(
    session: Session, origin: Origin, row: CommentModel, edit: Edit, action: str = "comment.edit"
) -> None:
    """Audit an edit: the old and new text's hashes, the status before and after, and who
    sent it (the uploading key, else the endpoint it came through). ``comment.context``:
    a comment of an upload read again, its text the same, because what it answers
    changed (the text hashes are then the same)."""
    actor = origin.actor or Actor(origin.source, Role.CLIENT)
    add_audit(
        session,
        actor,
        action,
        "comment",
        row.id,
        site=origin.site,
        before={
            "text_sha256": text_sha256(edit.text),
            "status": edit.status,
            "status_source": edit.status_source,
            "version": edit.version,
        },
        after={
            "text_sha256": text_sha256(row.text),
            "status": row.status,
            "status_source": row.status_source,
            "version": row.version,
            "source": origin.source,
        },
    )


def find_comment(
    session: Session, site_id: int, article_key: str, external_id: str | None
) -> CommentModel | None:
    """The site's stored comment with this id under this article (key ``""``: none)."""
    if external_id is None:
        return None
    return session.scalars(
        select(CommentModel).where(
            CommentModel.site_id == site_id,
            CommentModel.article_key == article_key,
            CommentModel.external_id == external_id,
        )
    ).first()


def find_or_add_article(session: Session, site_id: int, external_id: str | None) -> int | None:
    """The id of the site's article with this external id, created if new (None: none)."""
    if not external_id:
        return None
    row: Article = get_or_create(
        session, Article, {"site_id": site_id, "external_id": external_id}, title="", url=""
    )
    return row.id


def find_or_add_author(session: Session, site_id: int, name: str | None) -> int | None:
    """The id of the site's author with this name, created if new (None: no author)."""
    if not name:
        return None
    row: Author = get_or_create(
        session,
        Author,
        {"site_id": site_id, "name": name},
        banned=False,
        trusted=False,
        comment_count=0,
        held_count=0,
        rejected_count=0,
        version=1,
    )
    return row.id
