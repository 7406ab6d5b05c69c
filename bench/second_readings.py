"""Where the engine's second readings apply: opinion frames and denied slurs, per data set.

A comment with an opinion frame ("I think ...") is read again without it, and its attack
on a group keeps the higher reading; one that denies a slur about a group ("Christians
are not stupid") is read again without the denial, and every head keeps the lower reading
(``src/threadguard/scoring/rereading.py``). This reads every labelled set in the data
folder (training, dev and test rows; nothing is fitted) and prints per set how many rows
labelled civil (toxicity < 0.5), toxic and unlabelled each construction stands in; then
every toxic row a denial stands in, in full, to read: those are the rows whose scores the
denial reading may lower.

    PYTHONPATH=src python bench/second_readings.py --data $THREADGUARD_DATA [--splits train,dev]
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from pathlib import Path

from threadguard.schema import ATTRIBUTES
from threadguard.scoring.negated_claims import without_negated_claims
from threadguard.scoring.opinion_frames import without_frames
from threadguard.training.datasets import load_all

TOXICITY = ATTRIBUTES.index("toxicity")


def label(row: object) -> str:
    """civil, toxic or unlabelled, from a row's toxicity label."""
    value = row[TOXICITY] if len(row) > TOXICITY else math.nan  # type: ignore[arg-type,index]
    if math.isnan(value):
        return "unlabelled"
    return "toxic" if value >= 0.5 else "civil"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--splits", help="comma-separated splits to read (default: every row)")
    args = ap.parse_args()
    splits = set(args.splits.split(",")) if args.splits else None
    print(
        "| data set | rows | frames: civil | toxic | unlabelled | denials: civil | toxic "
        "| unlabelled |\n|---|---:|---:|---:|---:|---:|---:|---:|"
    )
    toxic_denials: list[tuple[str, str]] = []
    totals: Counter[str] = Counter()
    for block in load_all(args.data):
        counts: Counter[str] = Counter()
        rows = 0
        for text, row, split in zip(block.texts, block.matrix(), block.splits, strict=True):
            if splits is not None and split not in splits:
                continue
            rows += 1
            kind = label(row)
            if without_frames(text) is not None:
                counts[f"frame {kind}"] += 1
            if without_negated_claims(text) is not None:
                counts[f"denial {kind}"] += 1
                if kind == "toxic":
                    toxic_denials.append((block.dataset, text))
        totals.update(counts)
        kinds = ("civil", "toxic", "unlabelled")
        print(
            f"| {block.dataset} | {rows} | "
            + " | ".join(str(counts[f"frame {k}"]) for k in kinds)
            + " | "
            + " | ".join(str(counts[f"denial {k}"]) for k in kinds)
            + " |"
        )
    print("\nall sets: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
    print(f"\nToxic rows with a denial ({len(toxic_denials)}):")
    for name, text in toxic_denials:
        print(f"- [{name}] {text!r}")


if __name__ == "__main__":
    main()
