"""How scored comments become rows: the comment, its analysis, its policy decision, its
queue entry and its author's counters, written in one transaction.

Two paths write the same rows. The ORM path looks up what is already stored (an edit,
a thread uploaded again, a comment first remembered as context) and updates it; a
moderator's verdict on a comment always stands. The bulk path is for *plain* comments
(no id, author or article: Perspective's), which are always new and touch no other
row: a few multi-row ``INSERT`` s per batch instead of an ORM flush per row, because
it runs once per request on the compatibility endpoints.

:meth:`CommentWriter.commit_records` is the batch function of the store's
:class:`~threadguard.storage.writer.GroupCommitter`.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, insert, select, update
from sqlalchemy.orm import Session

from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.storage.models import AnalysisRow as AnalysisModel
from threadguard.storage.models import Article, Author, Base, QueueItem, utcnow
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.records import STATUS_OF_ACTION, NewComment, Origin
from threadguard.storage.sessions import Sessions, get_or_create
from threadguard.storage.writer import Outcome

_COMMENTS: Table = Base.metadata.tables["comments"]
_ANALYSES: Table = Base.metadata.tables["analyses"]
_DECISIONS: Table = Base.metadata.tables["decisions"]
_QUEUE: Table = Base.metadata.tables["queue_items"]

#: What storing one comment gives back: the store's id for it and its status.
Stored = tuple[str, str]


def new_comment_id() -> str:
    """A comment's id in the store: random, so ids from many sites never collide."""
    return "cm_" + secrets.token_hex(10)


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


