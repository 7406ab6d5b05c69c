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

from threadguard.analysis import Analysis
from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.bias import MIN_ROWS, derive_subgroups, template_slot
from threadguard.evaluation.decision_sets import Item
from threadguard.evaluation.decisions import SetResult, decide_items
from threadguard.moderation import Moderator, load_policy
from threadguard.training.datasets import HEADS, load_wikimadlibs


def _decided(
    analyses: list[Analysis], items: list[Item], moderator: Moderator, name: str
) -> SetResult:
    """Civil held and toxic caught among ``items``, counted as ``eval --suite decisions``
    counts them (:func:`~threadguard.evaluation.decisions.decide_items`)."""
    return decide_items(analyses, items, [(1.0, moderator)], name, name, "", news=False)


def _share(result: SetResult, civil: bool) -> str:
    """A share of ``result`` as a percentage, or "n/a" where it has no such rows."""
    n = result.civil if civil else result.abusive
    return f"{(result.civil_share() if civil else result.caught_share()):.1%}" if n else "n/a"


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
    items = [Item(t, "abusive" if bad else "civil") for t, bad in zip(texts, toxic, strict=True)]
    engine = Engine.load()
    moderator = Moderator(load_policy(args.policy))
    analyses = list(engine.analyze([CommentInput(t) for t in texts], spans=False))
    every = _decided(analyses, items, moderator, "all")
    print(f"model {analyses[0].model}, {len(texts):,} sentences")
    print(f"all: civil held {_share(every, True)}, toxic caught {_share(every, False)}")
    slots = [template_slot(t) for t in texts]
    table = []
    for term in derive_subgroups(texts):
        rows_of = [i for i, s in enumerate(slots) if s is not None and s[1] == term]
        got = _decided([analyses[i] for i in rows_of], [items[i] for i in rows_of], moderator, term)
        if got.civil >= MIN_ROWS and got.abusive >= MIN_ROWS:
            table.append((got.civil_share(), got.caught_share(), term, got.civil))
    if not table:
        print(f"no identity has {MIN_ROWS} civil and {MIN_ROWS} toxic sentences")
        return
    civil_rates = [t[0] for t in table]
    print(
        f"{len(table)} identities: civil held per identity, mean "
        f"{sum(civil_rates) / len(civil_rates):.1%}, worst {max(civil_rates):.1%}"
    )
    print(f"{'identity':<22}{'civil held':>12}{'toxic caught':>14}{'civil rows':>12}")
    for civil_held, caught, term, n in sorted(table, reverse=True)[: args.top]:
        print(f"{term:<22}{civil_held:>12.1%}{caught:>14.1%}{n:>12,}")


if __name__ == "__main__":
    main()
