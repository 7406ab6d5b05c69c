"""The audit log read by its object: ``ix_audit_log_object`` (object type and id).

A queue card says when its comment was edited and what its earlier text had (approved by
a moderator, published by the policy...), which the latest ``comment.edit`` entry of the
comment records; without this index, reading a page's 50 comments' entries scanned the
whole log, which only grows.
"""

from __future__ import annotations

from alembic import op

revision: str = "0009_audit_object"
down_revision: str | None = "0008_user_sites"


def upgrade() -> None:
    op.create_index("ix_audit_log_object", "audit_log", ["object_type", "object_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_object", table_name="audit_log")
