"""The deep tier's speed on one core: issue 12 asks it to stay at or above 200 comments/s per
core. Reads the first ROWS Unhealthy Conversations dev comments (news) with the deep tier
alone (``tier=deep``, every comment read by the network), on one ONNX Runtime thread, as
``Engine.analyze`` without spans does; best of three runs.

Measured 2026-12-04 (session 29, AMD EPYC with AVX-512 VNNI, deep@34, 1,000 comments): 283
comments/s. Session 12 measured the network alone on an AVX2 CPU at 107-116
(``bench/deep_quantisation_speed.py``).

Usage: PYTHONPATH=src python bench/deep_tier_per_core.py --data $THREADGUARD_DATA [--rows N]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from threadguard.engine import CommentInput, Engine
from threadguard.training.datasets import load_unhealthy


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--rows", type=int, default=1000)
    args = ap.parse_args()
    texts = load_unhealthy(args.data).select("dev").texts[: args.rows]
    engine = Engine.load(None, threads=1)
    deep = engine.with_cascade(replace(engine.cascade, tier="deep"))
    items = [CommentInput(t) for t in texts]
    deep.analyze(items[:50], spans=False)
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        deep.analyze(items, spans=False)
        best = max(best, len(items) / (time.perf_counter() - start))
    print(f"deep tier alone, one thread, {len(items)} news comments: {best:,.0f} comments/s")


if __name__ == "__main__":
    main()
