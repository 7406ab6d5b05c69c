"""Database failures for tests, raised where the driver raises them.

:func:`failing_writes` makes every write statement the driver is given raise the
driver's own exception (``sqlite3.OperationalError: database or disk is full``,
``psycopg.errors.DiskFull``), at the DB-API level, below everything of ours: what a
full disk does, without filling one. Reads still work, as on a real full disk.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg.errors
from sqlalchemy import Engine, event

WRITES = ("INSERT", "UPDATE", "DELETE")


def disk_full(dialect: str) -> Exception:
    """What the driver of ``dialect`` raises when the disk is full."""
    if dialect == "sqlite":
        return sqlite3.OperationalError("database or disk is full")
    return psycopg.errors.DiskFull("could not extend file: No space left on device")


@contextmanager
def failing_writes(engine: Engine, error: Callable[[], Exception] | None = None) -> Iterator[None]:
    """Every write statement on ``engine`` raises ``error()`` (default: a full disk)."""
    make = error or (lambda: disk_full(engine.dialect.name))

    def execute(cursor: Any, statement: str, parameters: Any, context: Any) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            raise make()

    targets = [(engine, "do_execute", execute), (engine, "do_executemany", execute)]
    for target in targets:
        event.listen(*target)
    try:
        yield
    finally:
        for target in targets:
            event.remove(*target)
