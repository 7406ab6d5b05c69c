"""Throughput of the cascade on English news comments with and without the multilingual
tier loaded (the same process, the same comments: the ratio is what counts on a shared
machine), and of the multilingual tier on German comments.

    PYTHONPATH=src python bench/language_throughput.py --data $THREADGUARD_DATA [-n 4000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from threadguard.engine import CommentInput, Engine


def rate(engine: Engine, items: list[CommentInput]) -> float:
    engine.analyze(items[:64])  # warm up
    start = time.perf_counter()
    engine.analyze(items)
    return len(items) / (time.perf_counter() - start)


def main() -> None:
    from threadguard.training.datasets import load_unhealthy
    from threadguard.training.datasets_multilingual import load_germeval2018

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("-n", type=int, default=4000)
    args = ap.parse_args()
    news = [CommentInput(t) for t in load_unhealthy(args.data).select("test").texts[: args.n]]
    german = [CommentInput(t) for t in load_germeval2018(args.data).select("test").texts]
    full = Engine.load()
    english_only = Engine(full.model, full.deep, full.cascade)
    for name, engine in (("without the language tier", english_only), ("with it", full)):
        print(f"cascade, English news comments, {name}: {rate(engine, news):,.0f}/s")
    print(f"multilingual tier, German tweets (GermEval test): {rate(full, german):,.0f}/s")


if __name__ == "__main__":
    main()
