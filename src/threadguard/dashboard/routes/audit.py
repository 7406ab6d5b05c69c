"""``GET /audit?actor=&action=&page=``: the audit log for admins, read-only, newest first.

The log (who did what, when, to which comment, author or policy) was reachable only at
``GET /api/v1/audit``, so a head moderator with a dashboard account and no API key could
not check who had rejected a comment. This page reads it through the same store query
as the API (:meth:`~threadguard.storage.repositories.audit.AuditRepository.audit_log`),
limited to the sites the account may see, 50 entries a page.

``GET /audit.csv?actor=&action=`` is the same log, filtered the same way, as one CSV file
of every matching entry with its states whole, streamed a page of the store at a time
(:mod:`threadguard.storage.audit_export`, which ``threadguard db audit`` writes from too).
The export is itself audited, ``audit.export`` with its filters, before the first entry is
read: an export its filters match lists its own entry first.
"""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from threadguard.dashboard.signin import AdminSignedIn, WebUser, store_of
from threadguard.dashboard.web import render
from threadguard.storage import audit_export
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

    def url(to: int, path: str = "/audit") -> str:
        values = {"actor": actor, "action": action, "page": to if to > 1 else None}
        kept = {k: str(v) for k, v in values.items() if v}
        return path + ("?" + urlencode(kept) if kept else "")

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
        "csv_url": url(1, "/audit.csv"),
    }


#: A filter as the page and the export take it: an actor name or an action, at most
#: :data:`MAX_FILTER` characters (blank: none).
Filter = Annotated[str | None, Query(max_length=MAX_FILTER)]


def _given(value: str | None) -> str | None:
    """A filter as asked for, None when blank."""
    return (value or "").strip() or None


@router.get("/audit")
async def audit_page(
    request: Request,
    user: AdminSignedIn,
    actor: Filter = None,
    action: Filter = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    context = await run_in_threadpool(
        _context, store_of(request), user, _given(actor), _given(action), page
    )
    return render(request, "audit.html", context)


@router.get("/audit.csv")
async def audit_csv(
    request: Request, user: AdminSignedIn, actor: Filter = None, action: Filter = None
) -> StreamingResponse:
    """Every entry the page lists under the same filters, newest first, as a CSV file."""
    store = store_of(request)
    actor, action = _given(actor), _given(action)
    name = audit_export.file_name(audit_export.today())
    after = audit_export.export_state("csv", site=user.site, actor=actor, action=action)
    await run_in_threadpool(
        store.audit,
        user.actor,
        audit_export.EXPORT_ACTION,
        audit_export.EXPORT_OBJECT,
        name,
        site=user.site,
        after=after,
    )
    entries = store.audit_trail.audit_entries(
        sites=user.sites, actor=actor, action=action, batch=audit_export.PAGE_ROWS
    )
    return StreamingResponse(  # a plain iterator: Starlette reads it in a worker thread
        audit_export.csv_chunks(entries),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
