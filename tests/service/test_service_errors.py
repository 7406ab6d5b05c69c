"""Unexpected errors: a JSON 500 in the service's shape, and a connection that survives it."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from threadguard.engine import Engine
from threadguard.service.app import create_app
from threadguard.service.settings import ServiceSettings


@pytest.fixture
def broken_app(engine: Engine, tmp_path: Path) -> FastAPI:
    """The app with one extra route that fails the way a bug would."""
    app = create_app(
        ServiceSettings(database_url=f"sqlite:///{tmp_path / 'errors.db'}"), engine=engine
    )

    async def boom() -> None:
        raise RuntimeError("a bug, quoting comment text")

    app.add_api_route("/boom", boom)
    return app


@pytest.fixture
def server(broken_app: FastAPI) -> Iterator[int]:
    """The app under uvicorn on 127.0.0.1 (a free port), as ``threadguard serve`` runs it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(broken_app, log_level="critical", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    yield port
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def test_a_500_leaves_the_keep_alive_connection_usable(server: int) -> None:
    # Issue 11: Starlette's handler for Exception answers, then re-raises; uvicorn, seeing
    # an exception after the answer, closed the connection, so the client's next request
    # on it failed.
    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=10)
    conn.request("GET", "/boom")
    first = conn.getresponse()
    body = json.loads(first.read())
    assert first.status == 500
    assert body["error"] == {
        "code": 500,
        "status": "INTERNAL",
        "message": "internal error; the service log has the details",
    }
    assert first.getheader("connection", "").lower() != "close"
    sock = conn.sock
    conn.request("GET", "/healthz")
    second = conn.getresponse()
    assert second.status == 200
    assert json.loads(second.read())["status"] == "ok"
    assert conn.sock is sock  # the same connection, not a new one
    conn.close()
