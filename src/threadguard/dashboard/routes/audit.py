"""``GET /audit?actor=&action=&page=``: the audit log for admins, read-only, newest first.

The log (who did what, when, to which comment, author or policy) was reachable only at
``GET /api/v1/audit``, so a head moderator with a dashboard account and no API key could
not check who had rejected a comment. This page reads it through the same store query
as the API (:meth:`~threadguard.storage.repositories.audit.AuditRepository.audit_log`),
limited to the sites the account may see, 50 entries a page.
"""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from threadguard.dashboard.signin import AdminSignedIn, WebUser, store_of
from threadguard.dashboard.web import render
from threadguard.storage.records import AuditRecord
from threadguard.storage.store import Store

router = APIRouter()

PAGE_SIZE = 50
#: The longest actor name or action a filter takes (the columns' widths).
MAX_FILTER = 200
#: The most of an entry's before/after state a row shows.
MAX_STATE = 300


def shown_state(state: dict[str, Any] | None) -> str:
    """An entry's before or after state as compact JSON, cut at :data:`MAX_STATE`."""
    if not state:
        return ""
    text = json.dumps(state, ensure_ascii=False, sort_keys=True, default=str)
    return text if len(text) <= MAX_STATE else text[: MAX_STATE - 1] + "…"


def _context(
    store: Store, user: WebUser, actor: str | None, action: str | None, page: int
) -> dict[str, Any]:
    found = store.audit_log(
        sites=user.sites,
        actor=actor,
        action=action,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    pages = max(1, -(-found.total // PAGE_SIZE))

    def url(to: int) -> str:
        values = {"actor": actor, "action": action, "page": to if to > 1 else None}
        kept = {k: str(v) for k, v in values.items() if v}
        return "/audit" + ("?" + urlencode(kept) if kept else "")

    entries: list[AuditRecord] = found.items
    return {
        "user": user,
        "nav": "audit",
        "title": "Audit log",
        "entries": entries,
        "state": shown_state,
        "actor": actor or "",
        "action": action or "",
        "page": page,
        "pages": pages,
        "total": found.total,
        "prev_url": url(page - 1) if page > 1 else None,
        "next_url": url(page + 1) if page < pages else None,
    }


@router.get("/audit")
async def audit_page(
    request: Request,
    user: AdminSignedIn,
    actor: Annotated[str | None, Query(max_length=MAX_FILTER)] = None,
    action: Annotated[str | None, Query(max_length=MAX_FILTER)] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    context = await run_in_threadpool(
        _context,
        store_of(request),
        user,
        (actor or "").strip() or None,
        (action or "").strip() or None,
        page,
    )
    return render(request, "audit.html", context)
