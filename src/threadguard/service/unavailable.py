"""503 with ``Retry-After`` when the store cannot take a request now, on every surface.

A busy store (its write lock held too long), a full disk and a read-only database are
the service's trouble, not the caller's, and they pass: the request was fine, nothing was
stored, and the same request will work later. So every surface answers them alike, 503
and ``Retry-After``, each in its own error shape: the native API through the app's
handlers (:mod:`threadguard.service.errors`, and :func:`install` here for an ``OSError``
such as ``ENOSPC`` outside the database), the compatibility endpoints through their
route classes (:mod:`threadguard.service.compat.errors`: Google's shape for Perspective).
Each one is counted (``threadguard_store_unavailable_total``).

A database whose schema is gone (tables dropped, the database recreated empty) or that
cannot be reached is the same kind of trouble: 503, and ``Retry-After``. Every such
failure a real request meets is remembered (:func:`note_failure`), and ``/healthz``
reports it for a while (:func:`recent_failure`): a plain poll answered "ok" from its own
``SELECT 1`` while every keyed request failed.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import FastAPI
from sqlalchemy import exc as sa_exc
from starlette.requests import Request
from starlette.responses import Response

from threadguard.service import metrics
from threadguard.storage.contention import is_busy
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


#: What ``/healthz`` says of a database whose tables are missing.
SCHEMA_MISSING = "schema missing: run threadguard db upgrade"
#: What a client is told then.
SCHEMA_MESSAGE = "the database's schema is missing (run `threadguard db upgrade`); try again later"
#: What a client is told when the database cannot be reached.
UNREACHABLE_MESSAGE = "the database cannot be reached now; try again later"


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and the exceptions it was raised from (or while handling), outermost first."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 10:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _schema_missing(exc: BaseException) -> bool:
    """Whether ``exc`` (or what it came from) says a table does not exist: PostgreSQL's
    ``undefined_table`` (42P01), SQLite's "no such table"."""
    for error in _chain(exc):
        orig = getattr(error, "orig", error)
        if getattr(orig, "sqlstate", None) == "42P01":
            return True
        if type(orig).__module__.startswith("sqlite3") and str(orig).startswith("no such table"):
            return True
    return False


def _unreachable(exc: BaseException) -> bool:
    """Whether ``exc`` is the driver failing to talk to the database at all (a refused or
    broken connection): SQLAlchemy's ``OperationalError`` with no SQLSTATE, or a
    connection exception (class 08)."""
    for error in _chain(exc):
        if isinstance(error, sa_exc.OperationalError):
            state = getattr(error.orig, "sqlstate", None)
            if state is None and not type(error.orig).__module__.startswith("sqlite3"):
                return True
            if isinstance(state, str) and state.startswith("08"):
                return True
    return False


def database_state(exc: BaseException) -> tuple[str, int]:
    """What ``/healthz`` says of the database after a request failed with ``exc``, and the
    ``Retry-After`` to give: ``schema missing: ...``, ``unwritable``, ``busy`` or
    ``unreachable``."""
    if _schema_missing(exc):
        return SCHEMA_MISSING, 30
    chain = _chain(exc)
    if any(isinstance(e, StoreFullError) or out_of_space(e) is not None for e in chain):
        return "unwritable", StoreFullError.retry_after_s
    # A StoreBusyError may wrap another failure (the key check's does): busy is what the
    # driver said, or a StoreBusyError raised from nothing (this process's write lock).
    if any(is_busy(e) and not isinstance(e, StoreBusyError) for e in chain) or isinstance(
        chain[-1], StoreBusyError
    ):
        return "busy", 1
    return "unreachable", 5


def describe(exc: BaseException) -> str:
    """``exc`` for a log line: its class and the first line of the driver's own message
    (``OperationalError: connection ... failed: Connection refused``); never SQLAlchemy's
    text, which quotes the statement and its parameters (comment text, key hashes)."""
    for error in _chain(exc):
        if isinstance(error, sa_exc.DBAPIError):
            orig = error.orig
            lines = str(orig).strip().splitlines()
            first = lines[0].strip() if lines else ""
            name = f"{type(error).__name__} ({type(orig).__name__})"
            return f"{name}: {first}" if first else name
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


@dataclass(frozen=True)
class Failure:
    """A database failure a request met: what ``/healthz`` says, and when."""

    database: str
    retry_after_s: int
    at: float


#: How long ``/healthz`` reports a failure a request met (a busy database: a shorter
#: while, as a single contended request is no outage).
FAILURE_WINDOW_S = 30.0
BUSY_WINDOW_S = 10.0
#: The last database failure a request of this process met.
_last_failure: list[Failure | None] = [None]


def note_failure(exc: BaseException) -> Failure:
    """Remember that a request failed on the database with ``exc`` (for ``/healthz``)."""
    database, retry_after_s = database_state(exc)
    found = Failure(database, retry_after_s, time.monotonic())
    _last_failure[0] = found
    return found


def recent_failure() -> Failure | None:
    """The last database failure a request met, if recent enough to report (see
    :data:`FAILURE_WINDOW_S`), else None."""
    found = _last_failure[0]
    if found is None:
        return None
    window = BUSY_WINDOW_S if found.database == "busy" else FAILURE_WINDOW_S
    return found if time.monotonic() - found.at < window else None


def forget_failures() -> None:
    """Forget the failures requests met (a deep check just wrote: the database is back)."""
    _last_failure[0] = None


def unavailable(exc: BaseException) -> Unavailable | None:
    """What to answer for ``exc`` when it means "the store cannot take this now" (then
    counted, and remembered for ``/healthz``), else None."""
    if isinstance(exc, sa_exc.DBAPIError) and _schema_missing(exc):
        reason, found = "schema", Unavailable(SCHEMA_MESSAGE, 30)
    elif isinstance(exc, sa_exc.DBAPIError) and _unreachable(exc):
        reason, found = "unreachable", Unavailable(UNREACHABLE_MESSAGE, 5)
    elif isinstance(exc, StoreFullError):
        reason, found = "full", Unavailable(str(exc), exc.retry_after_s)
    elif isinstance(exc, StoreBusyError):
        reason, found = "busy", Unavailable(str(exc), 1)
    elif isinstance(exc, OSError) and (problem := out_of_space(exc)) is not None:
        message = f"{problem}: {NOT_STORED}"
        reason, found = "full", Unavailable(message, StoreFullError.retry_after_s)
    else:
        return None
    metrics.STORE_UNAVAILABLE.labels(reason).inc()
    note_failure(exc)
    if reason in ("schema", "unreachable"):
        log.error("the database failed a request: %s", describe(exc))
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
    """Answer an ``OSError`` that means a full or read-only disk, and a database error that
    means a missing schema or an unreachable database, with 503 through ``respond`` (any
    other goes on to the app's handler of last resort)."""

    async def _os_error(request: Request, exc: Exception) -> Response:
        found = unavailable(exc)
        if found is None:
            raise exc
        return respond(503, found.message, found.headers)

    app.add_exception_handler(OSError, _os_error)
    app.add_exception_handler(sa_exc.DBAPIError, _os_error)
