"""Micro-batching: requests that arrive together are scored in one engine call.

The engine is built for batches: featurising and scoring 500 comments at once costs
about 40 µs a comment, one comment alone about 400 µs (NumPy's fixed cost per call
dominates). An HTTP client sends one comment a request, so at concurrency 16 the
service used to pay the single-comment price sixteen times over while the other
fifteen requests waited their turn.

Here an endpoint hands its comments to :func:`analyze` and awaits the result. The
first request to arrive in an event-loop turn schedules a flush for the next turn;
every request that reaches :func:`analyze` before then joins the same batch. So nobody
waits on a timer -- a lone request is scored at once, a batch of one -- and under load
the batch grows by itself, the same idea as the storage's group commit.

The flush runs on the event loop thread, as the inline scoring it replaces did (a hop to
a worker thread and back costs as much as scoring a comment). Inputs longer than
``INLINE_CHARS`` go to a worker thread alone so that one huge comment cannot stall every
other request.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from starlette.concurrency import run_in_threadpool

from threadguard.analysis import Analysis
from threadguard.engine import BATCH, CommentInput, Engine

#: Requests whose comments add up to more than this many code points are scored in a
#: worker thread, alone, rather than on the event loop.
INLINE_CHARS = 2_000
#: A batch stops growing at this many comments (the engine's own batch size).
MAX_BATCH = BATCH


@dataclass
class _Job:
    engine: Engine
    items: Sequence[CommentInput]
    spans: bool
    future: asyncio.Future[list[Analysis]]


class ScoringBatcher:
    """Collects the scoring jobs of one event-loop turn and runs them as batches."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._pending: list[_Job] = []

    async def analyze(
        self, engine: Engine, items: Sequence[CommentInput], *, spans: bool = False
    ) -> list[Analysis]:
        """``engine.analyze(items, spans=spans)``, batched with concurrent requests."""
        if not items:
            return []
        if sum(len(it.text) for it in items) > INLINE_CHARS:
            return await run_in_threadpool(engine.analyze, items, spans=spans)
        future: asyncio.Future[list[Analysis]] = self._loop.create_future()
        if not self._pending:
            self._loop.call_soon(self._flush)
        self._pending.append(_Job(engine, items, spans, future))
        return await future

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        # A request cancelled meanwhile (its client went away) is not scored.
        live = [job for job in pending if not job.future.done()]
        groups: dict[tuple[int, bool], list[_Job]] = {}
        for job in live:
            groups.setdefault((id(job.engine), job.spans), []).append(job)
        for jobs in groups.values():
            start = 0
            while start < len(jobs):
                # Cut into batches of about MAX_BATCH comments (a job is never split).
                end, size = start, 0
                while end < len(jobs) and (
                    end == start or size + len(jobs[end].items) <= MAX_BATCH
                ):
                    size += len(jobs[end].items)
                    end += 1
                self._run(jobs[start:end])
                start = end

    def _run(self, jobs: list[_Job]) -> None:
        """Score ``jobs`` in one call; if that fails, each alone, so one bad input fails
        only its own request."""
        items = [it for job in jobs for it in job.items]
        try:
            results = jobs[0].engine.analyze(items, spans=jobs[0].spans)
        except Exception as exc:  # the endpoint's own handlers turn it into a response
            if len(jobs) == 1:
                if not jobs[0].future.done():
                    jobs[0].future.set_exception(exc)
                return
            for job in jobs:
                self._run([job])
            return
        at = 0
        for job in jobs:
            n = len(job.items)
            if not job.future.done():
                job.future.set_result(results[at : at + n])
            at += n


_BATCHERS: WeakKeyDictionary[asyncio.AbstractEventLoop, ScoringBatcher] = WeakKeyDictionary()


def batcher() -> ScoringBatcher:
    """The running event loop's batcher (one per loop, made on first use)."""
    loop = asyncio.get_running_loop()
    found = _BATCHERS.get(loop)
    if found is None:
        found = _BATCHERS[loop] = ScoringBatcher(loop)
    return found


async def analyze(
    engine: Engine, items: Sequence[CommentInput], *, spans: bool = False
) -> list[Analysis]:
    """Score ``items`` with ``engine``, in one batch with whatever else arrives now."""
    return await batcher().analyze(engine, items, spans=spans)
