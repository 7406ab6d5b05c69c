"""The native API under ``/api/v1``: threads in, the moderation queue and its audit trail out.

Roles: a *client* key (a site's backend) ingests threads and reads comments; a
*moderator* works the queue, acts on comments, reads the audit log and exports labelled
decisions; an *admin* also sets site policies. A key bound to a site sees that site only
(other sites' comments answer 404, so their ids do not leak).

No ``from __future__ import annotations`` here: the routes are defined inside
:func:`build_router` with parameter types built from that call's ``auth``, and FastAPI
can only resolve annotations that are real objects, not strings naming local aliases.
"""

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from threadguard.moderation import Moderator as PolicyModerator
from threadguard.moderation import PolicyError, on_top, policy_text
from threadguard.readers import FORMATS, ReaderError, read_thread
from threadguard.schema import ATTRIBUTES
from threadguard.service import schemas
from threadguard.service.auth import Authenticator, actor_id, resolve_site, site_scope
from threadguard.service.context import ServiceState
from threadguard.service.errors import ApiError
from threadguard.service.moderation import (
    article_for,
    dry_run,
    moderate_thread,
    stored_thread_document,
    to_store,
)
from threadguard.service.protocols import Principal
from threadguard.storage.records import (
    ActionRecord,
    Actor,
    CommentRecord,
    NotFoundError,
    Page,
)
from threadguard.storage.store import QueueFilter

PREFIX = "/api/v1"

