"""``GET /metrics``: the Prometheus text, for whom the ``metrics`` setting lets read it.

``metrics = "admin"`` (the default) asks for an admin key for every site (a key bound to
one site would read the others' names and queues) as a bearer token, or for the
``metrics_token`` when one is set (a scraper then holds no API key); ``"open"`` asks for
nothing (for a service reachable only from a private network); ``"off"`` leaves the
route out. The metrics themselves are :mod:`threadguard.service.metrics`'.
"""

from __future__ import annotations

import hmac
from typing import Annotated, cast

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from threadguard.schema import Role
from threadguard.service.auth import Authenticator, bearer_key
from threadguard.service.errors import ApiError
from threadguard.service.metrics import exposition
from threadguard.service.settings import ServiceSettings

Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_key)]


def token_matches(expected: str | None, given: str | None) -> bool:
    """Whether ``given`` is the metrics token (compared in constant time)."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


def metrics_router(settings: ServiceSettings, registry: CollectorRegistry) -> APIRouter:
    """The ``/metrics`` route (none when the setting is ``off``)."""
    router = APIRouter()
    if settings.metrics == "off":
        return router

    @router.get("/metrics", include_in_schema=False)
    async def metrics(request: Request, bearer: Bearer) -> Response:
        given = bearer.credentials if bearer is not None else None
        if settings.metrics == "admin" and not token_matches(settings.metrics_token, given):
            auth = cast(Authenticator, request.app.state.auth)
            principal = await auth.admit(given, Role.ADMIN)
            if principal.site is not None:
                # the metrics name every site and its queue: not for a key bound to one
                raise ApiError(
                    403,
                    f"the metrics cover every site; this key acts on site {principal.site!r} "
                    "only (use an admin key without --site, or the metrics_token)",
                )
        # Off the event loop: the queue gauge reads the database.
        body = await run_in_threadpool(exposition, registry)
        return Response(body, media_type=CONTENT_TYPE_LATEST)

    return router
