"""A revoked key stops working in every worker within ``key_check_s`` (issue 11, defect 10).

It used to stay valid for 30 s in every process but the one that revoked it. Two apps
over one database stand for two workers (each has its own store and key cache); the key
is revoked through a third store, as ``threadguard keys revoke`` does.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_support import DIALECTS, Databases

from threadguard.engine import Engine
from threadguard.service.app import create_app
from threadguard.service.settings import ServiceSettings
from threadguard.storage import Store

QUEUE = "/api/v1/queue"


@pytest.fixture(params=DIALECTS)
def url(request: pytest.FixtureRequest, databases: Databases, tmp_path: Path) -> Iterator[str]:
    with databases.fresh(request.param, tmp_path) as made:
        yield made


def worker(engine: Engine, url: str, **settings: Any) -> TestClient:
    app = create_app(ServiceSettings(database_url=url, **settings), engine=engine, migrate=False)
    return TestClient(app)


def status(client: TestClient, key: str) -> int:
    return client.get(QUEUE, headers={"Authorization": f"Bearer {key}"}).status_code


def prefix(key: str) -> str:
    return key.split("_")[1]


def test_with_no_staleness_allowed_a_revocation_bites_at_once_everywhere(
    engine: Engine, url: str
) -> None:
    cli = Store.open(url, migrate=False)
    key = cli.create_key("moderator")
    workers = [worker(engine, url, key_check_s=0.0) for _ in range(2)]
    with workers[0] as one, workers[1] as two:
        assert status(one, key) == status(two, key) == 200
        cli.revoke_key(prefix(key))
        assert status(one, key) == status(two, key) == 401
    cli.close()


def test_a_revocation_bites_within_the_stated_bound_without_a_read_per_request(
    engine: Engine, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    bound = 0.5
    cli = Store.open(url, migrate=False)
    key = cli.create_key("moderator")
    with worker(engine, url, key_check_s=bound) as one, worker(engine, url) as two:
        store: Store = one.app.state.service.store  # type: ignore[attr-defined]
        reads: list[str] = []
        for name in ("find_key", "keys_version"):
            original = getattr(store, name)

            def counting(*args: Any, _name: str = name, _original: Any = original) -> Any:
                reads.append(_name)
                return _original(*args)

            monkeypatch.setattr(store, name, counting)
        start = time.monotonic()
        for _ in range(20):
            assert status(one, key) == 200
        elapsed = time.monotonic() - start
        assert reads.count("find_key") == 1  # the key is read once, then cached...
        assert reads.count("keys_version") <= elapsed / bound + 1  # ...the version, rarely
        assert status(two, key) == 200

        cli.revoke_key(prefix(key))
        time.sleep(bound)  # the stated bound (the default key_check_s is 1 s)
        assert status(one, key) == 401
        time.sleep(1.0 - bound)
        assert status(two, key) == 401
    cli.close()


def test_a_key_created_while_a_worker_runs_works_there_at_once(engine: Engine, url: str) -> None:
    cli = Store.open(url, migrate=False)
    with worker(engine, url) as one:
        key = cli.create_key("moderator")
        assert status(one, key) == 200
    cli.close()


def test_when_revocations_cannot_be_checked_the_key_is_refused_with_503(
    engine: Engine, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = Store.open(url, migrate=False)
    key = cli.create_key("moderator")
    with worker(engine, url, key_check_s=0.0) as one:
        assert status(one, key) == 200
        store: Store = one.app.state.service.store  # type: ignore[attr-defined]

        def unreachable() -> int:
            raise ConnectionError("database unreachable")

        monkeypatch.setattr(store, "keys_version", unreachable)
        answer = one.get(QUEUE, headers={"Authorization": f"Bearer {key}"})
        assert answer.status_code == 503 and answer.headers["Retry-After"] == "1"
        monkeypatch.undo()
        assert status(one, key) == 200
    cli.close()
