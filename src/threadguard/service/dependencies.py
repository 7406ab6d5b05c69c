"""The FastAPI dependencies every router shares: the service state and the caller's role.

The app keeps one :class:`ServiceState` and one :class:`Authenticator` in its ``state``
(:func:`attach`); routers reach them through these dependencies rather than closures,
so a router is a plain module-level object, the same for every app the process builds
(the tests build many), and a handler's signature says what it needs.

Both dependencies are ``async``: a plain ``def`` dependency would cost every request a
worker-thread hop, and neither does I/O on its own (the key check reads the database
only on a cache miss, and then off the event loop).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, cast

from fastapi import Depends, FastAPI, Request
from fastapi.security import HTTPAuthorizationCredentials

from threadguard.schema import Role
from threadguard.service.auth import Authenticator, bearer_key, header_key, query_key
from threadguard.service.context import ServiceState
from threadguard.service.protocols import Principal
from threadguard.service.upload_jobs import UploadJobs
from threadguard.validation import check_text


def attach(
    app: FastAPI, state: ServiceState, auth: Authenticator, uploads: UploadJobs | None = None
) -> None:
    """Give ``app`` the state, authenticator and upload runner its routers' dependencies
    return (a runner over ``state`` unless one is given)."""
    app.state.service = state
    app.state.auth = auth
    app.state.uploads = uploads or UploadJobs(state.store, state.settings)


async def service_state(request: Request) -> ServiceState:
    """The app's :class:`ServiceState` (the ``ServiceContext`` compat routers ask for)."""
    return cast(ServiceState, request.app.state.service)


async def upload_jobs(request: Request) -> UploadJobs:
    """The app's runner of large uploads."""
    return cast(UploadJobs, request.app.state.uploads)


def require(role: Role) -> Callable[..., Awaitable[Principal]]:
    """A dependency returning the caller's principal if their role includes ``role``."""

    async def dependency(
        request: Request,
        bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_key)],
        key: Annotated[str | None, Depends(query_key)],
        google_key: Annotated[str | None, Depends(header_key)],
    ) -> Principal:
        auth = cast(Authenticator, request.app.state.auth)
        given = bearer.credentials if bearer is not None else key or google_key
        return await auth.admit(given, role)

    dependency.__name__ = f"require_{role}"
    return dependency


async def plain_parameters(request: Request) -> None:
    """Refuse (400) a path or query parameter that no store can look up: a NUL, which
    PostgreSQL cannot compare, or a lone surrogate (:mod:`threadguard.validation`)."""
    for name, value in request.path_params.items():
        check_text(f"path parameter {name}", str(value))
    for name, value in request.query_params.multi_items():
        check_text(f"query parameter {name}", value)


State = Annotated[ServiceState, Depends(service_state)]
Uploads = Annotated[UploadJobs, Depends(upload_jobs)]
Client = Annotated[Principal, Depends(require(Role.CLIENT))]
Moderator = Annotated[Principal, Depends(require(Role.MODERATOR))]
Admin = Annotated[Principal, Depends(require(Role.ADMIN))]
