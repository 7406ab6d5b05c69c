"""Compressed request bodies: ``Content-Encoding: gzip`` inflated within the body limit.

Google's front end accepts a gzip body, and so does every endpoint here: the Perspective
and OpenAI routes (:func:`threadguard.service.compat.read_body`, in their clients' error
shapes) and the native API (:func:`native_body`: JSON bodies, thread uploads, policy
documents). A body is inflated only up to the limit its endpoint has for a body as sent,
so a small gzip bomb is refused as a large body is (the body limit itself, on the bytes
as sent, is :class:`threadguard.service.limits.BodySizeLimit`'s). Any other encoding is
refused naming it: the native API read a gzip body as it was sent, and answered "the body
is not UTF-8 text (byte 1)", or "looks like binary data" for a thread upload, and a body
marked ``br`` was read as if it were not compressed at all.
"""

from __future__ import annotations

import zlib

from starlette.requests import Request

from threadguard.service.errors import ApiError

#: The encodings a body may be sent in.
ACCEPTED = ("identity", "gzip")


class Undecodable(ValueError):
    """Why a body cannot be decoded: ``status`` (400 damaged, 413 too large once inflated,
    415 an encoding not accepted) and ``problem``, which each surface words in its shape."""

    def __init__(self, status: int, problem: str) -> None:
        super().__init__(problem)
        self.status = status
        self.problem = problem


def encoding_of(request: Request) -> str:
    """The request's ``Content-Encoding``, lower case (``identity`` when absent or blank)."""
    return request.headers.get("content-encoding", "").strip().lower() or "identity"


def check_encoding(encoding: str) -> None:
    """:class:`Undecodable` (415) for an encoding other than :data:`ACCEPTED`."""
    if encoding not in ACCEPTED:
        raise Undecodable(415, f"Content-Encoding {encoding!r} is not accepted")


#: How much of a gzip body is fed to the inflater at a time: what follows a member's end
#: is copied once more for the next member (zlib's ``unused_data``), so a body of many
#: small members costs in proportion to its size, not to its size times its members.
_FEED = 16 * 1024


def gunzip(raw: bytes, limit: int) -> bytes:
    """A gzip body inflated, every member of it (``gzip -c b >> all.gz`` is one valid
    gzip file: only the first member was read, the rest of an upload silently dropped);
    :class:`Undecodable` when the members together pass ``limit`` bytes (413), or when it
    is not gzip, ends early, or holds bytes after a member that start no member (400)."""
    view = memoryview(raw)
    body = bytearray()
    fed = 0  # bytes of ``raw`` handed to an inflater
    pending = b""  # bytes after the last member's end, not yet read as the next member
    members = 0
    while not members or pending or fed < len(raw):
        members += 1
        start = fed - len(pending)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        while not inflater.eof:
            if pending:
                data: bytes | memoryview = pending
                pending = b""
            elif fed < len(raw):
                data = view[fed : fed + _FEED]
                fed += len(data)
            else:
                raise Undecodable(400, "not valid gzip: it ends early")
            try:
                body += inflater.decompress(data, limit - len(body) + 1)
            except zlib.error as exc:
                where = "" if members == 1 else f" (byte {start}, after {members - 1} members)"
                raise Undecodable(400, f"not valid gzip{where}: {exc}") from None
            if len(body) > limit or inflater.unconsumed_tail:
                raise Undecodable(413, f"larger than the limit of {limit} bytes once inflated")
        pending = inflater.unused_data
    return bytes(body)


async def native_body(request: Request, limit: int) -> bytes:
    """The native API's request body, inflated when it is sent gzip-compressed: a 400,
    413 or 415 :class:`ApiError` saying what is wrong with its encoding. The encoding is
    checked before a byte is read."""
    encoding = encoding_of(request)
    try:
        check_encoding(encoding)
    except Undecodable as exc:
        raise ApiError(
            exc.status,
            f"{exc.problem}; send the body uncompressed, or gzip-compressed with "
            "Content-Encoding: gzip",
        ) from None
    raw = await request.body()
    if encoding == "identity":
        return raw
    try:
        return gunzip(raw, limit)
    except Undecodable as exc:
        raise ApiError(exc.status, f"the body (Content-Encoding: gzip) is {exc.problem}") from None
