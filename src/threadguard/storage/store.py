"""The moderation store: every read and write the service makes, each in a transaction.

:class:`Store` implements the routers' :class:`~threadguard.service.protocols.CommentLog`
(remember, recall, record) and the repository methods of the native API: threads,
comments, the queue, moderator actions, the audit log, export, site policies, keys and
users.

Two rules hold throughout. Every write is one transaction (on SQLite a ``BEGIN
IMMEDIATE`` one, see :mod:`threadguard.storage.db`), so a failure leaves nothing half
done. And a moderator's verdict is applied with a guarded ``UPDATE ... WHERE
status_source = 'policy'``: of two moderators acting on one comment at once exactly one
update matches a row; the other gets :class:`ConflictError` (HTTP 409), so a decision
is never applied twice and, being in the same transaction as its audit entry, never lost.

Writes are cheap enough to serve every request, on purpose:

- On SQLite, writers of this process queue on a :class:`threading.Lock` before
  ``BEGIN IMMEDIATE``. SQLite has one write lock per file, and a thread that finds it
  taken sleeps in SQLite's busy handler with a growing back-off (up to 100 ms a try), so
  under concurrency most of a request's time went to sleeping past the moment the lock
  was free. A Python lock hands it over at once, in order. (Other processes on the same
  file still meet SQLite's busy handler; one worker per SQLite file is the embedded
  setup, PostgreSQL the one for many.)
- :meth:`Store.record`, the one write per request of the compatibility endpoints, goes
  through a :class:`~threadguard.storage.writer.GroupCommitter`: concurrent records are
  committed together, one transaction for all, and each caller returns only after the
  commit that holds its comment (durable, never write-behind). A plain comment (no id,
  author or article: Perspective's) is inserted with a few multi-row ``INSERT`` s per
  batch rather than through the ORM's unit of work.
- Site ids are cached by name: a site row is created once and never deleted or renamed.
  A site created by a transaction enters the cache only once that transaction has
  committed, so no other writer can pick up the id of a row that is then rolled back;
  and the cache is dropped whenever a write fails, so a store whose sites were removed
  behind its back (by hand, or a test truncating tables) recovers on the next write.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from threadguard.analysis import Analysis
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import credentials, db
from threadguard.storage.models import AnalysisRow as AnalysisModel
from threadguard.storage.models import ApiKey as ApiKeyModel
from threadguard.storage.models import (
    Article,
    AuditEntry,
    Author,
    Base,
    ModeratorAction,
    QueueItem,
    Site,
    User,
    utcnow,
)
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.records import (
    STATUS_OF_ACTION,
    ActionRecord,
    ActionResult,
    Actor,
    ArticleRef,
    AuditRecord,
    AuthorInfo,
    CommentRecord,
    ConflictError,
    DecisionRecord,
    HistoryRow,
    InvalidError,
    KeyRecord,
    NewComment,
    NotFoundError,
    Page,
    QueueRecord,
    SiteDoc,
    StoreBusyError,
)
from threadguard.storage.writer import GroupCommitter, Outcome

ROLES = ("admin", "moderator", "client")
#: Moderator actions on a comment and what each does.
VERDICTS = {"approve": "approved", "reject": "rejected"}
AUTHOR_FLAGS = {
    "ban": ("banned", True),
    "unban": ("banned", False),
    "trust": ("trusted", True),
    "untrust": ("trusted", False),
}
ACTIONS = (*VERDICTS, *AUTHOR_FLAGS, "note")
SYSTEM = Actor("system", "admin")
#: How long a writer waits for the in-process SQLite write lock before giving up (the
#: same bound as SQLite's own busy timeout, see :mod:`threadguard.storage.db`).
WRITE_WAIT_S = 30.0

#: ``Session.info`` key of the sites a write transaction created (cached after commit).
_NEW_SITES = "threadguard_new_sites"

_COMMENTS: Table = Base.metadata.tables["comments"]
_ANALYSES: Table = Base.metadata.tables["analyses"]
_DECISIONS: Table = Base.metadata.tables["decisions"]
_QUEUE: Table = Base.metadata.tables["queue_items"]


def new_comment_id() -> str:
    """A comment's id in the store: random, so ids from many sites never collide."""
    return "cm_" + secrets.token_hex(10)


