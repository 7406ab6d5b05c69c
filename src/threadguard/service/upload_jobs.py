"""Large uploads as background jobs, each in a process of its own.

A 60,000-comment upload takes minutes to score and store; answering it in the request
would hold the client (and a proxy's timeout) that long. So an upload of more than
``async_upload_comments`` comments is answered 202 with a job (``GET /api/v1/jobs/{id}``),
whose progress and outcome are kept in the store's ``jobs`` table, which every worker can
read.

**A process of its own.** Run in the service's process, an upload's Python work competes
with the hot path for the interpreter lock, and its tens of thousands of live objects
make every full garbage collection walk them all (pauses of half a second, measured):
analyze's p99 would be the upload's. So :class:`UploadJobs` runs each upload in a child
process (``spawn``), one at a time per worker (large uploads queue rather than all
competing at once). The child loads the engine and policy from the same settings
(ONNX limited to one thread), opens the same database, reads the upload again, and
ingests it in short transactions, stepping aside after each
(:mod:`threadguard.storage.repositories.ingest`), so the service's writers find the
database free at least half the time.

**Stopping.** On a graceful stop (SIGTERM, Ctrl-C) the worker first lets its requests
finish (uvicorn's ``timeout_graceful_shutdown``, the ``shutdown_grace_s`` setting), then
gives the running upload up to ``shutdown_grace_s`` more to finish and store everything;
queued uploads are not started, and their jobs are failed with :data:`STOPPED` (they are
not resumed at the next start: their bodies were only in the stopped worker's memory).

A job whose process or worker stops is failed, never left running: the worker fails it
when its child exits without finishing, and on shutdown (once the grace is over); after a
crash of the worker itself, the store reports it failed once its heartbeat is old
(:mod:`threadguard.storage.repositories.jobs`). Uploading the thread again completes it:
comments already stored are kept as they are, the others stored, none duplicated.

**Heartbeat.** While a worker holds jobs (waiting in its queue or running in its child)
a thread of its own beats their heartbeat every
:data:`~threadguard.storage.repositories.jobs.HEARTBEAT_S` seconds, whatever the upload
is doing (starting, reading, scoring a large thread, storing): the upload's progress
alone left a live job silent for minutes, so only a five-minute silence could be taken
for a dead worker. Now half a minute is (a ``kill -9`` of the server stops its upload
process too, :func:`follow_parent`), and a job of another live server sharing the
database is never taken for dead.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import secrets
import signal
import socket
import threading
import time
from dataclasses import dataclass

from sqlalchemy import exc as sa_exc

from threadguard.service import metrics
from threadguard.service.settings import ServiceSettings
from threadguard.service.unavailable import describe
from threadguard.service.uploads import Upload, ingest, job_result
from threadguard.storage.records import Actor, ArticleRef, JobRecord, StoreBusyError
from threadguard.storage.repositories.jobs import HEARTBEAT_S, beating_worker
from threadguard.storage.store import Store

log = logging.getLogger("threadguard.service")

#: The kind of job a large upload is.
KIND = "thread_upload"
#: Progress is written to the store at most this often (seconds); it is the heartbeat too.
PROGRESS_EVERY_S = 1.0
STOPPED = "the service stopped before the upload was stored; upload the thread again"
AGAIN = "upload the thread again (comments already stored are kept as stored, not duplicated)"


#: Uploads waiting in one worker's queue (each holds its body, up to
#: ``max_upload_bytes``, in memory), in all and per site. Unbounded, twelve 17 MB uploads
#: in a row took a worker from 314 MB to 582 MB, and one client's uploads held every
#: other site's behind them.
MAX_WAITING = 8
MAX_WAITING_PER_SITE = 3
#: What a refused upload is told to wait (seconds): about one upload's time.
RETRY_AFTER_S = 30


class UploadsBusy(Exception):
    """No room in the queue: the caller answers ``status`` with Retry-After."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class JobSpec:
    """Everything the upload's process needs (sent to it pickled)."""

    job_id: str
    database_url: str
    settings: ServiceSettings
    site: str
    body: bytes
    reader: str | None
    name: str
    format: str
    article: ArticleRef
    actor: Actor
    #: The worker that started the upload's process (its pid): the process stops when it
    #: is gone (:func:`follow_parent`).
    parent: int = 0


