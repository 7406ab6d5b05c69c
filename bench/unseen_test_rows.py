"""How many test rows a training or dev row copies, per data set, and what Stormfront's
sentence neighbours did to the shipped model's figure.

Every evaluation leaves out the test rows that a train or dev row of any training set copies
up to case, spacing and punctuation (:mod:`threadguard.training.unseen`). This prints, per
set (English and the other languages), how many test rows that is and how many of them are
copied within the set itself. With ``--stormfront`` it also scores Stormfront's test
sentences with the shipped engine (the cascade, as ``threadguard eval`` reads it) and prints
identity_attack's AUROC on the sentences whose post has other sentences outside the test
split against those whose post has none: models trained before session 32 read those
neighbours in training (the loader has left them out since).

    PYTHONPATH=src python bench/unseen_test_rows.py --data $THREADGUARD_DATA [--stormfront]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from sklearn.metrics import roc_auc_score

from threadguard.training.datasets import TRAINING_SETS, load_named, near_key
from threadguard.training.datasets_multilingual import LANGUAGE_SETS
from threadguard.training.unseen import read_keys, training_keys, unseen


def copies(root: Path) -> None:
    """Per set: test rows, those copied by any set's train or dev rows, those by its own."""
    keys = training_keys(root)
    print("| data set | test rows | copied (any set) | copied (own set) |\n|---|---:|---:|---:|")
    for registry in (TRAINING_SETS, LANGUAGE_SETS):
        for block in load_named(registry, root):
            test = block.select("test")
            left = len(test) - len(unseen(test, keys))
            own = len(test) - len(unseen(test, read_keys([block])))
            print(f"| {block.dataset} | {len(test)} | {left} | {own} |")


def stormfront(root: Path) -> None:
    """identity_attack AUROC of the shipped engine on Stormfront's test sentences, split by
    whether other sentences of their post lie outside the test split."""
    from threadguard.engine import CommentInput, Engine

    with (root / "stormfront" / "stormfront.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["label"] in ("hate", "noHate")]
    outside = {r["file_id"].rpartition("_")[0] for r in rows if r["sampled_split"] != "test"}
    test = [r for r in rows if r["sampled_split"] == "test"]
    engine = Engine.load()
    analyses = engine.analyze([CommentInput(r["text"]) for r in test], spans=False)
    keys = training_keys(root)
    print(f"\nStormfront test sentences, {engine.model_version}, identity_attack AUROC:")
    for name, keep in (
        ("post has sentences outside the test split", True),
        ("post wholly in the test split", False),
    ):
        idx = [
            i for i, r in enumerate(test) if (r["file_id"].rpartition("_")[0] in outside) == keep
        ]
        y = [test[i]["label"] == "hate" for i in idx]
        s = [analyses[i].scores["identity_attack"] for i in idx]
        copied = sum(near_key(test[i]["text"]) in keys for i in idx)
        print(
            f"- {name}: {len(idx)} sentences ({sum(y)} hate, {copied} copied): "
            f"{roc_auc_score(y, s):.3f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--stormfront", action="store_true", help="score Stormfront's test split")
    args = ap.parse_args()
    copies(args.data)
    if args.stormfront:
        stormfront(args.data)


if __name__ == "__main__":
    main()
