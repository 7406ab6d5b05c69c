"""Comments erased on request: ``comments.erased_at`` and ``comments.erased_by``.

An admin erases a comment's text and author name (an erasure request, or doxxing that must
not stay in the store); the comment keeps its decisions, scores and queue entry, and an
upload of it again does not bring the text back. NULL: not erased, what every comment made
before this revision keeps. The ``comment.erase`` audit entry says who erased it, when, and
the SHA-256 of the text erased.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010_erased_comments"
down_revision: str | None = "0009_audit_object"


def upgrade() -> None:
    op.add_column("comments", sa.Column("erased_at", sa.DateTime(), nullable=True))
    op.add_column("comments", sa.Column("erased_by", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("comments") as batch:
        batch.drop_column("erased_by")
        batch.drop_column("erased_at")