def run_job(spec: JobSpec) -> None:
    """The upload process: score, decide and store the upload, recording the job."""
    from threadguard.engine import Engine
    from threadguard.moderation import load_policy
    from threadguard.readers import read_thread
    from threadguard.service.context import ServiceState

    settings = spec.settings
    shield_from_stop_signals()
    follow_parent(spec.parent or os.getppid())
    store = Store.open(
        spec.database_url,
        migrate=False,
        lock_timeout_s=settings.db_lock_timeout_s,
        statement_timeout_s=settings.db_statement_timeout_s,
    )
    jobs = store.jobs
    try:
        jobs.start_job(spec.job_id)
        engine = Engine.load(settings.model_dir, cascade=settings.cascade, threads=1)
        state = ServiceState(engine, store, settings, load_policy(settings.policy_path))
        read = read_thread(spec.body, format=spec.reader, name=spec.name, strict=True)
        upload = Upload(spec.site, read, spec.format, spec.article, spec.actor)
        last = time.monotonic()

        def progress(done: int) -> None:
            nonlocal last
            if time.monotonic() - last >= PROGRESS_EVERY_S:
                jobs.job_progress(spec.job_id, done)
                last = time.monotonic()

        try:
            done = ingest(state, upload, progress, background=True)
        finally:  # what the engine scored, into the texts-scored and deep-tier counters
            metrics.copy_routing(engine)
        jobs.job_progress(spec.job_id, len(done.stored))
        jobs.finish_job(spec.job_id, job_result(upload, done))
    except StoreBusyError:
        jobs.fail_job(spec.job_id, f"the database stayed busy; {AGAIN}")
    except Exception as exc:
        # A database error's own text quotes the statement's parameters (comment text):
        # its class and the driver's first line only, and no traceback to repeat it.
        database = isinstance(exc, sa_exc.DBAPIError)
        log.error("upload job %s failed: %s", spec.job_id, describe(exc), exc_info=not database)
        jobs.fail_job(spec.job_id, f"storing the upload failed ({type(exc).__name__}); {AGAIN}")
    finally:
        store.close()


def shield_from_stop_signals() -> None:
    """Ignore SIGTERM and SIGINT in the upload's process: its worker decides when it stops.
    A Ctrl-C reaches the whole process group, and a service manager may signal every
    process of the service; the upload died at once, its job failed, while the worker
    would have let it finish within the shutdown grace (:meth:`UploadJobs.close`, which
    stops it with SIGKILL after that). A worker that is gone stops it too
    (:func:`follow_parent`)."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def follow_parent(parent: int, every_s: float = 1.0) -> threading.Thread:
    """Stop this process when ``parent`` (the worker that started it) is gone: after a
    ``kill -9`` of the server the upload went on writing, unsupervised, while an operator
    restarted the server or restored a backup. The job is then left running, and the
    store reports it failed once its heartbeat is old, as the module docs say."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every_s)
        log.error("upload job process: its worker %d is gone; stopping", parent)
        os._exit(1)

    watcher = threading.Thread(target=watch, name="threadguard-upload-parent", daemon=True)
    watcher.start()
    return watcher


