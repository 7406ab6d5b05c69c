"""Decisions with the deep tier's reading capped at a comment's worst sentence, and without.

``CascadeSettings.sentence_cap`` (:mod:`threadguard.scoring.sentence_cap`) caps the deep
tier's toxicity, severe toxicity, insult, profanity and sexual readings of a comment of
several sentences at its worst sentence's plus a margin. This runs ``threadguard eval
--suite decisions`` (every data set's split, then the team's suites) off and at each
margin, and prints per set the civil share held and the abusive share caught at the
default policy. News desks' threads are scored with ``scan --format json`` by hand.

    PYTHONPATH=src python bench/sentence_cap.py --data $THREADGUARD_DATA
        [--split dev|test] [--margins 0.0,0.1]

Session 49: off by default (docs/evaluation.md, "Issue 12, session 49").
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from threadguard.engine import Engine
from threadguard.evaluation.decisions import run_decisions


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--margins", default="0.0,0.1")
    args = ap.parse_args()
    engine = Engine.load(None)
    settings: list[float | None] = [None, *(float(m) for m in args.margins.split(","))]
    results = {}
    for margin in settings:
        capped = engine.with_cascade(replace(engine.cascade, sentence_cap=margin))
        report = run_decisions(capped, args.data, split=args.split, scales=(1.0,))
        results[margin] = {s.key: s for s in report.sets}
    print(f"civil held / abusive caught at the default policy, {args.split} rows")
    print("set".ljust(16) + "".join(f"{'off' if m is None else f'cap {m}':>22}" for m in settings))
    for key in results[None]:
        cells = []
        for margin in settings:
            s = results[margin][key]
            p = s.points[0]
            civil = f"{p.civil_flagged}/{s.civil}"
            caught = f"{p.abusive_caught}/{s.abusive}" if s.abusive else "-"
            cells.append(f"{civil + '  ' + caught:>22}")
        print(key.ljust(16) + "".join(cells))


if __name__ == "__main__":
    main()
