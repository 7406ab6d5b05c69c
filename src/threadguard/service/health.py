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

Both also report what real requests met: a key check or a write that failed on the
database makes every check say so (503) for a while after
(:func:`~threadguard.service.unavailable.recent_failure`: 30 s, 10 s for "busy"), and a
database whose tables are gone says ``"schema missing: run threadguard db upgrade"``. A
plain check answered "ok" from a read that touched no table while every keyed request
failed; a deep check that writes again forgets them, but for "unwritable", which lasts.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from threadguard.engine import Engine
from threadguard.service import schemas
from threadguard.service.unavailable import (
    database_state,
    describe,
    forget_failures,
    recent_failure,
    writes_failing,
)
from threadguard.storage.records import StoreBusyError, StoreFullError
from threadguard.storage.store import Store

log = logging.getLogger("threadguard.service")


@dataclass(frozen=True)
class Check:
    """What a check found: ``ok``, ``busy``, ``unwritable``, ``unreachable``, ``not
    answering`` or ``schema missing: run threadguard db upgrade``."""

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
        log.error("health check: the database failed a write: %s", describe(exc))
        return Check(*database_state(exc))
    if writes_failing(StoreFullError.retry_after_s):
        return Check("unwritable", StoreFullError.retry_after_s)
    forget_failures()
    return Check("ok")


def read_check(store: Store) -> Check:
    """Read a table from the database (blocking): what a plain check found. The keys'
    version, which every keyed request reads: ``SELECT 1`` succeeded on a database whose
    tables were dropped."""
    try:
        store.keys_version()
    except StoreBusyError:
        return Check("busy")
    except Exception as exc:
        log.error("health check: the database failed a read: %s", describe(exc))
        return Check(*database_state(exc))
    return Check("ok")


#: What a check that has not come back within :data:`ANSWER_S` seconds reports.
NOT_ANSWERING = Check("not answering", 5)
#: How long a check may take before the database counts as not answering. A database that
#: hangs (a network partition, a stalled server) answered no check at all, and every poll
#: meanwhile got the last check's "ok": a load balancer kept sending traffic to a server
#: where every request hung.
ANSWER_S = 5.0


class DatabaseHealth:
    """The database's health as last checked, re-checked at most every ``ttl`` seconds
    (see the module docs); a check still running after :data:`ANSWER_S` seconds makes
    the database "not answering" until it comes back."""

    def __init__(self, store: Store, ttl: float = 5.0, answer_s: float = ANSWER_S) -> None:
        self.store = store
        self.ttl = ttl
        self.answer_s = answer_s
        self._last: Check | None = None
        self._at = float("-inf")
        self._pending: asyncio.Future[Check] | None = None
        self._started = 0.0

    async def check(self, *, deep: bool = False) -> Check:
        """The database's state: now, by a write, if ``deep``; else as of at most ``ttl``
        seconds ago."""
        now = time.monotonic()
        if self._pending is not None and now - self._started > self.answer_s:
            return NOT_ANSWERING
        failed = recent_failure()
        if failed is not None and not deep:
            return Check(failed.database, failed.retry_after_s)
        if deep:
            task = asyncio.ensure_future(self._run(write_check))
            if self._pending is None:
                self._pending, self._started = task, now
                task.add_done_callback(self._settled)
            return await self._within(asyncio.shield(task))
        if self._last is not None and (now - self._at <= self.ttl or self._pending is not None):
            return self._last
        if self._pending is None:
            self._pending, self._started = asyncio.ensure_future(self._run(read_check)), now
            self._pending.add_done_callback(self._settled)
        return await self._within(asyncio.shield(self._pending))

    async def _run(self, check: Callable[[Store], Check]) -> Check:
        found = await run_in_threadpool(check, self.store)
        self._last, self._at = found, time.monotonic()
        return found

    async def _within(self, pending: Awaitable[Check]) -> Check:
        """The check's answer, or :data:`NOT_ANSWERING` after :attr:`answer_s` seconds (the
        check goes on in its thread; its answer is kept when it comes)."""
        try:
            return await asyncio.wait_for(pending, self.answer_s)
        except TimeoutError:
            log.error("health check: the database did not answer in %.0f s", self.answer_s)
            return NOT_ANSWERING

    def _settled(self, _done: asyncio.Future[Check]) -> None:
        self._pending = None


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
