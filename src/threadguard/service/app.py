"""The FastAPI application: one engine, one store, the native API and the compatible ones.

:func:`create_app` wires everything from one :class:`ServiceSettings` and is what
``threadguard serve`` (in each worker) and the tests run. The model is loaded once per
process (pass an already loaded ``engine`` to share one); the database is migrated on
start unless told not to (the server migrates once before starting workers, so workers do
not race each other through a migration).
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from threadguard import __version__
from threadguard.engine import Engine
from threadguard.moderation import load_policy
from threadguard.schema import Role
from threadguard.service import api, schemas
from threadguard.service.access_log import AccessLog
from threadguard.service.auth import Authenticator
from threadguard.service.context import ServiceState
from threadguard.service.dependencies import attach, require, service_state
from threadguard.service.errors import install_handlers
from threadguard.service.limits import BodySizeLimit
from threadguard.service.settings import ServiceSettings
from threadguard.storage.store import Store

log = logging.getLogger("threadguard.service")

DESCRIPTION = """\
Self-hosted, context-aware moderation for threaded comment sections.

* **Native API** (`/api/v1`): ingest threads in any supported format, read analyses and
  decisions, work the moderation queue, moderate (transactional, audited), read the audit
  log, export labelled decisions, manage per-site policies.
* **Perspective** (`/v1alpha1/comments:analyze`), **OpenAI** (`/v1/moderations`) and
  **Coral** (`/coral/moderation`) compatible endpoints.

Authenticate with `Authorization: Bearer KEY` (or `?key=KEY`); create keys with
`threadguard keys create --role admin|moderator|client`.
"""

#: The compatibility routers, by module, and how each is built. Their modules provide:
#:   threadguard.service.compat.perspective.build_router(auth, ctx) -> APIRouter
#:   threadguard.service.compat.discovery.build_router(ctx) -> APIRouter
#:   threadguard.service.compat.openai_moderation.build_router(auth, ctx) -> APIRouter
#:   threadguard.service.compat.coral.build_router(ctx) -> APIRouter
#: where ``auth`` is a FastAPI dependency returning the caller's Principal (client role or
#: above) and ``ctx`` a dependency returning the ServiceContext. A module that does not
#: exist (yet) is skipped, so the core service runs without them.
COMPAT_ROUTERS: tuple[tuple[str, bool], ...] = (
    ("threadguard.service.compat.perspective", True),
    ("threadguard.service.compat.discovery", False),
    ("threadguard.service.compat.openai_moderation", True),
    ("threadguard.service.compat.coral", False),
)


def _compat_routers(auth: Callable[..., Any], ctx: Callable[..., Any]) -> list[APIRouter]:
    routers = []
    for module_name, needs_auth in COMPAT_ROUTERS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name is not None and module_name.startswith(exc.name):
                log.info("%s not installed; its endpoints are off", module_name)
                continue
            raise
        build = module.build_router
        routers.append(build(auth, ctx) if needs_auth else build(ctx))
    return routers


class DatabaseHealth:
    """The database's health as last checked, re-checked at most every ``ttl`` seconds.

    ``/healthz`` is polled by load balancers and orchestrators, often several times a
    second per instance, and under load every poll that opens a database session competes
    with real requests. So a plain poll answers from the last check when it is fresh (no
    I/O at all) and only a stale one runs a new check, one at a time; ``deep`` checks now.
    """

    def __init__(self, store: Store, ttl: float = 5.0) -> None:
        self.store = store
        self.ttl = ttl
        self._ok: bool | None = None
        self._at = float("-inf")
        self._checking = False

    async def ok(self, *, deep: bool = False) -> bool:
        """Whether the database answers (as of at most ``ttl`` seconds ago unless ``deep``)."""
        stale = time.monotonic() - self._at > self.ttl
        if deep or self._ok is None or (stale and not self._checking):
            self._checking = True
            try:
                answer = await run_in_threadpool(self.store.ping)
            finally:
                self._checking = False
            self._ok, self._at = answer, time.monotonic()
            return answer
        return self._ok


def body_limits(settings: ServiceSettings) -> Callable[[str], int]:
    """The body limit for a path: thread uploads get the larger one."""

    def limit_for(path: str) -> int:
        if path.startswith(api.UPLOADS):
            return settings.max_upload_bytes
        return settings.max_body_bytes

    return limit_for


def create_app(
    settings: ServiceSettings,
    *,
    engine: Engine | None = None,
    store: Store | None = None,
    migrate: bool = True,
    key_cache_seconds: float = 30.0,
    policy_ttl: float = 1.0,
) -> FastAPI:
    """The service as ``settings`` describe it: their model, policy, tier and band, over
    their database (default: SQLite in their data directory).

    ``engine`` reuses a loaded engine (the settings' model, tier and band are then
    ignored); ``store`` reuses an open store. The settings' policy is the base policy every
    site's document goes on top of.
    """
    policy = load_policy(settings.policy_path)
    engine = engine or Engine.load(settings.model_dir, cascade=settings.cascade)
    store = store or Store.open(settings.database_url, settings.data_dir, migrate=migrate)
    state = ServiceState(engine, store, settings, policy, policy_ttl=policy_ttl)
    auth = Authenticator(store, settings, cache_seconds=key_cache_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.uploads.close()
        store.close()

    app = FastAPI(
        title="ThreadGuard",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=[
            {"name": "threads", "description": "Ingest threads and get every decision."},
            {"name": "comments", "description": "Stored comments and their analyses."},
            {"name": "moderation", "description": "The queue and moderator actions."},
            {"name": "audit", "description": "The audit log and labelled-data export."},
            {"name": "sites", "description": "Per-site policy and authors."},
        ],
    )
    attach(app, state, auth)
    install_handlers(app)
    app.add_middleware(BodySizeLimit, limit_for=body_limits(settings))
    app.add_middleware(AccessLog)

    health = DatabaseHealth(store)

    @app.get("/healthz", tags=["health"], response_model=schemas.HealthOut)
    async def healthz(deep: bool = False) -> JSONResponse:
        """Liveness and readiness: the model is loaded and the database answers.

        The database is checked at most every few seconds (the answer in between is the
        last check's); ``?deep=1`` checks it now.
        """
        ok = await health.ok(deep=deep)
        body = {
            "status": "ok" if ok else "degraded",
            "model": engine.model_version,
            "database": "ok" if ok else "unreachable",
        }
        return JSONResponse(body, status_code=200 if ok else 503)

    app.include_router(api.router)
    for router in _compat_routers(require(Role.CLIENT), service_state):
        app.include_router(router)
    return app
