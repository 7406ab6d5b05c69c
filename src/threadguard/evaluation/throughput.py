"""Throughput and tail latency per tier, on real comments, for the evaluation report.

Quality figures mean little without their price: a site picks a tier by how many
comments a second it must screen and how long one comment may wait. ``threadguard
bench`` measures stages on synthetic text; this measures the three tiers end to end
(``Engine.analyze``: scores, spans, targets, decision) on dev rows of the shared data,
never test rows; its single-comment latency probe is also bench's, so both commands
agree on what p99 means.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from threadguard.engine import CascadeSettings, CommentInput, Engine
from threadguard.schema import Tier
from threadguard.training.datasets import load_cadd, load_hatexplain, load_olid

TIERS: tuple[Tier, ...] = tuple(Tier)


@dataclass(frozen=True)
class TierThroughput:
    """One tier's batch rate and single-comment latency, or why it was not measured."""

    tier: str
    comments: int
    per_second: float | None
    p50_ms: float | None
    p99_ms: float | None
    note: str = ""


def dev_texts(data_root: Path, rows: int = 1000) -> list[str]:
    """Up to ``rows`` dev-split comments, interleaved from HateXplain, OLID and CADD.

    Interleaving keeps the mix (tweets, Gab posts, Reddit comments) the same whatever
    ``rows`` is, so a quick run measures the same kind of text as a full one.
    """
    blocks = [f(data_root).select("dev").texts for f in (load_hatexplain, load_olid, load_cadd)]
    out: list[str] = []
    for i in range(max(map(len, blocks), default=0)):
        for b in blocks:
            if i < len(b):
                out.append(b[i])
    return out[:rows]


def percentile_latency(engine: Engine, texts: list[str], k: int = 200) -> tuple[float, float]:
    """p50 and p99 of single-comment latency (ms), one comment per call.

    ``threadguard bench`` and the evaluation report both use it, so they agree on what
    p99 means.
    """
    times = []
    for t in texts[:k]:
        start = time.perf_counter()
        engine.analyze([CommentInput(t)])
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))]


def measure_tiers(
    engine: Engine,
    texts: Sequence[str],
    *,
    tiers: Sequence[str] = TIERS,
    latency_samples: int = 200,
) -> list[TierThroughput]:
    """Comments/s for a batch of ``texts`` and p50/p99 of one-comment calls, per tier.

    Without an installed deep tier, "cascade" and "deep" would silently measure the fast
    tier again; they are reported as not measured instead.
    """
    out: list[TierThroughput] = []
    items = [CommentInput(t) for t in texts]
    for tier in tiers:
        if tier != "fast" and engine.deep is None:
            # an engine loaded for the fast tier alone never loads the deep one
            note = (
                "--tier fast (the deep tier is not loaded)"
                if engine.cascade.tier == Tier.FAST
                else "deep tier not installed"
            )
            out.append(TierThroughput(tier, 0, None, None, None, note))
            continue
        e = engine.with_cascade(CascadeSettings(tier=Tier(tier), use_context=False))
        e.analyze(items[:32])  # warm-up: first-call allocations are not throughput
        start = time.perf_counter()
        e.analyze(items)
        rate = len(items) / max(time.perf_counter() - start, 1e-9)
        p50, p99 = percentile_latency(e, list(texts), k=latency_samples)
        out.append(TierThroughput(tier, len(items), rate, p50, p99))
    return out
