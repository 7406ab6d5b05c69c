"""The dashboard: people's sign-in sessions, failed sign-ins (for back-off), each
moderator's reading preferences, suspensions that end, and the queue's cross-site order.

Sessions keep only the SHA-256 of their token, like API keys: a copy of the database
signs nobody in.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from threadguard.storage.migrations.columns import integer_id, optional, required

revision: str = "0006_web_sessions"
down_revision: str | None = "0005"


def upgrade() -> None:
    op.create_table(
        "web_sessions",
        integer_id(),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        *required(sa.String(200), "user_name"),
        *required(sa.String(16), "role"),
        *required(sa.String(64), "ip"),
        *required(sa.DateTime(), "created_at", "last_seen_at", "expires_at"),
    )
    op.create_index("ix_web_sessions_user_name", "web_sessions", ["user_name"])
    op.create_table(
        "sign_in_failures",
        sa.Column("key", sa.String(300), primary_key=True),
        *required(sa.Integer(), "failures"),
        *required(sa.DateTime(), "last_at"),
        *optional(sa.DateTime(), "locked_until"),
    )
    op.add_column("users", sa.Column("preferences", sa.JSON(), nullable=True))
    op.add_column("authors", sa.Column("banned_until", sa.DateTime(), nullable=True))
    op.create_index("ix_queue_status_entered", "queue_items", ["status", "entered_at"])


def downgrade() -> None:
    op.drop_index("ix_queue_status_entered", table_name="queue_items")
    # SQLite drops columns since 3.35 (the table is rebuilt by batch mode otherwise).
    with op.batch_alter_table("authors") as batch:
        batch.drop_column("banned_until")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("preferences")
    op.drop_table("sign_in_failures")
    op.drop_index("ix_web_sessions_user_name", table_name="web_sessions")
    op.drop_table("web_sessions")