class CommentWriter:
    """Writes comments and what hangs off them, through the store's transactions."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def record_many(self, origin: Origin, comments: Sequence[NewComment]) -> list[Stored]:
        """Store a batch of scored comments in one transaction (see
        :meth:`~threadguard.storage.repositories.comments.CommentRepository.record_many`)."""
        with self._sessions.write() as session:
            site_id = self._sessions.site_key(session, origin.site)
            return self._store_batch(session, site_id, origin, comments)

    def commit_records(self, jobs: Sequence[RecordJob]) -> list[Outcome[Stored]]:
        """Write a batch of records in one transaction; if that fails, each one alone.

        Retrying alone means one caller's bad write (or a conflict) fails that caller
        only; the others are committed and answered as if nothing happened.
        """
        try:
            written: list[Outcome[Stored]] = list(self._write_jobs(jobs))
            return written
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
            (site_id, job.origin.source, job.item)
            for job in jobs
            if job.plain and (site_id := self._sessions.cached_site_id(job.origin.site)) is not None
        ]
        if len(plain) == len(jobs):
            with self._sessions.write_core() as conn:
                return self._insert_plain(conn, plain)
        with self._sessions.write() as session:
            return self._store_jobs(session, jobs)

    def _store_jobs(self, session: Session, jobs: Sequence[RecordJob]) -> list[Stored]:
        out: list[Stored | None] = [None] * len(jobs)
        plain: list[tuple[int, int, str, NewComment]] = []
        for i, job in enumerate(jobs):
            site_id = self._sessions.site_key(session, job.origin.site)
            if job.plain:
                plain.append((i, site_id, job.origin.source, job.item))
            else:
                out[i] = self._store_batch(session, site_id, job.origin, [job.item])[0]
        inserted = self._insert_plain(
            session.connection(), [(s, src, item) for _, s, src, item in plain]
        )
        for (i, *_), result in zip(plain, inserted, strict=True):
            out[i] = result
        return [r for r in out if r is not None]

    def _insert_plain(
        self, conn: Connection, items: Sequence[tuple[int, str, NewComment]]
    ) -> list[Stored]:
        """Insert new comments that have no external id, author or article, in bulk.

        The rows are exactly those :meth:`_store_one` writes for such a comment (it is
        always new, so nothing is looked up or updated), written with one multi-row
        ``INSERT`` per table instead of an ORM flush per row.
        """
        if not items:
            return []
        now = utcnow()
        out: list[Stored] = []
        comments: list[dict[str, Any]] = []
        analyses: list[dict[str, Any]] = []
        for site_id, source, item in items:
            cid = new_comment_id()
            status = STATUS_OF_ACTION[item.decision.action]
            out.append((cid, status))
            comments.append(
                {
                    "id": cid,
                    "site_id": site_id,
                    "article_id": None,
                    "article_key": "",
                    "external_id": cid,
                    "parent_external_id": item.parent_id,
                    "author": None,
                    "author_id": None,
                    "author_seq": None,
                    "text": item.text,
                    "source": source,
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
            analyses.append({"comment_id": cid, **_analysis_values(item, now)})
        conn.execute(insert(_COMMENTS), comments)
        # Matched back by comment id: a multi-row RETURNING does not promise row order.
        returned = conn.execute(
            insert(_ANALYSES).returning(_ANALYSES.c.comment_id, _ANALYSES.c.id), analyses
        )
        analysis_ids: dict[str, int] = {str(cid): int(aid) for cid, aid in returned.all()}
        decisions = []
        queued = []
        for (site_id, _, item), (cid, status) in zip(items, out, strict=True):
            decisions.append(
                {
                    "comment_id": cid,
                    "analysis_id": analysis_ids[cid],
                    "action": item.decision.action,
                    "reasons": list(item.decision.reasons),
                    "source": "policy",
                    "actor": None,
                    "details": item.details,
                    "created_at": now,
                }
            )
            if item.decision.action != Verdict.APPROVE:
                resolved = status != "pending"
                queued.append(
                    {
                        "comment_id": cid,
                        "site_id": site_id,
                        "article_id": None,
                        "author": None,
                        "status": status,
                        "reasons": list(item.decision.reasons),
                        "entered_at": now,
                        "resolved_at": now if resolved else None,
                        "resolved_by": "policy" if resolved else None,
                        "version": 1,
                        **_scores(item),
                    }
                )
        conn.execute(insert(_DECISIONS), decisions)
        if queued:
            conn.execute(insert(_QUEUE), queued)
        return out

    def _store_batch(
        self,
        session: Session,
        site_id: int,
        origin: Origin,
        comments: Sequence[NewComment],
    ) -> list[Stored]:
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
            if article.title and not art.title:
                art.title = article.title
            if article.url and not art.url:
                art.url = article.url
            article_id = art.id
        key = article.external_id if article is not None else ""
        return [
            self._store_one(session, site_id, article_id, key, origin.source, item)
            for item in comments
        ]

    def _store_one(
        self,
        session: Session,
        site_id: int,
        article_id: int | None,
        article_key: str,
        source: str,
        item: NewComment,
    ) -> Stored:
        now = utcnow()
        status = STATUS_OF_ACTION[item.decision.action]
        row = None
        if item.external_id is not None:
            row = find_comment(session, site_id, article_key, item.external_id)
        author_id = find_or_add_author(session, site_id, item.author)
        previous: str | None = None  # the status the author's counters already include
        if row is None:
            cid = new_comment_id()
            row = CommentModel(
                id=cid,
                site_id=site_id,
                article_id=article_id,
                article_key=article_key,
                external_id=item.external_id or cid,
                parent_external_id=item.parent_id,
                author=item.author or None,
                author_id=author_id,
                text=item.text,
                source=source,
                depth=item.depth,
                position=item.position,
                posted_at=item.posted_at,
                received_at=now,
                status=status,
                status_source="policy",
                status_at=now,
                version=1,
            )
            session.add(row)
            counted = False
        else:
            # Seen before: remembered as context only (never counted), or scored already.
            counted = row.source != "context"
            previous = row.status if counted else None
            row.text = item.text
            row.parent_external_id = item.parent_id or row.parent_external_id
            row.source = source
            row.author = item.author or row.author
            row.author_id = author_id or row.author_id
            row.posted_at = item.posted_at or row.posted_at
            row.depth, row.position = item.depth, item.position
            if row.status_source == "policy":
                row.status = status
                row.status_at = now
                row.version += 1
        if author_id is not None and (not counted or row.status_source == "policy"):
            seq = self._count_author(session, author_id, previous, status, new=not counted)
            if not counted:
                row.author_seq = seq
        session.flush()
        analysis = AnalysisModel(comment_id=row.id, **_analysis_values(item, now))
        session.add(analysis)
        session.flush()
        session.add(
            DecisionModel(
                comment_id=row.id,
                analysis_id=analysis.id,
                action=item.decision.action,
                reasons=list(item.decision.reasons),
                source="policy",
                actor=None,
                details=item.details,
                created_at=now,
            )
        )
        if row.status_source == "policy":
            self._enqueue(session, row, item, now)
        return row.id, row.status

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
        self, session: Session, row: CommentModel, item: NewComment, now: datetime
    ) -> None:
        """Put a held or rejected comment in the queue (or update its entry)."""
        queued = session.scalars(select(QueueItem).where(QueueItem.comment_id == row.id)).first()
        if item.decision.action == Verdict.APPROVE:
            if queued is not None and queued.status == "pending":
                queued.status = "approved"
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
            queued.version += 1
        queued.status = status
        queued.reasons = list(item.decision.reasons)
        queued.resolved_at = now if status != "pending" else None
        queued.resolved_by = "policy" if status != "pending" else None
        for attribute, value in _scores(item).items():
            setattr(queued, attribute, value)


def _scores(item: NewComment) -> dict[str, float]:
    """Every attribute's score as a float, 0 where the analysis has none (the analysis
    row's scores, and a queue entry's score columns)."""
    return {a: float(item.analysis.scores.get(a, 0.0)) for a in ATTRIBUTES}


def _analysis_values(item: NewComment, now: datetime) -> dict[str, Any]:
    """An analysis row's columns (all but its comment) for a comment being stored."""
    return {
        "model": item.analysis.model,
        "scores": _scores(item),
        "targets": [t.to_json() for t in item.analysis.targets],
        "spans": [s.to_json() for s in item.analysis.spans],
        "language": item.analysis.language,
        "author_scores": (
            {a: float(v) for a, v in item.author_analysis.scores.items()}
            if item.author_analysis is not None
            else None
        ),
        "created_at": now,
    }


def find_comment(
    session: Session, site_id: int, article_key: str, external_id: str
) -> CommentModel | None:
    """The site's stored comment with this id under this article (key ``""``: none)."""
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
