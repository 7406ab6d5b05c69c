"""Jobs: large thread uploads are stored in the background, and any worker answers the poll."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from threadguard.storage.migrations.columns import optional, required

revision: str = "0005"
down_revision: str | None = "0004"


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(40), primary_key=True),
        *required(sa.String(32), "kind"),
        *required(sa.String(200), "site", "actor", "worker"),
        *required(sa.String(16), "status"),
        *required(sa.Integer(), "total", "done"),
        *optional(sa.JSON(), "result"),
        *optional(sa.Text(), "error"),
        *required(sa.DateTime(), "created_at", "updated_at"),
        *optional(sa.DateTime(), "finished_at"),
    )
    op.create_index("ix_jobs_worker_status", "jobs", ["worker", "status"])


def downgrade() -> None:
    op.drop_index("ix_jobs_worker_status", table_name="jobs")
    op.drop_table("jobs")
