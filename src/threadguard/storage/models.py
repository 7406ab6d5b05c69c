"""The moderation store's tables, as SQLAlchemy 2 ORM models.

The schema itself is owned by the Alembic migrations in ``migrations/versions``; these
classes must describe the same tables (a test compares them), and are what the store's
queries are written against.

Shape, briefly: a *site* has *articles*; an article has *comments*; every time a comment
is scored an *analysis* row is added, and every verdict on it (the policy's or a
moderator's) a *decision* row, so no decision is ever overwritten. A comment whose
automatic verdict was hold or reject gets a *queue item*, which a moderator resolves.
*Moderator actions* and the *audit log* record who did what; the audit log is
append-only (a database trigger refuses updates and deletes). *Jobs* track large
uploads that are stored in the background. *API keys* and *users*
hold only hashes. *Authors* carry the per-site state that policy needs: banned, trusted,
and counts. *Counters* are named numbers the service's processes share: the version of
the API keys (bumped by every key change, so each process's key cache knows when to
drop what it holds) and the health check's heartbeat.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    """Now, timezone-aware in UTC: the only clock the store uses."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A UTC timestamp on every database.

    SQLite has no time zones and hands back naive values; storing naive UTC everywhere
    and re-attaching UTC on the way out keeps comparisons ("rejections in the last 30
    days") identical on SQLite and PostgreSQL.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base: JSON columns map to ``dict``/``list`` values."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        list[Any]: JSON,
        datetime: UTCDateTime,
    }