@dataclass(frozen=True)
class _RecordJob:
    """One :meth:`Store.record` call waiting for the group commit."""

    site: str
    source: str
    article: ArticleRef | None
    item: NewComment

    @classmethod
    def of(
        cls,
        site: str,
        source: str,
        text: str,
        analysis: Analysis,
        decision: Decision,
        comment_id: str | None,
        author: str | None,
        parent_id: str | None,
        story_id: str | None,
        details: dict[str, Any] | None,
    ) -> _RecordJob:
        """The job for :meth:`Store.record`'s arguments."""
        item = NewComment(
            text=text,
            analysis=analysis,
            decision=decision,
            external_id=comment_id,
            author=author,
            parent_id=parent_id,
            details=details,
        )
        return cls(site, source, ArticleRef(story_id) if story_id else None, item)

    @property
    def plain(self) -> bool:
        """A comment that is always new and touches no other row (no id, author, article)."""
        return self.article is None and self.item.external_id is None and not self.item.author


@dataclass(frozen=True)
class QueueFilter:
    """Filters of the queue listing; ``None`` means "any"."""

    site: str | None = None
    sites: tuple[str, ...] | None = None
    article: str | None = None
    status: str | None = "pending"
    author: str | None = None
    attribute: str | None = None
    at_least: float | None = None
    above: float | None = None


