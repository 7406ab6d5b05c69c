"""Running a batch job on Dask: plan, skip what is done, score the rest, write, record.

The machine that runs the command plans (reads the inputs into partitions of whole
threads), hands partitions to the Dask workers a few at a time, and writes each scored
partition as it comes back. At most ``2 x workers`` partitions are in flight, so memory
stays bounded whatever the size of the input. Without ``scheduler`` a
:class:`distributed.LocalCluster` is started with one single-threaded worker process per
core (the scoring holds the GIL: processes, not threads); with one, the job runs on that
cluster, whose workers need ThreadGuard installed (they need no access to the inputs or
to the output folder: partitions travel to them and results back).

A rerun keeps the partitions an earlier run wrote, once each is read back whole; one that
cannot be (overwritten, cut short, a bad block) is named in :attr:`BatchResult.repaired`
and the manifest's ``repaired``, and scored again from its input: one damaged file costs
its partition's scoring, not the job.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from threadguard.batch.inputs import InputFile, describe, expand
from threadguard.batch.manifest import Manifest, ManifestError, models_used
from threadguard.batch.output import OutputDir, PartitionError, arrow_reason
from threadguard.batch.plan import (
    PARTITION_COMMENTS,
    Reading,
    count_comments,
    partitions,
    read_units,
)
from threadguard.batch.progress import JobProgress, Report
from threadguard.batch.scoring import Recipe, ScoredPartition, score_partition
from threadguard.schema import Verdict


class JobRefused(ValueError):
    """The output folder holds another job (other inputs, model, policy or settings), or
    cannot be one (``--out`` names a file)."""


class SchedulerError(RuntimeError):
    """The Dask scheduler cannot be used: a malformed address (``usage``), one that does
    not answer, or one lost during the run. The message names the address and says
    what is kept."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass(frozen=True)
class BatchJob:
    """What ``threadguard batch`` was asked to do."""

    inputs: Sequence[str]
    out: Path
    recipe: Recipe
    model_dir: Path | None = None
    scheduler: str | None = None
    workers: int = 1
    partition_comments: int = PARTITION_COMMENTS
    restart: bool = False
    #: Seconds to wait for ``scheduler`` to answer.
    connect_timeout: float = 30.0

    def settings(self) -> dict[str, Any]:
        """The settings that change the output (part of the job's identity)."""
        cascade = asdict(self.recipe.cascade)
        # a measuring switch: named only when used, so every earlier job keeps its identity
        off = cascade.pop("readings_off")
        if off:
            cascade["readings_off"] = sorted(off)
        return {
            **{k: str(v) if k == "tier" else v for k, v in cascade.items()},
            "spans": self.recipe.spans,
            "partition_comments": self.partition_comments,
        }


@dataclass
class BatchResult:
    """What a run did: comments and partitions in the output, and how many this run wrote."""

    counts: dict[str, int]
    written: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)
    problem_count: int = 0
    #: Where every problem is listed (the first 100 are in ``problems`` too).
    problems_file: Path | None = None
    #: Partitions an earlier run wrote that could not be read, scored again by this one:
    #: their names, and why (a file, and what is wrong with it).
    repaired: dict[str, str] = field(default_factory=dict)


