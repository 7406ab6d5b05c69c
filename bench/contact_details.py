"""How many comments of each labelled set the contact-details phase finds something in.

    PYTHONPATH=src python bench/contact_details.py --data $THREADGUARD_DATA [--sets unhealthy,sfu]

For each set: rows, and the rows with each kind of find (phone number, e-mail address, home
address, shortened link, commercial offer with a link), split by label (civil / toxic);
then every civil row found, so a new pattern's cost in held civil comments is read before
it ships (threadguard.moderation.contact_details).
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from pathlib import Path

from threadguard.moderation.contact_details import match_contact_details
from threadguard.training.datasets import load_all


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--sets", help="comma-separated data sets (default: every English set)")
    args = ap.parse_args()
    wanted = set(args.sets.split(",")) if args.sets else None
    print("| data set | rows | civil found | toxic found | kinds |\n|---|---:|---:|---:|---|")
    civil: list[tuple[str, str, str]] = []
    for block in load_all(args.data):
        if wanted is not None and block.dataset not in wanted:
            continue
        labels = block.matrix()
        counts: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for text, row in zip(block.texts, labels, strict=True):
            counts["rows"] += 1
            found = match_contact_details(text)
            if not found:
                continue
            kinds.update({m.kind for m in found})
            label = "unlabelled" if math.isnan(row[0]) else "civil" if row[0] < 0.5 else "toxic"
            counts[label] += 1
            if label == "civil":
                civil.append((block.dataset, ", ".join(sorted({m.kind for m in found})), text))
        named = ", ".join(f"{k} {n}" for k, n in kinds.most_common()) or "none"
        print(
            f"| {block.dataset} | {counts['rows']} | {counts['civil']} | {counts['toxic']} "
            f"| {named} |"
        )
    print("\nCivil rows found:")
    for dataset, kinds_found, text in civil:
        print(f"- [{dataset}] ({kinds_found}) {' '.join(text.split())[:300]}")


if __name__ == "__main__":
    main()
