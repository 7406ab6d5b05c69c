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
