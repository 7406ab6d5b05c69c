"""What reading long comments whole costs: the engine on news comments with and without
the pieces of :mod:`threadguard.scoring.windows`, alternated in one process (best of 3).

Usage: PYTHONPATH=src python bench/long_comments_speed.py [DATA]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from threadguard.engine import CommentInput, Engine
from threadguard.training.datasets import load_sfu_news, load_unhealthy

ROWS = 400


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    engine = Engine.load(None)
    reads_pieces = Engine._unread
    for name, load in (("sfu", load_sfu_news), ("unhealthy", load_unhealthy)):
        block = load(root).select("dev")
        items = [
            CommentInput(text, title=title)
            for text, title in zip(block.texts[:ROWS], block.titles[:ROWS], strict=True)
        ]
        long = sum(len(it.text) > 450 for it in items)
        seconds: dict[str, list[float]] = {"without": [], "with": []}
        for _ in range(3):
            for mode in seconds:
                Engine._unread = (
                    reads_pieces if mode == "with" else (lambda self, text, language: [])
                )  # type: ignore[method-assign]
                started = time.perf_counter()
                engine.analyze(items, spans=False)
                seconds[mode].append(time.perf_counter() - started)
        Engine._unread = reads_pieces  # type: ignore[method-assign]
        rates = ", ".join(f"{mode} {len(items) / min(s):.0f}/s" for mode, s in seconds.items())
        print(f"{name}: {long} of {len(items)} comments over 450 characters; {rates}")


if __name__ == "__main__":
    main()
