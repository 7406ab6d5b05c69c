## Alembic reads a revision and its parent from ``revision`` and ``down_revision`` alone
## (``branch_labels`` and ``depends_on`` default to None), so the docstring is left to say
## what the revision changes and why, and repeats none of them.
"""${message}"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}

revision: str = ${repr(up_revision)}
down_revision: str | None = ${repr(down_revision)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
