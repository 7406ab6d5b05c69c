"""``/api/v1/sites/{site}/...``: a site's policy (read, replace, try out) and its authors;
``DELETE /api/v1/sites/{site}`` removes a site that holds nothing moderated (a typo's).

A site's policy document (TOML or JSON) sits on top of the server's base policy; a
candidate is checked before it is stored, and a dry run shows what it would have decided
on the site's recent comments without storing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from threadguard.moderation import Moderator as PolicyModerator
from threadguard.moderation import (
    Policy,
    PolicyError,
    dropped_words,
    on_top,
    parse_document,
    policy_text,
    require_covered,
)
from threadguard.service import schemas
from threadguard.service.api.shared import actor, author_out, media_type
from threadguard.service.auth import resolve_site
from threadguard.service.context import ServiceState
from threadguard.service.dependencies import Admin, Moderator, State
from threadguard.service.encodings import native_body
from threadguard.service.errors import ApiError
from threadguard.service.moderation import dry_run
from threadguard.service.protocols import Principal
from threadguard.storage.names import quoted
from threadguard.storage.records import NotFoundError
from threadguard.validation import check_site

#: Content types of policy documents and the format each names.
POLICY_TYPES = {
    "application/json": "json",
    "application/toml": "toml",
    "application/x-toml": "toml",
    "text/x-toml": "toml",
    "text/toml": "toml",
    "text/plain": "toml",
}
#: The request body of the routes that take a policy document, for the OpenAPI document.
POLICY_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "A policy document: TOML (text/plain, application/toml) or JSON.",
        "content": {
            "application/toml": {"schema": {"type": "string"}},
            "application/json": {"schema": {"type": "object"}},
        },
    }
}

SitePath = Annotated[str, Path(min_length=1, max_length=200, description="Site name.")]

router = APIRouter(tags=["sites"])


@dataclass(frozen=True)
class SiteAdmin:
    """An admin request on one site: the service, the admin's key and the site resolved."""

    state: ServiceState
    principal: Principal
    name: str


def site_admin(site: SitePath, principal: Admin, state: State) -> SiteAdmin:
    """The site of the path, resolved for the admin key (:func:`resolve_site`: 403 for
    another site's key, 400 for a name no store can keep)."""
    return SiteAdmin(state, principal, resolve_site(principal, site))


#: The ``{site}`` of an admin route, resolved for the admin's key. Only for routes whose
#: other parameters and body FastAPI does not validate (a raw body read by the handler is
#: fine): the dependency runs first, so a 403 would hide a 422 the client should see.
AdminSite = Annotated[SiteAdmin, Depends(site_admin)]


async def candidate(request: Request, principal: Principal, site: str) -> tuple[str, str, str]:
    """The site a policy upload is for, the document's text and its format (from the
    Content-Type, else its first character); 403 for another site's key, then 400 when
    the document is not UTF-8."""
    name = resolve_site(principal, site)
    text, fmt = await document(request)
    return name, text, fmt


#: The refusal of an empty policy document (see :func:`document`).
EMPTY = (
    "the policy document is empty (an empty file or an unset variable?): nothing was "
    "changed. Send the site's policy as TOML or JSON; to drop every setting of the site's "
    "own and use the server's policy alone, send {} as application/json"
)


async def document(request: Request) -> tuple[str, str]:
    """A policy upload's text and its format (from the Content-Type, else its first
    character); 400 when the document is not UTF-8, or empty.

    An empty body (nothing, blanks, a byte-order mark) is refused rather than read as a
    document that sets nothing: ``curl --data-binary "$POLICY"`` with the variable unset
    replaced a site's policy with the server's defaults, answered 200. A reset is still
    possible, asked for explicitly: ``{}`` (JSON), or a TOML document of comments only.
    """
    raw = await native_body(request, request.app.state.service.settings.max_body_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"the policy is not UTF-8 text (byte {exc.start})") from None
    if not text.lstrip("\ufeff").strip():
        raise ApiError(400, EMPTY)
    media = media_type(request)
    if media in POLICY_TYPES:
        return text, POLICY_TYPES[media]
    return text, "json" if text.lstrip().startswith("{") else "toml"


