"""How fast the language is told: ``letters_by_script`` and ``detect_language`` over a
seeded sample of GermEval and OffensEval-tr comments (non-ASCII Latin text, the common case
on the other languages' sites), best of three, in comments per second.

    PYTHONPATH=src python bench/language_speed.py --data $THREADGUARD_DATA [--rows 20000]

Compare two trees by running it with each one's ``src`` on the same machine, one after the
other. Session 35 (shared 2-core machine): letters_by_script 78,200/s at 1d17bba, 45,500/s
with the emoticon rule, 76,900/s once all-Latin texts were counted at once; detect_language
about 10,000/s at 1d17bba and at 0e877ad.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path

from threadguard.language import detect_language
from threadguard.language.scripts import letters_by_script


def comments(data: Path, rows: int) -> list[str]:
    german = data / "germeval2018" / "germeval2018.test.txt"
    turkish = data / "offenseval2020_tr" / "offenseval-tr-training-v1.tsv"
    texts = [line.split("\t")[0] for line in german.read_text(encoding="utf-8").splitlines()]
    texts += [
        line.split("\t")[1]
        for line in turkish.read_text(encoding="utf-8").splitlines()
        if "\t" in line
    ]
    random.Random(0).shuffle(texts)
    return texts[:rows]


def rate(f: Callable[[str], object], texts: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for text in texts:
            f(text)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--rows", type=int, default=20000)
    args = ap.parse_args()
    texts = comments(args.data, args.rows)
    for name, f in (("letters_by_script", letters_by_script), ("detect_language", detect_language)):
        print(f"{name}: {rate(f, texts):,.0f} comments/s", flush=True)


if __name__ == "__main__":
    main()
