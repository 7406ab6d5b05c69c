"""Would waiving the toxicity hold for profanity at no one cost the abuse caught?

Measured in session 34 and not shipped. A news desk found swearing at no one held on
toxicity ("GET IN!!! What a fucking header."). This scores the decision sets' dev rows
once and decides them under the default policy and under a waiver: a comment held only by
toxicity (or profanity) is approved when profanity is at least P and insult, identity
attack, threat and severe toxicity are under I, ID, T and S. Printed per set: civil held /
civil, abusive caught / abusive.

    PYTHONPATH=src python bench/profanity_waiver.py --data $THREADGUARD_DATA [--split dev]

Session 34, dev: Unhealthy civil held 152 -> 149-152 of 2,000 over 16 settings, CADD caught
168 -> 105-147 of 199, Ruddit 52 -> 17-36 of 53 (Reddit's abuse is profane).
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from threadguard.analysis import Analysis
from threadguard.engine import Engine
from threadguard.evaluation.decision_sets import DATA_SETS, data_items
from threadguard.evaluation.decisions import DEFAULT_CAP, _input
from threadguard.moderation import Moderator
from threadguard.moderation.decision import Decision
from threadguard.schema import Verdict

SETTINGS = list(itertools.product([0.3, 0.5], [0.3, 0.5], [0.1, 0.2], [0.2], [0.3, 0.5]))


def waived(analysis: Analysis, decision: Decision, setting: tuple[float, ...]) -> Verdict:
    """The verdict under the waiver ``setting`` (P, I, ID, T, S)."""
    p, i, ident, t, sev = setting
    reasons = decision.reasons
    if decision.action is not Verdict.HOLD or not reasons:
        return decision.action
    if not all(r.startswith(("toxicity ", "profanity ")) for r in reasons):
        return decision.action
    s = analysis.scores
    calm = s["insult"] < i and s["identity_attack"] < ident and s["threat"] < t
    if s["profanity"] >= p and calm and s["severe_toxicity"] < sev:
        return Verdict.APPROVE
    return decision.action


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    args = ap.parse_args()
    engine, moderator = Engine.load(), Moderator()
    scored = {}
    for spec in DATA_SETS:
        items = data_items(spec, args.data, args.split, DEFAULT_CAP)
        analyses = engine.analyze([_input(i) for i in items], spans=False)
        decisions = [
            moderator.decide(a, i.text, context=i.parent or i.title).decision
            for a, i in zip(analyses, items, strict=True)
        ]
        scored[spec.key] = (items, analyses, decisions)
    for setting in [None, *SETTINGS]:
        row = []
        for key, (items, analyses, decisions) in scored.items():
            flagged = [
                (d.action if setting is None else waived(a, d, setting)) is not Verdict.APPROVE
                for a, d in zip(analyses, decisions, strict=True)
            ]
            civil = [f for f, i in zip(flagged, items, strict=True) if i.kind == "civil"]
            abusive = [f for f, i in zip(flagged, items, strict=True) if i.kind != "civil"]
            row.append(f"{key} {sum(civil)}/{len(civil)} {sum(abusive)}/{len(abusive)}")
        print("policy" if setting is None else setting, " | ".join(row), flush=True)


if __name__ == "__main__":
    main()
