"""``GET /api/v1/audit``: the append-only audit log, newest first, for admins.

Admins only, as the dashboard's audit page (``/audit``) and its CSV: the log holds every
sign-in with its address, the names tried in failed ones, keys and accounts made and
changed, and the reasons given for erasures, which a moderator's work does not need (who
gave a comment's verdict is on the comment: ``GET /api/v1/comments/{id}``'s
``moderator_decision`` and ``actions``). A moderator's key read it here while the page
answered their account 403.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from threadguard.service import schemas
from threadguard.service.api.shared import Offset, SiteFilter, page_body, site_filter
from threadguard.service.auth import site_scope
from threadguard.service.dependencies import Admin, State

router = APIRouter(tags=["audit"])


@router.get(
    "/audit", summary="The audit log, newest first (admins)", response_model=schemas.AuditPage
)
def audit(
    principal: Admin,
    state: State,
    site: SiteFilter = None,
    actor_name: Annotated[str | None, Query(alias="actor", description="Only this actor.")] = None,
    action: Annotated[
        str | None, Query(description="Only this action, or family (e.g. 'comment').")
    ] = None,
    since: Annotated[datetime | None, Query(description="Only entries from then on.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Offset = 0,
) -> schemas.AuditPage:
    page = state.store.audit_log(
        site=site_filter(principal, site),
        sites=site_scope(principal),
        actor=actor_name,
        action=action,
        since=since,
        limit=limit,
        offset=offset,
    )
    return schemas.AuditPage.model_validate(page_body(page))
