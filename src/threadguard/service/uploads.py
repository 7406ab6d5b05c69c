"""Thread uploads: moderated and stored while the client waits, or, when large, as a job.

A 60,000-comment upload takes minutes to score and store; answering it in the request
would hold the client (and a proxy's timeout) that long. So an upload of more than
``async_upload_comments`` comments is answered 202 with a job: :class:`UploadJobs` runs
it on a thread of its own, one upload at a time per worker (so large uploads queue
rather than all competing with the hot path at once), and keeps its progress and
outcome in the store's ``jobs`` table, which every worker can read
(``GET /api/v1/jobs/{id}``). Either way the comments are stored in short transactions
(:mod:`threadguard.storage.repositories.ingest`), so nothing else waits on an upload.

A job whose worker stops (shutdown, crash) is failed, not left running: on shutdown the
worker says so itself; after a crash the store reports it failed once its heartbeat is
old (:mod:`threadguard.storage.repositories.jobs`). Uploading the thread again completes
it: comments already stored are updated, never duplicated.
"""

from __future__ import annotations

import logging
import os
import queue
import secrets
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from threadguard.moderation import Moderated
from threadguard.service.context import ServiceState, SitePolicy
from threadguard.service.moderation import moderate_thread, stored_thread_document, to_store
from threadguard.storage.records import Actor, ArticleRef, JobRecord, StoreBusyError
from threadguard.storage.repositories.ingest import Stored
from threadguard.thread import ReadResult

log = logging.getLogger("threadguard.service")

#: The kind of job a large upload is.
KIND = "thread_upload"
#: Progress is written to the store at most this often (seconds); it is the heartbeat too.
PROGRESS_EVERY_S = 1.0
STOPPED = "the service stopped before the upload was stored; upload the thread again"


class Stopping(Exception):
    """Raised between an upload's transactions when the service is shutting down."""


@dataclass(frozen=True)
class Upload:
    """A thread as read from an upload, and where and by whom it goes."""

    site: str
    read: ReadResult
    format: str
    article: ArticleRef
    actor: Actor

    @property
    def size(self) -> int:
        """How many comments the upload has."""
        return len(self.read.thread.comments)


@dataclass(frozen=True)
class Ingested:
    """An upload once moderated and stored: the site's moderator, each comment's outcome,
    and each one's store id and status."""

    policy: SitePolicy
    items: list[Moderated]
    stored: list[Stored]


def ingest(
    state: ServiceState, upload: Upload, progress: Callable[[int], None] | None = None
) -> Ingested:
    """Score, decide and store every comment of the upload."""
    policy, items = moderate_thread(state, upload.site, upload.read.thread, upload.article)
    stored = state.store.record_many(
        site=upload.site,
        source="native",
        article=upload.article,
        comments=to_store(items),
        actor=upload.actor,
        progress=progress,
    )
    return Ingested(policy, items, stored)


def thread_answer(upload: Upload, done: Ingested) -> dict[str, Any]:
    """The answer to an upload stored while the client waited: the scan document with
    each comment's store id and status, and the site, article, format and problems."""
    doc = stored_thread_document(
        upload.read.thread,
        done.items,
        done.policy.moderator,
        [cid for cid, _ in done.stored],
        [status for _, status in done.stored],
    )
    return {**doc, **_upload_facts(upload)}


def job_result(upload: Upload, done: Ingested) -> dict[str, Any]:
    """A finished upload job's result: each comment's id, store id, status and the
    policy's decision, and the count of each status (the full analyses are the
    comments' own, ``GET /api/v1/comments/{id}``)."""
    comments = [
        {
            "id": m.comment.id,
            "comment_id": cid,
            "status": status,
            "decision": m.decision.action.value,
        }
        for m, (cid, status) in zip(done.items, done.stored, strict=True)
    ]
    statuses = Counter(status for _, status in done.stored)
    return {
        **_upload_facts(upload),
        "statuses": {s: statuses.get(s, 0) for s in ("approved", "pending", "rejected")},
        "comments": comments,
    }


def _upload_facts(upload: Upload) -> dict[str, Any]:
    return {
        "site": upload.site,
        "article": upload.article.external_id,
        "format": upload.read.format or upload.format,
        "problems": [str(p) for p in upload.read.problems],
    }


class UploadJobs:
    """Runs large uploads in the background, one at a time, recording each as a job.

    The thread is a daemon started on the first upload: a worker shutting down does not
    wait minutes for an upload to finish scoring. Whatever it had not committed is
    rolled back with its transaction, and the job is failed (:meth:`close`).
    """

    def __init__(self, state: ServiceState) -> None:
        self._state = state
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        self._queue: queue.SimpleQueue[tuple[str, Upload] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    def submit(self, upload: Upload) -> JobRecord:
        """Queue the upload; its job as created (queued)."""
        job = self._state.store.jobs.create_job(
            kind=KIND,
            site=upload.site,
            actor=upload.actor.id,
            worker=self.worker,
            total=upload.size,
        )
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._loop, name="threadguard-upload", daemon=True
                )
                self._thread.start()
            self._queue.put((job.id, upload))
        return job

    def close(self, timeout: float = 5.0) -> None:
        """Stop: the running upload stops after its current transaction, queued ones never
        start, and every unfinished job of this worker is failed, saying why."""
        self._stopping.set()
        with self._lock:
            thread = self._thread
            self._queue.put(None)
        if thread is not None:
            thread.join(timeout)
        try:
            self._state.store.jobs.abandon_jobs(self.worker, STOPPED)
        except Exception:
            log.exception("could not mark this worker's unfinished upload jobs failed")

    def _loop(self) -> None:
        while not self._stopping.is_set():
            task = self._queue.get()
            if task is None:
                return
            self._run(*task)

    def _run(self, job_id: str, upload: Upload) -> None:
        jobs = self._state.store.jobs
        last = time.monotonic()

        def progress(done: int) -> None:
            nonlocal last
            if self._stopping.is_set():
                raise Stopping
            now = time.monotonic()
            if now - last >= PROGRESS_EVERY_S:
                jobs.job_progress(job_id, done)
                last = now

        try:
            if self._stopping.is_set():
                return
            jobs.start_job(job_id)
            done = ingest(self._state, upload, progress)
            jobs.job_progress(job_id, len(done.stored))
            jobs.finish_job(job_id, job_result(upload, done))
        except Stopping:
            pass  # close() fails the job
        except StoreBusyError:
            self._fail(job_id, "the database stayed busy; upload the thread again")
        except Exception as exc:
            log.exception("upload job %s failed", job_id)
            self._fail(
                job_id,
                f"storing the upload failed ({type(exc).__name__}); upload the thread again "
                "(comments already stored are updated, not duplicated)",
            )

    def _fail(self, job_id: str, error: str) -> None:
        try:
            self._state.store.jobs.fail_job(job_id, error)
        except Exception:
            log.exception("could not mark upload job %s failed", job_id)
