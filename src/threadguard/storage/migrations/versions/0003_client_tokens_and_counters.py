"""Idempotent Perspective analyze (a client token per site) and shared counters.

``comments.client_token_hash`` holds the SHA-256 of Perspective's ``clientToken``; a
unique index on (site, token) makes a repeated request store nothing new. NULLs are
distinct in a unique index on SQLite and PostgreSQL alike, so comments without a token
are unaffected. ``counters`` holds the API keys' version (each process's key cache
checks it, so a revoked key stops working everywhere) and the deep health check's
heartbeat, the one write that check makes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"


def upgrade() -> None:
    # A plain ADD COLUMN, as in 0002: SQLite's batch mode would rebuild ``comments``.
    op.add_column("comments", sa.Column("client_token_hash", sa.String(64), nullable=True))
    op.create_index(
        "uq_comments_site_token", "comments", ["site_id", "client_token_hash"], unique=True
    )
    op.create_table(
        "counters",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("counters")
    op.drop_index("uq_comments_site_token", table_name="comments")
    op.drop_column("comments", "client_token_hash")
