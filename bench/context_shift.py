"""How far the context read decides replies that need their parent, at the shipped bound and
with the bound lifted: the functional suite's cases that carry a parent, and optionally a
probe file's rows that carry one (JSON Lines as bench/probe_decisions.py reads them; counts
per kind only).

Session 26 asked whether the deep tier, trained on more parent/reply rows, would catch the
hate that needs its parent if the context read were let decide (``context_shift`` infinite)
rather than only move the close calls (the shipped 4 logits between 0.2 and 0.8).

Usage: PYTHONPATH=src python bench/context_shift.py [PROBE.jsonl] [--model DIR]
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from dataclasses import replace
from pathlib import Path

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.functional import load_suite
from threadguard.moderation import Moderator
from threadguard.moderation.policy import load_policy
from threadguard.schema import Verdict


def held_by_kind(
    engine: Engine, moderator: Moderator, rows: list[tuple[str, str, str]]
) -> list[tuple[str, int, int]]:
    """(kind, held, of) for (kind, text, parent) rows."""
    analyses = engine.analyze([CommentInput(t, parent=p) for _, t, p in rows], spans=False)
    held: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for (kind, text, parent), a in zip(rows, analyses, strict=True):
        total[kind] += 1
        held[kind] += moderator.decide(a, text, context=parent).action is not Verdict.APPROVE
    return [(k, held[k], total[k]) for k in sorted(total)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("probe", nargs="?", type=Path)
    ap.add_argument("--model", type=Path, help="a model folder replacing its tier")
    args = ap.parse_args()
    rows = [(c.functionality, c.text, c.parent) for c in load_suite() if c.parent]
    if args.probe:
        for line in args.probe.read_text(encoding="utf-8").splitlines():
            r = json.loads(line) if line.strip() else {}
            if r.get("parent"):
                rows.append((f"probe:{r.get('kind', '-')}", r["text"], r["parent"]))
    engine = Engine.load(args.model)
    moderator = Moderator(load_policy(None))
    print(f"model {engine.model_version}")
    for shift in (engine.cascade.context_shift, math.inf):
        e = engine.with_cascade(replace(engine.cascade, context_shift=shift))
        counts = ", ".join(f"{k} {h}/{n}" for k, h, n in held_by_kind(e, moderator, rows))
        print(f"context_shift {shift}: held {counts}")


if __name__ == "__main__":
    main()
