"""Background jobs (large thread uploads): created by the worker that accepts the upload,
advanced by the one that runs it, and read by whichever worker the client's poll reaches.

A job is ``queued``, then ``running``, then ``done`` (with its result) or ``failed`` (with
an error safe to show). The running worker beats a heartbeat into ``updated_at``; a job
not heard from for :data:`STALE_AFTER_S` seconds is reported failed, since the worker
that had it has stopped (a crash or a restart) and nobody else will finish it.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import timedelta
from typing import Any

from sqlalchemy import update

from threadguard.storage.models import Job, utcnow
from threadguard.storage.records import JobRecord, NotFoundError
from threadguard.storage.repositories.rows import from_row
from threadguard.storage.sessions import Repository

#: A job's states, in order.
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
#: A job whose worker has not been heard from for this long is reported failed.
STALE_AFTER_S = 300.0
STALE_ERROR = "the worker running this job stopped before it finished; upload the thread again"


def new_job_id() -> str:
    """A job's id: random, so it can be handed out without a read."""
    return "job_" + secrets.token_hex(12)


class JobRepository(Repository):
    """Creating, advancing and reading background jobs."""

    def create_job(self, *, kind: str, site: str, actor: str, worker: str, total: int) -> JobRecord:
        """A new queued job of ``total`` items, to be run by ``worker``."""
        now = utcnow()
        with self._sessions.write() as session:
            row = Job(id=new_job_id(), kind=kind, site=site, actor=actor, worker=worker)
            row.status, row.total, row.done = QUEUED, total, 0
            row.created_at = row.updated_at = now
            session.add(row)
            session.flush()
            return from_row(JobRecord, row)

    def job(self, job_id: str, *, sites: tuple[str, ...] | None = None) -> JobRecord:
        """The job (of one of ``sites``, None: any); one whose worker went silent is
        reported failed (see the module docs)."""
        with self._sessions.read() as session:
            row = session.get(Job, job_id)
            if row is None or (sites is not None and row.site not in sites):
                raise NotFoundError(f"no job with id {job_id!r}")
            record = from_row(JobRecord, row)
        stale = utcnow() - record.updated_at > timedelta(seconds=STALE_AFTER_S)
        if record.status in (QUEUED, RUNNING) and stale:
            return replace(record, status=FAILED, error=STALE_ERROR)
        return record

    def start_job(self, job_id: str) -> None:
        """The job is running."""
        self._set(job_id, status=RUNNING)

    def job_progress(self, job_id: str, done: int) -> None:
        """``done`` items of the job are stored (its heartbeat, too)."""
        self._set(job_id, done=done)

    def finish_job(self, job_id: str, result: dict[str, Any]) -> None:
        """The job is done, with ``result``."""
        self._set(job_id, status=DONE, result=result, finished_at=utcnow())

    def fail_job(self, job_id: str, error: str) -> None:
        """The job failed with ``error`` (shown to the client: no internals)."""
        self._set(job_id, status=FAILED, error=error, finished_at=utcnow())

    def abandon_jobs(self, worker: str, error: str) -> int:
        """Fail every unfinished job of ``worker`` (shutting down); how many there were."""
        now = utcnow()
        with self._sessions.write() as session:
            done = session.execute(
                update(Job)
                .where(Job.worker == worker, Job.status.in_((QUEUED, RUNNING)))
                .values(status=FAILED, error=error, finished_at=now, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            return int(done.rowcount)  # type: ignore[attr-defined]

    def _set(self, job_id: str, **values: Any) -> None:
        """Update an unfinished job (done and failed are final)."""
        with self._sessions.write() as session:
            session.execute(
                update(Job)
                .where(Job.id == job_id, Job.status.in_((QUEUED, RUNNING)))
                .values(updated_at=utcnow(), **values)
                .execution_options(synchronize_session=False)
            )
