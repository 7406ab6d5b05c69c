"""The FastAPI application: one engine, one store, the native API and the compatible ones.

:func:`create_app` wires everything from one :class:`ServiceSettings` and is what
``threadguard serve`` (in each worker) and the tests run. The model is loaded once per
process (pass an already loaded ``engine`` to share one); the database is migrated on
start unless told not to (the server migrates once before starting workers, so workers do
not race each other through a migration).
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

from fastapi import APIRouter, FastAPI
from starlette.middleware.cors import CORSMiddleware

from threadguard import __version__
from threadguard.engine import Engine
from threadguard.moderation import load_policy, require_covered
from threadguard.schema import Role
from threadguard.service import api, unavailable
from threadguard.service.access_log import AccessLog
from threadguard.service.auth import Authenticator
from threadguard.service.context import ServiceState
from threadguard.service.dependencies import attach, require, service_state
from threadguard.service.edges import EdgedApp
from threadguard.service.errors import error_response, install_handlers
from threadguard.service.head_requests import HeadAsGet
from threadguard.service.health import health_router
from threadguard.service.limits import CORAL_PATH, SIGNATURE_READ_FACTOR, BodySizeLimit
from threadguard.service.metrics import RequestMetrics, registry_for
from threadguard.service.metrics_endpoint import metrics_router
from threadguard.service.security_headers import SecurityHeaders, cors_options, headers_for
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


def body_limits(settings: ServiceSettings) -> Callable[[str], int]:
    """The body limit for a path: thread uploads get the larger one; Coral's endpoint reads
    a body over the limit far enough to check its signature (it answers the limit itself)."""

    def limit_for(path: str) -> int:
        if path.startswith(api.UPLOADS):
            return settings.max_upload_bytes
        if path == CORAL_PATH:
            return settings.max_body_bytes * SIGNATURE_READ_FACTOR
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
    require_covered(policy, engine.supported_languages)
    store = store or Store.open(
        settings.database_url,
        settings.data_dir,
        migrate=migrate,
        lock_timeout_s=settings.db_lock_timeout_s,
        statement_timeout_s=settings.db_statement_timeout_s,
    )
    state = ServiceState(engine, store, settings, policy, policy_ttl=policy_ttl)
    auth = Authenticator(store, settings, cache_seconds=key_cache_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        # Off the event loop: a running upload job is given up to the grace to finish.
        await asyncio.to_thread(app.state.uploads.close, grace_s=settings.shutdown_grace_s)
        store.close()

    app = EdgedApp(
        # Outermost first; outside Starlette's error handler, so 500s pass them too.
        edges=[
            AccessLog,
            partial(SecurityHeaders, headers=headers_for(settings)),
            partial(RequestMetrics, engine=engine),
        ],
        # Swagger UI and ReDoc load from a CDN: off (security_headers.py says why).
        docs_url=None,
        redoc_url=None,
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
    unavailable.install(app, error_response)
    app.add_middleware(BodySizeLimit, limit_for=body_limits(settings))
    app.add_middleware(HeadAsGet)
    cors = cors_options(settings)
    if cors is not None:
        app.add_middleware(CORSMiddleware, **cors)

    app.include_router(health_router(engine, store))
    app.include_router(metrics_router(settings, registry_for(engine, store)))

    app.include_router(api.router)
    for router in _compat_routers(require(Role.CLIENT), service_state):
        app.include_router(router)
    return app
