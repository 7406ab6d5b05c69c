"""One JSON error shape for the whole service, and the handlers that produce it.

Every error is ``{"error": {"code": 404, "status": "NOT_FOUND", "message": "..."}}``:
Google's JSON error shape, which Perspective clients already parse, so a client that
hits the wrong URL or a bad key gets an error it can read. The message says what was
wrong with the request; internals (and comment text) never appear in it, and nothing
a client sends gets a 500 unless the service itself is broken.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from threadguard.service.unavailable import unavailable
from threadguard.storage.records import (
    ConflictError,
    InvalidError,
    NotFoundError,
    StoreError,
)
from threadguard.validation import InvalidField, printable

log = logging.getLogger("threadguard.service")

#: HTTP status -> the google.rpc code name Google's JSON errors carry with it.
STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    405: "UNIMPLEMENTED",
    409: "ABORTED",
    413: "INVALID_ARGUMENT",
    415: "INVALID_ARGUMENT",
    422: "INVALID_ARGUMENT",
    429: "RESOURCE_EXHAUSTED",
    499: "CANCELLED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}


class ApiError(HTTPException):
    """An error the service answers on purpose: status and a message for the caller."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)


def error_body(status: int, message: str) -> dict[str, Any]:
    """The JSON error document (a message quoting a lone surrogate still encodes)."""
    return {
        "error": {
            "code": status,
            "status": STATUS_NAMES.get(status, "UNKNOWN"),
            "message": printable(message),
        }
    }


def error_response(
    status: int, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    """A response carrying :func:`error_body`."""
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


def _where(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body",)]
    return ".".join(parts) or "body"


def validation_message(exc: RequestValidationError) -> str:
    """FastAPI's validation errors as one sentence naming each field at fault."""
    problems = []
    for err in exc.errors()[:5]:
        loc = tuple(err.get("loc", ()))
        where = _where(loc)
        kind = loc[0] if loc else ""
        prefix = f"{kind} parameter " if kind in ("query", "path", "header") else ""
        if kind in ("query", "path", "header"):
            where = _where(loc[1:])
        problems.append(f"{prefix}{where}: {err.get('msg', 'invalid value')}")
    more = len(exc.errors()) - 5
    suffix = f" (and {more} more)" if more > 0 else ""
    return "invalid request: " + "; ".join(problems) + suffix


def install_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every exception into the JSON error shape: input no
    surface accepts (:class:`InvalidField`) is a 400 naming the field, and a bug is a 500
    after which the connection stays usable (:func:`answer_crashes`)."""

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such endpoint: {request.method} {request.url.path}"
        elif exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        return error_response(exc.status_code, message, dict(exc.headers or {}) or None)

    @app.exception_handler(InvalidField)
    async def _invalid(request: Request, exc: InvalidField) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, validation_message(exc))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        status = 400
        if isinstance(exc, NotFoundError):
            status = 404
        elif isinstance(exc, ConflictError):
            status = 409
        elif isinstance(exc, InvalidError):
            status = 400
        elif (busy := unavailable(exc)) is not None:
            return error_response(503, busy.message, busy.headers)
        return error_response(status, str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        return crash_response(request, exc)

    app.add_middleware(answer_crashes)


def crash_response(request: Request, exc: Exception) -> JSONResponse:
    """The 500 for an exception nothing else handled, logged with its traceback."""
    if isinstance(exc, ClientDisconnect):
        # Nobody is left to answer (an upload aborted, a client timing out): nginx's 499
        # for the access log and the metrics, as the compatibility routes log it, and no
        # error report (an alert on 5xx must not fire on ordinary client aborts).
        return error_response(499, "client closed the request")
    # The type and the route only: exception messages may quote comment text.
    log.error(
        "internal error on %s %s: %s",
        request.method,
        request.url.path,
        type(exc).__name__,
        exc_info=exc,
    )
    return error_response(500, "internal error; the service log has the details")


def answer_crashes(app: ASGIApp) -> ASGIApp:
    """ASGI middleware: answer an unhandled exception with the JSON 500, and end the
    request there.

    Starlette's outermost handler for ``Exception`` answers too, but then re-raises, and
    the server, seeing an exception after the response, closes the connection: the
    client's next keep-alive request fails with a reset. Answering here, inside that
    handler, leaves the connection usable; the outermost handler still catches what
    fails outside (in other middleware).
    """

    async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
        started = {"response": False}

        async def noting_start(message: Message) -> None:
            started["response"] |= message["type"] == "http.response.start"
            await send(message)

        try:
            await app(scope, receive, noting_start)
        except Exception as exc:
            if scope["type"] != "http" or started["response"]:
                raise  # nothing to answer, or too late: the server ends the connection
            await crash_response(Request(scope), exc)(scope, receive, send)

    return guarded
