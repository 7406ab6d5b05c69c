"""Decide a probe set of comments (JSON Lines kept outside the repository) and count what a
moderator would see: the comments expected held that were held, the ones expected published
that were published, and the misses per kind.

Probe sets are evaluation material written apart from the project (session 21's threats at
one person and their civil look-alikes, say): they stay out of the repository, and this reads
them from wherever they are. Each line is ``{"text": ..., "expected": "approve" | "hold",
"kind": ..., "parent": ...}`` (``kind`` and ``parent`` optional); a comment is held when the
decision is anything but approve. ``--show`` prints each miss (reading them makes the set no
longer blind: without it only counts are printed).

Usage: PYTHONPATH=src python bench/probe_decisions.py FILE [FILE ...] [--model DIR]
       [--policy FILE] [--tier fast|cascade|deep] [--deep-from BAND] [--show]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from threadguard.engine import CommentInput, Engine
from threadguard.moderation import Moderator
from threadguard.moderation.policy import load_policy
from threadguard.schema import Verdict


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--model", type=Path, help="a model folder replacing its tier")
    ap.add_argument("--policy", type=Path, help="a policy file (default: the built-in one)")
    ap.add_argument("--tier", choices=("fast", "cascade", "deep"))
    ap.add_argument("--deep-from", type=float, help="the cascade's band (default: the engine's)")
    ap.add_argument("--show", action="store_true", help="print every miss (not blind after)")
    args = ap.parse_args()
    engine = Engine.load(args.model)
    if args.tier:
        engine = engine.with_cascade(replace(engine.cascade, tier=args.tier))
    if args.deep_from is not None:
        engine = engine.with_cascade(replace(engine.cascade, deep_from=args.deep_from))
    moderator = Moderator(load_policy(args.policy))
    print(f"model {engine.model_version}")
    for path in args.files:
        rows = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("expected") not in ("approve", "hold") or not row.get("text"):
                raise SystemExit(f"{path}:{n}: needs a text and expected approve or hold")
            rows.append(row)
        analyses = engine.analyze(
            [CommentInput(r["text"], parent=r.get("parent", "")) for r in rows], spans=False
        )
        right: Counter[str] = Counter()
        total: Counter[str] = Counter()
        missed: Counter[tuple[str, str]] = Counter()
        for row, analysis in zip(rows, analyses, strict=True):
            action = moderator.decide(analysis, row["text"], context=row.get("parent", "")).action
            held = action is not Verdict.APPROVE
            expected = row["expected"]
            total[expected] += 1
            if held == (expected == "hold"):
                right[expected] += 1
                continue
            missed[(expected, row.get("kind", "-"))] += 1
            if args.show:
                print(f"  miss {expected:7} -> {action.value:7} | {row['text']}")
        print(
            f"{path.name}: held {right['hold']} of {total['hold']} expected held, "
            f"published {right['approve']} of {total['approve']} expected published"
        )
        for (expected, kind), count in missed.most_common():
            print(f"  missed, expected {expected}: {kind} {count}")


if __name__ == "__main__":
    main()
