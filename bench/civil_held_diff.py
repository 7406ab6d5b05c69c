"""Which civil comments of one decisions-suite set a candidate model holds and the shipped
models approve, and the other way round, with the reasons the moderator gives.

The decisions suite counts civil comments held; a count that moves by twenty says nothing
of what kind of comment moved. Session 37 read deep@46's twenty extra Unhealthy
Conversations holds this way (edgy remarks about politicians just over toxicity 0.40) and
chose what to try next from them.

Usage: PYTHONPATH=src python bench/civil_held_diff.py --data DIR --model DIR
       [--set unhealthy] [--split dev|test] [--baseline DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from threadguard.engine import Engine
from threadguard.evaluation.decision_sets import DATA_SETS, data_items
from threadguard.evaluation.decisions import DEFAULT_CAP, _input
from threadguard.moderation import Moderator, load_policy
from threadguard.schema import Verdict


def held(engine: Engine, moderator: Moderator, items: list) -> dict[str, tuple[str, ...]]:
    """Each held civil comment's text, with the reasons it was held for."""
    out: dict[str, tuple[str, ...]] = {}
    analyses = engine.analyze([_input(it) for it in items], spans=False)
    for analysis, item in zip(analyses, items, strict=True):
        decision = moderator.decide(analysis, item.text, context=item.parent or item.title)
        if decision.action is not Verdict.APPROVE:
            out[item.text] = tuple(decision.decision.reasons)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--model", type=Path, required=True, help="the candidate's folder")
    parser.add_argument("--baseline", type=Path, help="a model folder (default: shipped)")
    parser.add_argument("--set", default="unhealthy", choices=[s.key for s in DATA_SETS])
    parser.add_argument("--split", default="dev", choices=["dev", "test"])
    args = parser.parse_args()
    spec = next(s for s in DATA_SETS if s.key == args.set)
    items = [
        it for it in data_items(spec, args.data, args.split, DEFAULT_CAP) if it.kind == "civil"
    ]
    moderator = Moderator(load_policy())
    base = held(Engine.load(args.baseline), moderator, items)
    cand = held(Engine.load(args.model), moderator, items)
    for name, one, other in (("candidate", cand, base), ("baseline", base, cand)):
        only = [t for t in one if t not in other]
        print(f"civil {args.set} {args.split} comments held by the {name} only: {len(only)}")
        for text in only:
            print(f"  {'; '.join(one[text][:2])} | {' '.join(text.split())[:160]}")


if __name__ == "__main__":
    main()
