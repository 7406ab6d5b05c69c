"""How often each entry of the threat list stands in civil, toxic and threat-labelled rows.

The list (``src/threadguard/resources/lexicons/threats.toml``) holds a comment for a
moderator whenever one of its phrases stands there outside quotation marks, so an entry
that civil comments use in another sense would hold readers who did nothing wrong. This
reads every labelled set in the data folder (training, dev and test rows: it checks the
list's precision and what it adds to the threat heads, nothing is fitted) and prints per
set how many rows labelled civil (toxicity < 0.5), toxic and unlabelled an entry matches,
how many rows labelled a threat there are and how many of them the list finds; then per
entry; then every civil row it holds, in full, to read.

    PYTHONPATH=src python bench/threat_phrases.py --data $THREADGUARD_DATA [--list FILE]
        [--splits train,dev] [--kind KIND] [--languages]

``--languages`` reads the sets of the other languages instead, each by the entries of its
language (``lexicons/threats_languages.toml``).

``--splits`` reads only those splits' rows (to write or mend an entry on training and dev
rows and keep the test rows for reporting); ``--kind`` only the entries of one kind.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter, defaultdict
from pathlib import Path

from threadguard.moderation.threats import LEXICON, match_threats, parse_threats, threat_list
from threadguard.schema import ATTRIBUTES
from threadguard.training.datasets import load_all
from threadguard.training.datasets_multilingual import LANGUAGE_SETS, load_language_sets

KINDS = ("civil", "toxic", "unlabelled")
THREAT = ATTRIBUTES.index("threat")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--list", type=Path, help=f"a threat list (default: the shipped {LEXICON})")
    ap.add_argument("--splits", help="comma-separated splits to read (default: every row)")
    ap.add_argument("--kind", help="only the entries of this kind (default: every entry)")
    ap.add_argument("--languages", action="store_true", help="the other languages' sets")
    args = ap.parse_args()
    rules = parse_threats(args.list.read_text("utf-8")) if args.list else threat_list()
    if args.kind:
        rules = tuple(r for r in rules if r.kind == args.kind)
    splits = set(args.splits.split(",")) if args.splits else None
    entry = {rule: n for n, rule in enumerate(rules, start=1)}
    per_entry: dict[int, Counter[str]] = defaultdict(Counter)
    print(
        f"{len(rules)} entries\n\n| data set | rows | civil | toxic | unlabelled "
        "| threat rows | found |\n|---|---:|---:|---:|---:|---:|---:|"
    )
    civil_rows: list[tuple[str, str, str]] = []
    blocks = load_language_sets(args.data) if args.languages else load_all(args.data)
    for block in blocks:
        language = LANGUAGE_SETS[block.dataset][1] if args.languages else "en"
        labels = block.matrix()
        counts: Counter[str] = Counter()
        rows = 0
        for text, row, split in zip(block.texts, labels, block.splits, strict=True):
            if splits is not None and split not in splits:
                continue
            rows += 1
            threat = row[THREAT] if len(row) > THREAT else math.nan
            labelled_threat = not math.isnan(threat) and threat >= 0.5
            counts["threat"] += labelled_threat
            held = {
                entry[r]
                for r in rules
                if any(not m.quoted for m in match_threats(text, language=language, rules=(r,)))
            }
            if not held:
                continue
            y = row[0]
            kind = "unlabelled" if math.isnan(y) else ("civil" if y < 0.5 else "toxic")
            counts[kind] += 1
            counts["found"] += labelled_threat
            for n in held:
                per_entry[n][kind] += 1
            if kind == "civil":
                civil_rows.append((block.dataset, ", ".join(map(str, sorted(held))), text))
        print(
            f"| {block.dataset} | {rows} | "
            + " | ".join(str(counts[k]) for k in (*KINDS, "threat", "found"))
            + " |"
        )
    print("\n| entry | kind | civil | toxic | unlabelled |\n|---|---|---:|---:|---:|")
    for rule, n in entry.items():
        c = per_entry[n]
        print(f"| {n} | {rule.kind} | " + " | ".join(str(c[k]) for k in KINDS) + " |")
    print("\nCivil rows the list holds (entry numbers in brackets):")
    for dataset, found, text in civil_rows:
        print(f"- [{dataset}] ({found}) {' '.join(text.split())[:300]}")


if __name__ == "__main__":
    main()
