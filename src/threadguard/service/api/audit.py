"""``GET /api/v1/audit``: the append-only audit log, newest first."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from threadguard.service import schemas
from threadguard.service.api.shared import Offset, SiteFilter, page_body, site_filter
from threadguard.service.auth import site_scope
from threadguard.service.dependencies import Moderator, State

router = APIRouter(tags=["audit"])


@router.get("/audit", summary="The audit log, newest first", response_model=schemas.AuditPage)
def audit(
    principal: Moderator,
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
