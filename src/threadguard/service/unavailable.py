"""503 with ``Retry-After`` when the store cannot take a request now, on every surface.

A busy store (its write lock held too long), a full disk and a read-only database are
the service's trouble, not the caller's, and they pass: the request was fine, nothing was
stored, and the same request will work later. So every surface answers them alike, 503
and ``Retry-After``, each in its own error shape: the native API through the app's
handlers (:mod:`threadguard.service.errors`, and :func:`install` here for an ``OSError``
such as ``ENOSPC`` outside the database), the compatibility endpoints through their
route classes (:mod:`threadguard.service.compat.errors`: Google's shape for Perspective).
Each one is counted (``threadguard_store_unavailable_total``).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import Response

from threadguard.service import metrics
from threadguard.storage.failures import NOT_STORED, out_of_space
from threadguard.storage.records import StoreBusyError, StoreFullError

log = logging.getLogger("threadguard.service")


@dataclass(frozen=True)
class Unavailable:
    """Why the store could not take a request, and when to try again."""

    message: str
    retry_after_s: int

    @property
    def headers(self) -> dict[str, str]:
        """The response headers that say when to try again."""
        return {"Retry-After": str(self.retry_after_s)}


def unavailable(exc: BaseException) -> Unavailable | None:
    """What to answer for ``exc`` when it means "the store cannot take this now" (then
    counted), else None."""
    if isinstance(exc, StoreFullError):
        reason, found = "full", Unavailable(str(exc), exc.retry_after_s)
    elif isinstance(exc, StoreBusyError):
        reason, found = "busy", Unavailable(str(exc), 1)
    elif isinstance(exc, OSError) and (problem := out_of_space(exc)) is not None:
        message = f"{problem}: {NOT_STORED}"
        reason, found = "full", Unavailable(message, StoreFullError.retry_after_s)
    else:
        return None
    metrics.STORE_UNAVAILABLE.labels(reason).inc()
    if reason == "full":  # a full or read-only disk left no line but the access log's
        log.warning("the store cannot be written: %s", found.message)
        _last_full[0] = time.monotonic()
    return found


#: When this process last failed a write for a full or read-only disk (monotonic seconds).
_last_full = [-math.inf]


def writes_failing(within_s: float) -> bool:
    """Whether a write failed for a full or read-only disk in the last ``within_s``
    seconds: the health check's heartbeat rewrites one row in place and needs no new space,
    so it succeeded on a full SQLite disk while every new comment failed."""
    return time.monotonic() - _last_full[0] < within_s


#: Makes an error response: status, message, headers (the app's error shape).
Respond = Callable[[int, str, dict[str, str]], Response]


def install(app: FastAPI, respond: Respond) -> None:
    """Answer an ``OSError`` that means a full or read-only disk with 503 through
    ``respond`` (any other ``OSError`` goes on to the app's handler of last resort)."""

    async def _os_error(request: Request, exc: Exception) -> Response:
        found = unavailable(exc)
        if found is None:
            raise exc
        return respond(503, found.message, found.headers)

    app.add_exception_handler(OSError, _os_error)
