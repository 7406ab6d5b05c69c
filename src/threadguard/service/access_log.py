"""The access log: method, path, status and time, with credentials taken out; request ids.

Uvicorn's own access log prints the query string, and Perspective clients send their
API key as ``?key=``; so the server runs with uvicorn's access log off and this one on.
It never logs bodies or headers, and redacts ``key``-like query parameters. Every field
is escaped (:func:`~threadguard.service.log_format.escape`): a decoded path may hold a
newline, and nobody may write a log line but the service. The fields also travel as
structured ``extra`` data, which the JSON log format writes as fields.

Each request gets an id: the caller's ``X-Request-ID`` when it is sane (1 to 128 letters,
digits and ``-_.:``, as trace ids and UUIDs are), else a new one. It is echoed in the
response's ``X-Request-ID``, is in the access line, and is in the context
(:data:`~threadguard.service.log_format.request_id`) of every other line logged while
the request is served, so one request's lines can be found together.
"""

from __future__ import annotations

import itertools
import logging
import re
import secrets
from urllib.parse import parse_qsl, urlencode

from starlette.types import Message, Receive, Scope, Send

from threadguard.service.edges import HttpLayer, ResponseTracker
from threadguard.service.log_format import ESCAPED, FIELDS, escape, request_id

log = logging.getLogger("threadguard.access")

#: Query parameters whose values are never logged.
SECRET_PARAMS = frozenset({"key", "api_key", "apikey", "token", "access_token", "password"})
REQUEST_ID_HEADER = "X-Request-ID"
_ID_HEADER = REQUEST_ID_HEADER.lower().encode()
_SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


#: An API key's secret part anywhere in a value (``tg_<prefix>_<secret>``, the prefix
#: kept): a key can travel inside another parameter, as the dashboard's ``next=`` did.
_KEY_SECRET = re.compile(r"\b(tg_[0-9A-Za-z]{1,32}_)[A-Za-z0-9_-]+")


def redact_query(query: str) -> str:
    """The query string with every secret parameter's value replaced by ``REDACTED``, and
    any key's secret inside another value too."""
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode(
        [
            (k, "REDACTED" if k.lower() in SECRET_PARAMS else _KEY_SECRET.sub(r"\1REDACTED", v))
            for k, v in pairs
        ],
        safe="*",
    )


def without_secrets(query: str) -> str:
    """The query string without its secret parameters (for a URL sent back to a browser,
    such as the sign-in page's ``next=``, which must not carry a key on)."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, v) for k, v in pairs if k.lower() not in SECRET_PARAMS])


#: New ids: this process's random prefix and a count, unique without a system call each.
_ID_PREFIX = secrets.token_hex(8)
_ids = itertools.count(1)


def request_id_of(scope: Scope) -> str:
    """The request's id: the caller's ``X-Request-ID`` if sane, else a new one (32 hex
    digits, unique across processes and restarts)."""
    for name, value in scope.get("headers", []):
        if name == b"x-request-id":
            given: str = value.decode("latin-1")
            if _SANE_ID.fullmatch(given):
                return given
            break
    return f"{_ID_PREFIX}{next(_ids):016x}"


def _field(value: object) -> str:
    """A field of the text line: escaped, and with no ``"`` to end the quoted request."""
    return escape(str(value)).replace('"', "\\x22")


class AccessLog(HttpLayer):
    """ASGI middleware that logs one line per request at INFO and gives it its id.

    It runs outside Starlette's error handling (see :mod:`threadguard.service.edges`),
    so the status it logs is the one sent, 500s included.
    """

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        rid = request_id_of(scope)
        token = request_id.set(rid)

        def add_id(message: Message) -> None:
            message["headers"] = [*message.get("headers", ()), (_ID_HEADER, rid.encode())]

        tracker = ResponseTracker(send, add_id)
        try:
            await self.app(scope, receive, tracker.send)
        finally:
            self._log(scope, rid, tracker.status, tracker.seconds * 1000)
            request_id.reset(token)

    @staticmethod
    def _log(scope: Scope, rid: str, status: int, ms: float) -> None:
        if not log.isEnabledFor(logging.INFO):
            return
        query = redact_query(scope.get("query_string", b"").decode("latin-1"))
        client = scope.get("client")
        fields = {
            "request_id": rid,
            "client": client[0] if client else "-",
            "method": scope.get("method", ""),
            "path": scope.get("path", ""),
            "query": query,
            "status": status,
            "duration_ms": round(ms, 1),
        }
        log.info(
            '%s "%s %s%s" %d %.1fms rid=%s',
            _field(fields["client"]),
            _field(fields["method"]),
            _field(fields["path"]),
            _field(f"?{query}") if query else "",
            status,
            ms,
            rid,
            extra={FIELDS: fields, ESCAPED: True},
        )
