"""Site adaptations: each site's calibration fitted from its moderators' verdicts, versioned.

A row per fitted version (its parameters as JSON numbers, never a pickle), at most one
active per site; rolling back deactivates the newest active one and reactivates the one
before it. Analyses also keep the engine's own scores when an adaptation changed the ones
served (``engine_scores``), so the next fit learns from what the engine said, not from
what an earlier adaptation made of it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from threadguard.storage.migrations.columns import optional, required, site_table

revision: str = "0007_site_adaptations"
down_revision: str | None = "0006_web_sessions"


def upgrade() -> None:
    site_table(
        "site_adaptations",
        *required(sa.Integer(), "version"),
        *required(sa.String(32), "kind"),
        *required(sa.Boolean(), "active"),
        *required(sa.Integer(), "approvals", "rejections"),
        *required(sa.JSON(), "parameters"),
        *optional(sa.JSON(), "figures"),
        *required(sa.String(200), "created_by"),
        *required(sa.DateTime(), "created_at"),
        sa.UniqueConstraint("site_id", "version", name="uq_site_adaptations_version"),
    )
    op.add_column("analyses", sa.Column("engine_scores", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.drop_column("engine_scores")
    op.drop_table("site_adaptations")
