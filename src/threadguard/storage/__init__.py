"""The moderation store: comments, analyses, decisions, the queue, the audit log, keys.

Nothing here knows about HTTP; :class:`Store` is the one object the service and the CLI
use, over SQLite (embedded default) or PostgreSQL.
"""

from __future__ import annotations

from threadguard.storage.db import DatabaseError, default_data_dir, resolve_url
from threadguard.storage.records import (
    Actor,
    ArticleRef,
    ConflictError,
    InvalidError,
    NewComment,
    NotFoundError,
    Origin,
    QueueFilter,
    StoreError,
)
from threadguard.storage.store import Store

__all__ = [
    "Actor",
    "ArticleRef",
    "ConflictError",
    "DatabaseError",
    "InvalidError",
    "NewComment",
    "NotFoundError",
    "Origin",
    "QueueFilter",
    "Store",
    "StoreError",
    "default_data_dir",
    "resolve_url",
]
