"""Coral's deadline counts from the request's arrival at the app: under load the wait for
the event loop and the body is part of what Coral waits for, and past its own timeout
Coral skips the phase and publishes."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

from fastapi.testclient import TestClient
from starlette.types import Receive, Scope, Send

from threadguard.service.edges import ARRIVED

SECRET = "coral-test-secret"


def signed(body: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(body).encode()
    digest = hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
    return raw, {"Content-Type": "application/json", "X-Coral-Signature": f"sha256={digest}"}


def arrived_ago(app: Any, seconds: float) -> Any:
    """The app, as if each request had reached it ``seconds`` ago."""

    async def late(scope: Scope, receive: Receive, send: Send) -> None:
        scope[ARRIVED] = time.perf_counter() - seconds
        await app(scope, receive, send)

    return late


def test_a_request_that_waited_past_the_deadline_is_answered_premod(make_service: Any) -> None:
    # a deadline a cold first request meets on a loaded machine (a clean-clone CI run took
    # longer than 0.5 s over the fresh one, session 53)
    service = make_service(coral_secret=SECRET, coral_deadline_s=2.0)
    body = {
        "action": "NEW",
        "comment": {"id": "c1", "body": "What a thoughtful piece, thank you."},
        "author": {"id": "u1"},
        "story": {"id": "s1"},
        "site": {"id": "news"},
    }
    raw, headers = signed(body)
    fresh = TestClient(service.app).post("/coral/moderation", content=raw, headers=headers)
    assert fresh.json() == {"status": "APPROVED"}
    body["comment"] = {"id": "c2", "body": "Another thoughtful piece, thank you."}
    raw, headers = signed(body)
    waited = TestClient(arrived_ago(service.app, 2.5))
    assert waited.post("/coral/moderation", content=raw, headers=headers).json() == {
        "status": "PREMOD"
    }
