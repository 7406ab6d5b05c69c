"""How many replies of each labelled set the named-reader rule holds, by label.

    PYTHONPATH=src python bench/named_reader.py --data $THREADGUARD_DATA [--sets cat_gc,cadd]

For each set with context (a parent comment, or a post's or article's title): rows with
context, contexts whose writer names their own group, and the replies the rule holds
(civil / toxic); then every civil reply held, with its context, so a cue's cost in held
civil comments is read before it ships (threadguard.moderation.named_reader). The rule
reads no scores: no model runs.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from pathlib import Path

from threadguard.moderation.named_reader import match_named_reader
from threadguard.normalize import normalize_text
from threadguard.scoring.self_descriptions import own_groups
from threadguard.training.datasets import load_all


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--sets", help="comma-separated data sets (default: every set)")
    args = ap.parse_args()
    wanted = set(args.sets.split(",")) if args.sets else None
    print(
        "| data set | rows with context | self-named contexts | civil held | toxic held |\n"
        "|---|---:|---:|---:|---:|"
    )
    civil: list[tuple[str, str, str]] = []
    for block in load_all(args.data):
        if wanted is not None and block.dataset not in wanted:
            continue
        counts: Counter[str] = Counter()
        for text, parent, row in zip(block.texts, block.parents, block.matrix(), strict=True):
            if not parent:
                continue
            counts["context"] += 1
            counts["named"] += bool(own_groups(normalize_text(parent[:2000])))
            if match_named_reader(text, parent) is None:
                continue
            label = "unlabelled" if math.isnan(row[0]) else "civil" if row[0] < 0.5 else "toxic"
            counts[label] += 1
            if label == "civil":
                civil.append((block.dataset, parent, text))
        if counts["context"]:
            print(
                f"| {block.dataset} | {counts['context']} | {counts['named']} "
                f"| {counts['civil']} | {counts['toxic']} |"
            )
    print("\nCivil replies held:")
    for dataset, parent, text in civil:
        print(f"- [{dataset}] {' '.join(parent.split())[:200]} -> {' '.join(text.split())[:300]}")


if __name__ == "__main__":
    main()
