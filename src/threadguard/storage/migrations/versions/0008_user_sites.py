"""Dashboard accounts limited to one site, like API keys: ``users.site`` (NULL: every
site, what every account made before this revision keeps)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008_user_sites"
down_revision: str | None = "0007_site_adaptations"


def upgrade() -> None:
    op.add_column("users", sa.Column("site", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("site")
