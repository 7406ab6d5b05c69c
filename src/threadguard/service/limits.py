"""Limits that protect the service: request body size, and requests per key per minute.

The body limit is enforced as an ASGI middleware, as a route reads the body: a declared
``Content-Length`` over the limit is refused before any byte is read, and a body without
one is counted as it streams in and refused the moment it passes the limit, so a client
cannot make the service buffer gigabytes. The refusal is raised where the route reads,
so each surface answers it in its own error shape. Thread uploads get a larger limit
than API calls.

The rate limit is a token bucket per API key, in memory, so the request path reads and
writes nothing shared. With ``serve --workers N`` each worker keeps its own buckets and
enforces its share of a key's rate (:func:`worker_share`: the rate divided by N, rounded
down, at least 1; the burst likewise), N coming from the settings every worker is given.
The bound: at most ``rate`` requests a minute per key across the N workers of one server
(N a minute when ``rate`` is below N, one per worker); the kernel hands connections to
workers unevenly, so a key whose requests crowd onto one worker may be refused a little
early; several servers behind a load balancer each enforce their own.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from threadguard.service.errors import ApiError, error_response

#: Coral's endpoint, whose body is read past ``max_body_bytes`` (up to
#: :data:`SIGNATURE_READ_FACTOR` times it) so that the signature of one over the limit is
#: checked: unsigned, it is refused (401) as every unsigned request is; signed, it is
#: answered without a decision (:mod:`threadguard.service.compat.coral`).
CORAL_PATH = "/coral/moderation"
SIGNATURE_READ_FACTOR = 4


class BodyTooLarge(ApiError):
    """Raised from ``receive`` when a streamed body passes its limit.

    An :class:`ApiError` (an HTTPException) so FastAPI's body parsing re-raises it as is
    instead of turning it into a generic 400.
    """

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body is larger than the limit of {limit} bytes")


class BodySizeLimit:
    """ASGI middleware: 413 with a JSON error for bodies over the limit for their path."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        declared = 0
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0:
                    await error_response(400, "invalid Content-Length header")(scope, receive, send)
                    return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            if declared > limit:  # refused before a byte is read, where the route reads it,
                raise BodyTooLarge(limit)  # so the route's error shape (OpenAI's...) answers
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge as exc:
            if started:
                raise
            await error_response(413, exc.detail)(scope, receive, send)


@dataclass
class _Bucket:
    tokens: float
    stamp: float


def worker_share(per_minute: int, workers: int) -> int:
    """One worker's share of a per-minute rate among ``workers`` (0 stays 0: no limit).

    Rounded down so the shares never add up to more than the rate, but at least 1, so a
    rate below the worker count still lets each worker answer.
    """
    if per_minute <= 0:
        return 0
    return max(1, per_minute // max(1, workers))


class RateLimiter:
    """Token buckets per key: this worker's share of ``rate`` requests a minute, bursts of
    up to that share (see the module docs)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, *, workers: int = 1) -> None:
        self._clock = clock
        self.workers = workers
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def check(self, key_id: str, per_minute: int) -> float | None:
        """Take a token for ``key_id`` (``per_minute`` is the key's rate across all workers);
        None if allowed, else seconds until one is free."""
        per_minute = worker_share(per_minute, self.workers)
        if per_minute <= 0:
            return None
        now = self._clock()
        refill = per_minute / 60.0
        with self._lock:
            bucket = self._buckets.get(key_id)
            if bucket is None:
                bucket = self._buckets[key_id] = _Bucket(float(per_minute), now)
            bucket.tokens = min(float(per_minute), bucket.tokens + (now - bucket.stamp) * refill)
            bucket.stamp = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return None
            return (1.0 - bucket.tokens) / refill


def retry_after(seconds: float) -> str:
    """The Retry-After header value: whole seconds, at least 1."""
    return str(max(1, math.ceil(seconds)))
