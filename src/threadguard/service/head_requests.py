"""``HEAD`` answered wherever ``GET`` is: the GET's status and headers, without its body.

RFC 9110 (section 9.1) asks every general-purpose server to support HEAD, and uptime
checks and load balancers use it (``curl -I``). FastAPI's routes take only the methods
they are declared with, so ``HEAD /healthz``, ``HEAD /login`` and every ``GET`` of the API
were answered 405 with ``Allow: GET``, which named the method they refused as allowed.
This layer runs a HEAD request as the GET it stands for (so its key, role and rate limit
are checked as the GET's are) and drops the body; the access log and the metrics, outside
it, still see a HEAD. A path that has no GET answers HEAD as it answers GET (405 with its
``Allow`` header, 404).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """ASGI middleware: a HEAD request served as a GET, the response's body left out."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # the GET's body, a chunk at a time: none of it is sent
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
