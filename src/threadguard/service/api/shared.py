"""What the native API's routers share: documented errors, paging, who sees which site,
and the response shapes of records more than one resource returns.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from threadguard.service import schemas
from threadguard.service.auth import actor_id, resolve_site, site_scope
from threadguard.service.encodings import native_body
from threadguard.service.errors import ApiError
from threadguard.service.json_bodies import NotAJsonObject, json_object
from threadguard.service.protocols import Principal
from threadguard.storage.records import ActionRecord, Actor, AuthorInfo, NotFoundError, Page

#: The errors every route of the native API may answer, for the OpenAPI document.
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": schemas.ErrorBody, "description": text}
    for code, text in (
        (400, "Bad input; the message names the problem."),
        (401, "Missing, unknown or revoked API key."),
        (403, "The key's role or site does not allow this."),
        (413, "Request or comment too large."),
        (429, "Rate limit exceeded (see Retry-After)."),
    )
}

#: A listing's ``?site=`` filter (see :func:`site_filter`).
SiteFilter = Annotated[str | None, Query(description="Only this site.")]
#: The largest offset a database takes (a signed 64-bit integer, in SQLite and PostgreSQL).
MAX_OFFSET = 2**63 - 1
#: Where a page of a listing starts (the previous page's ``next_offset``).
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


def json_body(model: type[BaseModel], *, required: bool = True) -> Any:
    """A dependency giving the request's body as ``model``, read as JSON whatever the
    Content-Type says, as every JSON endpoint reads its body
    (:func:`threadguard.service.json_bodies.json_object`), inflated when sent gzip
    (:func:`~threadguard.service.encodings.native_body`): 400 saying what is wrong and
    where for a body that is not a JSON object, 422 naming each field at fault for one
    ``model`` refuses (as FastAPI's own validation words it). Without ``required`` an
    empty body gives None. Declare it after the principal, so a bad key is a 401 first;
    the route's ``openapi_extra`` is :func:`json_body_doc`, since FastAPI documents only
    the bodies it reads itself."""

    async def read(request: Request) -> BaseModel | None:
        raw = await native_body(request, request.app.state.service.settings.max_body_bytes)
        if not required and not raw.strip():
            return None
        try:
            value = json_object(raw, unique_keys=True)
        except NotAJsonObject as exc:
            raise ApiError(400, str(exc)) from None
        try:
            return model.model_validate(value)
        except ValidationError as exc:
            problems = [
                {**error, "loc": ("body", *error["loc"])}
                for error in exc.errors(include_url=False, include_context=False)
            ]
            raise RequestValidationError(problems, body=value) from None

    return Depends(read)


def json_body_doc(model: type[BaseModel], *, required: bool = True) -> dict[str, Any]:
    """The OpenAPI ``requestBody`` of a route reading ``model`` with :func:`json_body`."""
    schema = model.model_json_schema()
    if "$defs" in schema:  # inline only: a nested model would need a component of its own
        raise TypeError(f"{model.__name__} nests models; json_body_doc documents flat ones")
    return {
        "requestBody": {
            "required": required,
            "content": {"application/json": {"schema": schema}},
        }
    }


def media_type(request: Request) -> str:
    """The request's Content-Type without parameters, lower case ('' when absent)."""
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def actor(principal: Principal) -> Actor:
    """The principal as the audit log records it."""
    return Actor(actor_id(principal), principal.role)


def site_filter(principal: Principal, site: str | None) -> str | None:
    """A listing's optional ``?site=`` filter: None for every site the key may see (also
    for an empty ``?site=``, which listed the site "default" alone); 403 when a site-bound
    key names another site."""
    return None if not site else resolve_site(principal, site)


def ensure_visible(principal: Principal, site: str, message: str) -> None:
    """404 with ``message`` when the key may not see ``site``: a site-bound key gets the
    same answer for another site's record as for a missing one, so ids do not leak."""
    scope = site_scope(principal)
    if scope is not None and site not in scope:
        raise NotFoundError(message)


def page_body(page: Page[Any]) -> dict[str, Any]:
    """A page of store records as the JSON body every paged endpoint returns."""
    end = page.offset + len(page.items)
    return {
        "items": [vars(item) for item in page.items],
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": end if end < page.total else None,
    }


def action_out(a: ActionRecord) -> schemas.ActionOut:
    """A moderator action as comments and action results show it."""
    return schemas.ActionOut.model_validate(a, from_attributes=True)


def author_out(info: AuthorInfo) -> schemas.AuthorOut:
    """An author's standing on a site, as action results and the authors route show it."""
    return schemas.AuthorOut.model_validate(info, from_attributes=True)