@contextmanager
def _client(job: BatchJob) -> Iterator[Any]:
    import dask
    from distributed import Client, LocalCluster

    if job.scheduler:
        try:
            client = Client(job.scheduler, timeout=job.connect_timeout)  # type: ignore[no-untyped-call]
        except ValueError as exc:  # "missing port number", an unknown protocol...
            raise SchedulerError(
                f"--scheduler {job.scheduler}: not a scheduler address ({exc}); "
                "expected tcp://HOST:PORT",
                usage=True,
            ) from None
        except (OSError, TimeoutError) as exc:
            raise SchedulerError(
                f"cannot reach the Dask scheduler at {job.scheduler} within "
                f"{job.connect_timeout:g} s ({type(exc).__name__}); is `dask scheduler` "
                "running there, and the port open?"
            ) from None
        with client:
            yield client
        return
    # Dask makes glibc hand freed memory back to the system at once (a trim threshold of
    # 64 KiB) so that its memory accounting is accurate; scoring allocates and frees
    # feature matrices all the time, and that setting cost about 40% more CPU here.
    # glibc's own default is kept instead: a worker's memory is bounded by its partitions.
    untrimmed = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}

    def local() -> Any:
        return LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=job.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # the scheduler's HTTP server (health, metrics) runs without a dashboard too,
            # on 8787 when no address is given: with that port taken (another cluster,
            # another batch) Dask warned of it on stderr
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            # what goes wrong reaches this process (a task's error through its future, a
            # lost worker as a retry or a lost cluster) and the command says it in a line;
            # a worker's errors in between were Dask's own chatter, such as the heartbeats
            # of a busy worker to a scheduler that had closed at a Ctrl-C, as dozens of
            # lines of traceback
            silence_logs=logging.CRITICAL,
        )

    with ExitStack() as cluster_open:
        try:
            with dask.config.set(untrimmed):
                cluster = cluster_open.enter_context(_started(local))
        except (RuntimeError, OSError, TimeoutError) as exc:
            # it said "error: RuntimeError: Nanny failed to start.", as if ThreadGuard broke
            raise SchedulerError(
                f"cannot start the local Dask cluster ({job.workers} worker "
                f"process{'es' if job.workers != 1 else ''}): "
                f"{exc or type(exc).__name__}. Check that worker processes can start here "
                "(memory, a writable temporary folder: TMPDIR or DASK_TEMPORARY_DIRECTORY), "
                "or pass --scheduler"
            ) from None
        yield cluster_open.enter_context(Client(cluster))  # type: ignore[no-untyped-call]


#: Seconds a local cluster interrupted while it starts is given to end (its worker
#: processes killed, its start failed and closed) before the Ctrl-C ends the job anyway.
STOP_WAIT = 15.0


def _started(make: Callable[[], Any]) -> Any:
    """``make()`` (the local cluster, started), with Ctrl-C kept from the cluster and
    open to this thread: a Ctrl-C while the cluster starts ends its start, and raises
    KeyboardInterrupt here.

    Ctrl-C goes to the terminal's whole process group: Dask's worker processes took it
    too and printed their tracebacks and log lines (one interrupted while it still
    imported, a nanny whose worker died, workers of a cluster left half started calling
    a scheduler that was gone) around the command's own 'interrupted' line. The job is
    this process's to end. So the cluster starts in a thread of its own whose signal mask
    blocks SIGINT: a mask, unlike a handler, is inherited by the threads a thread starts
    (Dask's event loop, the threads that spawn its workers, restarts included) and by the
    processes they start, from their first instruction on.

    This thread waits with SIGINT open. (It held it too, once: a Ctrl-C then took effect
    only when every worker was up, 8.6 s for 8 workers on two cores, with nothing said
    meanwhile.) On a Ctrl-C, :func:`_abandon` kills the worker processes started so far,
    which hold nothing yet (no task has run): the start fails for want of them, and Dask
    closes what it had begun.
    """
    from multiprocessing import resource_tracker

    # multiprocessing starts its resource tracker at the first spawn, then unblocks SIGINT
    # in the thread that spawned (its own way to keep the tracker out of Ctrl-C): started
    # here first, it leaves the mask alone
    resource_tracker.ensure_running()
    if threading.current_thread() is not threading.main_thread():
        # only the main thread takes a Ctrl-C: nothing to wait for it with
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            return make()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
    before = _descendants()
    made: list[Any] = []
    failed: list[BaseException] = []
    # waited for with an Event, not Thread.join: a join that Ctrl-C breaks off in Python
    # 3.11 can release the running thread's own lock and mark it ended (bpo-45274's fix)
    ended = threading.Event()

    def start() -> None:
        try:
            made.append(make())
        except BaseException as exc:  # raised in the caller's thread, below
            failed.append(exc)
        finally:
            ended.set()

    starter = threading.Thread(target=start, name="batch-cluster-start", daemon=True)
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        starter.start()  # with SIGINT blocked, for good, and so all it starts
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    try:
        while not ended.wait(0.05):
            pass
        if failed:
            raise failed[0]
        return made[0]
    except KeyboardInterrupt:
        _abandon(ended, before, made)
        raise


