"""The first schema: sites, articles, comments, analyses, decisions, queue, audit, keys, users."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None

#: The queue's score columns as this revision created them: written out, not taken from
#: ``schema.ATTRIBUTES``, so that adding an attribute there never changes what 0001 did.
ATTRIBUTES = ("toxicity", "severe_toxicity", "identity_attack", "insult", "threat",
              "profanity", "sexually_explicit")  # fmt: skip


def _now() -> sa.Column[Any]:
    return sa.Column("created_at", sa.DateTime(), nullable=False)


def _site_id() -> sa.Column[Any]:
    """The row's site: deleted with it."""
    return sa.Column(
        "site_id", sa.Integer(), sa.ForeignKey("sites.id", ondelete="CASCADE"), nullable=False
    )


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
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("policy_text", sa.Text(), nullable=True),
        sa.Column("policy_format", sa.String(10), nullable=True),
        sa.Column("policy_version", sa.Integer(), nullable=False),
        sa.Column("policy_updated_at", sa.DateTime(), nullable=True),
        _now(),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), primary_key=True),
        _site_id(),
        sa.Column("external_id", sa.String(500), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        _now(),
        sa.UniqueConstraint("site_id", "external_id", name="uq_articles_site_ext"),
    )
    op.create_table(
        "comments",
        sa.Column("id", sa.String(40), primary_key=True),
        _site_id(),
        _article_id(),
        sa.Column("article_key", sa.String(500), nullable=False),
        sa.Column("external_id", sa.String(500), nullable=False),
        sa.Column("parent_external_id", sa.String(500), nullable=True),
        sa.Column("author", sa.String(500), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("posted_at", sa.String(64), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_source", sa.String(16), nullable=False),
        sa.Column("status_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("site_id", "article_key", "external_id", name="uq_comments_site_ext"),
    )
    op.create_index("ix_comments_site_external", "comments", ["site_id", "external_id"])
    op.create_index("ix_comments_site_received", "comments", ["site_id", "received_at"])
    op.create_table(
        "analyses",
        sa.Column("id", sa.Integer(), primary_key=True),
        _comment_id("CASCADE", nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("targets", sa.JSON(), nullable=False),
        sa.Column("spans", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("author_scores", sa.JSON(), nullable=True),
        _now(),
    )
    op.create_index("ix_analyses_comment_id", "analyses", ["comment_id"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        _comment_id("CASCADE", nullable=False),
        sa.Column(
            "analysis_id",
            sa.Integer(),
            sa.ForeignKey("analyses.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("actor", sa.String(200), nullable=True),
        sa.Column("details", sa.JSON(), nullable=True),
        _now(),
    )
    op.create_index("ix_decisions_comment_id", "decisions", ["comment_id"])
    op.create_table(
        "queue_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        _comment_id("CASCADE", nullable=False, unique=True),
        _site_id(),
        _article_id(),
        sa.Column("author", sa.String(500), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        *[sa.Column(a, sa.Float(), nullable=False) for a in ATTRIBUTES],
    )
    op.create_index("ix_queue_site_status", "queue_items", ["site_id", "status", "entered_at"])
    op.create_index("ix_queue_items_author", "queue_items", ["author"])
    op.create_table(
        "moderator_actions",
        sa.Column("id", sa.Integer(), primary_key=True),
        _site_id(),
        _comment_id("SET NULL", nullable=True),
        sa.Column("author", sa.String(500), nullable=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("actor_role", sa.String(16), nullable=False),
        _now(),
    )
    op.create_index("ix_moderator_actions_site_id", "moderator_actions", ["site_id"])
    op.create_index("ix_moderator_actions_comment_id", "moderator_actions", ["comment_id"])
    op.create_index("ix_moderator_actions_created_at", "moderator_actions", ["created_at"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("actor_role", sa.String(16), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("object_type", sa.String(32), nullable=False),
        sa.Column("object_id", sa.String(200), nullable=False),
        sa.Column("site", sa.String(200), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_site", "audit_log", ["site"])
    _append_only("audit_log")
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("prefix", sa.String(32), nullable=False, unique=True),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("site", sa.String(200), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        _now(),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        _now(),
        sa.Column("disabled", sa.Boolean(), nullable=False),
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
