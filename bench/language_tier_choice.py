"""One model per language, or one shared model for every language? Chosen on DEV rows only.

Trains both variants of the multilingual fast tier with the same recipe (the same data
sets, the team's templates, the same C grid chosen on dev, the same features):

- ``per-language``: :data:`threadguard.training.language_tier.GROUPS` (one model per
  language with data; one for es/it/nl/pl), what ships;
- ``shared``: :data:`threadguard.training.language_tier.SHARED_GROUPS` (one model fitted
  on every language's rows at once, serving all nine).

and prints, per labelled set, toxicity's macro-F1 on that set's DEV rows at the best
dev threshold (the margin of the model serving the set's language; per-language Platt
calibration is monotonic, so the threshold search on margins is the same as on scores).
No test split is read except by the trainer, to drop training rows whose text is in one.
Spanish, Italian, Dutch and Polish have no labelled rows: the choice cannot be measured
for them.

    PYTHONPATH=src python bench/language_tier_choice.py --data $THREADGUARD_DATA \
        --per-language src/threadguard/models/fast-xx

``--per-language FOLDER`` reads the per-language variant from a tier trained with this
recipe (``threadguard train --tier languages``; the shipped one) instead of retraining it
(on 2 cores the full tier takes a quarter of an hour); without it both are trained here.

Measured (2026-12-01, the @1 templates, the shipped @1 tier as the per-language variant;
the shared model chose C=4 on dev; 372 s to train on 2 cores)::

    | data set          | lang | dev rows | per-language | shared | difference |
    |-------------------|------|----------|--------------|--------|------------|
    | germeval2018      | de   |      744 |       0.7571 | 0.7015 |    -0.0556 |
    | offenseval2020_tr | tr   |    4,795 |       0.7591 | 0.7535 |    -0.0056 |
    | told_br           | pt   |    2,100 |       0.7522 | 0.7435 |    -0.0086 |
    | osact2022_ar      | ar   |    1,327 |       0.7734 | 0.7683 |    -0.0052 |
    | mlma_ar           | ar   |      491 |       0.7076 | 0.7089 |    +0.0013 |
    | mlma_fr           | fr   |      566 |       0.6478 | 0.5721 |    -0.0756 |
    | mean over sets    |      |          |       0.7329 | 0.7080 |    -0.0249 |

Re-measured with the @2 templates against the shipped @2 tier (shared: C=4, 126 s)::

    | data set          | lang | dev rows | per-language | shared | difference |
    |-------------------|------|----------|--------------|--------|------------|
    | germeval2018      | de   |      744 |       0.7481 | 0.7055 |    -0.0427 |
    | offenseval2020_tr | tr   |    4,795 |       0.7591 | 0.7509 |    -0.0082 |
    | told_br           | pt   |    2,100 |       0.7522 | 0.7445 |    -0.0076 |
    | osact2022_ar      | ar   |    1,327 |       0.7734 | 0.7683 |    -0.0052 |
    | mlma_ar           | ar   |      491 |       0.7076 | 0.7158 |    +0.0082 |
    | mlma_fr           | fr   |      566 |       0.6432 | 0.5746 |    -0.0686 |
    | mean over sets    |      |          |       0.7306 | 0.7099 |    -0.0207 |

Dev says one model per language (what ships), both times.

With ``--folders A B``, the same dev table for two saved tiers instead (no training: a
shipped tier against a retrained candidate, e.g. after new templates).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from threadguard.normalize import normalize_text
from threadguard.training.datasets import HEADS
from threadguard.training.datasets_multilingual import LANGUAGE_SETS, load_language_sets
from threadguard.training.language_tier import (
    GROUPS,
    SHARED_GROUPS,
    LanguageTierResult,
    _dev_macro_f1,
    train_language_tier,
)
from threadguard.training.templates_languages import GROUPS as TEMPLATE_LANGUAGES
from threadguard.training.templates_languages import template_rows


def dev_scores(tier: LanguageTierResult, data: Path) -> dict[str, float]:
    """Toxicity macro-F1 per set on its dev rows, at the best dev threshold."""
    out: dict[str, float] = {}
    h = HEADS.index("toxicity")
    for block in load_language_sets(data):
        dev = block.select("dev")
        model = tier.models[tier.serves[LANGUAGE_SETS[block.dataset][1]]].model
        x = model.featurizer.transform([normalize_text(t) for t in dev.texts])
        margins = np.asarray(x @ model.weights[:, h]).ravel() + model.bias[h]
        out[block.dataset] = _dev_macro_f1(margins, dev.matrix()[:, h])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--per-language", type=Path, help="the per-language tier, already trained")
    ap.add_argument("--folders", type=Path, nargs=2, help="compare two saved tiers instead")
    args = ap.parse_args()
    if args.folders:
        table(
            {
                f"{tag}: {f}": dev_scores(LanguageTierResult.from_folder(f), args.data)
                for tag, f in zip("AB", args.folders, strict=True)
            },
            args.data,
        )
        return
    templates = {lang: template_rows(lang) for lang in TEMPLATE_LANGUAGES}
    results: dict[str, dict[str, float]] = {}
    chosen_c: dict[str, str] = {}
    for name, groups in (("per-language", GROUPS), ("shared", SHARED_GROUPS)):
        if name == "per-language" and args.per_language is not None:
            tier = LanguageTierResult.from_folder(args.per_language)
            results[name] = dev_scores(tier, args.data)
            chosen_c[name] = ", ".join(
                f"{g}: C={r.model.metadata['c']}" for g, r in tier.models.items()
            )
            print(f"{name}: read from {args.per_language} ({chosen_c[name]})")
            continue
        start = time.perf_counter()
        tier = train_language_tier(
            args.data, templates=templates, groups=groups, log=lambda _m: None
        )
        results[name] = dev_scores(tier, args.data)
        chosen_c[name] = ", ".join(
            f"{g}: C={r.model.metadata['c']}" for g, r in tier.models.items()
        )
        print(f"{name}: trained in {time.perf_counter() - start:.0f} s ({chosen_c[name]})")
    print()
    table(results, args.data)


def table(results: dict[str, dict[str, float]], data: Path) -> None:
    """The dev table: the first variant, the second, and the difference."""
    first, second = results
    print(f"| data set | lang | dev rows | {first} | {second} | difference |")
    print("|---|---|---|---|---|---|")
    blocks = {b.dataset: len(b.select("dev")) for b in load_language_sets(data)}
    for dataset in results[first]:
        a, b = results[first][dataset], results[second][dataset]
        lang = LANGUAGE_SETS[dataset][1]
        print(f"| {dataset} | {lang} | {blocks[dataset]:,} | {a:.4f} | {b:.4f} | {b - a:+.4f} |")
    mean_a = np.mean(list(results[first].values()))
    mean_b = np.mean(list(results[second].values()))
    print(f"| **mean over sets** | | | {mean_a:.4f} | {mean_b:.4f} | {mean_b - mean_a:+.4f} |")


if __name__ == "__main__":
    main()