#: Content types of thread uploads and the reader each selects (None: detect).
THREAD_TYPES: dict[str, str | None] = {
    "text/plain": "text",
    "application/json": None,  # ThreadGuard JSON, Reddit or JSON Lines: told apart by content
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/jsonlines": "jsonl",
    "application/x-jsonlines": "jsonl",
    "text/csv": "csv",
    "application/xml": "disqus",
    "text/xml": "disqus",
}
#: The name uploads are called in messages, per format (its extension guides detection).
UPLOAD_NAMES = {
    "text": "upload.txt",
    "json": "upload.json",
    "jsonl": "upload.jsonl",
    "csv": "upload.csv",
    "disqus": "upload.xml",
    "reddit": "upload.json",
}
POLICY_TYPES = {
    "application/json": "json",
    "application/toml": "toml",
    "application/x-toml": "toml",
    "text/x-toml": "toml",
    "text/toml": "toml",
    "text/plain": "toml",
}

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": schemas.ErrorBody, "description": text}
    for code, text in (
        (400, "Bad input; the message names the problem."),
        (401, "Missing, unknown or revoked API key."),
        (403, "The key's role or site does not allow this."),
        (413, "Request or comment too large."),
        (429, "Rate limit exceeded (see Retry-After)."),
    )
}


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _thread_format(request: Request, format: str | None) -> tuple[str | None, str]:
    """The reader to use and the name to call the upload in messages."""
    if format is not None:
        name = format.strip().lower()
        if name not in FORMATS:
            raise ApiError(400, f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
        return name, UPLOAD_NAMES[name]
    media = _media_type(request)
    if media == "application/json":
        return None, "upload.json"
    chosen = THREAD_TYPES.get(media)
    return chosen, UPLOAD_NAMES[chosen] if chosen else "upload"


def _policy_format(request: Request, body: str) -> str:
    media = _media_type(request)
    if media in POLICY_TYPES:
        return POLICY_TYPES[media]
    return "json" if body.lstrip().startswith("{") else "toml"


def _text(raw: bytes, what: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"{what} is not UTF-8 text (byte {exc.start})") from None


def _next(page: Page[Any]) -> int | None:
    end = page.offset + len(page.items)
    return end if end < page.total else None


def _page_body(page: Page[Any]) -> dict[str, Any]:
    """A page of store records as the JSON body every paged endpoint returns."""
    return {
        "items": [vars(item) for item in page.items],
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": _next(page),
    }


def _action_out(a: ActionRecord) -> schemas.ActionOut:
    return schemas.ActionOut(
        id=a.id,
        action=a.action,
        note=a.note,
        actor=a.actor,
        actor_role=a.actor_role,
        at=a.created_at,
    )


def _comment_out(c: CommentRecord) -> schemas.CommentOut:
    decision = c.policy_decision
    details = (decision.details if decision is not None else None) or {}
    moderator = c.moderator_decision
    return schemas.CommentOut.model_validate(
        {
            "id": c.id,
            "site": c.site,
            "article": c.article,
            "external_id": c.external_id,
            "parent": c.parent_id,
            "author": c.author,
            "text": c.text,
            "source": c.source,
            "received_at": c.received_at,
            "status": c.status,
            "status_source": c.status_source,
            "analysis": c.analysis,
            "decision": (
                {"action": decision.action, "reasons": decision.reasons} if decision else None
            ),
            "watchlist": details.get("watchlist") or None,
            "censored_text": details.get("censored_text"),
            "moderator_decision": (
                {
                    "action": moderator.action,
                    "reasons": moderator.reasons,
                    "actor": moderator.actor,
                    "at": moderator.created_at,
                }
                if moderator
                else None
            ),
            "actions": [_action_out(a) for a in c.actions],
        }
    )


def _policy_out(state: ServiceState, site: str) -> schemas.PolicyOut:
    current = state.site_policy(site)
    doc = current.document
    stored = doc is not None and doc.policy_text is not None
    return schemas.PolicyOut(
        site=site,
        source="site" if stored else "default",
        format=doc.policy_format if stored and doc else "toml",
        text=doc.policy_text if stored and doc else policy_text(state.base_policy),
        version=doc.policy_version if doc else 0,
        updated_at=doc.policy_updated_at if doc else None,
        effective=current.policy.raw,
    )


def build_router(state: ServiceState, auth: Authenticator) -> APIRouter:
    """The ``/api/v1`` routes over ``state``, guarded by ``auth``."""
    router = APIRouter(prefix=PREFIX, responses=_ERRORS)
    Client = Annotated[Principal, Depends(auth.require("client"))]
    Moderator = Annotated[Principal, Depends(auth.require("moderator"))]
    Admin = Annotated[Principal, Depends(auth.require("admin"))]
    SiteQuery = Annotated[
        str | None, Query(description="Site (default: the key's site, else 'default').")
    ]

    def actor(principal: Principal) -> Actor:
        return Actor(actor_id(principal), principal.role)

    def visible(principal: Principal, site: str) -> None:
        scope = site_scope(principal)
        if scope is not None and site not in scope:
            raise NotFoundError("not found")

    # ------------------------------------------------------------------ threads

    @router.post(
        "/threads",
        tags=["threads"],
        summary="Ingest a thread: score, decide and store every comment",
        response_model=schemas.ThreadOut,
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
                "content": {media: {"schema": {"type": "string"}} for media in THREAD_TYPES},
            }
        },
    )
    async def ingest_thread(
        request: Request,
        principal: Client,
        site: SiteQuery = None,
        format: Annotated[
            str | None, Query(description=f"Input format: one of {', '.join(FORMATS)}.")
        ] = None,
        article: Annotated[
            str | None, Query(description="File the comments under this article id.")
        ] = None,
    ) -> JSONResponse:
        site_name = resolve_site(principal, site)
        fmt, name = _thread_format(request, format)
        body = await request.body()
        # Returned as is (documented by ThreadOut): the scan contract's null "parent" stays,
        # absent extras stay absent, and a large thread is not validated twice.
        return JSONResponse(await run_in_threadpool(_ingest, site_name, body, fmt, name, article))

    def _ingest(
        site: str, body: bytes, fmt: str | None, name: str, article_id: str | None
    ) -> dict[str, Any]:
        try:
            result = read_thread(body, format=fmt, name=name)
        except ReaderError as exc:
            raise ApiError(400, str(exc)) from None
        except (ValueError, RecursionError, UnicodeError) as exc:  # a reader's slip, still input
            raise ApiError(400, f"{name}: cannot read the thread: {type(exc).__name__}") from None
        thread = result.thread
        limit = state.settings.max_text_chars
        for comment in thread.comments:
            if len(comment.text) > limit:
                raise ApiError(
                    413,
                    f"comment {comment.id!r} is {len(comment.text)} characters long; "
                    f"the limit is {limit}",
                )
        ref = article_for(thread, article_id)
        current, items = moderate_thread(state, site, thread, ref)
        stored = state.store.record_many(
            site=site, source="native", article=ref, comments=to_store(items)
        )
        doc = stored_thread_document(
            thread,
            items,
            current.moderator,
            [cid for cid, _ in stored],
            [status for _, status in stored],
        )
        doc["site"] = site
        doc["article"] = ref.external_id
        doc["format"] = result.format or fmt or ""
        doc["problems"] = [str(p) for p in result.problems]
        return doc

    # ------------------------------------------------------------------ comments

    @router.get(
        "/comments/{comment_id}",
        tags=["comments"],
        summary="A stored comment's analysis, decision and moderation history",
        response_model=schemas.CommentOut,
    )
    def get_comment(comment_id: str, principal: Client) -> schemas.CommentOut:
        record = state.store.comment(comment_id)
        try:
            visible(principal, record.site)
        except NotFoundError:
            raise NotFoundError(f"no comment with id {comment_id!r}") from None
        return _comment_out(record)

    @router.post(
        "/comments/{comment_id}/actions",
        tags=["moderation"],
        summary="Moderate a comment: approve, reject, ban/unban or trust/untrust its author, note",
        response_model=schemas.ActionResultOut,
        responses={
            404: {"model": schemas.ErrorBody, "description": "No such comment."},
            409: {
                "model": schemas.ErrorBody,
                "description": "Already resolved (approved/rejected), already banned, ...",
            },
        },
    )
    def act(
        comment_id: str, body: schemas.ActionIn, principal: Moderator
    ) -> schemas.ActionResultOut:
        result = state.store.moderate(
            comment_id, body.action, actor(principal), note=body.note, sites=site_scope(principal)
        )
        author = result.author
        return schemas.ActionResultOut(
            action=_action_out(result.action),
            comment_id=comment_id,
            comment_status=result.comment_status,  # type: ignore[arg-type]
            author=(
                schemas.AuthorOut(
                    name=author.name,
                    banned=author.banned,
                    trusted=author.trusted,
                    comment_count=author.comment_count,
                    held_count=author.held_count,
                    rejected_count=author.rejected_count,
                )
                if author
                else None
            ),
        )

    # ------------------------------------------------------------------ queue

    @router.get(
        "/queue",
        tags=["moderation"],
        summary="The moderation queue, oldest first, with filters",
        response_model=schemas.QueuePage,
    )
    def queue(
        principal: Moderator,
        site: Annotated[str | None, Query(description="Only this site.")] = None,
        article: Annotated[str | None, Query(description="Only this article id.")] = None,
        status: Annotated[
            str, Query(description="pending (default), approved, rejected or all.")
        ] = "pending",
        attribute: Annotated[
            str | None,
            Query(description="Only comments scoring at least the site's hold threshold here."),
        ] = None,
        min_score: Annotated[
            float | None,
            Query(ge=0, le=1, description="With attribute: score above this instead."),
        ] = None,
        author: Annotated[str | None, Query(description="Only this author.")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> schemas.QueuePage:
        if status not in ("pending", "approved", "rejected", "all"):
            raise ApiError(
                400, f"status must be pending, approved, rejected or all, not {status!r}"
            )
        if attribute is not None and attribute not in ATTRIBUTES:
            raise ApiError(
                400, f"unknown attribute {attribute!r}; expected one of {', '.join(ATTRIBUTES)}"
            )
        if min_score is not None and attribute is None:
            raise ApiError(400, "min_score needs attribute=")
        if site is not None:
            site = resolve_site(principal, site)
        at_least = None
        if attribute is not None and min_score is None:
            at_least = state.site_policy(site).policy.review_level(attribute)
        page = state.store.queue(
            QueueFilter(
                site=site,
                sites=site_scope(principal),
                article=article,
                status=None if status == "all" else status,
                author=author,
                attribute=attribute,
                at_least=at_least,
                above=min_score,
            ),
            limit=limit,
            offset=offset,
        )
        return schemas.QueuePage.model_validate(_page_body(page))

    # ------------------------------------------------------------------ audit and export

    @router.get(
        "/audit",
        tags=["audit"],
        summary="The audit log, newest first",
        response_model=schemas.AuditPage,
    )
    def audit(
        principal: Moderator,
        site: Annotated[str | None, Query(description="Only this site.")] = None,
        actor_name: Annotated[
            str | None, Query(alias="actor", description="Only this actor.")
        ] = None,
        action: Annotated[
            str | None, Query(description="Only this action, or family (e.g. 'comment').")
        ] = None,
        since: Annotated[datetime | None, Query(description="Only entries from then on.")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> schemas.AuditPage:
        if site is not None:
            site = resolve_site(principal, site)
        page = state.store.audit_log(
            site=site,
            sites=site_scope(principal),
            actor=actor_name,
            action=action,
            since=since,
            limit=limit,
            offset=offset,
        )
        return schemas.AuditPage.model_validate(_page_body(page))

    @router.get(
        "/export",
        tags=["audit"],
        summary="Moderators' decisions as labelled data (JSON Lines)",
        response_class=StreamingResponse,
        responses={
            200: {
                "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
                "description": (
                    "One JSON object a line: id, site, article, text, parent_text, label "
                    "(approve|reject), toxic, attributes (scores), targets, model, "
                    "policy_decision, moderator, note, created_at, posted_at, decided_at."
                ),
            }
        },
    )
    def export(
        principal: Moderator,
        site: Annotated[str | None, Query(description="Only this site.")] = None,
        since: Annotated[datetime | None, Query(description="Only decisions from then on.")] = None,
    ) -> StreamingResponse:
        if site is not None:
            site = resolve_site(principal, site)
        rows = state.store.labelled(site=site, sites=site_scope(principal), since=since)

        def lines() -> Iterator[str]:
            for row in rows:
                yield json.dumps(row, ensure_ascii=False) + "\n"

        return StreamingResponse(
            lines(),
            media_type="application/x-ndjson",
            headers={"Content-Disposition": 'attachment; filename="threadguard-labels.jsonl"'},
        )

    # ------------------------------------------------------------------ sites

    SitePath = Annotated[str, Path(min_length=1, max_length=200, description="Site name.")]
    policy_body: dict[str, Any] = {
        "requestBody": {
            "required": True,
            "description": "A policy document: TOML (text/plain, application/toml) or JSON.",
            "content": {
                "application/toml": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "object"}},
            },
        }
    }

    async def _candidate(request: Request, site: str) -> tuple[str, str, Callable[[], Any]]:
        text = _text(await request.body(), "the policy")
        fmt = _policy_format(request, text)

        def parsed() -> Any:
            try:
                return on_top(state.base_policy, text, fmt, site)
            except PolicyError as exc:
                raise ApiError(400, str(exc)) from None

        return text, fmt, parsed

    @router.get(
        "/sites/{site}/policy",
        tags=["sites"],
        summary="A site's policy document and the effective policy",
        response_model=schemas.PolicyOut,
    )
    def get_policy(site: SitePath, principal: Admin) -> schemas.PolicyOut:
        return _policy_out(state, resolve_site(principal, site))

    @router.put(
        "/sites/{site}/policy",
        tags=["sites"],
        summary="Replace a site's policy (TOML or JSON), on top of the server's base policy",
        response_model=schemas.PolicyOut,
        openapi_extra=policy_body,
    )
    async def put_policy(site: SitePath, request: Request, principal: Admin) -> schemas.PolicyOut:
        name = resolve_site(principal, site)
        text, fmt, parsed = await _candidate(request, name)

        def work() -> schemas.PolicyOut:
            parsed()
            state.store.set_site_policy(name, text, fmt, actor(principal))
            state.forget(name)
            return _policy_out(state, name)

        return await run_in_threadpool(work)

    @router.post(
        "/sites/{site}/policy:dryrun",
        tags=["sites"],
        summary="What a candidate policy would decide on the site's last N comments",
        response_model=schemas.DryRunOut,
        openapi_extra=policy_body,
    )
    async def dryrun_policy(
        site: SitePath,
        request: Request,
        principal: Admin,
        limit: Annotated[int, Query(ge=1, le=10_000, description="How many comments.")] = 200,
    ) -> dict[str, Any]:
        name = resolve_site(principal, site)
        _, _, parsed = await _candidate(request, name)

        def work() -> dict[str, Any]:
            return dry_run(state, name, PolicyModerator(parsed()), limit)

        return await run_in_threadpool(work)

    @router.get(
        "/sites/{site}/authors/{author}",
        tags=["sites"],
        summary="An author's standing on a site: banned, trusted, counts",
        response_model=schemas.AuthorOut,
    )
    def get_author(site: SitePath, author: str, principal: Moderator) -> schemas.AuthorOut:
        name = resolve_site(principal, site)
        info = state.store.authors(name, [author]).get(author)
        if info is None:
            raise NotFoundError(f"no author {author!r} on site {name!r}")
        return schemas.AuthorOut(
            name=info.name,
            banned=info.banned,
            trusted=info.trusted,
            comment_count=info.comment_count,
            held_count=info.held_count,
            rejected_count=info.rejected_count,
        )

    return router
