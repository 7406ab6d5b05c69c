"""Hold thresholds per language for the default policy, chosen on dev rows only.

For each language the shipped multilingual tier serves, and each attribute its dev rows
label with both classes (toxicity everywhere; identity attack where the data says), the
threshold with the best macro-F1 on the dev rows of the sets its model is calibrated on
(a language without dev rows of its own: its model's pooled dev rows). Prints the
``[languages.thresholds.xx]`` tables to paste into resources/default_policy.toml.

    PYTHONPATH=src python bench/language_thresholds.py --data $THREADGUARD_DATA

``--tier FOLDER`` reads a candidate tier (``bench/language_tier_retrain.py --out``) instead
of the shipped one, so its thresholds can be chosen before it ships.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.languages import best_threshold
from threadguard.training.datasets import HEADS
from threadguard.training.datasets_multilingual import LANGUAGE_SETS, load_language_sets
from threadguard.training.language_tier import GROUPS

ATTRIBUTES = ("toxicity", "identity_attack")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--tier", type=Path, help="a tier folder other than the shipped one")
    args = ap.parse_args()
    engine = Engine.load(language_dir=args.tier)
    blocks = {b.dataset: b.select("dev") for b in load_language_sets(args.data)}
    for group in GROUPS:
        for language in group.languages:
            own = [d for d in group.datasets if LANGUAGE_SETS[d][1] == language]
            dev = [blocks[d] for d in (own or group.datasets)]
            texts = [t for b in dev for t in b.texts]
            labels = np.vstack([b.matrix() for b in dev])
            probs = engine.for_language(language).head_probabilities(
                [CommentInput(t) for t in texts]
            )
            print(
                f"[languages.thresholds.{language}]  # dev rows: {', '.join(b.dataset for b in dev)}"
            )
            for attribute in ATTRIBUTES:
                h = HEADS.index(attribute)
                known = ~np.isnan(labels[:, h])
                y = labels[known, h]
                if y.sum() < 5 or (1 - y).sum() < 5:
                    continue
                t = best_threshold(y, probs[known, h])
                print(f"{attribute} = {{ hold = {t:.2f} }}")


if __name__ == "__main__":
    main()
