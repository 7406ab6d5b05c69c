"""Where WikiMadlibs' identity bias comes from: each tier alone, and the training rows.

``threadguard eval`` reports the cascade's WikiMadlibs figures. This prints the same
summary (Borkan et al.'s generalised means and Jigsaw's final score, from
:func:`threadguard.evaluation.bias.bias_report`) for the fast tier alone, the cascade and the
deep tier on every comment, with the identities of lowest BPSN (civil sentences that name
them scored above abusive ones that do not) and BNSP. With ``--terms``, it also counts, for
each given identity word, the training rows of the public sets that use it and how many
of them are toxic: a word that is mostly abuse in the training data is what a model learns
to read as abuse (session 30: "homosexual", 141 of 205 rows).

Usage: PYTHONPATH=src python bench/madlibs_tiers.py --data $THREADGUARD_DATA [--model DIR]
       [--tiers fast cascade deep] [--terms homosexual gay black ...]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

from threadguard.engine import CascadeSettings, Engine
from threadguard.evaluation.bias import bias_report
from threadguard.schema import Tier
from threadguard.training.datasets import HEADS, TRAINING_SETS, load_wikimadlibs
from threadguard.training.evaluate import engine_predictor

TOXICITY = HEADS.index("toxicity")


def term_counts(data: Path, terms: list[str]) -> None:
    """Training rows with each word (plural too), and the toxic share among them."""
    patterns = {t: re.compile(rf"\b(?:{re.escape(t)})s?\b", re.IGNORECASE) for t in terms}
    counts = {t: [0, 0] for t in terms}
    for load, _licence in TRAINING_SETS.values():
        block = load(data)
        labels = block.matrix()[:, TOXICITY]
        for text, split, y in zip(block.texts, block.splits, labels, strict=True):
            if split != "train" or np.isnan(y):
                continue
            for term, pattern in patterns.items():
                if pattern.search(text):
                    counts[term][int(y >= 0.5)] += 1
    for term, (civil, toxic) in counts.items():
        share = toxic / max(1, civil + toxic)
        print(f"{term:20} training rows {civil + toxic:5}, toxic {toxic:5} ({share:.0%})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--model", type=Path, help="a model folder replacing its tier")
    ap.add_argument("--tiers", nargs="+", default=["fast", "cascade", "deep"])
    ap.add_argument("--terms", nargs="*", default=[])
    args = ap.parse_args()
    rows = load_wikimadlibs(args.data)
    y = rows.matrix()[:, TOXICITY]
    engine = Engine.load(args.model)
    for tier in args.tiers:
        tiered = engine.with_cascade(CascadeSettings(tier=Tier(tier)))
        scores = engine_predictor(tiered)(rows)[:, TOXICITY]
        report = bias_report(rows.texts, y, scores)
        means = ", ".join(f"{k} {v:.3f}" for k, v in report.means.items() if v is not None)
        print(
            f"{tiered.model_version} {tier}: overall AUC {report.overall_auc:.3f}, {means}, "
            f"final {report.final_score:.3f}"
        )
        for metric in ("bpsn_auc", "bnsp_auc"):
            worst = ", ".join(f"{s.term} {getattr(s, metric):.3f}" for s in report.worst(metric, 6))
            print(f"  lowest {metric}: {worst}")
    if args.terms:
        term_counts(args.data, args.terms)


if __name__ == "__main__":
    main()
