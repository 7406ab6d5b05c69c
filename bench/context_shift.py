"""How far the context read decides replies that need their parent, at the shipped bound and
with the bound lifted: the functional suite's decisions (all cases, and hate that needs its
parent), and per kind the comments of any probe files decided as expected (JSON Lines as
bench/probe_decisions.py reads them, counted by bench/thread_context.py's probe_counts).

Session 26 asked whether the deep tier, trained on more parent/reply rows, would catch the
hate that needs its parent if the context read were let decide (``context_shift`` infinite)
rather than only move the close calls (the shipped 4 logits between 0.2 and 0.8).

Usage: PYTHONPATH=src python bench/context_shift.py [PROBE.jsonl ...] [--model DIR]
"""

from __future__ import annotations

import argparse
import math
from dataclasses import replace
from pathlib import Path

from thread_context import functional_line, probe_counts

from threadguard.engine import Engine
from threadguard.moderation import Moderator


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("probes", nargs="*", type=Path)
    ap.add_argument("--model", type=Path, help="a model folder replacing its tier")
    args = ap.parse_args()
    engine = Engine.load(args.model)
    moderator = Moderator()
    print(f"model {engine.model_version}")
    for shift in (engine.cascade.context_shift, math.inf):
        e = engine.with_cascade(replace(engine.cascade, context_shift=shift))
        print(f"context_shift {shift}: {functional_line(e, moderator)}")
        for path in args.probes:
            print(f"  {path.name}, decided as expected: {probe_counts(e, moderator, path)}")


if __name__ == "__main__":
    main()