class Keyed:
    """An integer primary key ``id``, the table's first column."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=-2)


class OfSite(Keyed):
    """A thing that exists per site (an article, an author): after its key, its site, with
    which it is deleted."""

    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), sort_order=-1)


class Site(Keyed, Base):
    """A site (tenant): its name and its own policy document, if it has one."""

    __tablename__ = "sites"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    policy_text: Mapped[str | None] = mapped_column(Text)
    policy_format: Mapped[str | None] = mapped_column(String(10))
    policy_version: Mapped[int] = mapped_column(Integer, default=0)
    policy_updated_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Article(OfSite, Base):
    """An article or story that comments hang under, identified per site."""

    __tablename__ = "articles"
    __table_args__ = (UniqueConstraint("site_id", "external_id", name="uq_articles_site_ext"),)

    external_id: Mapped[str] = mapped_column(String(500))
    title: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Author(OfSite, Base):
    """A commenter on one site: moderation state and running counts."""

    __tablename__ = "authors"
    __table_args__ = (UniqueConstraint("site_id", "name", name="uq_authors_site_name"),)

    name: Mapped[str] = mapped_column(String(500))
    banned: Mapped[bool] = mapped_column(Boolean, default=False)
    trusted: Mapped[bool] = mapped_column(Boolean, default=False)
    comment_count: Mapped[int] = mapped_column(Integer, default=0)
    held_count: Mapped[int] = mapped_column(Integer, default=0)
    rejected_count: Mapped[int] = mapped_column(Integer, default=0)
    #: When a suspension ends (a ban with a duration); None with ``banned``: for good.
    banned_until: Mapped[datetime | None]
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Comment(Base):
    """A comment as received, with its current moderation status.

    ``status`` is what the site should show (approved, pending, rejected);
    ``status_source`` says who set it: the policy, or a moderator. A moderator's verdict
    is final: the guarded update in the store only succeeds while the source is still
    the policy, which is what makes a second approve a 409 instead of a second decision.
    """

    __tablename__ = "comments"
    __table_args__ = (
        UniqueConstraint("site_id", "article_key", "external_id", name="uq_comments_site_ext"),
        Index("ix_comments_site_external", "site_id", "external_id"),
        Index("ix_comments_site_received", "site_id", "received_at"),
        Index("ix_comments_author_status", "author_id", "status", "status_at"),
        Index("uq_comments_site_token", "site_id", "client_token_hash", unique=True),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    article_key: Mapped[str] = mapped_column(String(500), default="")
    external_id: Mapped[str] = mapped_column(String(500))
    parent_external_id: Mapped[str | None] = mapped_column(String(500))
    author: Mapped[str | None] = mapped_column(String(500))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("authors.id", ondelete="SET NULL"))
    author_seq: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(40))
    depth: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)
    posted_at: Mapped[str | None] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(16))
    status_source: Mapped[str] = mapped_column(String(16), default="policy")
    status_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    #: SHA-256 of the client's idempotency token (Perspective's ``clientToken``), if any:
    #: hashed, so any token fits the column on every database.
    client_token_hash: Mapped[str | None] = mapped_column(String(64))
    #: When an admin erased the comment's text and author name (None: never), and who:
    #: an erased comment keeps its decisions and scores, and an upload of it again does
    #: not bring its text back (:mod:`~threadguard.storage.repositories.erasure`).
    erased_at: Mapped[datetime | None]
    erased_by: Mapped[str | None] = mapped_column(String(200))


class AnalysisRow(Keyed, Base):
    """One scoring of a comment: the fields of a ``threadguard score`` line."""

    __tablename__ = "analyses"

    comment_id: Mapped[str] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    model: Mapped[str] = mapped_column(String(200))
    scores: Mapped[dict[str, Any]]
    targets: Mapped[list[Any]]
    spans: Mapped[list[Any]]
    language: Mapped[str] = mapped_column(String(16), default="")
    author_scores: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: The engine's own scores when a site adaptation changed ``scores`` (else None):
    #: what the next adaptation is fitted on.
    engine_scores: Mapped[dict[str, Any] | None]


class DecisionRow(Keyed, Base):
    """A verdict on a comment, by the policy or a moderator; never updated, only added.

    A policy decision belongs to the analysis it was made from (``analysis_id``). A
    moderator's verdict records the text it was given on (``text``) and the analysis the
    comment had then: an edit changes the comment's text, and the verdict must stay paired
    with what the moderator read (the labelled export relies on it).
    """

    __tablename__ = "decisions"

    comment_id: Mapped[str] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    analysis_id: Mapped[int | None] = mapped_column(ForeignKey("analyses.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(16))
    reasons: Mapped[list[Any]]
    source: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str | None] = mapped_column(String(200))
    details: Mapped[dict[str, Any] | None]
    text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class QueueItem(Keyed, Base):
    """A comment the policy held or rejected, waiting for (or given) a moderator's verdict.

    The seven score columns copy the comment's analysis so the queue can be filtered by
    attribute in SQL on every database, without JSON operators.
    """

    __tablename__ = "queue_items"
    __table_args__ = (
        Index("ix_queue_site_status", "site_id", "status", "entered_at"),
        # The dashboard's queue across every site, oldest first.
        Index("ix_queue_status_entered", "status", "entered_at"),
    )

    comment_id: Mapped[str] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), unique=True
    )
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    author: Mapped[str | None] = mapped_column(String(500), index=True)
    status: Mapped[str] = mapped_column(String(16))
    reasons: Mapped[list[Any]]
    entered_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    toxicity: Mapped[float] = mapped_column(Float, default=0.0)
    severe_toxicity: Mapped[float] = mapped_column(Float, default=0.0)
    identity_attack: Mapped[float] = mapped_column(Float, default=0.0)
    insult: Mapped[float] = mapped_column(Float, default=0.0)
    threat: Mapped[float] = mapped_column(Float, default=0.0)
    profanity: Mapped[float] = mapped_column(Float, default=0.0)
    sexually_explicit: Mapped[float] = mapped_column(Float, default=0.0)


class ModeratorAction(Keyed, Base):
    """Something a moderator did: approve, reject, ban, unban, trust, untrust, note."""

    __tablename__ = "moderator_actions"

    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    comment_id: Mapped[str | None] = mapped_column(
        ForeignKey("comments.id", ondelete="SET NULL"), index=True
    )
    author: Mapped[str | None] = mapped_column(String(500))
    action: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(200))
    actor_role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class AuditEntry(Keyed, Base):
    """Who did what, when, to which object, with the object before and after. Append-only."""

    __tablename__ = "audit_log"
    #: An object's entries (a queue card reads its comment's latest edit).
    __table_args__ = (Index("ix_audit_log_object", "object_type", "object_id"),)

    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    actor_role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(200))
    site: Mapped[str | None] = mapped_column(String(200), index=True)
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]


class Job(Base):
    """A long task (a large thread upload) that a client polls: its progress and outcome.

    Kept in the database, not in the worker that runs it, so any worker behind a load
    balancer can answer the poll. ``updated_at`` is the running worker's heartbeat.
    """

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_worker_status", "worker", "status"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    site: Mapped[str] = mapped_column(String(200))
    actor: Mapped[str] = mapped_column(String(200))
    worker: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16))
    total: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[dict[str, Any] | None]
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]


class SiteAdaptation(OfSite, Base):
    """One fitted version of a site's adaptation (:mod:`threadguard.adaptation`): its
    parameters as JSON numbers, the verdicts it was fitted on, and whether it is the one
    served. At most one version of a site is active; versions are never deleted, so a
    rollback can bring back the one before."""

    __tablename__ = "site_adaptations"
    __table_args__ = (UniqueConstraint("site_id", "version", name="uq_site_adaptations_version"),)

    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    approvals: Mapped[int] = mapped_column(Integer, default=0)
    rejections: Mapped[int] = mapped_column(Integer, default=0)
    parameters: Mapped[dict[str, Any]]
    figures: Mapped[dict[str, Any] | None]
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApiKey(Keyed, Base):
    """An API key: a public prefix to find it by and the SHA-256 of the secret, never the key."""

    __tablename__ = "api_keys"

    prefix: Mapped[str] = mapped_column(String(32), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    site: Mapped[str | None] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200), default="")
    rate_per_minute: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class User(Keyed, Base):
    """A moderator or admin who signs in with a password (stored as a scrypt hash)."""

    __tablename__ = "users"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The dashboard's reading preferences (blur severe comments, mask slurs).
    preferences: Mapped[dict[str, Any] | None]
    #: The one site the account may see and act on (None: every site), like a key's.
    site: Mapped[str | None] = mapped_column(String(200))


class WebSession(Keyed, Base):
    """A person signed in to the dashboard: the SHA-256 of the cookie's token, never the
    token, with an absolute expiry and the last time it was used (for the idle one)."""

    __tablename__ = "web_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_name: Mapped[str] = mapped_column(String(200), index=True)
    role: Mapped[str] = mapped_column(String(16))
    ip: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class SignInFailure(Base):
    """Failed sign-ins in a row for one key (``user:NAME`` or ``ip:ADDRESS``), and until
    when further tries are refused (the back-off)."""

    __tablename__ = "sign_in_failures"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_at: Mapped[datetime] = mapped_column(default=utcnow)
    locked_until: Mapped[datetime | None]


class CounterRow(Base):
    """A named number shared by every process of the service (see the module docs)."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
