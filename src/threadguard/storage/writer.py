"""Group commit: one thread writes the hot path's comments, many at a time, durably.

Every Perspective ``analyze`` (without ``doNotStore``) and every Coral call stores one
comment. On SQLite there is one write lock for the whole file: with one transaction per
request, sixteen concurrent requests meant sixteen threads in ``BEGIN IMMEDIATE``, all but
one sleeping in SQLite's busy handler, whose back-off (up to 100 ms a sleep) made p99
latency seconds long even though each write takes about a millisecond. And each write
paid for its own ``BEGIN`` / ``COMMIT`` and its own site lookup.

So callers hand their write to :class:`GroupCommitter` and wait; its thread takes
everything that queued up while the previous batch was being written and commits it as
one transaction. Nobody waits on a timer: a lone request is written at once (batch of
one), and under load the batch grows by itself, which is what turns a queue of
transactions into one.

**Durability.** :meth:`GroupCommitter.submit` (and :meth:`~GroupCommitter.submit_async`,
for the event loop) returns only after the transaction holding the caller's write has
committed, and raises if it did not; so an HTTP answer is never
sent for a comment that is not stored ("a decision is never lost"). Nothing is written
behind the caller's back: a crash loses only requests that had not been answered yet.

**Isolation.** One bad write must not sink the others in its batch: when a batch's
transaction fails, each of its writes is retried alone, and each caller gets its own
outcome.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Generic, TypeAlias, TypeVar

log = logging.getLogger("threadguard.storage")

J = TypeVar("J")
R = TypeVar("R")

#: What a batch function returns for each job: its result, or the exception it raised.
Outcome: TypeAlias = R | BaseException


class GroupCommitter(Generic[J, R]):
    """Runs submitted jobs on one thread, in batches, through ``commit``.

    ``commit(jobs)`` must write all ``jobs`` (in one transaction, typically) and return one
    outcome per job, in order: its result or the exception that job failed with. The
    thread starts on the first :meth:`submit` (a process that never writes, or a forked
    worker, has none until it needs one).
    """

    def __init__(
        self,
        commit: Callable[[Sequence[J]], Sequence[Outcome[R]]],
        *,
        max_batch: int = 128,
        name: str = "threadguard-writer",
    ) -> None:
        self._commit = commit
        self.max_batch = max_batch
        self.name = name
        self._queue: queue.SimpleQueue[tuple[J, Future[R]] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, job: J) -> R:
        """Write ``job`` and return its result once it is committed (or raise its error)."""
        future = self._enqueue(job)
        if future is None:
            # After close() (a store shutting down): write on the caller's thread.
            return self._run_inline(job)
        return future.result()

    async def submit_async(self, job: J) -> R:
        """:meth:`submit` for a coroutine: the event loop goes on serving while the writer
        thread commits, and is woken once with the outcome -- no worker thread is tied
        up waiting, and no thread hop is paid on the way in."""
        future = self._enqueue(job)
        if future is None:
            return await asyncio.to_thread(self._run_inline, job)
        return await asyncio.wrap_future(future)

    def _enqueue(self, job: J) -> Future[R] | None:
        """Queue ``job`` for the writer thread (started if need be); None once closed."""
        future: Future[R] = Future()
        with self._lock:
            if self._closed:
                return None
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
                self._thread.start()
            self._queue.put((job, future))
        return future

    def waiting(self) -> int:
        """How many jobs are queued for the writer thread now (for monitoring)."""
        return self._queue.qsize()

    def close(self, timeout: float = 30.0) -> None:
        """Write what is queued, then stop the thread; later jobs run on their callers' thread."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            thread = self._thread
            self._queue.put(None)
        if thread is not None:
            thread.join(timeout)

    def _run_inline(self, job: J) -> R:
        outcome = self._commit([job])[0]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def _loop(self) -> None:
        stop = False
        while not stop:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    nxt = self._queue.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    stop = True
                    break
                batch.append(nxt)
            self._write(batch)

    def _write(self, batch: list[tuple[J, Future[R]]]) -> None:
        # A caller that gave up before its write started (a cancelled request) is never
        # answered, so its write is dropped; once running, a future cannot be cancelled.
        batch = [(job, future) for job, future in batch if future.set_running_or_notify_cancel()]
        if not batch:
            return
        try:
            outcomes = self._commit([job for job, _ in batch])
        except BaseException as exc:  # the contract says return errors; never lose a caller
            log.exception("group commit of %d write(s) failed", len(batch))
            outcomes = [exc] * len(batch)
        if len(outcomes) != len(batch):
            error = RuntimeError(f"commit returned {len(outcomes)} outcomes for {len(batch)} jobs")
            outcomes = [error] * len(batch)
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)
