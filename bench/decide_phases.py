"""How fast the moderator decides, and what each phase of a decision costs.

Scores a data set's comments once (Unhealthy Conversations dev rows by default), then
decides them under the default policy, and times each phase of
:data:`threadguard.moderation.phases.PHASES` alone, one process:

    PYTHONPATH=src python bench/decide_phases.py --data $THREADGUARD_DATA [--set unhealthy]
        [--split dev] [-n 2000]

Session 34 (2,000 Unhealthy dev comments, a quiet machine): 8,703 decisions/s at its start
(coded hate 0.024 ms a comment, threats 0.054, contact details 0.007), 3,654 with the
session's lists (0.111, 0.066, 0.031), 4,328 once the context entries named the words they
need (coded hate 0.064).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.decision_sets import DATA_SETS, data_items
from threadguard.moderation import Moderator
from threadguard.moderation.phases import PHASES, Case, Draft


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--set", default="unhealthy", choices=[s.key for s in DATA_SETS])
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("-n", type=int, default=2000)
    args = ap.parse_args()
    spec = next(s for s in DATA_SETS if s.key == args.set)
    items = data_items(spec, args.data, args.split, None)[: args.n]
    analyses = Engine.load().analyze([CommentInput(i.text) for i in items], spans=False)
    moderator = Moderator()
    started = time.perf_counter()
    for a, i in zip(analyses, items, strict=True):
        moderator.decide(a, i.text)
    print(
        f"{len(items)} {args.set} {args.split} comments: "
        f"{len(items) / (time.perf_counter() - started):,.0f} decisions/s"
    )
    for phase in PHASES:
        started = time.perf_counter()
        for a, i in zip(analyses, items, strict=True):
            phase(Case(moderator.policy, a, i.text), Draft())
        ms = (time.perf_counter() - started) * 1000 / len(items)
        print(f"  {phase.__name__:16} {ms:.3f} ms a comment")


if __name__ == "__main__":
    main()
