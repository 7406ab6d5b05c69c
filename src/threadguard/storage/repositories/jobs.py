"""Background jobs (large thread uploads): created by the worker that accepts the upload,
advanced by the one that runs it, and read by whichever worker the client's poll reaches.

A job is ``queued``, then ``running``, then ``done`` (with its result) or ``failed`` (with
an error safe to show). ``updated_at`` is its heartbeat: a job whose worker has stopped
(a crash, a ``kill -9``, a restart) is reported failed once the heartbeat is old, since
nobody else will finish it (reported, not written: a read never changes a job).

**How old is old.** A worker whose id :func:`beating_worker` made beats the heartbeat of
every job it holds, queued or running, every :data:`HEARTBEAT_S` seconds whatever the job
is doing (:meth:`JobRepository.beat`), so a job of such a worker silent for
:data:`SILENT_AFTER_S` has lost its worker, whichever of the servers sharing the database
it was. A job of any other worker (one of an earlier version, which beat only with the
upload's progress and so wrote nothing for minutes while it read and scored a large
thread, or while the job waited behind another) is given :data:`STALE_AFTER_S`.

A freshly started server cannot tell more than that: the job of another live server
looks the same as one of its own predecessor's, and its start time says nothing about
either; the heartbeat does.
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
#: A job of a worker that does not beat (see the module docs) is reported failed when not
#: heard from for this long.
STALE_AFTER_S = 300.0
#: How often a beating worker beats the heartbeat of each job it holds (seconds).
HEARTBEAT_S = 5.0
#: A job of a beating worker not heard from for this long is reported failed: six beats
#: missed, room for a database busy for a while (a lock wait is given up after 5 s) and
#: for clocks of servers a few seconds apart.
SILENT_AFTER_S = 30.0
#: How the id of a worker that beats begins.
BEATING = "hb:"
STALE_ERROR = "the worker running this job stopped before it finished; upload the thread again"


def beating_worker(name: str) -> str:
    """The id of a worker that beats its jobs' heartbeats (see the module docs), from a
    name unique to it (at most what the ``jobs.worker`` column holds)."""
    return (BEATING + name)[:200]


def silent_after(worker: str) -> float:
    """How long a job of ``worker`` may go unheard before it is reported failed."""
    return SILENT_AFTER_S if worker.startswith(BEATING) else STALE_AFTER_S


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
            silence = silent_after(row.worker)
        stale = utcnow() - record.updated_at > timedelta(seconds=silence)
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

    def beat(self, worker: str) -> int:
        """Beat the heartbeat of every unfinished job of ``worker`` (it is alive and holds
        them); how many there were."""
        with self._sessions.write() as session:
            beaten = session.execute(
                update(Job)
                .where(Job.worker == worker, Job.status.in_((QUEUED, RUNNING)))
                .values(updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            return int(beaten.rowcount)  # type: ignore[attr-defined]

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
