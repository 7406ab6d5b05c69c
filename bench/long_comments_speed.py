"""What reading long comments whole costs: the engine on news comments with and without
the pieces of :mod:`threadguard.scoring.windows`, alternated in one process (best of 3).

Usage: PYTHONPATH=src python bench/long_comments_speed.py [DATA]
"""

import sys
import time
from pathlib import Path

from threadguard.engine import CommentInput, Engine
from threadguard.training.datasets import load_sfu_news, load_unhealthy

root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
sfu = load_sfu_news(root).select("dev")
unh = load_unhealthy(root).select("dev")
eng = Engine.load(None)
orig = Engine._unread
for name, block in (("sfu", sfu), ("unhealthy", unh)):
    items = [CommentInput(t, title=h) for t, h in zip(block.texts[:400], block.titles[:400])]
    long = sum(len(it.text) > 450 for it in items)
    res = {"with": [], "without": []}
    for rep in range(3):
        for mode in ("without", "with"):
            Engine._unread = orig if mode == "with" else (lambda self, t: [])
            t0 = time.perf_counter()
            eng.analyze(items, spans=False)
            res[mode].append(time.perf_counter() - t0)
    Engine._unread = orig
    print(
        name,
        "long",
        long,
        "of",
        len(items),
        {k: f"{len(items) / min(v):.0f}/s" for k, v in res.items()},
    )