class UploadJobs:
    """Runs large uploads in the background, one at a time, each in a child process.

    A daemon thread starts on the first upload and runs the queue; a worker shutting
    down stops the running child (what it had not committed is rolled back) and fails
    its unfinished jobs (:meth:`close`).
    """

    def __init__(self, store: Store, settings: ServiceSettings) -> None:
        self._store = store
        # The database the service uses (the settings may not name it: a store given).
        self._database_url = store.engine.url.render_as_string(hide_password=False)
        self._settings = settings
        self.worker = beating_worker(
            f"{socket.gethostname()[:150]}:{os.getpid()}:{secrets.token_hex(4)}"
        )
        #: How often the jobs this worker holds are beaten (:meth:`_beat_loop`).
        self.beat_every_s = HEARTBEAT_S
        self._queue: queue.SimpleQueue[JobSpec | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._beater: threading.Thread | None = None
        self._child: multiprocessing.process.BaseProcess | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        #: Set once no job of this worker can run any more: the heartbeat stops (it beats
        #: on through the shutdown grace, while the running upload may still finish).
        self._quiet = threading.Event()
        #: Uploads waiting in the queue, per site (:meth:`submit`).
        self._waiting: dict[str, int] = {}

    def submit(self, upload: Upload) -> JobRecord:
        """Queue the upload; its job as created (queued). :class:`UploadsBusy` when the
        site already has :data:`MAX_WAITING_PER_SITE` uploads waiting here, or the worker
        :data:`MAX_WAITING`."""
        with self._lock:
            if self._waiting.get(upload.site, 0) >= MAX_WAITING_PER_SITE:
                raise UploadsBusy(
                    429,
                    f"site {upload.site!r} has {MAX_WAITING_PER_SITE} large uploads waiting "
                    f"already; send this one again when one has finished",
                )
            if sum(self._waiting.values()) >= MAX_WAITING:
                raise UploadsBusy(
                    503, f"{MAX_WAITING} large uploads are waiting already; send it again later"
                )
            self._waiting[upload.site] = self._waiting.get(upload.site, 0) + 1
        try:
            return self._queued(upload)
        except BaseException:
            self._taken(upload.site)
            raise

    def _taken(self, site: str) -> None:
        """One of ``site``'s uploads left the queue (started, or could not be queued)."""
        with self._lock:
            left = self._waiting.get(site, 0) - 1
            if left > 0:
                self._waiting[site] = left
            else:
                self._waiting.pop(site, None)

    def _queued(self, upload: Upload) -> JobRecord:
        job = self._store.jobs.create_job(
            kind=KIND,
            site=upload.site,
            actor=upload.actor.id,
            worker=self.worker,
            total=upload.size,
        )
        spec = JobSpec(
            job_id=job.id,
            database_url=self._database_url,
            settings=self._settings,
            site=upload.site,
            body=upload.body,
            reader=upload.read.format or None,
            name=upload.name,
            format=upload.format,
            article=upload.article,
            actor=upload.actor,
            parent=os.getpid(),
        )
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._loop, name="threadguard-upload", daemon=True
                )
                self._thread.start()
            if self._beater is None or not self._beater.is_alive():
                self._beater = threading.Thread(
                    target=self._beat_loop, name="threadguard-upload-heartbeat", daemon=True
                )
                self._beater.start()
            self._queue.put(spec)
        return job

    def _beat_loop(self) -> None:
        """Beat the heartbeat of this worker's unfinished jobs while it holds any (see the
        module docs), until it stops. A beat the database refuses is tried again at the
        next: a job is taken for dead only after several are missed."""
        while not self._quiet.wait(self.beat_every_s):
            with self._lock:
                holding = bool(self._waiting) or self._child is not None
            if not holding:
                continue
            try:
                self._store.jobs.beat(self.worker)
            except Exception as exc:  # SQLAlchemy's text would quote the parameters
                log.warning("could not beat this worker's upload jobs: %s", describe(exc))

    def close(self, timeout: float = 10.0, grace_s: float = 0.0) -> None:
        """Stop: the running upload's process is given ``grace_s`` seconds to finish (the
        service's ``shutdown_grace_s`` on a graceful stop), then stopped (what it had not
        committed is rolled back); queued ones never start; and every unfinished job of
        this worker is failed, saying why (upload the thread again)."""
        self._stopping.set()
        with self._lock:
            thread, child = self._thread, self._child
            self._queue.put(None)
        if child is not None and child.is_alive():
            if grace_s > 0:
                log.info("waiting up to %.0f s for the running upload job to finish", grace_s)
                child.join(grace_s)
            if child.is_alive():
                log.warning("stopping the running upload job: the shutdown grace is over")
                child.kill()  # it ignores SIGTERM and SIGINT (shield_from_stop_signals)
        if thread is not None:
            thread.join(timeout)
        self._quiet.set()
        if self._beater is not None:
            self._beater.join(timeout)
        try:
            self._store.jobs.abandon_jobs(self.worker, STOPPED)
        except Exception as exc:  # SQLAlchemy's text would quote the statement's parameters
            log.error(
                "could not mark this worker's unfinished upload jobs failed: %s", describe(exc)
            )

    def _loop(self) -> None:
        context = multiprocessing.get_context("spawn")
        while not self._stopping.is_set():
            spec = self._queue.get()
            if spec is None:
                return
            self._taken(spec.site)
            child = context.Process(
                target=run_job, args=(spec,), name=f"threadguard-upload-{spec.job_id}"
            )
            with self._lock:
                if self._stopping.is_set():
                    return
                self._child = child
                child.start()
            child.join()
            with self._lock:
                self._child = None
            if child.exitcode != 0 and not self._stopping.is_set():
                self._fail(spec.job_id, f"the upload process stopped ({child.exitcode}); {AGAIN}")

    def _fail(self, job_id: str, error: str) -> None:
        try:
            self._store.jobs.fail_job(job_id, error)  # no-op once the job is finished
        except Exception as exc:
            log.error("could not mark upload job %s failed: %s", job_id, describe(exc))
