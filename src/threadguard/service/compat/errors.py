"""Errors in the shape each foreign client parses, whatever raised them.

A Perspective client reads ``{"error": {"code", "message", "status", "details"}}`` (Google's
``google.rpc.Status`` JSON); the ``openai`` client reads ``{"error": {"message", "type",
"param", "code"}}``. A busy database is 503 with ``Retry-After`` in every shape. The app's own exception handlers answer in ThreadGuard's shape, so
these routers use a route class that catches every error raised while handling one of
their requests -- including the 401/403 from the shared ``auth`` dependency and FastAPI's
validation errors -- and renders it in the client's shape. That keeps the compatibility
layer self-contained: it does not depend on how the app's global handlers are written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Mapping
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from threadguard.service.unavailable import unavailable
from threadguard.validation import InvalidField, printable

log = logging.getLogger("threadguard.service.compat")

#: HTTP status -> google.rpc.Code name, as Google's JSON errors spell it.
GOOGLE_STATUS: dict[int, str] = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    413: "INVALID_ARGUMENT",
    429: "RESOURCE_EXHAUSTED",
    499: "CANCELLED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}

#: How long a client should wait before trying again after a busy database (503).
RETRY_AFTER = {"Retry-After": "1"}
#: What a client is told when the database is busy, in every shape.

#: The ``@type`` Perspective gives its own error details.
PERSPECTIVE_ERROR_TYPE = "type.googleapis.com/google.commentanalyzer.v1alpha1.Error"


class CompatError(Exception):
    """A client error with what every shape needs; the route class picks the shape.

    ``reason`` is Perspective's ``errorType`` (COMMENT_EMPTY, ...) or OpenAI's ``code``;
    ``extra`` is merged into the Perspective detail (e.g. the language error's payload);
    ``param`` is the request field at fault (OpenAI's ``param``).
    """

    def __init__(
        self,
        status_code: int,
        message: str,
        *,
        reason: str | None = None,
        param: str | None = None,
        extra: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = printable(message)  # a quoted lone surrogate must still encode
        self.reason = reason
        self.param = param
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})


def _as_compat(exc: Exception) -> CompatError:
    """Any exception raised under a compatibility route, as a CompatError."""
    if isinstance(exc, CompatError):
        return exc
    if isinstance(exc, HTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return CompatError(exc.status_code, detail, headers=exc.headers)
    if isinstance(exc, ClientDisconnect):
        # Nobody is left to answer (a load generator stopping, a client timing out):
        # nginx's 499, for the access log, and no error report.
        return CompatError(499, "Client closed the request.")
    if isinstance(exc, InvalidField):
        return CompatError(400, str(exc), param=exc.field)
    busy = unavailable(exc)
    if busy is not None:
        # A busy, full or read-only store: the request was fine; try again later (503
        # with Retry-After, in the client's own error shape, so its log says so).
        return CompatError(503, busy.message, headers=busy.headers)
    if isinstance(exc, RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return CompatError(400, f"Invalid value at '{where}': {first.get('msg', 'invalid')}")
    # Never echo internals (or comment text inside them) to the client.
    log.error("unhandled error in a compatibility route: %s", type(exc).__name__, exc_info=exc)
    return CompatError(500, "Internal error encountered.")


class ShapedErrorRoute(APIRoute):
    """An APIRoute that renders every error of its requests with :meth:`render`."""

    @classmethod
    def render(cls, err: CompatError) -> Response:
        """The response for ``err``; each subclass sends its client's shape."""
        return JSONResponse({"error": err.message}, err.status_code, headers=err.headers)

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        render = type(self).render

        async def shaped(request: Request) -> Response:
            try:
                return await handler(request)
            except Exception as exc:
                return render(_as_compat(exc))

        return shaped


def google_error_body(err: CompatError) -> dict[str, Any]:
    """``{"error": {code, message, status, details}}`` as Google's JSON APIs send it."""
    body: dict[str, Any] = {
        "code": err.status_code,
        "message": err.message,
        "status": GOOGLE_STATUS.get(err.status_code, "UNKNOWN"),
    }
    if err.reason or err.extra:
        detail: dict[str, Any] = {"@type": PERSPECTIVE_ERROR_TYPE}
        if err.reason:
            detail["errorType"] = err.reason
        detail.update(err.extra)
        body["details"] = [detail]
    return {"error": body}


def as_google_key_error(err: CompatError) -> CompatError:
    """A 401 as Google answers a key it does not take: 403 PERMISSION_DENIED for a
    missing key, 400 INVALID_ARGUMENT for a wrong one, and no ``WWW-Authenticate``.
    Google's client library (httplib2) cannot parse a bare ``Bearer`` challenge: it raised
    ``MalformedHeader`` instead of ``HttpError``, past every client's ``except``."""
    if err.status_code != 401:
        return err
    headers = {k: v for k, v in err.headers.items() if k.lower() != "www-authenticate"}
    info = {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "domain": "googleapis.com"}
    if err.message.startswith("missing"):
        return CompatError(
            403,
            "The request is missing a valid API key.",
            extra={**info, "reason": "API_KEY_MISSING"},
            headers=headers,
        )
    return CompatError(
        400,
        "API key not valid. Please pass a valid API key.",
        extra={**info, "reason": "API_KEY_INVALID"},
        headers=headers,
    )


def as_google_size_error(err: CompatError) -> CompatError:
    """A body over the limit as Google's APIs refuse one: 400 INVALID_ARGUMENT ("Request
    payload size exceeds the limit: N bytes."); 413 has no google.rpc code, and a 413
    with INVALID_ARGUMENT was neither Google's answer nor HTTP's."""
    if err.status_code != 413:
        return err
    return CompatError(400, err.message, headers=err.headers)


class GoogleErrorRoute(ShapedErrorRoute):
    """Errors as Perspective (a Google API) sends them."""

    @classmethod
    def render(cls, err: CompatError) -> Response:
        err = as_google_size_error(as_google_key_error(err))
        return JSONResponse(google_error_body(err), err.status_code, headers=err.headers)


_OPENAI_TYPE = {
    401: "invalid_request_error",
    403: "permission_error",
    404: "invalid_request_error",
    429: "rate_limit_error",
}
_OPENAI_CODE = {401: "invalid_api_key", 429: "rate_limit_exceeded"}


def openai_error_body(err: CompatError) -> dict[str, Any]:
    """``{"error": {message, type, param, code}}`` as the OpenAI API sends it."""
    kind = _OPENAI_TYPE.get(err.status_code)
    if kind is None:
        kind = "server_error" if err.status_code >= 500 else "invalid_request_error"
    return {
        "error": {
            "message": err.message,
            "type": kind,
            "param": err.param,
            "code": err.reason or _OPENAI_CODE.get(err.status_code),
        }
    }


class OpenAIErrorRoute(ShapedErrorRoute):
    """Errors as the OpenAI API sends them."""

    @classmethod
    def render(cls, err: CompatError) -> Response:
        return JSONResponse(openai_error_body(err), err.status_code, headers=err.headers)


class PlainErrorRoute(ShapedErrorRoute):
    """``{"error": message}`` -- for callers (Coral) that only log a failed call."""
