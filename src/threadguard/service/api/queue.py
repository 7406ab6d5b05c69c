"""``GET /api/v1/queue``: the comments awaiting (or past) a moderator, oldest first."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from threadguard.schema import ATTRIBUTES
from threadguard.service import schemas
from threadguard.service.api.shared import Offset, SiteFilter, page_body, site_filter
from threadguard.service.auth import site_scope
from threadguard.service.dependencies import Moderator, State
from threadguard.service.errors import ApiError
from threadguard.storage.store import QueueFilter

#: The ``?status=`` values; "all" lifts the filter.
STATUSES = ("pending", "approved", "rejected", "all")
#: Other names of a status: "held" is what the README and the dashboard's tab call pending.
ALIASES = {"held": "pending"}

router = APIRouter(tags=["moderation"])


def check_filters(status: str, attribute: str | None, min_score: float | None) -> None:
    """400 for a status or attribute the queue does not know, or a bare ``min_score``."""
    if status not in STATUSES and status not in ALIASES:
        raise ApiError(
            400,
            f"status must be pending (or held), approved, rejected or all, not {status!r}",
        )
    if attribute is not None and attribute not in ATTRIBUTES:
        raise ApiError(
            400, f"unknown attribute {attribute!r}; expected one of {', '.join(ATTRIBUTES)}"
        )
    if min_score is not None and attribute is None:
        raise ApiError(400, "min_score needs attribute=")


@router.get(
    "/queue",
    summary="The moderation queue, oldest first, with filters",
    response_model=schemas.QueuePage,
)
def queue(
    principal: Moderator,
    state: State,
    site: SiteFilter = None,
    article: Annotated[str | None, Query(description="Only this article id.")] = None,
    status: Annotated[
        str,
        Query(description="pending (default; also as held), approved, rejected or all."),
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
    offset: Offset = 0,
) -> schemas.QueuePage:
    check_filters(status, attribute, min_score)
    status = ALIASES.get(status, status)
    site = site_filter(principal, site)
    at_least = at_least_in = None
    if attribute is not None and min_score is None:
        policy = state.site_policy(site).policy
        at_least, at_least_in = policy.review_level(attribute), policy.review_levels(attribute)
    page = state.store.queue(
        QueueFilter(
            site=site,
            sites=site_scope(principal),
            article=article,
            status=None if status == "all" else status,
            author=author,
            attribute=attribute,
            at_least=at_least,
            at_least_in=at_least_in,
            above=min_score,
        ),
        limit=limit,
        offset=offset,
    )
    return schemas.QueuePage.model_validate(page_body(page))
