"""``POST /api/v1/threads``: a thread in any input format in, every comment's decision out.

The body is the upload as is; its format comes from ``?format=``, else the Content-Type
(the format registry, :mod:`threadguard.readers.registry`), else the readers detect it.
A Content-Type the registry does not know is refused (415) rather than read as text.
An upload of more than ``async_upload_comments`` comments is answered 202 with a job to
poll (:mod:`threadguard.service.uploads`, :mod:`.jobs`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from threadguard.readers import ReaderError, read_thread
from threadguard.readers.registry import (
    format_for_media_type,
    format_names,
    media_types,
    upload_name,
    upload_name_for_media_type,
)
from threadguard.service import schemas
from threadguard.service.api.jobs import job_body, job_url
from threadguard.service.api.shared import actor, media_type
from threadguard.service.auth import resolve_site
from threadguard.service.dependencies import Client, State, Uploads
from threadguard.service.encodings import native_body
from threadguard.service.errors import ApiError
from threadguard.service.moderation import article_for, unidentified_conflicts
from threadguard.service.upload_jobs import RETRY_AFTER_S, UploadsBusy
from threadguard.service.uploads import Upload, ingest, thread_answer
from threadguard.thread import Problem, ReadResult
from threadguard.validation import check_id, check_thread

#: The route, under the API's prefix (the body limit for uploads is keyed on it).
PATH = "/threads"

router = APIRouter(tags=["threads"])


#: Content types that say nothing of the format: the readers detect it. curl's default for
#: ``--data-binary`` is a form's type, which no thread upload is (desks 77 and 80, session 52:
#: 415 for `curl --data-binary @thread.txt`, as the JSON endpoints already read it).
UNTYPED = ("", "application/octet-stream", "application/x-www-form-urlencoded")


def thread_format(request: Request, format: str | None) -> tuple[str | None, str]:
    """The reader to use and the name to call the upload in messages; 415 for a
    Content-Type that names no input format (``?format=`` overrides it)."""
    if format is not None:
        name = format.strip().lower()
        if name not in format_names():
            raise ApiError(
                400, f"unknown format {format!r}; expected one of {', '.join(format_names())}"
            )
        return name, upload_name(name)
    media = media_type(request)
    if media not in UNTYPED and media not in media_types():
        raise ApiError(
            415,
            f"unsupported Content-Type {media!r} for a thread upload; send one of "
            f"{', '.join(media_types())}, or none (or ?format=) to have the format detected",
        )
    return format_for_media_type(media), upload_name_for_media_type(media)


def read_upload(body: bytes, fmt: str | None, name: str, max_chars: int) -> ReadResult:
    """The uploaded thread: 400 when it cannot be read, 400 naming the field when one
    cannot be stored (:func:`check_thread`). A comment longer than ``max_chars`` is read
    whole and held (:func:`~threadguard.service.moderation.moderate_thread`), named among
    the problems: a 413 for it lost every other comment of the thread."""
    try:
        result = read_thread(body, format=fmt, name=name, strict=True)
    except ReaderError as exc:
        # "upload.json: line 1, column 1: invalid JSON" under ?format=json named a file the
        # desk never sent (desk 76): say which format was imposed, and by what
        said = (
            f" (read as {fmt}, as the request's format= or Content-Type says; leave both out "
            "to have the format detected)"
            if fmt is not None
            else ""
        )
        raise ApiError(400, f"{exc}{said}") from None
    except (ValueError, RecursionError, UnicodeError) as exc:  # a reader's slip, still input
        raise ApiError(400, f"{name}: cannot read the thread: {type(exc).__name__}") from None
    result.problems.extend(
        Problem(
            name,
            f"comment {comment.id!r}",
            f"is {len(comment.text):,} characters long (the limit is {max_chars:,}): read "
            "whole and held for review",
        )
        for comment in result.thread.comments
        if len(comment.text) > max_chars
    )
    check_thread(result.thread)
    return result


@router.post(
    PATH,
    summary="Ingest a thread: score, decide and store every comment",
    response_model=schemas.ThreadOut,
    responses={
        202: {
            "model": schemas.JobOut,
            "description": (
                "A large upload (more comments than the service's async_upload_comments): "
                "stored in the background; poll the job at the Location header."
            ),
        },
        415: {"model": schemas.ErrorBody, "description": "Unknown Content-Type."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": (
                "The thread as uploaded: a plain-text dump (text/plain), ThreadGuard JSON "
                "or a Reddit page's .json (application/json), JSON Lines "
                "(application/x-ndjson), CSV (text/csv) or a Disqus export "
                "(application/xml). ?format= overrides the Content-Type; without "
                "either the format is detected."
            ),
            "content": {media: {"schema": {"type": "string"}} for media in media_types()},
        }
    },
)
async def ingest_thread(
    request: Request,
    principal: Client,
    state: State,
    uploads: Uploads,
    site: Annotated[
        str | None, Query(description="Site (default: the key's site, else 'default').")
    ] = None,
    format: Annotated[
        str | None, Query(description=f"Input format: one of {', '.join(format_names())}.")
    ] = None,
    article: Annotated[
        str | None, Query(description="File the comments under this article id.")
    ] = None,
) -> JSONResponse:
    site_name = resolve_site(principal, site, making=True, exists=state.store.has_site)
    fmt, name = thread_format(request, format)
    settings = state.settings
    body = await native_body(request, settings.max_upload_bytes)
    read = await run_in_threadpool(read_upload, body, fmt, name, settings.max_text_chars)
    ref = article_for(read.thread, article)
    if article is None and read.format == "text":
        # a text dump's comments are numbered by place (c1, c2, ...), so a changed comment
        # there may be another thread's; formats that carry their comments' ids keep edits
        differ = await run_in_threadpool(unidentified_conflicts, state, site_name, read.thread, ref)
        if differ:
            raise ApiError(
                409,
                f"this thread has no id or URL, and {len(differ)} of its comments "
                f"({', '.join(differ[:5])}{', ...' if len(differ) > 5 else ''}) differ from "
                "those stored at the same places in a thread with the same title: if it is "
                "another thread, upload it with ?article= naming its article; if it is the "
                f"same thread with comments edited, with ?article={ref.external_id}. "
                "Nothing was stored",
            )
    check_id(
        "article" if article else "thread.id" if read.thread.id else "thread.url",
        ref.external_id,
    )
    upload = Upload(site_name, read, fmt or "", ref, actor(principal), body, name)
    if upload.size > settings.async_upload_comments:
        try:
            job = await run_in_threadpool(uploads.submit, upload)
        except UploadsBusy as busy:
            raise ApiError(busy.status, busy.message, {"Retry-After": str(RETRY_AFTER_S)}) from None
        return JSONResponse(job_body(job), status_code=202, headers={"Location": job_url(job)})
    done = await run_in_threadpool(ingest, state, upload)
    # Returned as is (documented by ThreadOut): the scan contract's null "parent" stays,
    # absent extras stay absent, and a large thread is not validated twice.
    return JSONResponse(thread_answer(upload, done))
