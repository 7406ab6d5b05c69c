"""``/healthz`` reports what real requests met on the database, and names a missing schema.

A tryout: with the tables dropped (``DROP SCHEMA public CASCADE; CREATE SCHEMA public``)
every keyed call failed with 503 "cannot check API keys now" while a plain ``/healthz``
said 200 "ok" (its read was ``SELECT 1``) and ``?deep=1`` said "unreachable"; after a
write failed on a read-only database, a plain poll still said "ok".
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_support import DIALECTS, Service, database
from sqlalchemy import create_engine, text

from threadguard.engine import Engine
from threadguard.service import unavailable
from threadguard.service.health import read_check
from threadguard.storage.db import resolve_url
from threadguard.storage.records import StoreFullError

ANALYZE = "/v1alpha1/comments:analyze"


@pytest.fixture(params=DIALECTS)
def own(request: pytest.FixtureRequest, engine: Engine, tmp_path: Path) -> Iterator[Service]:
    """A service over a database of its own (its tables are dropped by the tests)."""
    with database(request.param, tmp_path) as url:
        made = Service(engine, url, key_check_s=0.0)
        yield made
        made.close()


def drop_every_table(service: Service) -> None:
    """What an operator's ``DROP SCHEMA public CASCADE; CREATE SCHEMA public`` leaves."""
    url = service.store.engine.url
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(str(url.database), isolation_level=None) as conn:
            for kind in ("trigger", "view", "table"):
                rows = conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))
                for (name,) in rows.fetchall():
                    if not name.startswith("sqlite_"):
                        conn.execute(f'DROP {kind.upper()} "{name}"')
        return
    admin = create_engine(resolve_url(url.render_as_string(hide_password=False), None))
    with admin.begin() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()


def analyze(service: Service) -> Any:
    body = {"comment": {"text": "the ferry is late"}, "requestedAttributes": {"TOXICITY": {}}}
    return service.client.post(ANALYZE, json=body, params={"key": service.client_key})


def test_a_missing_schema_shows_on_plain_and_deep_healthz(
    own: Service, caplog: pytest.LogCaptureFixture
) -> None:
    assert own.client.get("/healthz").json()["database"] == "ok"
    drop_every_table(own)
    with caplog.at_level(logging.ERROR, logger="threadguard.service"):
        refused = analyze(own)
    assert refused.status_code == 503 and "Retry-After" in refused.headers
    # The log says why, from the driver's own first line (not only "ProgrammingError").
    logged = [r.getMessage() for r in caplog.records if "API keys' version" in r.getMessage()]
    assert logged and any(("does not exist" in m or "no such table" in m) for m in logged)
    assert all("SELECT" not in m for m in logged)

    plain = own.client.get("/healthz")  # the last check said ok 0 s ago: the request did not
    assert plain.status_code == 503
    assert (
        plain.json()["database"]
        == unavailable.SCHEMA_MISSING
        == ("schema missing: run threadguard db upgrade")
    )
    deep = own.client.get("/healthz", params={"deep": 1})
    assert deep.status_code == 503 and deep.json()["database"] == unavailable.SCHEMA_MISSING
    # The plain check's own read touches a table, so it finds it too.
    assert read_check(own.store).database == unavailable.SCHEMA_MISSING


def test_a_failed_write_makes_plain_healthz_unwritable_for_a_while(service: Service) -> None:
    assert service.client.get("/healthz").json()["database"] == "ok"
    unavailable.unavailable(StoreFullError("the database is read-only: not stored"))
    plain = service.client.get("/healthz")
    assert plain.status_code == 503 and plain.json()["database"] == "unwritable"
    assert plain.headers["Retry-After"] == "30"
    failure = unavailable._last_failure[0]
    assert failure is not None
    unavailable._last_failure[0] = type(failure)(failure.database, failure.retry_after_s, -1e9)
    unavailable._last_full[0] = -1e9
    assert service.client.get("/healthz").json()["database"] == "ok"  # 30 s later


def test_a_deep_check_that_writes_forgets_what_requests_met(service: Service) -> None:
    unavailable.note_failure(RuntimeError("connection refused"))
    assert service.client.get("/healthz").json()["database"] == "unreachable"
    assert service.client.get("/healthz", params={"deep": 1}).json()["database"] == "ok"
    assert service.client.get("/healthz").json()["database"] == "ok"


def test_a_locked_table_is_503_within_the_lock_timeout_and_health_says_busy(
    engine: Engine, databases: Any, tmp_path: Path
) -> None:
    """``LOCK TABLE comments IN ACCESS EXCLUSIVE MODE`` held in psql hung a stored
    ``comments:analyze`` for 49 s (then 200), and /healthz stayed green."""
    with databases.fresh("postgresql", tmp_path) as url:
        service = Service(engine, url, db_lock_timeout_s=0.5, key_check_s=0.0)
        holder = create_engine(resolve_url(url, None))
        try:
            with service.store.engine.connect() as conn:
                assert conn.exec_driver_sql("SHOW lock_timeout").scalar_one() == "500ms"
                assert conn.exec_driver_sql("SHOW statement_timeout").scalar_one() == "30s"
            with holder.begin() as locked:
                locked.exec_driver_sql("LOCK TABLE comments IN ACCESS EXCLUSIVE MODE")
                started = time.monotonic()
                answer = analyze(service)
                took = time.monotonic() - started
                assert answer.status_code == 503, answer.text
                assert answer.headers["Retry-After"] == "1"
                assert took < 10
                health = service.client.get("/healthz")
                assert health.status_code == 503 and health.json()["database"] == "busy"
            assert analyze(service).status_code == 200  # the lock is gone: stored again
        finally:
            holder.dispose()
            service.close()
