"""A database that cannot be written now (a full disk, a read-only mount) or that another
process keeps locked is one line naming it, exit 1: on an on-call night a full disk said
``error: StoreFullError: the database's disk is full: this write was not stored (a large
upload keeps the parts stored before it ...)``, naming neither the file nor anything a
``keys create`` had done, and a lock ``error: StoreBusyError: the database is busy``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_support import invoke_in

from threadguard.storage import Store
from threadguard.storage.failures import NOT_STORED
from threadguard.storage.records import StoreBusyError, StoreFullError
from threadguard.storage.repositories.accounts import AccountRepository


def _full() -> StoreFullError:
    full = StoreFullError(f"the database's disk is full: {NOT_STORED}")
    full.__cause__ = sqlite3.OperationalError("database or disk is full")
    return full


@pytest.mark.parametrize(
    ("error", "said"),
    [
        pytest.param(
            _full, "cannot write the database {db}: the database's disk is full", id="full"
        ),
        pytest.param(
            lambda: StoreBusyError("the database is busy; try again shortly"),
            "the database {db} is busy",
            id="locked",
        ),
    ],
)
def test_a_full_or_locked_database_is_named_in_one_line_and_exit_1(
    tmp_path: Path,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    error: type[Exception],
    said: str,
) -> None:
    def unavailable(*_args: object, **_kwargs: object) -> str:
        raise error()

    monkeypatch.setattr(AccountRepository, "create_key", unavailable)
    code, output = invoke_in(tmp_path, "keys", "create", "--role", "admin")
    assert code == 1
    assert said.format(db=tmp_path / "threadguard.db") in output
    assert "Error:" not in output and "large upload" not in output
    assert len(output.strip().splitlines()) == 1
    assert store.api_keys() == []


def test_a_busy_database_named_by_url_keeps_its_query_password_hidden() -> None:
    # A code review: the line named postgresql+psycopg://app@db.example/tg?password=s3cret
    from threadguard.cli.service import _unavailable

    url = "postgresql+psycopg://app@db.example/tg?sslmode=require&password=s3cret"
    line = _unavailable(StoreBusyError("busy"), url, None)
    assert "s3cret" not in line
    assert line.startswith("the database postgresql+psycopg://app@db.example/tg?password=***")


class _PostgresError(Exception):
    """A driver error as psycopg raises one: its SQLSTATE in ``sqlstate``."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"SQLSTATE {sqlstate}")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "said"),
    [
        ("53300", "no connection slot free (too many connections)"),
        ("40P01", "deadlocked"),
        ("57014", "statement or lock timeout ran out"),
        ("55P03", "a lock it needed was held by another session too long"),
    ],
)
def test_a_busy_postgresql_says_which_kind_of_busy(sqlstate: str, said: str) -> None:
    # Session 54: a full connection table was reported as "another process held its lock"
    from sqlalchemy import exc as sa_exc

    from threadguard.cli.service import _unavailable
    from threadguard.storage.contention import busy_as_store_error

    driver = sa_exc.OperationalError("SELECT 1", None, _PostgresError(sqlstate))
    with pytest.raises(StoreBusyError) as raised, busy_as_store_error():
        raise driver
    line = _unavailable(raised.value, "postgresql+psycopg://app@db.example/tg", None)
    assert said in line
    assert "held its lock" not in line
    assert line.endswith("; try again shortly")


def test_a_locked_sqlite_file_still_says_another_process_held_its_lock(tmp_path: Path) -> None:
    from sqlalchemy import exc as sa_exc

    from threadguard.cli.service import _unavailable
    from threadguard.storage.contention import busy_as_store_error

    driver = sa_exc.OperationalError("INSERT", None, sqlite3.OperationalError("database is locked"))
    with pytest.raises(StoreBusyError) as raised, busy_as_store_error():
        raise driver
    line = _unavailable(raised.value, f"sqlite:///{tmp_path / 'tg.db'}", None)
    assert "another process held its lock too long" in line