def _abandon(ended: threading.Event, before: set[int], made: list[Any]) -> None:
    """End a local cluster's start that a Ctrl-C broke off: kill the processes it has
    started (those of this process's that were not there ``before``) until its start has
    failed for want of them and Dask has closed what it began, or :data:`STOP_WAIT` has
    passed (the thread is a daemon's: it holds no exit up); a cluster that was up all the
    same is closed."""
    deadline = time.monotonic() + STOP_WAIT
    while not ended.is_set() and time.monotonic() < deadline:
        try:
            # a start that was finishing as the Ctrl-C came finishes
            if not ended.wait(0.1):
                for pid in _descendants() - before:
                    with suppress(OSError):
                        os.kill(pid, signal.SIGKILL)
        except KeyboardInterrupt:
            continue  # Ctrl-C again: this is already ending, and soon
    for cluster in made:
        with suppress(Exception):
            cluster.close()


def _descendants() -> set[int]:
    """The process ids of this process's children, and theirs."""
    import psutil  # distributed's own dependency

    try:
        return {child.pid for child in psutil.Process().children(recursive=True)}
    except psutil.Error:
        return set()


def _slots(client: Any) -> int:
    """How many tasks the cluster runs at once (its worker threads)."""
    workers = client.scheduler_info().get("workers", {})
    return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))


def summarize(out: OutputDir) -> dict[str, int]:
    """Counts read back from the output itself: comments, threads, partitions, verdicts.
    :class:`PartitionError` names a partition file that cannot be read (a run repairs
    those of its own plan before it counts, so this is one damaged since, or no part of
    this job)."""
    files = out.comment_files()
    counts = {"partitions": len(files), "comments": 0, "threads": 0}
    counts |= {v.value: 0 for v in Verdict}
    path = out.root
    try:
        for path in files:
            decisions = pq.read_table(path, columns=["decision"]).column("decision")
            counts["comments"] += len(decisions)
            for item in pc.value_counts(decisions).to_pylist():
                counts[item["values"]] = counts.get(item["values"], 0) + item["counts"]
        for path in out.thread_files():
            counts["threads"] += pq.read_metadata(path).num_rows
    except (OSError, KeyError, pa.ArrowException) as exc:  # KeyError: no decision column
        raise PartitionError(
            f"{path}: cannot be read ({arrow_reason(exc)}); run the same command again to "
            "score its partition again"
        ) from None
    return counts


def _identity(job: BatchJob, files: list[InputFile]) -> Manifest:
    model = job.recipe.engine(threads=1).model_version
    return Manifest.new(
        files,
        model,
        models_used(job.model_dir, job.recipe.cascade.tier),
        job.recipe.policy_text,
        job.recipe.policy_source,
        job.settings(),
    )


def prepare(job: BatchJob) -> tuple[Manifest, OutputDir, list[InputFile]]:
    """The manifest of this job (saved, status running), its output folder made ready,
    and its inputs; :class:`JobRefused` when the folder holds a different job and
    ``restart`` is off."""
    files = describe(expand(job.inputs))
    manifest, out = _identity(job, files), OutputDir(job.out)
    started = manifest.data["started_at"]
    try:
        # not read when restarting: a damaged manifest is what --restart is for
        previous = None if job.restart else Manifest.load(out.manifest)
    except ManifestError as exc:
        raise JobRefused(
            f"{exc}; this job cannot be told the same as the one there. Pass --restart to "
            "discard it and start over, or choose another --out"
        ) from None
    if job.restart:
        out.clear()
    elif previous is not None:
        differences = manifest.differences(previous)
        if differences:
            raise JobRefused(
                f"{job.out} holds another job: {'; '.join(differences)}. "
                "Pass --restart to discard it and start over, or choose another --out"
            )
        started = previous.data.get("started_at", started)
    elif out.comment_files():
        raise JobRefused(f"{job.out} holds partitions but no manifest: pass --restart")
    manifest.data["started_at"] = started
    out.prepare()
    manifest.save(out.manifest)
    return manifest, out, files


