"""A full disk is 503 with Retry-After on every surface, and the deep health check says so.

Issue 11, defect 5: with the disk full every write answered 500 while ``/healthz?deep=1``
said ok. The disk is "filled" at the DB-API level (:mod:`faults`): every write statement
raises the driver's own disk-full error, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
from typing import Any

import pytest
from faults import failing_writes
from service_support import Service

from threadguard.service import metrics
from threadguard.service import unavailable as unavailable_module
from threadguard.storage.failures import NOT_STORED
from threadguard.storage.records import StoreFullError

CORAL_SECRET = "coral-test-secret"
ANALYZE = "/v1alpha1/comments:analyze"


@pytest.fixture
def service_options() -> dict[str, Any]:
    return {"coral_secret": CORAL_SECRET}


@pytest.fixture
def service(service_on_each_backend: Service) -> Service:
    """Every test here runs on SQLite and on PostgreSQL."""
    return service_on_each_backend


def full(service: Service) -> Any:
    return failing_writes(service.store.engine)


def unavailable_count(reason: str) -> float:
    value = metrics.REGISTRY.get_sample_value(
        "threadguard_store_unavailable_total", {"reason": reason}
    )
    return value or 0.0


def analyze(service: Service, **extra: Any) -> Any:
    body = {"comment": {"text": "the ferry is late again"}, "requestedAttributes": {"TOXICITY": {}}}
    return service.client.post(ANALYZE, json={**body, **extra}, params={"key": service.client_key})


def coral(service: Service) -> Any:
    raw = json.dumps(
        {"action": "NEW", "comment": {"id": "c1", "body": "hello"}, "site": {"id": "news"}}
    ).encode()
    signature = hmac.new(CORAL_SECRET.encode(), raw, hashlib.sha256).hexdigest()
    return service.client.post(
        "/coral/moderation",
        content=raw,
        headers={"Content-Type": "application/json", "X-Coral-Signature": f"sha256={signature}"},
    )


def test_a_full_disk_is_503_with_retry_after_on_every_surface(
    service: Service, caplog: pytest.LogCaptureFixture
) -> None:
    stored = service.post_thread("Title\n\nBody.\n\n  • ann\n    Nice ferry.\n").json()
    comment_id = stored["comments"][0]["comment_id"]
    before = unavailable_count("full")
    with full(service):
        perspective = analyze(service)
        assert perspective.status_code == 503
        assert perspective.headers["Retry-After"] == "30"
        error = perspective.json()["error"]  # Google's shape, as Perspective clients parse
        assert (error["code"], error["status"]) == (503, "UNAVAILABLE")
        assert "disk is full" in error["message"]
        # not "nothing was stored": a large upload keeps the parts stored before the failure
        assert "this write was not stored" in error["message"]
        assert any(
            r.levelname == "WARNING" and "cannot be written" in r.getMessage()
            for r in caplog.records
        )  # a full disk left no line but the access log's
        assert analyze(service, doNotStore=True).status_code == 200  # nothing to write

        # another thread (the same title and text with another c1 would be refused as a
        # different thread under one key, 409, before any write)
        upload = service.post_thread("Another title\n\nBody.\n\n  • ann\n    Hello.\n")
        assert upload.status_code == 503 and upload.headers["Retry-After"] == "30"
        assert upload.json()["error"]["status"] == "UNAVAILABLE"

        action = service.act(comment_id, "reject")
        assert action.status_code == 503 and action.headers["Retry-After"] == "30"

        answer = coral(service)
        # Never a 500, and never a comment approved that could not be stored.
        assert answer.status_code == 503 or answer.json().get("status") == "PREMOD"

        # Reads still work, but writes failed just now: a plain poll says so too.
        plain = service.client.get("/healthz")
        assert plain.status_code == 503 and plain.json()["database"] == "unwritable"
        deep = service.client.get("/healthz", params={"deep": 1})
        assert deep.status_code == 503
        assert deep.json()["database"] == "unwritable" and deep.headers["Retry-After"] == "30"
    assert unavailable_count("full") >= before + 3

    # The disk has room again: everything works, nothing had to restart; the deep check
    # says unwritable until Retry-After's 30 s have passed since the last failed write.
    assert analyze(service).status_code == 200
    assert service.act(comment_id, "reject").status_code == 200
    assert service.client.get("/healthz", params={"deep": 1}).json()["database"] == "unwritable"
    unavailable_module._last_full[0] -= StoreFullError.retry_after_s
    assert service.client.get("/healthz", params={"deep": 1}).json()["database"] == "ok"
    assert service.client.get("/healthz").json()["database"] == "ok"


def test_the_deep_check_says_unwritable_while_new_writes_fail_though_its_own_succeeds(
    service: Service,
) -> None:
    """The heartbeat rewrites one row in place and needs no new space: on a full SQLite
    disk it succeeded and /healthz?deep=1 said ok while every new comment failed."""
    stored = service.post_thread("Title\n\nBody.\n\n  • ann\n    Nice ferry.\n")
    assert stored.status_code == 200
    unavailable_module.unavailable(StoreFullError("the disk is full: " + NOT_STORED))
    deep = service.client.get("/healthz", params={"deep": 1})
    assert deep.status_code == 503 and deep.json()["database"] == "unwritable"
    unavailable_module._last_full[0] -= StoreFullError.retry_after_s


def test_a_full_disk_outside_the_database_is_503_too(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(*_: Any, **__: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(service.store, "queue", no_space)
    answer = service.client.get("/api/v1/queue", headers=service.auth(service.moderator))
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "30"
    assert answer.json()["error"]["message"].startswith("the disk is full")

    def other(*_: Any, **__: Any) -> Any:
        raise OSError(errno.ENOENT, "No such file")

    monkeypatch.setattr(service.store, "queue", other)
    answer = service.client.get("/api/v1/queue", headers=service.auth(service.moderator))
    assert answer.status_code == 500  # any other OSError is still the service's bug


def test_a_database_that_hangs_is_not_answering_within_seconds_not_ok() -> None:
    """A stalled PostgreSQL (a partition) answered no check: the first poll hung and every
    later one got the last check's "ok" for as long as it lasted."""
    import asyncio
    import threading

    from threadguard.service.health import NOT_ANSWERING, DatabaseHealth

    release = threading.Event()

    class Stalled:
        def keys_version(self) -> int:
            release.wait(10)
            return 1

        def heartbeat(self) -> None:
            release.wait(10)

    async def polls() -> list[str]:
        health = DatabaseHealth(Stalled(), ttl=0.0, answer_s=0.2)  # type: ignore[arg-type]
        seen = [(await health.check()).database, (await health.check()).database]
        seen.append((await health.check(deep=True)).database)
        release.set()
        for _ in range(50):  # the stalled check comes back: the next poll reads again
            await asyncio.sleep(0.05)
            if health._pending is None:
                break
        seen.append((await health.check()).database)
        return seen

    assert asyncio.run(polls()) == [NOT_ANSWERING.database] * 3 + ["ok"]
