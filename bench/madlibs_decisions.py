"""WikiMadlibs as a moderator lives it: civil identity sentences held, toxic ones caught.

``threadguard eval`` reports WikiMadlibs with Borkan et al.'s AUCs, which compare scores
across the whole set (BPSN: civil sentences naming a group against toxic sentences naming
no one in particular). A model can lose BPSN because toxic sentences elsewhere score lower,
without holding one more civil sentence about the group. This script decides every sentence
under the default policy (or ``--policy``) with the shipped engine, or with the models of
another source tree (run it with that tree on ``PYTHONPATH``), and prints per identity term
(the same subgroups as the bias report: :func:`threadguard.evaluation.bias.derive_subgroups`)
the civil sentences held and the toxic ones caught, worst civil first. "Held" means any
decision but approve: held for review or rejected outright.

Usage: PYTHONPATH=src python bench/madlibs_decisions.py [--data DIR] [--policy FILE] [--top N]
(``--data`` defaults to ``THREADGUARD_DATA``; one of the two is needed.)
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import numpy as np

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.bias import MIN_ROWS, derive_subgroups, template_slot
from threadguard.moderation import Moderator, load_policy
from threadguard.training.datasets import HEADS, load_wikimadlibs


def _rate(flags: np.ndarray) -> str:
    """The share of ``flags`` set, or "n/a" for none (not nan)."""
    return f"{flags.mean():.1%}" if flags.size else "n/a"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    data = os.environ.get("THREADGUARD_DATA")
    ap.add_argument("--data", type=Path, default=Path(data) if data else None)
    ap.add_argument("--policy", type=Path, default=None)
    ap.add_argument("--top", type=int, default=15, help="identities to list (worst civil first)")
    args = ap.parse_args()
    if args.data is None:
        ap.error("--data is required unless THREADGUARD_DATA is set")
    rows = load_wikimadlibs(args.data)
    texts = rows.texts
    if not texts:
        ap.error(f"no WikiMadlibs sentences under {args.data}")
    toxic = rows.matrix()[:, HEADS.index("toxicity")] == 1
    engine = Engine.load()
    moderator = Moderator(load_policy(args.policy))
    analyses = engine.analyze([CommentInput(t) for t in texts], spans=False)
    held = np.array(
        [
            moderator.decide(a, t).decision.action.value != "approve"
            for a, t in zip(analyses, texts, strict=True)
        ]
    )
    print(f"model {analyses[0].model}, {len(texts):,} sentences")
    print(f"all: civil held {_rate(held[~toxic])}, toxic caught {_rate(held[toxic])}")
    slots = [template_slot(t) for t in texts]
    table = []
    for term in derive_subgroups(texts):
        mask = np.array([s is not None and s[1] == term for s in slots])
        civil, bad = mask & ~toxic, mask & toxic
        if civil.sum() >= MIN_ROWS and bad.sum() >= MIN_ROWS:
            table.append((held[civil].mean(), held[bad].mean(), term, int(civil.sum())))
    if not table:
        print(f"no identity has {MIN_ROWS} civil and {MIN_ROWS} toxic sentences")
        return
    civil_rates = np.array([t[0] for t in table])
    print(
        f"{len(table)} identities: civil held per identity, mean {civil_rates.mean():.1%}, "
        f"worst {civil_rates.max():.1%}"
    )
    print(f"{'identity':<22}{'civil held':>12}{'toxic caught':>14}{'civil rows':>12}")
    for civil_held, caught, term, n in sorted(table, reverse=True)[: args.top]:
        print(f"{term:<22}{civil_held:>12.1%}{caught:>14.1%}{n:>12,}")


if __name__ == "__main__":
    main()
