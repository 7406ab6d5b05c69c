"""Decisions on the decision sets at several caps on how far the thread may lower a score.

`threadguard.scoring.context.LOWER` caps how far (logits) a comment's parent or article
title may lower its scores. This scores the news and Reddit sets of `threadguard eval
--suite decisions` at each cap and prints civil held / abusive caught per set, so the cap
can be chosen on dev rows and reported on test rows:

    PYTHONPATH=src python bench/context_lower_cap.py --data $THREADGUARD_DATA --split dev \
        [--caps 0.5 0.75 1 2 4]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import threadguard.scoring.context as context
from threadguard.engine import Engine
from threadguard.evaluation.decision_sets import DATA_SETS, data_items
from threadguard.evaluation.decisions import DEFAULT_CAP, _input
from threadguard.moderation import Moderator

SETS = ("unhealthy", "sfu", "cat_gc", "cadd", "ruddit")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--caps", type=float, nargs="+", default=[0.5, 0.75, 1.0, 2.0, 4.0])
    args = ap.parse_args()
    engine, moderator = Engine.load(), Moderator()
    sets = {
        s.key: data_items(s, args.data, args.split, DEFAULT_CAP) for s in DATA_SETS if s.key in SETS
    }
    for cap in args.caps:
        context.LOWER = cap
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
        print(f"{args.split} cap {cap:g}: " + " | ".join(row), flush=True)


if __name__ == "__main__":
    main()
