"""Where the engine's second readings apply: opinion frames, denied slurs, insults at
things, condemned quotations, sex named as a subject, words that only look sexual
("cockroach") and idioms of violence that harm no one ("kill the clock"), per data set.

A comment with an opinion frame ("I think ...") and a word of contempt is read again
without the frame, and its attack on a group keeps the higher reading; one that denies a
slur about a group ("Christians are not stupid") is read again without the denial, and
toxicity, severe toxicity, insult and identity attack keep the lower reading; one that
insults a thing ("this stupid parking meter") is read again without the insulting word,
and insult and toxicity keep the lower reading (``src/threadguard/scoring/second_readings.py``).
This reads every labelled set in the data folder (training, dev and test rows; nothing is
fitted) and prints per set how many rows labelled civil (toxicity < 0.5), toxic and
unlabelled each construction stands in; then the toxic rows a denial or an insult at a thing
stands in (at most ``--show`` of each), in full, to read: those are the rows whose scores a
second reading may lower.

    PYTHONPATH=src python bench/second_readings.py --data $THREADGUARD_DATA [--splits train,dev]
        [--show N]

``--adversarial`` instead times each reading's search on 20,000-character inputs built
to make a pattern backtrack (runs of spaces, repeated trigger words), as a ratio to the
same search on 20,000 characters of plain news prose: a linear pattern stays within a
few times, a quadratic one reaches hundreds.

    PYTHONPATH=src python bench/second_readings.py --adversarial
"""

from __future__ import annotations

import argparse
import math
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Final

from threadguard.schema import ATTRIBUTES
from threadguard.scoring.second_readings import READINGS
from threadguard.training.datasets import load_all

TOXICITY = ATTRIBUTES.index("toxicity")


def label(row: object) -> str:
    """civil, toxic or unlabelled, from a row's toxicity label."""
    value = row[TOXICITY] if len(row) > TOXICITY else math.nan  # type: ignore[arg-type,index]
    if math.isnan(value):
        return "unlabelled"
    return "toxic" if value >= 0.5 else "civil"


#: Inputs built to make a pattern backtrack: a trigger word, then a run it may retry.
ADVERSARIAL: Final = {
    "spaces after sex": "sex" + " " * 20_000 + "education",
    "sexual repeated": "sexual " * 2_858,
    "sex - repeated": "sex -" * 4_000,
    "same sex repeated": "same sex " * 2_223,
    "convicted of repeated": "convicted of " * 1_539 + "rape",
    "spaces after a frame": "I think" + " " * 20_000 + "they are vermin",
    "insults repeated": "stupid " * 2_858 + "phone",
    "denials repeated": "Muslims are not " * 1_250 + "terrorists.",
    "short quotes repeated": 'as"a"' * 4_000,
    "reported quotes repeated": 'He said "filthy rats". Shameful. ' * 625,
    "unclosed quotes": '"' + "said " * 4_000,
    "many attributed quotes": 'He said "filthy rats" at the market today. ' * 465 + "Shameful.",
    "verbs of being repeated": "that is " * 2_500 + "stupid",
    "judgements repeated": "The plan is stupid, " * 1_000,
    "dismissals repeated": "complete " * 2_222 + "nonsense",
    "long thing names": "the " + "new " * 4_999 + "plan is stupid",
    "insults a line": "stupid\n" * 2_857,
    "dismissal words a line": "such\n" * 3_999 + "stupid",
    "kill and whitespace": ("kill" + " \t" * 50) * 196,
    "idioms repeated": "kill the clock " * 1_333,
    "cravings repeated": "i could murder a " * 1_176,
    "single quotes opened": " 'abc" * 5_000,
    "agreed quotes repeated": "The Somalis said 'rats', and he was right, " * 465,
    "agreements after a quote": "'Somalis are rats' " + "he was right, " * 1_428,
    "pleas repeated": "Leave her alone, " * 1_176,
    "praise repeated": "Give the man a medal. " * 909,
    "hopes repeated": "hope " * 4_000,
    "contempt repeated": "disgusting comment, " * 1_000,
}
#: Plain news prose that reaches every reading's patterns (a frame, a denial, a thing, a
#: sex topic), so the baseline pays for the same searches.
PROSE: Final = (
    "I think the council was right to vote on the budget last night. Migrants are not "
    "the problem. The stupid bus route opens in spring, and the sex education bill after "
    'the man convicted of rape is sentenced. A man shouted "filthy rats" at her. Shameful. '
    "The new parking plan is idiotic. Complete nonsense. Leave her alone, she has been "
    "through enough. "
)


def best_of(cut: Callable[[str], object], text: str, runs: int = 5) -> float:
    """The fastest of ``runs`` calls, in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        cut(text)
        times.append(time.perf_counter() - started)
    return min(times)


def adversarial() -> None:
    """Each reading's search on each adversarial input, against plain prose."""
    prose = (PROSE * (20_000 // len(PROSE) + 1))[:20_000]
    print("| reading | input | ms | x plain prose |\n|---|---|---:|---:|")
    for reading in READINGS:
        base = best_of(reading.cut, prose)
        for name, text in ADVERSARIAL.items():
            took = best_of(reading.cut, text)
            print(f"| {reading.name} | {name} | {took * 1e3:.2f} | {took / base:.1f}x |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path)
    ap.add_argument("--adversarial", action="store_true", help="time the patterns instead")
    ap.add_argument("--splits", help="comma-separated splits to read (default: every row)")
    ap.add_argument("--show", type=int, default=40, help="toxic rows shown per construction")
    args = ap.parse_args()
    if args.adversarial:
        adversarial()
        return
    if args.data is None:
        ap.error("--data is required unless --adversarial")
    splits = set(args.splits.split(",")) if args.splits else None
    readings = {r.name: r.cut for r in READINGS}
    kinds = ("civil", "toxic", "unlabelled")
    print(
        "| data set | rows | "
        + " | ".join(f"{r} {k}" for r in readings for k in kinds)
        + " |\n|---|---:|"
        + "---:|" * (len(readings) * len(kinds))
    )
    toxic: dict[str, list[tuple[str, str]]] = {r.name: [] for r in READINGS if not r.raises}
    totals: Counter[str] = Counter()
    for block in load_all(args.data):
        counts: Counter[str] = Counter()
        rows = 0
        for text, row, split in zip(block.texts, block.matrix(), block.splits, strict=True):
            if splits is not None and split not in splits:
                continue
            rows += 1
            kind = label(row)
            for reading, cut in readings.items():
                if cut(text) is not None:
                    counts[f"{reading} {kind}"] += 1
                    if kind == "toxic" and reading in toxic:
                        toxic[reading].append((block.dataset, text))
        totals.update(counts)
        print(
            f"| {block.dataset} | {rows} | "
            + " | ".join(str(counts[f"{r} {k}"]) for r in readings for k in kinds)
            + " |"
        )
    print("\nall sets: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
    for reading, rows_of in toxic.items():
        print(f"\nToxic rows with a {reading} ({len(rows_of)}, at most {args.show} shown):")
        for name, text in rows_of[: args.show]:
            print(f"- [{name}] {text!r}")


if __name__ == "__main__":
    main()
