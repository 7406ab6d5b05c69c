"""Scoring on every core: worker processes, each with its own engine, fed chunks of lines.

One Python process scores on one core (the normaliser and much of the feature pipeline
hold the GIL). ``threadguard score`` on a large input therefore hands chunks of raw input
lines to worker processes and writes their output lines back in input order. Workers parse,
score and serialise (so JSON work is spread too), and only strings cross the process
boundary, between this process and children it started itself.

Workers are started with ``spawn`` (a fresh interpreter that loads the models itself):
ONNX Runtime's thread pools do not survive ``fork``. Starting them costs a second or two,
so a small input is scored in this process and the pool starts only once the input turns
out to be longer than a few chunks. At most ``2 * workers`` chunks are in flight, so memory
stays bounded however long the input is, and output streams.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from threadguard.engine import CascadeSettings, Engine
from threadguard.moderation import Moderator, load_policy
from threadguard.score_lines import CHUNK, score_stream

#: Inputs of at most this many lines are scored in this process (no start-up cost).
SERIAL_LINES = 4 * CHUNK


@dataclass(frozen=True)
class EngineRecipe:
    """How to load an engine and a moderator in a worker: the same models, policy and
    settings as the parent's."""

    model_dir: Path | None = None
    policy_path: Path | None = None
    cascade: CascadeSettings = field(default_factory=CascadeSettings)

    def load(self, threads: int | None = None) -> Engine:
        return Engine.load(self.model_dir, cascade=self.cascade, threads=threads)

    def moderator(self) -> Moderator:
        return Moderator(load_policy(self.policy_path), context=self.cascade.use_context)


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


_WORKER: tuple[Engine, Moderator] | None = None


def _init_worker(recipe: EngineRecipe) -> None:
    global _WORKER
    # Ctrl-C is the parent's to handle: it ends the workers itself (a worker that took the
    # terminal's SIGINT printed a traceback, and the pool could hang at exit waiting on it)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = (recipe.load(threads=1), recipe.moderator())


def _serialised(
    engine: Engine, moderator: Moderator, lines: Iterable[str], start: int, spans: bool
) -> Iterator[tuple[str, bool]]:
    """Output lines (JSON text, ok) for raw lines numbered from ``start``."""
    for obj, ok in score_stream(engine, moderator, lines, start, spans=spans):
        yield json.dumps(obj, ensure_ascii=False), ok


def _score_chunk(start: int, lines: list[str], spans: bool = True) -> list[tuple[str, bool]]:
    """Worker side: score raw lines numbered from ``start``; serialised output lines."""
    assert _WORKER is not None, "worker not initialised"
    return list(_serialised(*_WORKER, lines, start, spans))


def chunks(lines: Iterable[str], size: int) -> Iterator[tuple[int, list[str]]]:
    it = iter(lines)
    start = 1
    while chunk := list(itertools.islice(it, size)):
        yield start, chunk
        start += len(chunk)


class ScoringPool:
    """Worker processes with an engine and a moderator each; :meth:`score` streams lines
    through them."""

    def __init__(self, recipe: EngineRecipe, workers: int) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(recipe,),
        )

    def warm_up(self) -> None:
        """Start every worker and load its engine (so timings after this are steady state)."""
        futures = [self._pool.submit(_score_chunk, 1, ["warm up"]) for _ in range(self.workers)]
        for f in futures:
            f.result()

    def score(
        self, chunks: Iterable[tuple[int, list[str]]], *, spans: bool = True
    ) -> Iterator[tuple[str, bool]]:
        """Output lines for numbered chunks of input lines, in input order."""
        inflight: deque[Future[list[tuple[str, bool]]]] = deque()
        for start, lines in chunks:
            inflight.append(self._pool.submit(_score_chunk, start, lines, spans))
            if len(inflight) >= 2 * self.workers:
                yield from inflight.popleft().result()
        while inflight:
            yield from inflight.popleft().result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def stop(self) -> None:
        """End the workers now, whatever they are doing: on Ctrl-C or an error, waiting
        for them could wait for ever (a hardening review: 6 of 22 interrupted runs of
        `score` hung at exit, the workers blocked on a queue the parent no longer fed)."""
        # the executor's own table of its processes (None once shut down), and its thread
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        manager = getattr(self._pool, "_executor_manager_thread", None)
        results = getattr(self._pool, "_result_queue", None)  # shutdown forgets it
        for process in processes:
            process.terminate()
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)
        if manager is not None:
            # Its end closes the pipe that wakes it. Left running, it closed that pipe
            # while Python's exit hook wrote to it: 1 run in 25 of `score | head` ended
            # with "Exception ignored ... OSError: [Errno 9] Bad file descriptor".
            manager.join(timeout=1)
            if manager.is_alive():
                # A worker ended in the middle of writing a result: the thread waits for
                # the rest of it for ever, and Python's exit joins it without a timeout
                # (a loaded CI run's `score | head` hung so, session 55). With every
                # worker gone, this process holds the pipe's last writing end; closing it
                # ends the read, and the thread ends as for a broken pool.
                writer = getattr(results, "_writer", None)
                if writer is not None:
                    writer.close()
                manager.join(timeout=5)

    def __enter__(self) -> ScoringPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.close()
        else:
            self.stop()


def score_lines(
    engine: Engine,
    moderator: Moderator,
    recipe: EngineRecipe,
    lines: Iterable[str],
    workers: int,
    *,
    spans: bool = True,
) -> Iterator[tuple[str, bool]]:
    """``threadguard score``'s output lines (serialised, with ok flags), in input order.

    Up to ``SERIAL_LINES`` lines, or with one worker, ``engine`` and ``moderator`` work here;
    beyond that the rest goes through a pool of ``workers`` processes.
    """
    parts = chunks(lines, CHUNK)
    head = list(itertools.islice(parts, SERIAL_LINES // CHUNK))
    if workers <= 1 or len(head) < SERIAL_LINES // CHUNK:
        for start, part in itertools.chain(head, parts):
            yield from _serialised(engine, moderator, part, start, spans)
        return
    with ScoringPool(recipe, workers) as pool:
        yield from pool.score(itertools.chain(head, parts), spans=spans)
