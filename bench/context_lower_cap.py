"""Decisions on the decision sets at several caps on how far the thread may lower a score.

`threadguard.scoring.context.LOWER` caps how far (logits) a comment's parent or article
title may lower its scores. This scores the news and Reddit sets of `threadguard eval
--suite decisions` at each cap and prints civil held / abusive caught per set, so the cap
can be chosen on dev rows and reported on test rows:

    PYTHONPATH=src python bench/context_lower_cap.py --data $THREADGUARD_DATA --split dev \
        [--caps 0.5 0.75 1 2 4] [--below 0.9 0.7 0.6 0.5]

``--below L ...``: at the shipped cap, the thread may lower only scores under L (the
allowance tapering to nothing over the 0.1 below it), one run per L: whether sparing the
higher scores from the thread's lowering (a veiled threat at a reporter, 0.57 alone, was
approved at 0.38 under the article's title) costs civil comments. Session 35, dev rows:
0.7 changes nothing; 0.6 holds 3 more of SFU's 229 civil comments and catches nothing more.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import numpy as np

import threadguard.engine as engine_module
import threadguard.scoring.context as context
from threadguard.engine import Engine
from threadguard.evaluation.decision_sets import DATA_SETS, data_items
from threadguard.evaluation.decisions import DEFAULT_CAP, _input
from threadguard.moderation import Moderator

SETS = ("unhealthy", "sfu", "cat_gc", "cadd", "ruddit")


def lowering_below(level: float) -> Callable[[np.ndarray, np.ndarray, float], np.ndarray]:
    """``context.bounded_shift`` with the lowering allowed only under ``level``."""

    def bounded_shift(alone: np.ndarray, with_context: np.ndarray, limit: float) -> np.ndarray:
        if np.isinf(limit):
            return with_context.astype(np.float32)
        a = alone.astype(np.float64)
        base = context.logit(a)
        cap = limit * context.allowance(a)
        spare = np.clip((level - a) / context.TAPER, 0.0, 1.0)
        down = np.minimum(cap, context.LOWER) * spare
        if a.ndim == 2 and a.shape[1] > context.THREAT:
            down = np.where(a[:, [context.THREAT]] >= context.THREAT_STAYS, 0.0, down)
        shift = np.clip(context.logit(with_context.astype(np.float64)) - base, -down, cap)
        out = np.where(cap > 0, 1.0 / (1.0 + np.exp(-(base + shift))), a)
        return np.asarray(out, dtype=np.float32)

    return bounded_shift


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--caps", type=float, nargs="+", default=[0.5, 0.75, 1.0, 2.0, 4.0])
    ap.add_argument("--below", type=float, nargs="+", default=None)
    args = ap.parse_args()
    engine, moderator = Engine.load(), Moderator()
    sets = {
        s.key: data_items(s, args.data, args.split, DEFAULT_CAP) for s in DATA_SETS if s.key in SETS
    }
    runs: list[tuple[float, float | None]] = (
        [(cap, None) for cap in args.caps] if args.below is None else []
    )
    runs += [(context.LOWER, level) for level in args.below or ()]
    for cap, level in runs:
        context.LOWER = cap
        engine_module.bounded_shift = (
            context.bounded_shift if level is None else lowering_below(level)
        )
        row = []
        for key, items in sets.items():
            analyses = engine.analyze([_input(i) for i in items], spans=False)
            flagged = [
                moderator.decide(a, i.text, context=i.parent or i.title).action.value != "approve"
                for a, i in zip(analyses, items, strict=True)
            ]
            civil = [f for f, i in zip(flagged, items, strict=True) if i.kind == "civil"]
            abusive = [f for f, i in zip(flagged, items, strict=True) if i.kind != "civil"]
            row.append(f"{key} {sum(civil)}/{len(civil)} {sum(abusive)}/{len(abusive)}")
        label = f"cap {cap:g}" + ("" if level is None else f" below {level:g}")
        print(f"{args.split} {label}: " + " | ".join(row), flush=True)


if __name__ == "__main__":
    main()
