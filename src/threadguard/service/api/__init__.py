"""The native API under ``/api/v1``: threads in, the moderation queue and its audit trail out.

One module per resource -- :mod:`.threads` (with :mod:`.jobs` for large uploads), :mod:`.comments`, :mod:`.queue`, :mod:`.audit`,
:mod:`.export`, :mod:`.sites`, :mod:`.adaptations` -- and :mod:`.shared` for what they share. A handler parses
the request, calls the moderation core or the store, and shapes the response; the rules
live behind those calls.

Roles: a *client* key (a site's backend) ingests threads and reads comments; a
*moderator* works the queue, acts on comments and exports labelled decisions; an *admin*
also reads the audit log (as on the dashboard), sets site policies and fits site
adaptations. A key bound to a site sees that site only
(other sites' comments answer 404, so their ids do not leak). A path or query parameter
with a NUL or a lone surrogate is refused before any of them runs.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from threadguard.service.api import (
    adaptations,
    audit,
    comments,
    export,
    jobs,
    queue,
    sites,
    threads,
)
from threadguard.service.api.shared import ERRORS
from threadguard.service.dependencies import plain_parameters

PREFIX = "/api/v1"
#: Thread uploads, which get the larger body limit.
UPLOADS = f"{PREFIX}{threads.PATH}"

#: Every route of the native API, in the order the OpenAPI document lists them.
router = APIRouter(prefix=PREFIX, responses=ERRORS, dependencies=[Depends(plain_parameters)])
for resource in (threads, jobs, comments, queue, audit, export, sites, adaptations):
    router.include_router(resource.router)
