"""How often each entry of the other languages' abusive-words list stands in civil and
toxic rows of the data folder's non-English sets.

The list (``src/threadguard/resources/lexicons/abusive_words_languages.toml``) holds a
comment whenever one of its words stands there outside a quotation, so an entry that civil
comments use in another sense would hold readers who did nothing wrong. This reads every
labelled non-English set (training, dev and test rows: nothing is fitted) and prints per
set how many rows labelled civil (toxicity < 0.5) and toxic the list matches, then per
entry, then every civil row it holds, in full, to read.

    PYTHONPATH=src python bench/abusive_words.py --data $THREADGUARD_DATA [--list FILE]
        [--splits train,dev]
"""

from __future__ import annotations

import argparse
import math
from collections import Counter, defaultdict
from pathlib import Path

from threadguard.moderation.abusive_words import (
    LEXICON,
    abusive_list,
    match_abusive_words,
    parse_abusive_words,
)
from threadguard.normalize import normalize_text
from threadguard.training.datasets_multilingual import LANGUAGE_SETS, load_language_sets


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--list", type=Path, help=f"a list (default: the shipped {LEXICON})")
    ap.add_argument("--splits", help="comma-separated splits to read (default: every row)")
    args = ap.parse_args()
    rules = parse_abusive_words(args.list.read_text("utf-8")) if args.list else abusive_list()
    splits = set(args.splits.split(",")) if args.splits else None
    entry = {rule: n for n, rule in enumerate(rules, start=1)}
    per_entry: dict[int, Counter[str]] = defaultdict(Counter)
    civil_rows: list[tuple[str, str, list[int]]] = []
    print(
        f"{len(rules)} entries\n\n| data set | language | rows | civil rows | civil held "
        "| toxic rows | toxic held |\n|---|---|---:|---:|---:|---:|---:|"
    )
    for block in load_language_sets(args.data):
        language = LANGUAGE_SETS[block.dataset][1]
        mine = tuple(r for r in rules if r.language == language)
        counts: Counter[str] = Counter()
        for text, row, split in zip(block.texts, block.matrix(), block.splits, strict=True):
            if splits is not None and split not in splits:
                continue
            y = row[0]
            if math.isnan(y):
                continue
            kind = "civil" if y < 0.5 else "toxic"
            counts[kind] += 1
            canonical = normalize_text(text)
            held = sorted(
                {
                    entry[r]
                    for r in mine
                    if any(
                        m.holds
                        for m in match_abusive_words(
                            text, language=language, canonical=canonical, rules=(r,)
                        )
                    )
                }
            )
            if not held:
                continue
            counts[f"{kind} held"] += 1
            for n in held:
                per_entry[n][kind] += 1
            if kind == "civil":
                civil_rows.append((block.dataset, text, held))
        print(
            f"| {block.dataset} | {language} | {counts['civil'] + counts['toxic']} "
            f"| {counts['civil']} | {counts['civil held']} | {counts['toxic']} "
            f"| {counts['toxic held']} |"
        )
    print("\n| entry | language | kind | civil | toxic |\n|---|---|---|---:|---:|")
    for rule, n in entry.items():
        c = per_entry[n]
        print(f"| {n} | {rule.language} | {rule.kind} | {c['civil']} | {c['toxic']} |")
    print("\nCivil rows the list holds (entry numbers in brackets):")
    for dataset, text, held in civil_rows:
        print(f"- [{dataset}] ({', '.join(map(str, held))}) {' '.join(text.split())}")


if __name__ == "__main__":
    main()
