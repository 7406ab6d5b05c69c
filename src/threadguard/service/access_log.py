"""The access log: method, path, status and time, with credentials taken out.

Uvicorn's own access log prints the query string, and Perspective clients send their
API key as ``?key=``; so the server runs with uvicorn's access log off and this one on.
It never logs bodies or headers, and redacts ``key``-like query parameters.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("threadguard.access")

#: Query parameters whose values are never logged.
SECRET_PARAMS = frozenset({"key", "api_key", "apikey", "token", "access_token", "password"})


def redact_query(query: str) -> str:
    """The query string with every secret parameter's value replaced by ``REDACTED``."""
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode(
        [(k, "REDACTED" if k.lower() in SECRET_PARAMS else v) for k, v in pairs], safe="*"
    )


class AccessLog:
    """ASGI middleware that logs one line per request at INFO."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def tracking_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        finally:
            query = redact_query(scope.get("query_string", b"").decode("latin-1"))
            client = scope.get("client")
            log.info(
                '%s "%s %s%s" %d %.1fms',
                client[0] if client else "-",
                scope.get("method", ""),
                scope.get("path", ""),
                f"?{query}" if query else "",
                status,
                (time.perf_counter() - start) * 1000,
            )
