"""``GET /api/v1/export``: moderators' verdicts as labelled data, one JSON object a line.

One line per comment and text a moderator judged: the verdict that stands now (one
overturned by a later verdict, or undone, is no label;
:meth:`~threadguard.storage.repositories.audit.AuditRepository.labelled`, which the
site adaptation's fit reads too). The rows are streamed as the store yields them, so a
large export is never held in memory whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from threadguard.service.api.shared import SiteFilter, site_filter
from threadguard.service.auth import site_scope
from threadguard.service.dependencies import Moderator, State

#: The file name a browser saves the export under.
FILENAME = "threadguard-labels.jsonl"

router = APIRouter(tags=["audit"])


def json_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Each row as one line of JSON (non-ASCII text kept as is)."""
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


@router.get(
    "/export",
    summary="Moderators' decisions as labelled data (JSON Lines)",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            "description": (
                "One JSON object a line per comment and text a moderator judged, with the "
                "verdict that stands (an overturned or undone verdict is no label): id, "
                "site, article, text, parent_text, label "
                "(approve|reject), toxic, attributes (scores as served), engine_scores (the "
                "engine's own, before any site adaptation), targets, model, "
                "policy_decision, moderator, note, created_at, posted_at, decided_at."
            ),
        }
    },
)
def export(
    principal: Moderator,
    state: State,
    site: SiteFilter = None,
    since: Annotated[datetime | None, Query(description="Only decisions from then on.")] = None,
) -> StreamingResponse:
    rows = state.store.labelled(
        site=site_filter(principal, site), sites=site_scope(principal), since=since
    )
    return StreamingResponse(
        json_lines(rows),
        media_type="application/x-ndjson",
        headers={"Content-Disposition": f'attachment; filename="{FILENAME}"'},
    )