def run_batch(job: BatchJob, progress: Report | None = None) -> BatchResult:
    """Run (or resume) ``job``; the manifest is complete when this returns, and every
    input problem is listed in ``problems.jsonl`` beside it (the manifest keeps the
    first 100 of them and the counts)."""
    manifest, out, described = prepare(job)
    with out.problem_log() as record:
        reading = Reading(total_bytes=sum(f.size for f in described), sink=record)
        try:
            result = _run(job, out, described, reading, progress)
        except Exception as exc:
            if not _cluster_failure(exc):
                raise
            where = f"the Dask scheduler at {job.scheduler}" if job.scheduler else "the cluster"
            done = len(out.comment_files())
            raise SchedulerError(
                f"lost {where} ({type(exc).__name__}); the {done} partitions finished are "
                f"kept in {job.out}: run the same command again to continue"
            ) from None
    result.counts = {
        **summarize(out),
        **reading.counts(),
        "repaired_partitions": len(result.repaired),
    }
    result.problems = [str(p) for p in reading.problems]
    result.problem_count = reading.problem_count
    result.problems_file = out.problems
    finished = manifest.finished(
        result.counts, result.problems, partly_read=reading.partly_read, repaired=result.repaired
    )
    finished.save(out.manifest)
    return result


def _cluster_failure(exc: BaseException) -> bool:
    """Whether ``exc`` says the cluster went away (the scheduler lost, a connection
    closed, the client shut), rather than a task that failed."""
    from concurrent.futures import CancelledError

    from distributed.client import ClosedClientError, FutureCancelledError
    from distributed.comm.core import CommClosedError

    lost = (CancelledError, ClosedClientError, FutureCancelledError, CommClosedError)
    return isinstance(exc, lost)


def _run(
    job: BatchJob,
    out: OutputDir,
    described: list[InputFile],
    reading: Reading,
    progress: Report | None,
) -> BatchResult:
    """Score every partition not yet written, writing each as it comes back, and tell
    ``progress`` how far the job is (:mod:`.progress`)."""
    from distributed import as_completed

    result = BatchResult(counts={})
    state = JobProgress()

    def tell() -> None:
        if progress is not None:
            progress(state)

    def finish(scored: ScoredPartition) -> None:
        out.write(scored.name, scored.comments, scored.threads)
        result.written += 1
        state.scored += scored.size
        state.rate.add(time.monotonic(), state.scored)
        tell()

    stop = threading.Event()

    def count() -> None:
        total = count_comments(described, stop)
        if total is not None and not stop.is_set():
            state.total = total
            tell()

    counter = threading.Thread(target=count, name="batch-count", daemon=True)
    tell()
    counter.start()
    try:
        with _client(job) as client:
            slots = 2 * _slots(client)
            state.stage = "scoring"
            tell()
            inflight = as_completed()  # type: ignore[no-untyped-call]
            units = read_units(described, reading, out.work)
            for part in partitions(units, job.partition_comments):
                if out.done(part.name):
                    fault = out.fault(part.name)
                    if fault is None:
                        # written by an earlier run: done, but no part of this run's speed
                        result.skipped += 1
                        state.done_before += part.size
                        tell()
                        continue
                    # written, then damaged (a bad disk, a file overwritten or cut short):
                    # its input is here, so it is scored again and its files replaced
                    result.repaired[part.name] = fault
                if not state.rate.samples:
                    state.rate.add(time.monotonic(), state.scored)
                future = client.submit(score_partition, job.recipe, part, pure=False)
                inflight.add(future)  # type: ignore[no-untyped-call]
                while inflight.count() >= slots:  # type: ignore[no-untyped-call]
                    finish(next(inflight).result())
            for rest in inflight:
                finish(rest.result())
    finally:
        stop.set()
    state.total = state.done  # the count may be a few over (see count_comments)
    tell()
    return result