def parse_policy(state: ServiceState, text: str, fmt: str, site: str) -> Policy:
    """The policy a candidate document gives the site; 400 naming the fault if invalid."""
    try:
        policy = on_top(state.base_policy, text, fmt, site)
        require_covered(policy, state.engine.supported_languages)
    except PolicyError as exc:
        raise ApiError(400, str(exc)) from None
    return policy


def policy_out(state: ServiceState, site: str) -> schemas.PolicyOut:
    """The site's stored document (or the base policy's text) and its effective policy."""
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
        warnings=_dropped(state, doc.policy_text, doc.policy_format) if stored and doc else [],
    )


def _dropped(state: ServiceState, text: str | None, fmt: str | None) -> list[str]:
    """What a site's document (the stored one, or a candidate put or tried out) leaves out
    of the server's watchlist: the same warnings for a PUT's answer and a dry run's."""
    if text is None or fmt is None:
        return []
    try:
        return dropped_words(state.base_policy.raw, parse_document(text, fmt, "site policy"))
    except PolicyError:
        return []


@router.get(
    "/sites/{site}/policy",
    summary="A site's policy document and the effective policy",
    response_model=schemas.PolicyOut,
)
def get_policy(scope: AdminSite) -> schemas.PolicyOut:
    return policy_out(scope.state, scope.name)


@router.put(
    "/sites/{site}/policy",
    summary="Replace a site's policy (TOML or JSON), on top of the server's base policy",
    response_model=schemas.PolicyOut,
    openapi_extra=POLICY_BODY,
)
async def put_policy(scope: AdminSite, request: Request) -> schemas.PolicyOut:
    state, name = scope.state, scope.name
    # a policy makes the site: a name no address could name is 400, unless the site is
    # there already (made by an earlier version: its policy can still be set)
    check_site("site", name, exists=state.store.has_site)
    text, fmt = await document(request)

    def work() -> schemas.PolicyOut:
        parse_policy(state, text, fmt, name)
        # the site's current document again: its version, nothing stored (the store's
        # set_site_policy says why nothing is audited either)
        stored = state.store.set_site_policy(name, text, fmt, actor(scope.principal))
        if stored.unchanged:
            return policy_out(state, name).model_copy(update={"unchanged": True})
        state.forget(name)
        return policy_out(state, name)

    return await run_in_threadpool(work)


@router.delete(
    "/sites/{site}",
    summary="Delete a site that holds no comments, verdicts or adaptations (a misspelt name)",
    response_model=schemas.SiteDeletedOut,
    responses={409: {"description": "The site holds comments, verdicts or adaptations."}},
)
def delete_site(scope: AdminSite) -> schemas.SiteDeletedOut:
    gone = scope.state.store.delete_site(scope.name, actor(scope.principal))
    scope.state.forget(scope.name)
    return schemas.SiteDeletedOut(
        site=gone.name,
        deleted=True,
        policy_version=gone.policy_version,
        keys=list(gone.keys),
        users=list(gone.users),
    )


@router.post(
    "/sites/{site}/policy:dryrun",
    openapi_extra=POLICY_BODY,
    summary="What a candidate policy would decide on the site's last N comments",
    response_model=schemas.DryRunOut,
)
async def dryrun_policy(
    site: SitePath,
    request: Request,
    principal: Admin,
    state: State,
    limit: Annotated[int, Query(ge=1, le=10_000, description="How many comments.")] = 200,
) -> dict[str, Any]:
    name, text, fmt = await candidate(request, principal, site)

    def work() -> dict[str, Any]:
        result = dry_run(state, name, PolicyModerator(parse_policy(state, text, fmt, name)), limit)
        # the warnings a PUT of the candidate would answer, before it is saved (an operator
        # learnt that a change dropped the server's watched words only once it was live)
        return {**result, "warnings": _dropped(state, text, fmt)}

    return await run_in_threadpool(work)


@router.get(
    "/sites/{site}/authors/{author}",
    summary="An author's standing on a site: banned, trusted, counts",
    response_model=schemas.AuthorOut,
)
def get_author(
    site: SitePath, author: str, principal: Moderator, state: State
) -> schemas.AuthorOut:
    name = resolve_site(principal, site)
    info = state.store.authors(name, [author]).get(author)
    if info is None:
        raise NotFoundError(f"no author {quoted(author)} on site {name!r}", names=[author])
    return author_out(info)
