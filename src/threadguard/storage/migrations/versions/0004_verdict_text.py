"""A moderator's verdict keeps the text it was given on.

A comment's text changes when it is edited, and a verdict on the old text says nothing
about the new one; the labelled export pairs each verdict with ``decisions.text``, not
with the comment's text now. Verdicts given before this revision get the comment's
current text and the analysis it had then, but only where the comment was not scored
again after the verdict: before this revision an edit replaced the text silently, so for
those the text the moderator saw is unknown, and the export leaves them out rather than
label a text the moderator never read.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"


def upgrade() -> None:
    op.add_column("decisions", sa.Column("text", sa.Text(), nullable=True))
    op.execute(
        "UPDATE decisions SET "
        "text = (SELECT comments.text FROM comments WHERE comments.id = decisions.comment_id), "
        "analysis_id = (SELECT MAX(analyses.id) FROM analyses "
        "WHERE analyses.comment_id = decisions.comment_id "
        "AND analyses.created_at <= decisions.created_at) "
        "WHERE decisions.source = 'moderator' AND NOT EXISTS (SELECT 1 FROM analyses "
        "WHERE analyses.comment_id = decisions.comment_id "
        "AND analyses.created_at > decisions.created_at)"
    )


def downgrade() -> None:
    op.drop_column("decisions", "text")
