"""``threadguard bench``: throughput of each stage, as ratios to a baseline in the same run.

Absolute comments/s depend on the machine and its load; a ratio to a baseline measured
seconds earlier on the same machine (parsing and writing the same JSON lines) does not.
Both are printed. The comments are the bundled example thread's texts and obfuscated
variants of them, repeated to ``n``.
"""

from __future__ import annotations

import json
import time
import tracemalloc
from collections.abc import Callable, Iterator
from importlib import resources

from threadguard.engine import CommentInput, Engine
from threadguard.normalize import normalize_text
from threadguard.readers import read_thread
from threadguard.score_lines import score_stream


def bench_corpus(n: int) -> list[str]:
    """``n`` comment texts built from the bundled example thread."""
    path = resources.files("threadguard.resources").joinpath("example_thread.txt")
    thread = read_thread(path.read_bytes(), name="example_thread.txt").thread
    base = [c.text for c in thread.comments if c.text] or ["a comment"]
    variants = (
        base + [t.upper() for t in base] + [t.replace("o", "0").replace("e", "3") for t in base]
    )
    return [variants[i % len(variants)] for i in range(n)]


def _rate(fn: Callable[[], object], n: int) -> float:
    start = time.perf_counter()
    fn()
    return n / max(time.perf_counter() - start, 1e-9)


def run_bench(engine: Engine, n: int = 20000) -> Iterator[str]:
    """Yield report lines: baseline, then each stage as comments/s and x baseline."""
    texts = bench_corpus(n)
    lines = [json.dumps({"id": str(i), "text": t}) for i, t in enumerate(texts)]
    baseline = _rate(lambda: [json.dumps(json.loads(line)) for line in lines], n)
    yield f"comments: {n} (mean {sum(map(len, texts)) / n:.0f} characters)"
    yield f"baseline  json round-trip      {baseline:12,.0f} comments/s   1.00x"
    stages: list[tuple[str, Callable[[], object]]] = [
        ("normalise", lambda: [normalize_text(t) for t in texts]),
        ("features", lambda: engine.model.featurizer.transform([normalize_text(t) for t in texts])),
        (
            "fast tier, no spans",
            lambda: engine.analyze([CommentInput(t) for t in texts], spans=False),
        ),
        ("fast tier with spans", lambda: engine.analyze([CommentInput(t) for t in texts])),
        ("score (JSONL end to end)", lambda: list(score_stream(engine, lines))),
    ]
    for name, fn in stages:
        rate = _rate(fn, n)
        yield f"{name:<28}{rate:12,.0f} comments/s   {rate / baseline:.3f}x"
    tracemalloc.start()
    engine.analyze([CommentInput(t) for t in texts[:2000]])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    weights = engine.model.weights.nbytes
    yield f"memory: model weights {weights / 2**20:.0f} MiB; peak while scoring 2,000 comments {peak / 2**20:.0f} MiB"
