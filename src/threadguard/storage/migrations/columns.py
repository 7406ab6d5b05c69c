"""Columns (and the per-site table) the revisions (``versions/*.py``) share.

A shipped revision must create the same schema forever, and every revision that calls a
helper here changes with it: never edit one; add a new helper (or write the column out in
the revision) when a later revision needs something else.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op


def integer_id() -> sa.Column[Any]:
    """The row's id: an integer primary key."""
    return sa.Column("id", sa.Integer(), primary_key=True)


def site_id() -> sa.Column[Any]:
    """The row's site: deleted with it."""
    return sa.Column(
        "site_id", sa.Integer(), sa.ForeignKey("sites.id", ondelete="CASCADE"), nullable=False
    )


def created_at() -> sa.Column[Any]:
    """When the row was made."""
    return sa.Column("created_at", sa.DateTime(), nullable=False)


def required(kind: sa.types.TypeEngine[Any], *names: str) -> list[sa.Column[Any]]:
    """NOT NULL columns of one type, in the order named."""
    return [sa.Column(name, kind.copy(), nullable=False) for name in names]


def optional(kind: sa.types.TypeEngine[Any], *names: str) -> list[sa.Column[Any]]:
    """Nullable columns of one type, in the order named."""
    return [sa.Column(name, kind.copy(), nullable=True) for name in names]


def site_table(name: str, *items: sa.schema.SchemaItem) -> None:
    """Create a table of one site's rows: its integer id and its site (:func:`integer_id`,
    :func:`site_id`), then ``items``, the table's own columns and constraints."""
    op.create_table(name, integer_id(), site_id(), *items)
