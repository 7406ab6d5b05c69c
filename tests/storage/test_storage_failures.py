"""A database that cannot write (full disk, read-only) is a StoreFullError, never a crash.

The failures are real where the database can be made to produce them (SQLite's page
limit and ``query_only``, PostgreSQL's read-only transactions) and injected at the DB-API
level where it cannot (a full disk on PostgreSQL): the driver's own exception, raised
where the driver would raise it.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg.errors
import pytest
from faults import failing_writes
from service_support import Databases
from sqlalchemy import event

from threadguard.analysis import Analysis
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Store
from threadguard.storage.failures import out_of_space
from threadguard.storage.records import NewComment, Origin, StoreBusyError, StoreFullError

ORIGIN = Origin("news", "perspective")


def comment(text: str = "hello") -> NewComment:
    return NewComment(
        text, Analysis(None, dict.fromkeys(ATTRIBUTES, 0.1), model="t@1"), Decision("approve")
    )


@contextmanager
def on_new_connections(store: Store, statement: str) -> Iterator[None]:
    """Run ``statement`` on every connection the store opens from now on."""

    def run(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(statement)
        cursor.close()
        if store.dialect == "postgresql":
            dbapi_connection.commit()

    store.engine.dispose()
    event.listen(store.engine, "connect", run)
    try:
        yield
    finally:
        event.remove(store.engine, "connect", run)
        store.engine.dispose()


def test_a_full_disk_refuses_writes_as_store_full_and_the_store_recovers(store: Store) -> None:
    with failing_writes(store.engine):
        with pytest.raises(StoreFullError, match="disk is full") as caught:
            store.record(ORIGIN, comment())
        assert isinstance(caught.value, StoreBusyError)  # a 503 wherever busy is one
        assert caught.value.retry_after_s > 1
        with pytest.raises(StoreFullError):
            store.create_key("client")
        with pytest.raises(StoreFullError):
            store.heartbeat()
        assert store.ping()  # reads still answer: why the health check must write
    store.record(ORIGIN, comment())
    store.heartbeat()


def test_a_read_only_database_refuses_writes_as_store_full(store: Store) -> None:
    statement = (
        "PRAGMA query_only = ON"
        if store.dialect == "sqlite"
        else "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"
    )
    with on_new_connections(store, statement):
        assert store.ping()
        with pytest.raises(StoreFullError, match="read-only"):
            store.heartbeat()
        with pytest.raises(StoreFullError, match="read-only"):
            store.record(ORIGIN, comment())
    store.heartbeat()


def test_sqlite_out_of_pages_is_store_full(databases: Databases, tmp_path: Path) -> None:
    """SQLite's own SQLITE_FULL, from a page limit at the database's current size."""
    with databases.fresh("sqlite", tmp_path) as url:
        store = Store.open(url, migrate=False)
        with store.engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        with on_new_connections(store, f"PRAGMA max_page_count = {pages}"):
            with pytest.raises(StoreFullError, match="disk is full") as caught:
                store.record(ORIGIN, comment("a long comment " * 20_000))
            cause = caught.value.__cause__
            assert isinstance(cause, sqlite3.OperationalError)
            assert cause.sqlite_errorname == "SQLITE_FULL"
        store.close()


def test_only_space_and_read_only_errors_are_recognised() -> None:
    assert out_of_space(OSError(errno.ENOSPC, "No space left on device"))
    assert out_of_space(OSError(errno.EROFS, "Read-only file system"))
    assert out_of_space(OSError(errno.ENOENT, "No such file")) is None
    assert out_of_space(sqlite3.OperationalError("database is locked")) is None
    assert out_of_space(sqlite3.OperationalError("no such table: x")) is None
    assert out_of_space(psycopg.errors.UniqueViolation("dup")) is None
    assert out_of_space(psycopg.errors.ReadOnlySqlTransaction("standby"))
    assert out_of_space(ValueError("database or disk is full")) is None


def test_a_postgresql_server_that_never_answers_fails_the_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stalled PostgreSQL hung every request past a minute: libpq had no time limit.
    A listener that accepts and never speaks stands in for it."""
    import socket
    import threading

    from sqlalchemy import text as sql

    from threadguard.storage import db

    monkeypatch.setitem(db.LIBPQ_TIMEOUTS, "connect_timeout", 2)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    port = silent.getsockname()[1]
    outcome: list[str] = []

    def attempt() -> None:
        engine = db.connect(f"postgresql://postgres@127.0.0.1:{port}/test")
        try:
            with engine.connect() as conn:
                conn.execute(sql("SELECT 1"))
            outcome.append("answered")
        except Exception as exc:  # the driver's timeout, as the store's error handling sees it
            outcome.append(type(exc).__name__)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(30)
    silent.close()
    assert not worker.is_alive(), "the connection still hangs"
    assert outcome and outcome[0] != "answered"
