"""How often each code of the coded-hate lexicon stands in civil and in toxic rows.

The lexicon (``src/threadguard/resources/lexicons/coded_hate.toml``) holds a comment for a
moderator whenever one of its codes stands there, so a code that civil comments use in
another sense would hold readers who did nothing wrong. This reads every labelled set in
the data folder (training, dev and test rows: it checks the lexicon's precision, nothing is
fitted; not the terms of user names only, never looked for in a comment), and prints per
code how many rows labelled civil (toxicity < 0.5), toxic and unlabelled it matches, then
per data set, with the civil rows of the news and forum sets (not the tweet and hate-forum
sets, whose "normal" rows often quote slurs) printed in full to read.

    PYTHONPATH=src python bench/coded_hate_lexicon.py --data $THREADGUARD_DATA [--lexicon FILE]
"""

from __future__ import annotations

import argparse
import math
from collections import Counter, defaultdict
from pathlib import Path

from threadguard.moderation.coded_hate import LEXICON, lexicon, parse_lexicon
from threadguard.moderation.watchlist import match_watchlist
from threadguard.training.datasets import load_all

#: Sets whose civil rows are printed: news comments, Reddit, Wikipedia talk.
READ_CIVIL = ("unhealthy", "sfu", "cadd", "ruddit", "jigsaw_sample", "cat_gc", "olid")
KINDS = ("civil", "toxic", "unlabelled")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--lexicon", type=Path, help=f"a lexicon file (default: the shipped {LEXICON})")
    args = ap.parse_args()
    terms = parse_lexicon(args.lexicon.read_text("utf-8")) if args.lexicon else lexicon()
    # a term of user names only is never looked for in a comment (coded_hate.names_only)
    terms = tuple(t for t in terms if not t.names_only)
    rules = [t.rule for t in terms]
    per_term: dict[str, Counter[str]] = defaultdict(Counter)
    print(
        f"{len(terms)} codes\n\n| data set | rows | civil | toxic | unlabelled |\n|---|---:|---:|---:|---:|"
    )
    civil_rows: list[tuple[str, str, str]] = []
    for block in load_all(args.data):
        labels = block.matrix()[:, 0]
        counts: Counter[str] = Counter()
        for text, y in zip(block.texts, labels, strict=True):
            found = {m.pattern for m in match_watchlist(rules, text)}
            if not found:
                continue
            kind = "unlabelled" if math.isnan(y) else ("civil" if y < 0.5 else "toxic")
            counts[kind] += 1
            for pattern in found:
                per_term[pattern][kind] += 1
            if kind == "civil" and block.dataset in READ_CIVIL:
                civil_rows.append((block.dataset, ", ".join(sorted(found)), text))
        print(
            f"| {block.dataset} | {len(block.texts)} | "
            + " | ".join(str(counts[k]) for k in KINDS)
            + " |"
        )
    print("\n| code | civil | toxic | unlabelled |\n|---|---:|---:|---:|")
    for pattern, c in sorted(per_term.items(), key=lambda kv: (-kv[1]["civil"], kv[0])):
        print(f"| {pattern} | " + " | ".join(str(c[k]) for k in KINDS) + " |")
    never = sorted({t.pattern for t in terms} - set(per_term))
    print(f"\nnever matched ({len(never)}): {', '.join(never)}")
    print("\nCivil rows of the news, forum and talk-page sets that a code matches:")
    for dataset, found, text in civil_rows:
        print(f"- [{dataset}] ({found}) {' '.join(text.split())[:300]}")


if __name__ == "__main__":
    main()
