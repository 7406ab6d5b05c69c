"""Columns the revisions (``versions/*.py``) share.

A shipped revision must create the same schema forever, and every revision that calls a
helper here changes with it: never edit one; add a new helper (or write the column out in
the revision) when a later revision needs something else.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa


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