class Store:
    """The moderation store over one SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(**{db.BEGIN_MODE: "IMMEDIATE"})
        # SQLite: one writer at a time in this process (see the module docs). PostgreSQL
        # locks rows, not the database, so its writers run side by side.
        self._serial: threading.Lock | None = (
            threading.Lock() if engine.dialect.name == "sqlite" else None
        )
        self._site_ids: dict[str, int] = {}
        self._records: GroupCommitter[_RecordJob, tuple[str, str]] = GroupCommitter(
            self._commit_records, name="threadguard-store-writer"
        )

    @classmethod
    def open(
        cls, database: str | None = None, data_dir: Path | None = None, *, migrate: bool = True
    ) -> Store:
        """Connect to the database (SQLite under ``data_dir`` by default) and migrate it."""
        engine = db.connect(db.resolve_url(database, data_dir))
        if migrate:
            db.upgrade(engine)
        return cls(engine)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Finish queued writes, then close every pooled connection."""
        self._records.close()
        self.engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        """Hold this process's SQLite write lock (nothing on PostgreSQL)."""
        if self._serial is None:
            yield
            return
        if not self._serial.acquire(timeout=WRITE_WAIT_S):
            raise StoreBusyError("the database is busy; try again shortly")
        try:
            yield
        finally:
            self._serial.release()

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._exclusive():
            try:
                with Session(self._writer, expire_on_commit=False) as session:
                    with session.begin():
                        yield session
                    # Committed: the sites this transaction created may now be shared.
                    self._site_ids.update(session.info.get(_NEW_SITES, {}))
            except BaseException:
                self._site_ids.clear()
                raise

    @contextmanager
    def _write_core(self) -> Iterator[Connection]:
        """A write transaction without an ORM session, for bulk inserts of plain comments
        (a session costs more than the inserts it would wrap)."""
        with self._exclusive():
            try:
                with self._writer.begin() as conn:
                    yield conn
            except BaseException:
                self._site_ids.clear()
                raise

    def ping(self) -> bool:
        """Whether the database answers (for /healthz)."""
        try:
            with self._read() as session:
                session.execute(select(1))
        except Exception:
            return False
        return True

    # ------------------------------------------------------------------ helpers

    def _get_or_create(
        self, session: Session, model: Any, where: dict[str, Any], **new: Any
    ) -> Any:
        """The row matching ``where``, inserting it if absent (race-safe via a savepoint)."""
        stmt = select(model).filter_by(**where)
        row = session.scalars(stmt).first()
        if row is not None:
            return row
        try:
            with session.begin_nested():
                row = model(**where, **new)
                session.add(row)
        except IntegrityError:
            row = session.scalars(stmt).one()
        return row

    def _site(self, session: Session, name: str) -> Site:
        site: Site = self._get_or_create(session, Site, {"name": name}, policy_version=0)
        return site

    def _site_key(self, session: Session, name: str) -> int:
        """The site's id, created if new; cached, as every stored comment needs it.

        A site that exists (committed) is cached at once; one this transaction creates is
        cached by :meth:`_write` after the commit (see the module docs).
        """
        site_id = self._site_ids.get(name)
        if site_id is not None:
            return site_id
        created: dict[str, int] = session.info.setdefault(_NEW_SITES, {})
        if name in created:
            return created[name]
        site_id = session.scalar(select(Site.id).where(Site.name == name))
        if site_id is not None:
            if len(self._site_ids) > 100_000:
                self._site_ids.clear()
            self._site_ids[name] = site_id
            return site_id
        created[name] = site_id = self._site(session, name).id
        return site_id

    def _site_id(self, session: Session, name: str) -> int | None:
        return session.scalar(select(Site.id).where(Site.name == name))

    def _audit(
        self,
        session: Session,
        actor: Actor,
        action: str,
        object_type: str,
        object_id: str,
        *,
        site: str | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        session.add(
            AuditEntry(
                at=utcnow(),
                actor=actor.id,
                actor_role=actor.role,
                action=action,
                object_type=object_type,
                object_id=object_id,
                site=site,
                before=before,
                after=after,
            )
        )

    # ------------------------------------------------------------------ comment log

    def remember(
        self,
        *,
        site: str,
        comment_id: str,
        text: str,
        author: str | None = None,
        parent_id: str | None = None,
        story_id: str | None = None,
    ) -> None:
        """Keep a comment's text (unscored) so a later reply can use it as context."""
        with self._write() as session:
            site_id = self._site_key(session, site)
            key = story_id or ""
            row = session.scalars(
                select(CommentModel).where(
                    CommentModel.site_id == site_id,
                    CommentModel.article_key == key,
                    CommentModel.external_id == comment_id,
                )
            ).first()
            if row is not None:
                row.text = text
                row.parent_external_id = parent_id or row.parent_external_id
                return
            session.add(
                CommentModel(
                    id=new_comment_id(),
                    site_id=site_id,
                    article_id=self._article_id(session, site_id, story_id),
                    article_key=key,
                    external_id=comment_id,
                    parent_external_id=parent_id,
                    author=author or None,
                    author_id=self._author_id(session, site_id, author),
                    text=text,
                    source="context",
                    status="approved",
                    status_source="policy",
                )
            )

    def recall(self, *, site: str, comment_id: str) -> str | None:
        """The text of the most recent comment with this id on this site, or None."""
        with self._read() as session:
            return session.scalar(
                select(CommentModel.text)
                .join(Site, Site.id == CommentModel.site_id)
                .where(Site.name == site, CommentModel.external_id == comment_id)
                .order_by(CommentModel.received_at.desc())
                .limit(1)
            )

    def record(
        self,
        *,
        site: str,
        source: str,
        text: str,
        analysis: Analysis,
        decision: Decision,
        comment_id: str | None = None,
        author: str | None = None,
        parent_id: str | None = None,
        story_id: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> str:
        """Store one scored comment with its decision; returns the store's id for it.

        Returns once the comment is committed (with others that arrived meanwhile, see
        the module docs); ``details`` is what the site rules found (watchlist matches).
        """
        job = _RecordJob.of(
            site, source, text, analysis, decision, comment_id, author, parent_id, story_id, details
        )
        return self._records.submit(job)[0]

    async def record_async(
        self,
        *,
        site: str,
        source: str,
        text: str,
        analysis: Analysis,
        decision: Decision,
        comment_id: str | None = None,
        author: str | None = None,
        parent_id: str | None = None,
        story_id: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> str:
        """:meth:`record` for the event loop: awaits the same durable group commit."""
        job = _RecordJob.of(
            site, source, text, analysis, decision, comment_id, author, parent_id, story_id, details
        )
        return (await self._records.submit_async(job))[0]

    def _commit_records(self, jobs: Sequence[_RecordJob]) -> list[Outcome[tuple[str, str]]]:
        """Write a batch of records in one transaction; if that fails, each one alone.

        Retrying alone means one caller's bad write (or a conflict) fails that caller
        only; the others are committed and answered as if nothing happened.
        """
        try:
            written: list[Outcome[tuple[str, str]]] = list(self._write_jobs(jobs))
            return written
        except Exception as exc:
            if len(jobs) == 1:
                return [exc]
        outcomes: list[Outcome[tuple[str, str]]] = []
        for job in jobs:
            try:
                outcomes.extend(self._write_jobs([job]))
            except Exception as exc:
                outcomes.append(exc)
        return outcomes

    def _write_jobs(self, jobs: Sequence[_RecordJob]) -> list[tuple[str, str]]:
        """Write ``jobs`` in one transaction: without an ORM session when every one is a
        plain comment for a site already known (Perspective's steady state)."""
        plain = [
            (site_id, job.source, job.item)
            for job in jobs
            if job.plain and (site_id := self._site_ids.get(job.site)) is not None
        ]
        if len(plain) == len(jobs):
            with self._write_core() as conn:
                return self._insert_plain(conn, plain)
        with self._write() as session:
            return self._store_jobs(session, jobs)

    def _store_jobs(self, session: Session, jobs: Sequence[_RecordJob]) -> list[tuple[str, str]]:
        out: list[tuple[str, str] | None] = [None] * len(jobs)
        plain: list[tuple[int, int, str, NewComment]] = []
        for i, job in enumerate(jobs):
            site_id = self._site_key(session, job.site)
            if job.plain:
                plain.append((i, site_id, job.source, job.item))
            else:
                out[i] = self._store_batch(session, site_id, job.source, job.article, [job.item])[0]
        inserted = self._insert_plain(
            session.connection(), [(s, src, item) for _, s, src, item in plain]
        )
        for (i, *_), result in zip(plain, inserted, strict=True):
            out[i] = result
        return [r for r in out if r is not None]

    def _insert_plain(
        self, conn: Connection, items: Sequence[tuple[int, str, NewComment]]
    ) -> list[tuple[str, str]]:
        """Insert new comments that have no external id, author or article, in bulk.

        The rows are exactly those :meth:`_store_one` writes for such a comment (it is
        always new, so nothing is looked up or updated), written with one multi-row
        ``INSERT`` per table instead of an ORM flush per row.
        """
        if not items:
            return []
        now = utcnow()
        out: list[tuple[str, str]] = []
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
            if item.decision.action != "approve":
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
                        **{a: float(item.analysis.scores.get(a, 0.0)) for a in ATTRIBUTES},
                    }
                )
        conn.execute(insert(_DECISIONS), decisions)
        if queued:
            conn.execute(insert(_QUEUE), queued)
        return out

    def _article_id(self, session: Session, site_id: int, external_id: str | None) -> int | None:
        if not external_id:
            return None
        row: Article = self._get_or_create(
            session, Article, {"site_id": site_id, "external_id": external_id}, title="", url=""
        )
        return row.id

    def _author_id(self, session: Session, site_id: int, name: str | None) -> int | None:
        if not name:
            return None
        row: Author = self._get_or_create(
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

    def record_many(
        self,
        *,
        site: str,
        source: str,
        article: ArticleRef | None,
        comments: Sequence[NewComment],
    ) -> list[tuple[str, str]]:
        """Store a batch of scored comments in one transaction.

        Returns ``(id, status)`` for each, in order: the status is the policy's unless a
        moderator has already ruled on that comment.

        A comment already stored under the same site, article and id is updated (an
        edit, or a thread uploaded again): it gets a new analysis and policy decision,
        but a moderator's verdict on it stands.
        """
        with self._write() as session:
            return self._store_batch(
                session, self._site_key(session, site), source, article, comments
            )

    def _store_batch(
        self,
        session: Session,
        site_id: int,
        source: str,
        article: ArticleRef | None,
        comments: Sequence[NewComment],
    ) -> list[tuple[str, str]]:
        article_id: int | None = None
        if article is not None:
            art: Article = self._get_or_create(
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
            self._store_one(session, site_id, article_id, key, source, item) for item in comments
        ]

    def _store_one(
        self,
        session: Session,
        site_id: int,
        article_id: int | None,
        article_key: str,
        source: str,
        item: NewComment,
    ) -> tuple[str, str]:
        now = utcnow()
        status = STATUS_OF_ACTION[item.decision.action]
        row = None
        if item.external_id is not None:
            row = session.scalars(
                select(CommentModel).where(
                    CommentModel.site_id == site_id,
                    CommentModel.article_key == article_key,
                    CommentModel.external_id == item.external_id,
                )
            ).first()
        author_id = self._author_id(session, site_id, item.author)
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
        scores = {a: float(item.analysis.scores.get(a, 0.0)) for a in ATTRIBUTES}
        if item.decision.action == "approve":
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
        for attribute, value in scores.items():
            setattr(queued, attribute, value)

    # ------------------------------------------------------------------ authors

    def authors(self, site: str, names: Sequence[str], *, days: int = 30) -> dict[str, AuthorInfo]:
        """The state of each named author on a site (unknown authors are left out).

        ``recent_rejections`` counts their comments rejected (by policy or moderator)
        in the last ``days`` days: the input of the repeat-offender rule.
        """
        wanted = sorted({n for n in names if n})
        if not wanted:
            return {}
        since = utcnow() - timedelta(days=days)
        out: dict[str, AuthorInfo] = {}
        with self._read() as session:
            site_id = self._site_id(session, site)
            if site_id is None:
                return {}
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                rows = session.scalars(
                    select(Author).where(Author.site_id == site_id, Author.name.in_(chunk))
                ).all()
                recent = dict(
                    session.execute(
                        select(CommentModel.author_id, func.count())
                        .where(
                            CommentModel.author_id.in_([r.id for r in rows]),
                            CommentModel.status == "rejected",
                            CommentModel.status_at >= since,
                        )
                        .group_by(CommentModel.author_id)
                    ).all()
                )
                for r in rows:
                    out[r.name] = AuthorInfo(
                        name=r.name,
                        banned=r.banned,
                        trusted=r.trusted,
                        comment_count=r.comment_count,
                        held_count=r.held_count,
                        rejected_count=r.rejected_count,
                        recent_rejections=int(recent.get(r.id, 0)),
                    )
        return out

    def known_comments(
        self, site: str, article: str, external_ids: Sequence[str]
    ) -> dict[str, int | None]:
        """Which of these comment ids are already stored under the article, with the rank
        (``author_seq``) each had among its author's comments when first scored."""
        out: dict[str, int | None] = {}
        with self._read() as session:
            site_id = self._site_id(session, site)
            if site_id is None:
                return out
            ids = list(dict.fromkeys(external_ids))
            for start in range(0, len(ids), 500):
                rows = session.execute(
                    select(CommentModel.external_id, CommentModel.author_seq).where(
                        CommentModel.site_id == site_id,
                        CommentModel.article_key == article,
                        CommentModel.external_id.in_(ids[start : start + 500]),
                        CommentModel.source != "context",
                    )
                ).all()
                out.update({ext: seq for ext, seq in rows})
        return out

    # ------------------------------------------------------------------ comments

    def comment(self, comment_id: str) -> CommentRecord:
        """A stored comment with its latest analysis, decisions and actions."""
        with self._read() as session:
            found = session.execute(
                select(CommentModel, Site.name, Article.external_id)
                .join(Site, Site.id == CommentModel.site_id)
                .outerjoin(Article, Article.id == CommentModel.article_id)
                .where(CommentModel.id == comment_id)
            ).first()
            if found is None:
                raise NotFoundError(f"no comment with id {comment_id!r}")
            row, site, article = found
            analysis = session.scalars(
                select(AnalysisModel)
                .where(AnalysisModel.comment_id == comment_id)
                .order_by(AnalysisModel.id.desc())
                .limit(1)
            ).first()
            decisions = session.scalars(
                select(DecisionModel)
                .where(DecisionModel.comment_id == comment_id)
                .order_by(DecisionModel.id.desc())
            ).all()
            actions = session.execute(
                select(ModeratorAction, Site.name)
                .join(Site, Site.id == ModeratorAction.site_id)
                .where(ModeratorAction.comment_id == comment_id)
                .order_by(ModeratorAction.id)
            ).all()
            policy = next((d for d in decisions if d.source == "policy"), None)
            moderator = next((d for d in decisions if d.source == "moderator"), None)
            return CommentRecord(
                id=row.id,
                site=site,
                article=article,
                external_id=row.external_id,
                parent_id=row.parent_external_id,
                author=row.author,
                text=row.text,
                source=row.source,
                depth=row.depth,
                posted_at=row.posted_at,
                received_at=row.received_at,
                status=row.status,
                status_source=row.status_source,
                version=row.version,
                analysis=_analysis_json(analysis, row.external_id, policy),
                author_analysis=(
                    {"scores": analysis.author_scores}
                    if analysis is not None and analysis.author_scores is not None
                    else None
                ),
                policy_decision=_decision(policy),
                moderator_decision=_decision(moderator),
                actions=[_action(a, s) for a, s in actions],
            )

    # ------------------------------------------------------------------ queue

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
        with self._read() as session:
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

    # ------------------------------------------------------------------ moderation

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
        if action not in ACTIONS:
            raise InvalidError(f"unknown action {action!r}; expected one of {', '.join(ACTIONS)}")
        if action == "note" and not (note or "").strip():
            raise InvalidError("a note needs text")
        with self._write() as session:
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
                self._audit(
                    session,
                    actor,
                    "comment.note",
                    "comment",
                    row.id,
                    site=site,
                    after={"note": note},
                )
            record = ModeratorAction(
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
            return ActionResult(_action(record, site), status, author_info)

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
        applied = session.execute(
            update(CommentModel)
            .where(CommentModel.id == row.id, CommentModel.status_source == "policy")
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
            latest = session.scalars(
                select(AnalysisModel)
                .where(AnalysisModel.comment_id == row.id)
                .order_by(AnalysisModel.id.desc())
                .limit(1)
            ).first()
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
        session.add(
            DecisionModel(
                comment_id=row.id,
                analysis_id=None,
                action="approve" if status == "approved" else "reject",
                reasons=[note] if note else [],
                source="moderator",
                actor=actor.id,
                details=None,
                created_at=now,
            )
        )
        after = {"status": status, "status_source": "moderator", "version": version + 1}
        verb = "approve" if status == "approved" else "reject"
        self._audit(
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
        last = session.scalars(
            select(DecisionModel)
            .where(DecisionModel.comment_id == comment_id, DecisionModel.source == "moderator")
            .order_by(DecisionModel.id.desc())
            .limit(1)
        ).first()
        if last is None:
            return f"comment {comment_id} has already been moderated"
        verb = "approved" if last.action == "approve" else "rejected"
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
        self._audit(
            session,
            actor,
            f"author.{action}",
            "author",
            author.name,
            site=site,
            before={column: not value},
            after={column: value},
        )
        return AuthorInfo(
            name=author.name,
            banned=author.banned,
            trusted=author.trusted,
            comment_count=author.comment_count,
            held_count=author.held_count,
            rejected_count=author.rejected_count,
        )

    # ------------------------------------------------------------------ audit

    def audit(
        self,
        actor: Actor,
        action: str,
        object_type: str,
        object_id: str,
        *,
        site: str | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """Append an audit entry on its own (for events outside other transactions)."""
        with self._write() as session:
            self._audit(
                session,
                actor,
                action,
                object_type,
                object_id,
                site=site,
                before=before,
                after=after,
            )

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
        stmt = select(AuditEntry)
        if site is not None:
            stmt = stmt.where(AuditEntry.site == site)
        if sites is not None:
            stmt = stmt.where(AuditEntry.site.in_(sites))
        if actor is not None:
            stmt = stmt.where(AuditEntry.actor == actor)
        if action is not None:
            stmt = stmt.where(
                or_(AuditEntry.action == action, AuditEntry.action.like(f"{action}.%"))
            )
        if since is not None:
            stmt = stmt.where(AuditEntry.at >= since)
        with self._read() as session:
            total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            rows = session.scalars(
                stmt.order_by(AuditEntry.id.desc()).limit(limit).offset(offset)
            ).all()
        return Page(
            [
                AuditRecord(
                    id=r.id,
                    at=r.at,
                    actor=r.actor,
                    actor_role=r.actor_role,
                    action=r.action,
                    object_type=r.object_type,
                    object_id=r.object_id,
                    site=r.site,
                    before=r.before,
                    after=r.after,
                )
                for r in rows
            ],
            int(total),
            limit,
            offset,
        )

    # ------------------------------------------------------------------ export

    def labelled(
        self,
        *,
        site: str | None = None,
        sites: tuple[str, ...] | None = None,
        since: datetime | None = None,
        batch: int = 500,
    ) -> Iterator[dict[str, Any]]:
        """Moderators' verdicts as labelled examples, oldest first, streamed in batches.

        Each example has the text, the parent's text (context), the moderator's label,
        the attribute scores and policy decision the comment had, and timestamps.
        """
        last_id = 0
        while True:
            with self._read() as session:
                stmt = (
                    select(DecisionModel, CommentModel, Site.name, Article.external_id)
                    .join(CommentModel, CommentModel.id == DecisionModel.comment_id)
                    .join(Site, Site.id == CommentModel.site_id)
                    .outerjoin(Article, Article.id == CommentModel.article_id)
                    .where(DecisionModel.source == "moderator", DecisionModel.id > last_id)
                )
                if site is not None:
                    stmt = stmt.where(Site.name == site)
                if sites is not None:
                    stmt = stmt.where(Site.name.in_(sites))
                if since is not None:
                    stmt = stmt.where(DecisionModel.created_at >= since)
                rows = session.execute(stmt.order_by(DecisionModel.id).limit(batch)).all()
                if not rows:
                    return
                out = [self._example(session, *r) for r in rows]
                last_id = rows[-1][0].id
            yield from out

    def _example(
        self,
        session: Session,
        decision: DecisionModel,
        comment: CommentModel,
        site: str,
        article: str | None,
    ) -> dict[str, Any]:
        analysis = session.scalars(
            select(AnalysisModel)
            .where(AnalysisModel.comment_id == comment.id)
            .order_by(AnalysisModel.id.desc())
            .limit(1)
        ).first()
        policy = session.scalars(
            select(DecisionModel)
            .where(DecisionModel.comment_id == comment.id, DecisionModel.source == "policy")
            .order_by(DecisionModel.id.desc())
            .limit(1)
        ).first()
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
            "text": comment.text,
            "parent_text": parent_text,
            "label": decision.action,
            "toxic": decision.action == "reject",
            "attributes": dict(analysis.scores) if analysis is not None else {},
            "targets": list(analysis.targets) if analysis is not None else [],
            "model": analysis.model if analysis is not None else None,
            "policy_decision": policy.action if policy is not None else None,
            "moderator": decision.actor,
            "note": decision.reasons[0] if decision.reasons else None,
            "created_at": comment.received_at.isoformat(),
            "posted_at": comment.posted_at,
            "decided_at": decision.created_at.isoformat(),
        }

    # ------------------------------------------------------------------ dry runs

    def history(self, site: str, limit: int) -> list[HistoryRow]:
        """The site's last ``limit`` scored comments with their latest analysis, newest first."""
        with self._read() as session:
            site_id = self._site_id(session, site)
            if site_id is None:
                return []
            comments = session.scalars(
                select(CommentModel)
                .where(CommentModel.site_id == site_id, CommentModel.source != "context")
                .order_by(CommentModel.received_at.desc(), CommentModel.position.desc())
                .limit(limit)
            ).all()
            ids = [c.id for c in comments]
            if not ids:
                return []
            latest = (
                select(func.max(AnalysisModel.id))
                .where(AnalysisModel.comment_id.in_(ids))
                .group_by(AnalysisModel.comment_id)
            )
            analyses = {
                a.comment_id: a
                for a in session.scalars(
                    select(AnalysisModel).where(AnalysisModel.id.in_(latest))
                ).all()
            }
            latest_decision = (
                select(func.max(DecisionModel.id))
                .where(DecisionModel.comment_id.in_(ids), DecisionModel.source == "policy")
                .group_by(DecisionModel.comment_id)
            )
            decided = {
                d.comment_id: d.action
                for d in session.scalars(
                    select(DecisionModel).where(DecisionModel.id.in_(latest_decision))
                ).all()
            }
        out = []
        for c in comments:
            a = analyses.get(c.id)
            if a is None:
                continue
            out.append(
                HistoryRow(
                    comment_id=c.id,
                    text=c.text,
                    author=c.author,
                    author_seq=c.author_seq,
                    scores={k: float(v) for k, v in a.scores.items()},
                    targets=list(a.targets),
                    author_scores=(
                        {k: float(v) for k, v in a.author_scores.items()}
                        if a.author_scores is not None
                        else None
                    ),
                    decided=decided.get(c.id, "approve"),
                    status=c.status,
                )
            )
        return out

    # ------------------------------------------------------------------ site policies

    def site_doc(self, site: str) -> SiteDoc | None:
        """The site's stored policy document, or None for a site never seen."""
        with self._read() as session:
            row = session.scalars(select(Site).where(Site.name == site)).first()
            if row is None:
                return None
            return SiteDoc(
                row.name,
                row.policy_text,
                row.policy_format,
                row.policy_version,
                row.policy_updated_at,
            )

    def policy_version(self, site: str) -> int:
        """The site's policy version (0 when it has none): cheap, for cache checks."""
        with self._read() as session:
            return int(session.scalar(select(Site.policy_version).where(Site.name == site)) or 0)

    def set_site_policy(self, site: str, text: str, fmt: str, actor: Actor) -> SiteDoc:
        """Replace the site's policy document (already validated), audited with before/after."""
        with self._write() as session:
            row = self._site(session, site)
            before = (
                {
                    "format": row.policy_format,
                    "text": row.policy_text,
                    "version": row.policy_version,
                }
                if row.policy_text is not None
                else None
            )
            row.policy_text = text
            row.policy_format = fmt
            row.policy_version = (row.policy_version or 0) + 1
            row.policy_updated_at = utcnow()
            after = {"format": fmt, "text": text, "version": row.policy_version}
            self._audit(
                session, actor, "policy.update", "site", site, site=site, before=before, after=after
            )
            return SiteDoc(
                row.name,
                row.policy_text,
                row.policy_format,
                row.policy_version,
                row.policy_updated_at,
            )

    # ------------------------------------------------------------------ keys and users

    def create_key(
        self,
        role: str,
        *,
        site: str | None = None,
        name: str = "",
        rate_per_minute: int | None = None,
        actor: Actor = SYSTEM,
    ) -> str:
        """Make an API key and store its hash; returns the key text (the only time it exists)."""
        if role not in ROLES:
            raise InvalidError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        key = credentials.new_key()
        with self._write() as session:
            session.add(
                ApiKeyModel(
                    prefix=key.prefix,
                    secret_hash=key.secret_hash,
                    role=role,
                    site=site,
                    name=name,
                    rate_per_minute=rate_per_minute,
                    created_at=utcnow(),
                )
            )
            self._audit(
                session,
                actor,
                "key.create",
                "api_key",
                key.prefix,
                site=site,
                after={
                    "role": role,
                    "site": site,
                    "name": name,
                    "rate_per_minute": rate_per_minute,
                },
            )
        return key.text

    def find_key(self, prefix: str) -> KeyRecord | None:
        """The key with this public prefix (revoked ones too), or None."""
        with self._read() as session:
            row = session.scalars(select(ApiKeyModel).where(ApiKeyModel.prefix == prefix)).first()
            return _key(row) if row is not None else None

    def api_keys(self) -> list[KeyRecord]:
        """Every key, oldest first (hashes included; callers show prefixes only)."""
        with self._read() as session:
            return [_key(r) for r in session.scalars(select(ApiKeyModel).order_by(ApiKeyModel.id))]

    def revoke_key(self, prefix: str, actor: Actor = SYSTEM) -> None:
        """Revoke a key by prefix; it stops working at once (and within a cache TTL elsewhere)."""
        with self._write() as session:
            row = session.scalars(select(ApiKeyModel).where(ApiKeyModel.prefix == prefix)).first()
            if row is None:
                raise NotFoundError(f"no key with prefix {prefix!r}")
            if row.revoked_at is not None:
                raise ConflictError(f"key {prefix} is already revoked")
            row.revoked_at = utcnow()
            self._audit(session, actor, "key.revoke", "api_key", prefix, site=row.site)

    def add_user(self, name: str, role: str, password: str, actor: Actor = SYSTEM) -> None:
        """Add a moderator or admin with a scrypt-hashed password."""
        if role not in ("admin", "moderator"):
            raise InvalidError(f"a user's role is admin or moderator, not {role!r}")
        if not name.strip():
            raise InvalidError("a user needs a name")
        if not password:
            raise InvalidError("a user needs a password")
        hashed = credentials.hash_password(password)
        try:
            with self._write() as session:
                session.add(User(name=name, role=role, password_hash=hashed, created_at=utcnow()))
                session.flush()
                self._audit(session, actor, "user.add", "user", name, after={"role": role})
        except IntegrityError as exc:
            raise ConflictError(f"a user named {name!r} already exists") from exc

    def verify_user(self, name: str, password: str) -> str | None:
        """The user's role when the password is right (and the user enabled), else None."""
        with self._read() as session:
            row = session.scalars(select(User).where(User.name == name)).first()
        if row is None or row.disabled:
            credentials.verify_password(password, credentials.hash_password("x"))  # same time
            return None
        return row.role if credentials.verify_password(password, row.password_hash) else None


def _analysis_values(item: NewComment, now: datetime) -> dict[str, Any]:
    """An analysis row's columns (all but its comment) for a comment being stored."""
    return {
        "model": item.analysis.model,
        "scores": {a: float(item.analysis.scores.get(a, 0.0)) for a in ATTRIBUTES},
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


def _decision(row: DecisionModel | None) -> DecisionRecord | None:
    if row is None:
        return None
    return DecisionRecord(
        action=row.action,
        reasons=list(row.reasons),
        source=row.source,
        actor=row.actor,
        created_at=row.created_at,
        details=row.details,
    )


def _analysis_json(
    row: AnalysisModel | None, external_id: str, decision: DecisionModel | None
) -> dict[str, Any] | None:
    """A stored analysis in the ``threadguard score`` line shape."""
    if row is None:
        return None
    return {
        "id": external_id,
        "scores": {a: round(float(row.scores.get(a, 0.0)), 4) for a in ATTRIBUTES},
        "targets": list(row.targets),
        "spans": list(row.spans),
        "decision": decision.action if decision is not None else "approve",
        "language": row.language,
        "model": row.model,
    }


def _action(row: ModeratorAction, site: str) -> ActionRecord:
    return ActionRecord(
        id=row.id,
        site=site,
        comment_id=row.comment_id,
        author=row.author,
        action=row.action,
        note=row.note,
        actor=row.actor,
        actor_role=row.actor_role,
        created_at=row.created_at,
    )


def _key(row: ApiKeyModel) -> KeyRecord:
    return KeyRecord(
        prefix=row.prefix,
        secret_hash=row.secret_hash,
        role=row.role,
        site=row.site,
        name=row.name,
        rate_per_minute=row.rate_per_minute,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )
