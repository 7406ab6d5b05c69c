"""``/healthz``: the model is loaded and the database answers, and with ``?deep=1`` writes.

A plain poll is cheap: load balancers and orchestrators poll often, several times a
second per instance, and under load every poll that opened a database session would
compete with real requests. So it answers from the last check when that is fresh (no
I/O at all), and a stale one runs a read, one at a time.

``?deep=1`` checks now, and checks what a read cannot: it *writes*, bumping a heartbeat
row in a transaction of its own (:meth:`Store.heartbeat`). A full disk or a read-only
database answers reads as if nothing were wrong while every write fails; the deep check
then says ``"database": "unwritable"`` with 503 and ``Retry-After``, as the endpoints that
could not store do.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from threadguard.engine import Engine
from threadguard.service import schemas
from threadguard.storage.records import StoreBusyError, StoreFullError
from threadguard.storage.store import Store

log = logging.getLogger("threadguard.service")


@dataclass(frozen=True)
class Check:
    """What a check found: ``ok``, ``busy``, ``unwritable`` or ``unreachable``."""

    database: str
    retry_after_s: int = 1

    @property
    def ok(self) -> bool:
        return self.database == "ok"


def write_check(store: Store) -> Check:
    """Write the heartbeat (blocking): what the deep check found."""
    try:
        store.heartbeat()
    except StoreFullError as exc:
        log.error("health check: the database cannot be written: %s", exc)
        return Check("unwritable", exc.retry_after_s)
    except StoreBusyError:
        return Check("busy")
    except Exception as exc:
        log.error("health check: the database failed a write: %s", type(exc).__name__)
        return Check("unreachable")
    return Check("ok")


def read_check(store: Store) -> Check:
    """Read from the database (blocking): what a plain check found."""
    return Check("ok" if store.ping() else "unreachable")


class DatabaseHealth:
    """The database's health as last checked, re-checked at most every ``ttl`` seconds
    (see the module docs)."""

    def __init__(self, store: Store, ttl: float = 5.0) -> None:
        self.store = store
        self.ttl = ttl
        self._last: Check | None = None
        self._at = float("-inf")
        self._checking = False

    async def check(self, *, deep: bool = False) -> Check:
        """The database's state: now, by a write, if ``deep``; else as of at most ``ttl``
        seconds ago."""
        stale = time.monotonic() - self._at > self.ttl
        if deep or self._last is None or (stale and not self._checking):
            self._checking = True
            try:
                found = await run_in_threadpool(write_check if deep else read_check, self.store)
            finally:
                self._checking = False
            self._last, self._at = found, time.monotonic()
            return found
        return self._last


def health_router(engine: Engine, store: Store) -> APIRouter:
    """``GET /healthz`` for this engine and store."""
    router = APIRouter()
    health = DatabaseHealth(store)

    @router.get("/healthz", tags=["health"], response_model=schemas.HealthOut)
    async def healthz(deep: bool = False) -> JSONResponse:
        """Liveness and readiness: the model is loaded and the database answers.

        The database is checked at most every few seconds (the answer in between is the
        last check's); ``?deep=1`` checks it now, with a write.
        """
        found = await health.check(deep=deep)
        body = {
            "status": "ok" if found.ok else "degraded",
            "model": engine.model_version,
            "database": found.database,
        }
        if found.ok:
            return JSONResponse(body)
        return JSONResponse(body, 503, headers={"Retry-After": str(found.retry_after_s)})

    return router
