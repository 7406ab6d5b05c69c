"""``GET /api/v1/jobs/{id}``: how a background job (a large upload) is doing.

Jobs live in the store, so the worker that answers the poll need not be the one running
the job. A key sees the jobs of its own site only (another site's answer 404, as for
comments).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from threadguard.service import schemas
from threadguard.service.auth import site_scope
from threadguard.service.dependencies import Client, State
from threadguard.storage.records import JobRecord

#: Where a job is polled, under the API's prefix.
PATH = "/jobs"

router = APIRouter(tags=["threads"])


def job_url(job: JobRecord) -> str:
    """The job's URL, as the 202 answer's Location header gives it."""
    return f"/api/v1{PATH}/{job.id}"


def job_body(job: JobRecord) -> dict[str, Any]:
    """A job as the API shows it (:class:`~threadguard.service.schemas.JobOut`)."""
    return {
        "id": job.id,
        "kind": job.kind,
        "site": job.site,
        "status": job.status,
        "counts": {"comments": job.total, "stored": job.done},
        "result": job.result,
        "error": job.error,
        "url": job_url(job),
        "created_at": job.created_at.isoformat(),
        "updated_at": job.updated_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }


@router.get(
    PATH + "/{job_id}",
    summary="A background job: status, counts, and its result or error",
    response_model=schemas.JobOut,
)
async def get_job(job_id: str, principal: Client, state: State) -> JSONResponse:
    job = await run_in_threadpool(state.store.jobs.job, job_id, sites=site_scope(principal))
    return JSONResponse(job_body(job))
