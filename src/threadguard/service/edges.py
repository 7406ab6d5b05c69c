"""The service's outermost layers, outside Starlette's own error handling.

Starlette puts its ``ServerErrorMiddleware`` (which turns an unhandled exception into
the 500 response) outside every middleware added with ``add_middleware``; so a
middleware added that way never sees a 500's response, and cannot log its status, time
it, or give it the security headers. :class:`EdgedApp` is a FastAPI app that wraps its
whole stack, error handler included, in the layers it is given: every response the
service sends passes through them. :class:`HttpLayer` is what each layer is built on.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: A layer: given the app inside it, the ASGI app that wraps it.
Layer = Callable[[ASGIApp], ASGIApp]
#: The scope key holding when the request reached the app (``time.perf_counter()``), so
#: a deadline (Coral's) counts the time spent waiting for the event loop and the body.
ARRIVED = "threadguard.arrived"


def seconds_since_arrival(scope: Scope) -> float:
    """How long ago the request reached the app (0 for a scope nothing stamped)."""
    arrived = scope.get(ARRIVED)
    return 0.0 if arrived is None else max(0.0, time.perf_counter() - arrived)


class EdgedApp(FastAPI):
    """FastAPI with ``edges`` around everything, the first one outermost."""

    def __init__(self, *, edges: Sequence[Layer] = (), **options: Any) -> None:
        super().__init__(**options)
        self.edges = tuple(edges)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope.setdefault(ARRIVED, time.perf_counter())
        await super().__call__(scope, receive, send)

    def build_middleware_stack(self) -> ASGIApp:
        app = super().build_middleware_stack()
        for wrap in reversed(self.edges):
            app = wrap(app)
        return app


class ResponseTracker:
    """Wraps ``send``: the status the response started with (500 until one did, as for
    an exception no handler answered), the time since the request came in, and an
    optional hook that may change the response's start message (its headers)."""

    def __init__(self, send: Send, on_start: Callable[[Message], None] | None = None) -> None:
        self._send = send
        self._on_start = on_start
        self.status = 500
        self.started = time.perf_counter()

    @property
    def seconds(self) -> float:
        """Seconds since the request came in."""
        return time.perf_counter() - self.started

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            if self._on_start is not None:
                self._on_start(message)
        await self._send(message)


class HttpLayer:
    """An ASGI layer that acts on HTTP requests (:meth:`handle`) and passes the rest on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    def __call__(self, scope: Scope, receive: Receive, send: Send) -> Awaitable[None]:
        if scope["type"] != "http":
            return self.app(scope, receive, send)
        return self.handle(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one HTTP request (the default: pass it on)."""
        await self.app(scope, receive, send)
