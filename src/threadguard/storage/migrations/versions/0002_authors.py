"""Authors (banned, trusted, counts) for per-site policy, and per-key rate limits.

Columns are added with plain ``ALTER TABLE ... ADD COLUMN`` on purpose: SQLite's
table-rebuild ("batch") mode would drop and recreate ``comments``, and with foreign keys
on, dropping it cascades into the analyses and decisions that point at it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from threadguard.storage.migrations.columns import required, site_table

revision: str = "0002"
down_revision: str | None = "0001"


def upgrade() -> None:
    site_table(
        "authors",
        *required(sa.String(500), "name"),
        *required(sa.Boolean(), "banned", "trusted"),
        *required(sa.Integer(), "comment_count", "held_count", "rejected_count"),
        *required(sa.DateTime(), "first_seen", "last_seen"),
        *required(sa.Integer(), "version"),
        sa.UniqueConstraint("site_id", "name", name="uq_authors_site_name"),
    )
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot ALTER constraints, but accepts a column-level REFERENCES clause.
        op.execute(
            "ALTER TABLE comments ADD COLUMN author_id INTEGER "
            "REFERENCES authors (id) ON DELETE SET NULL"
        )
    else:
        op.add_column(
            "comments",
            sa.Column(
                "author_id",
                sa.Integer(),
                sa.ForeignKey("authors.id", ondelete="SET NULL", name="fk_comments_author_id"),
                nullable=True,
            ),
        )
    op.add_column("comments", sa.Column("author_seq", sa.Integer(), nullable=True))
    op.create_index("ix_comments_author_status", "comments", ["author_id", "status", "status_at"])
    op.add_column("api_keys", sa.Column("rate_per_minute", sa.Integer(), nullable=True))
    # Authors of comments stored before this revision: one row each, with their counts.
    op.execute(
        "INSERT INTO authors (site_id, name, banned, trusted, comment_count, held_count, "
        "rejected_count, first_seen, last_seen, version) "
        "SELECT site_id, author, false, false, COUNT(*), "
        "SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END), "
        "MIN(received_at), MAX(received_at), 1 "
        "FROM comments WHERE author IS NOT NULL AND author <> '' GROUP BY site_id, author"
    )
    op.execute(
        "UPDATE comments SET author_id = (SELECT authors.id FROM authors "
        "WHERE authors.site_id = comments.site_id AND authors.name = comments.author)"
    )


def downgrade() -> None:
    op.drop_column("api_keys", "rate_per_minute")
    op.drop_index("ix_comments_author_status", table_name="comments")
    op.drop_column("comments", "author_seq")
    op.drop_column("comments", "author_id")
    op.drop_table("authors")
