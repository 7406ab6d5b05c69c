"""Headers that make every response safe to receive in a browser, and CORS by allow-list.

The service answers JSON to programs, and nothing it sends is meant to be rendered,
framed, cached or sniffed into HTML by a browser; comment text in an answer is
attacker-written. So every response, errors included, carries:

- ``X-Content-Type-Options: nosniff``: JSON is never guessed to be HTML or script;
- ``Content-Security-Policy: default-src 'none'; frame-ancestors 'none'; ...``: even a
  response a browser did render could load, run and embed nothing;
- ``X-Frame-Options: DENY`` (what older browsers read of ``frame-ancestors``);
- ``Referrer-Policy: no-referrer``;
- ``Cache-Control: no-store`` unless the route set its own: answers hold comments,
  scores and queue items that no shared cache should keep;
- ``Strict-Transport-Security`` when the service's public URL is ``https``.

A route that serves HTML must set its own ``Content-Security-Policy``; a header the
response already has is never replaced. FastAPI's ``/docs`` and ``/redoc`` pages are
off: they load Swagger UI and ReDoc from a CDN, which neither works offline nor may run
script on a page where an admin pastes a key. ``/openapi.json`` stays, for any local
viewer.

CORS is off unless ``cors_origins`` lists the origins a browser may call from
(:func:`cors_options`); then Starlette's ``CORSMiddleware`` answers preflights for them
alone.
"""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from threadguard.service.edges import HttpLayer, ResponseTracker
from threadguard.service.settings import ServiceSettings

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
HSTS = "max-age=31536000"


def headers_for(settings: ServiceSettings) -> dict[str, str]:
    """The headers every response gets under ``settings``."""
    headers = dict(HEADERS)
    if (settings.public_url or "").lower().startswith("https://"):
        headers["Strict-Transport-Security"] = HSTS
    return headers


class SecurityHeaders(HttpLayer):
    """ASGI middleware adding :func:`headers_for`'s headers a response does not set."""

    def __init__(self, app: ASGIApp, headers: dict[str, str]) -> None:
        super().__init__(app)
        self.headers = headers
        # Encoded once: this runs on every response.
        self._raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]

    def _add(self, message: Message) -> None:
        headers = list(message.get("headers", ()))
        present = {bytes(name).lower() for name, _ in headers}
        headers.extend(pair for pair in self._raw if pair[0] not in present)
        message["headers"] = headers

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, ResponseTracker(send, self._add).send)


def cors_options(settings: ServiceSettings) -> dict[str, Any] | None:
    """``CORSMiddleware``'s options for the allowed origins; None when CORS is off."""
    if not settings.cors_origins:
        return None
    return {
        "allow_origins": list(settings.cors_origins),
        "allow_methods": ["GET", "POST", "PUT", "DELETE"],
        "allow_headers": ["Authorization", "Content-Type", "X-Request-ID"],
        "expose_headers": ["X-Request-ID", "Retry-After"],
        "allow_credentials": False,
        "max_age": 600,
    }
