"""Retrain some models of the multilingual fast tier, carrying the others over unchanged.

A template change touches only the models that read those templates (round two of the
de / fr / es templates: the ``de``, ``fr`` and ``xx`` models); the others' inputs are the
same, so retraining them reproduces them. On 2 cores the whole tier takes a quarter of an
hour: this retrains the named models (same recipe as ``threadguard train --tier
languages``), copies the rest from ``--base`` with the version bumped, and writes the tier
and its model card to ``--out``.

    PYTHONPATH=src python bench/language_tier_retrain.py --data $THREADGUARD_DATA \\
        --base src/threadguard/models/fast-xx --models de fr xx --version 2 --out /tmp/fast-xx-2
"""

from __future__ import annotations

import argparse
from pathlib import Path

from threadguard.evaluation.language_card import write_language_card
from threadguard.training.language_tier import (
    GROUPS,
    LanguageTierResult,
    train_language_tier,
)
from threadguard.training.templates_languages import GROUPS as TEMPLATE_LANGUAGES
from threadguard.training.templates_languages import template_rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--base", type=Path, required=True, help="the tier to carry models from")
    ap.add_argument("--models", nargs="+", required=True, help="the models to retrain")
    ap.add_argument("--version", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    base = LanguageTierResult.from_folder(args.base)
    templates = {lang: template_rows(lang) for lang in TEMPLATE_LANGUAGES}
    groups = tuple(g for g in GROUPS if g.name in args.models)
    fresh = train_language_tier(args.data, templates=templates, groups=groups, version=args.version)
    models = {}
    for g in GROUPS:
        if g.name in fresh.models:
            models[g.name] = fresh.models[g.name]
        else:
            carried = base.models[g.name]
            carried.model.version = args.version
            carried.model.metadata["version"] = args.version  # save() writes metadata last
            models[g.name] = carried
            print(f"model {g.name}: carried over from {args.base} (inputs unchanged)")
    tier = LanguageTierResult(models, base.serves, args.version)
    tier.save(args.out)
    write_language_card(tier, args.out, args.data)
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
