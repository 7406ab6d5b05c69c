"""The first schema: sites, articles, comments, analyses, decisions, queue, audit, keys, users."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from threadguard.storage.migrations.columns import (
    created_at,
    integer_id,
    optional,
    required,
    site_id,
    site_table,
)

revision: str = "0001"
down_revision: str | None = None

#: The queue's score columns as this revision created them: written out, not taken from
#: ``schema.ATTRIBUTES``, so that adding an attribute there never changes what 0001 did.
ATTRIBUTES = ("toxicity", "severe_toxicity", "identity_attack", "insult", "threat",
              "profanity", "sexually_explicit")  # fmt: skip


def _article_id() -> sa.Column[Any]:
    """The row's article, if any: kept (without it) when the article is deleted."""
    return sa.Column(
        "article_id", sa.Integer(), sa.ForeignKey("articles.id", ondelete="SET NULL"), nullable=True
    )


def _comment_id(ondelete: str, **column: Any) -> sa.Column[Any]:
    """The row's comment; what happens when the comment is deleted is the caller's choice."""
    return sa.Column(
        "comment_id", sa.String(40), sa.ForeignKey("comments.id", ondelete=ondelete), **column
    )


def upgrade() -> None:
    op.create_table(
        "sites",
        integer_id(),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        *optional(sa.Text(), "policy_text"),
        *optional(sa.String(10), "policy_format"),
        *required(sa.Integer(), "policy_version"),
        *optional(sa.DateTime(), "policy_updated_at"),
        created_at(),
    )
    site_table(
        "articles",
        *required(sa.String(500), "external_id"),
        *required(sa.Text(), "title", "url"),
        created_at(),
        sa.UniqueConstraint("site_id", "external_id", name="uq_articles_site_ext"),
    )
    op.create_table(
        "comments",
        sa.Column("id", sa.String(40), primary_key=True),
        site_id(),
        _article_id(),
        *required(sa.String(500), "article_key", "external_id"),
        *optional(sa.String(500), "parent_external_id", "author"),
        *required(sa.Text(), "text"),
        *required(sa.String(40), "source"),
        *required(sa.Integer(), "depth", "position"),
        *optional(sa.String(64), "posted_at"),
        *required(sa.DateTime(), "received_at"),
        *required(sa.String(16), "status", "status_source"),
        *required(sa.DateTime(), "status_at"),
        *required(sa.Integer(), "version"),
        sa.UniqueConstraint("site_id", "article_key", "external_id", name="uq_comments_site_ext"),
    )
    op.create_index("ix_comments_site_external", "comments", ["site_id", "external_id"])
    op.create_index("ix_comments_site_received", "comments", ["site_id", "received_at"])
    op.create_table(
        "analyses",
        integer_id(),
        _comment_id("CASCADE", nullable=False),
        *required(sa.String(200), "model"),
        *required(sa.JSON(), "scores", "targets", "spans"),
        *required(sa.String(16), "language"),
        *optional(sa.JSON(), "author_scores"),
        created_at(),
    )
    op.create_index("ix_analyses_comment_id", "analyses", ["comment_id"])
    op.create_table(
        "decisions",
        integer_id(),
        _comment_id("CASCADE", nullable=False),
        sa.Column(
            "analysis_id",
            sa.Integer(),
            sa.ForeignKey("analyses.id", ondelete="SET NULL"),
            nullable=True,
        ),
        *required(sa.String(16), "action"),
        *required(sa.JSON(), "reasons"),
        *required(sa.String(16), "source"),
        *optional(sa.String(200), "actor"),
        *optional(sa.JSON(), "details"),
        created_at(),
    )
    op.create_index("ix_decisions_comment_id", "decisions", ["comment_id"])
    op.create_table(
        "queue_items",
        integer_id(),
        _comment_id("CASCADE", nullable=False, unique=True),
        site_id(),
        _article_id(),
        *optional(sa.String(500), "author"),
        *required(sa.String(16), "status"),
        *required(sa.JSON(), "reasons"),
        *required(sa.DateTime(), "entered_at"),
        *optional(sa.DateTime(), "resolved_at"),
        *optional(sa.String(200), "resolved_by"),
        *required(sa.Integer(), "version"),
        *required(sa.Float(), *ATTRIBUTES),
    )
    op.create_index("ix_queue_site_status", "queue_items", ["site_id", "status", "entered_at"])
    op.create_index("ix_queue_items_author", "queue_items", ["author"])
    site_table(
        "moderator_actions",
        _comment_id("SET NULL", nullable=True),
        *optional(sa.String(500), "author"),
        *required(sa.String(16), "action"),
        *optional(sa.Text(), "note"),
        *required(sa.String(200), "actor"),
        *required(sa.String(16), "actor_role"),
        created_at(),
    )
    for column in ("site_id", "comment_id", "created_at"):
        op.create_index(f"ix_moderator_actions_{column}", "moderator_actions", [column])
    op.create_table(
        "audit_log",
        integer_id(),
        *required(sa.DateTime(), "at"),
        *required(sa.String(200), "actor"),
        *required(sa.String(16), "actor_role"),
        *required(sa.String(64), "action"),
        *required(sa.String(32), "object_type"),
        *required(sa.String(200), "object_id"),
        *optional(sa.String(200), "site"),
        *optional(sa.JSON(), "before", "after"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_site", "audit_log", ["site"])
    _append_only("audit_log")
    op.create_table(
        "api_keys",
        integer_id(),
        sa.Column("prefix", sa.String(32), nullable=False, unique=True),
        *required(sa.String(64), "secret_hash"),
        *required(sa.String(16), "role"),
        *optional(sa.String(200), "site"),
        *required(sa.String(200), "name"),
        created_at(),
        *optional(sa.DateTime(), "revoked_at"),
    )
    op.create_table(
        "users",
        integer_id(),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        *required(sa.String(16), "role"),
        *required(sa.String(200), "password_hash"),
        created_at(),
        *required(sa.Boolean(), "disabled"),
    )


def _append_only(table: str) -> None:
    """A trigger that refuses UPDATE and DELETE, so the log cannot be rewritten via SQL."""
    message = f"{table} is append-only"
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION threadguard_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION threadguard_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )


def downgrade() -> None:
    for table in (
        "users",
        "api_keys",
        "audit_log",
        "moderator_actions",
        "queue_items",
        "decisions",
        "analyses",
        "comments",
        "articles",
        "sites",
    ):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS threadguard_append_only()")
