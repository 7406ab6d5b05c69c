"""Drop-in endpoints for clients written against other moderation services.

Each module answers one foreign API in that API's own request, response and error shapes,
so a site changes a URL and nothing else:

- :mod:`.perspective` -- Google Perspective's ``comments:analyze`` / ``comments:suggestscore``
  (requests read and refused by :mod:`.perspective_request`), with :mod:`.discovery` serving
  the discovery document google-api-python-client builds from;
- :mod:`.openai_moderation` -- OpenAI's ``POST /v1/moderations``;
- :mod:`.coral` -- Coral Talk's external moderation phase.

They are written against :mod:`threadguard.service.protocols` only; the app factory passes
in its ``auth`` dependency and a dependency returning the
:class:`~threadguard.service.protocols.ServiceContext`. Each router renders its errors in its
client's shape (:mod:`.errors`), whatever the app's own handlers do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request

from threadguard.service.compat.errors import CompatError
from threadguard.service.encodings import Undecodable, check_encoding, encoding_of, gunzip
from threadguard.service.json_bodies import NotAJsonObject, json_object
from threadguard.service.limits import BodyTooLarge
from threadguard.service.protocols import Principal

#: The site a key without one is filed under (``CommentLog.record`` needs a name).
DEFAULT_SITE = "default"

#: How a body over the limit is refused, in Google's words (each surface keeps its status:
#: Google's APIs answer 400 INVALID_ARGUMENT, :class:`.errors.GoogleErrorRoute`).
TOO_LARGE = "Request payload size exceeds the limit:"

#: A FastAPI dependency callable (the app's ``auth``, or one returning the context).
Dependency = Callable[..., Any]


def site_of(principal: Principal) -> str:
    """The site a client key's comments are stored and judged under."""
    return principal.site or DEFAULT_SITE


async def read_body(request: Request, limit: int) -> bytes:
    """The raw request body, refused with 413 past ``limit`` bytes.

    The declared length is checked first so an oversized upload is refused before it is
    read; a body without one is read in chunks and refused as soon as it is too big. A
    gzip body (``Content-Encoding: gzip``, which Google's front end accepts) is inflated
    up to the same limit, so a small bomb is refused as a large body is; any other
    encoding is a 415 that says so (:mod:`threadguard.service.encodings`).
    """
    encoding = encoding_of(request)
    try:
        check_encoding(encoding)
    except Undecodable:
        raise CompatError(
            415, f"Content-Encoding {encoding!r} is not accepted; send the body as is or gzip."
        ) from None
    raw = await _read_limited(request, limit)
    if encoding == "identity":
        return raw
    try:
        return gunzip(raw, limit)
    except Undecodable as exc:
        if exc.status == 413:
            raise CompatError(413, f"{TOO_LARGE} {limit} bytes once inflated.") from None
        raise CompatError(exc.status, f"The body is {exc.problem}.") from None


async def _read_limited(request: Request, limit: int) -> bytes:
    """The body's bytes as sent, refused with 413 past ``limit``."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise CompatError(413, f"{TOO_LARGE} {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise CompatError(413, f"{TOO_LARGE} {limit} bytes.")
            chunks.append(chunk)
    except BodyTooLarge:  # the service's own limit, met first by a body sent in chunks
        raise CompatError(413, f"{TOO_LARGE} {limit} bytes.") from None
    return b"".join(chunks)


def parse_json_object(raw: bytes, prefix: str) -> dict[str, Any]:
    """The body as a JSON object, whatever its Content-Type says (read as the native API
    reads its own: :func:`threadguard.service.json_bodies.json_object`), or a 400 whose
    message starts with ``prefix`` and says what is wrong and where."""
    try:
        return json_object(raw)
    except NotAJsonObject as exc:
        raise CompatError(400, f"{prefix} {exc.sentence}") from None
