"""The moderation store: the one object the service and the CLI use for every read and write.

:class:`Store` is a thin facade over one repository per aggregate, all sharing one
:class:`~threadguard.storage.sessions.Sessions` (transactions, the SQLite write lock, the
cache of site ids, the audit writer):

- ``store.comments`` (:mod:`~threadguard.storage.repositories.comments`): the routers'
  :class:`~threadguard.service.protocols.CommentLog` (remember, recall, record), thread
  uploads, authors and dry-run history;
- ``store.moderation`` (:mod:`~threadguard.storage.repositories.moderation`): the queue,
  moderators' verdicts and author flags;
- ``store.audit_trail`` (:mod:`~threadguard.storage.repositories.audit`): the audit log
  and the labelled export;
- ``store.sites`` (:mod:`~threadguard.storage.repositories.sites`): site policies;
- ``store.accounts`` (:mod:`~threadguard.storage.repositories.accounts`): keys and users;
- ``store.counters`` (:mod:`~threadguard.storage.repositories.counters`): numbers every
  process shares (the keys' version, the health check's heartbeat).
- ``store.jobs`` (:mod:`~threadguard.storage.repositories.jobs`): background jobs (large
  uploads) that any worker can report on.
- ``store.adaptations`` (:mod:`~threadguard.storage.repositories.adaptations`): each
  site's adaptation versions, fitted from its moderators' verdicts.
- ``store.threads`` (:mod:`~threadguard.storage.repositories.threads`): articles and their
  comment trees as the dashboard shows them;
- ``store.stats`` (:mod:`~threadguard.storage.repositories.stats`): the dashboard's
  aggregates (per day, group, author and moderator), grouped in SQL.
- ``store.review`` (:mod:`~threadguard.storage.repositories.review`): the queue as the
  dashboard shows it (titles, spans, parents, authors' histories, counts);
- ``store.web`` (:mod:`~threadguard.storage.repositories.web_sessions`): the dashboard's
  sign-in sessions, failed sign-ins and moderators' preferences;
- ``store.rescore`` (:mod:`~threadguard.storage.repositories.rescore`): stored comments
  scored again under the models served now (``threadguard db rescore``).
- ``store.erasure`` (:mod:`~threadguard.storage.repositories.erasure`): a comment's text
  and author name erased on request, its decisions and scores kept.

The repositories' methods are also the store's own (``store.queue(...)``,
``store.create_key(...)``), so callers need not know which repository holds what.

Two rules hold throughout. Every write is one transaction (on SQLite a ``BEGIN
IMMEDIATE`` one, behind an in-process fair lock, see :mod:`threadguard.storage.sessions`),
so a failure leaves nothing half done; only a thread upload is many (short ones, so that
it never keeps other writers waiting; a comment is never half stored). And a moderator's verdict is applied with a guarded
``UPDATE``, so of two moderators acting on one comment at once exactly one wins (see
:mod:`~threadguard.storage.repositories.moderation`). ``store.record``, the one
write per request of the compatibility endpoints, is committed with the others that
arrive meanwhile (group commit, :mod:`threadguard.storage.writer`), and returns only
once its comment is committed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from threadguard.storage import db
from threadguard.storage.records import Actor, ArticleRef, NewComment, Origin, QueueFilter
from threadguard.storage.repositories.accounts import AccountRepository
from threadguard.storage.repositories.adaptations import AdaptationRepository
from threadguard.storage.repositories.audit import AuditRepository
from threadguard.storage.repositories.comments import CommentRepository
from threadguard.storage.repositories.counters import CounterRepository
from threadguard.storage.repositories.erasure import ErasureRepository
from threadguard.storage.repositories.ingest import Stored
from threadguard.storage.repositories.jobs import JobRepository
from threadguard.storage.repositories.moderation import ModerationRepository
from threadguard.storage.repositories.rescore import RescoreRepository
from threadguard.storage.repositories.review import ReviewRepository
from threadguard.storage.repositories.sites import SiteRepository
from threadguard.storage.repositories.stats import StatsRepository
from threadguard.storage.repositories.threads import ThreadRepository
from threadguard.storage.repositories.web_sessions import WebSessionRepository
from threadguard.storage.sessions import Sessions

__all__ = ["QueueFilter", "Store"]


class Store:
    """The moderation store over one SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = Sessions(engine)
        self.comments = CommentRepository(self.sessions)
        self.moderation = ModerationRepository(self.sessions)
        self.audit_trail = AuditRepository(self.sessions)
        self.sites = SiteRepository(self.sessions)
        self.accounts = AccountRepository(self.sessions)
        self.counters = CounterRepository(self.sessions)
        self.jobs = JobRepository(self.sessions)
        self.adaptations = AdaptationRepository(
            self.sessions, self.audit_trail, self.comments.history
        )
        self.stats = StatsRepository(self.sessions)
        self.threads = ThreadRepository(self.sessions)
        self.web = WebSessionRepository(self.sessions)
        self.review = ReviewRepository(self.sessions)
        self.rescore = RescoreRepository(self.sessions, self.comments.writer)
        self.erasure = ErasureRepository(self.sessions)

        # Comments (record_many keeps its keyword form, see below).
        self.remember = self.comments.remember
        self.recall = self.comments.recall
        self.record = self.comments.record
        self.record_async = self.comments.record_async
        self.record_status = self.comments.record_status
        self.authors = self.comments.authors
        self.known_comments = self.comments.known_comments
        self.comment = self.comments.comment
        self.history = self.comments.history
        # Queue and verdicts.
        self.queue = self.moderation.queue
        self.moderate = self.moderation.moderate
        self.pending_counts = self.moderation.pending_counts
        self.undo_last = self.moderation.undo_last
        self.erase_comment = self.erasure.erase_comment
        # Audit and export.
        self.audit = self.audit_trail.audit
        self.audit_log = self.audit_trail.audit_log
        self.labelled = self.audit_trail.labelled
        # Site policies.
        self.site_doc = self.sites.site_doc
        self.has_site = self.sites.has_site
        self.policy_version = self.sites.policy_version
        self.set_site_policy = self.sites.set_site_policy
        self.site_summaries = self.sites.site_summaries
        self.trusted_authors = self.sites.trusted_authors
        self.delete_site = self.sites.delete_site
        # Site adaptations.
        self.adaptation_examples = self.adaptations.examples
        self.fit_adaptation = self.adaptations.fit
        self.add_adaptation = self.adaptations.add
        self.site_adaptations = self.adaptations.adaptations
        self.active_adaptation = self.adaptations.active_adaptation
        self.adaptation_version = self.adaptations.adaptation_version
        self.rollback_adaptation = self.adaptations.rollback_adaptation
        self.policy_history = self.sites.policy_history
        self.policy_at = self.sites.policy_at
        self.restore_site_policy = self.sites.restore_site_policy
        # Threads as the dashboard reads them (the stats are ``store.stats``).
        self.recent_threads = self.threads.recent_threads
        self.thread = self.threads.thread
        self.thread_of = self.threads.thread_of
        # Keys and users.
        self.create_key = self.accounts.create_key
        self.find_key = self.accounts.find_key
        self.api_keys = self.accounts.api_keys
        self.revoke_key = self.accounts.revoke_key
        self.rotate_key = self.accounts.rotate_key
        self.add_user = self.accounts.add_user
        self.verify_user = self.accounts.verify_user
        self.users = self.accounts.users
        self.set_user_disabled = self.accounts.set_user_disabled
        self.set_password = self.accounts.set_password
        self.set_user_role = self.accounts.set_user_role
        # Shared counters: the keys' version, the health check's write.
        self.keys_version = self.counters.keys_version
        self.heartbeat = self.counters.heartbeat
        # The dashboard's sessions, sign-in back-off and preferences.
        self.start_session = self.web.start_session
        self.find_session = self.web.find_session
        self.end_session = self.web.end_session
        self.locked_until = self.web.locked_until
        self.sign_in_failed = self.web.sign_in_failed
        self.clear_failures = self.web.clear_failures
        self.preferences = self.web.preferences
        self.set_preferences = self.web.set_preferences
        # The dashboard's queue.
        self.review_page = self.review.review_page
        self.review_item = self.review.review_item
        self.queue_counts = self.review.queue_counts
        self.site_names = self.review.site_names
        self.author_histories = self.review.author_histories

    @classmethod
    def open(
        cls,
        database: str | None = None,
        data_dir: Path | None = None,
        *,
        migrate: bool = True,
        lock_timeout_s: float = 0.0,
        statement_timeout_s: float = 0.0,
    ) -> Store:
        """Connect to the database (SQLite under ``data_dir`` by default) and migrate it;
        PostgreSQL's lock and statement timeouts as :func:`~threadguard.storage.db.connect`
        says (0: none)."""
        engine = db.connect(
            db.resolve_url(database, data_dir),
            lock_timeout_s=lock_timeout_s,
            statement_timeout_s=statement_timeout_s,
        )
        if migrate:
            db.upgrade(engine)
        return cls(engine)

    def decide_under(self, policy: Mapping[str, Any] | None) -> None:
        """Keep ``policy`` in the details of every policy decision written from now on,
        under :data:`~threadguard.storage.records.SERVER_POLICY`: the server policy they
        are made under (the service's
        :class:`~threadguard.moderation.fingerprint.PolicyStamp`, set by its
        :class:`~threadguard.service.context.ServiceState`), which ``db rescore``
        compares with its own (None: keep none)."""
        self.comments.writer.decided_under = dict(policy) if policy is not None else None

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Finish queued writes, then close every pooled connection."""
        self.comments.close()
        self.engine.dispose()

    def ping(self) -> bool:
        """Whether the database answers (for /healthz)."""
        try:
            with self.sessions.read() as session:
                session.execute(select(1))
        except Exception:
            return False
        return True

    def record_many(
        self,
        *,
        site: str,
        source: str,
        article: ArticleRef | None,
        comments: Sequence[NewComment],
        actor: Actor | None = None,
        progress: Callable[[int], None] | None = None,
        background: bool = False,
    ) -> list[Stored]:
        """Store scored comments in short transactions; ``(id, status)`` for each, in
        order (see :meth:`CommentWriter.record_many
        <threadguard.storage.repositories.ingest.CommentWriter.record_many>`). ``actor``:
        who uploaded them (audited for edits); ``progress``: told the count stored after
        each transaction; ``background``: always step aside between transactions."""
        return self.comments.record_many(
            Origin(site, source, article, actor),
            comments,
            progress=progress,
            background=background,
        )
