"""Train the fast tier for the languages beyond English: one hashed n-gram model per
language with labelled data, one shared by the languages without any, calibrated per
language.

Why one model per language rather than one shared by all: measured on DEV rows (toxicity
macro-F1 at the best dev threshold, same recipe, C chosen on dev for each), the shared
model is worse on every set but one, and clearly so on German (GermEval 0.702 vs 0.757)
and French (MLMA 0.572 vs 0.648); the others are within noise (OffensEval -0.006, ToLD-Br
-0.009, OSACT -0.005, MLMA Arabic +0.001). The dev table and its command are in
``bench/language_tier_choice.py``.

Calibration is per language: the base rates of the sets differ wildly (MLMA is mostly
hostile tweets, OffensEval 20% offensive), so a score must mean "80% of comments scored
0.8 in this language are labelled". Each language gets Platt parameters fitted on its own
dev rows for every head those rows label; a head a language's dev rows do not label takes
the pooled calibration over all languages' dev rows. Test splits are never read here
except to drop training rows whose text appears in one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score

from threadguard.scoring.features import FeatureConfig
from threadguard.scoring.languages import INDEX, INDEX_FORMAT
from threadguard.scoring.linear import LinearModel
from threadguard.training.calibration import fit_heads
from threadguard.training.datasets import HEADS, LabelledRows
from threadguard.training.datasets_multilingual import LANGUAGE_SETS, load_language_sets
from threadguard.training.fast_tier import (
    featurize,
    fit_weights,
    ngram_model,
    ngram_recipe,
    normalised_without_test,
    split_rows,
    stack_split,
    trainable_heads,
)
from threadguard.training.recipe import recording_reads, rows_sha256

#: The name of the multilingual fast tier's artifact (``threadguard-fast-xx@N``).
NAME = "threadguard-fast-xx"
#: Smaller than the English tier's feature space: less data, and a few MiB shipped.
CONFIG = FeatureConfig(word_bits=17, char_bits=18)


@dataclass
class LanguageTrainResult:
    """One model of the tier: the model, the rows it saw, and the C chosen on dev."""

    model: LinearModel
    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0
    dev_macro_f1: dict[float, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Group:
    """One model of the tier: the languages it serves, its data sets, its templates."""

    name: str
    languages: tuple[str, ...]
    datasets: tuple[str, ...]
    templates: tuple[str, ...]


#: The tier's models. Each language with labelled data gets a model of its own: on DEV rows
#: one model fitted on every language at once (:data:`SHARED_GROUPS`) scored German 0.702
#: toxicity macro-F1 where the German-only one scored 0.757, French 0.572 vs 0.648, and no
#: set better beyond noise (``PYTHONPATH=src python bench/language_tier_choice.py --data
#: $THREADGUARD_DATA --per-language src/threadguard/models/fast-xx``; its docstring has the
#: table). Spanish, Italian, Dutch and Polish have no data: one model serves them, fitted on
#: their templates and the Latin-script sets nearest to them (Portuguese, French, German),
#: calibrated on those sets' dev rows.
GROUPS: tuple[Group, ...] = (
    Group("de", ("de",), ("germeval2018",), ("de",)),
    Group("fr", ("fr",), ("mlma_fr",), ("fr",)),
    Group("pt", ("pt",), ("told_br",), ()),
    Group("tr", ("tr",), ("offenseval2020_tr",), ("tr",)),
    Group("ar", ("ar",), ("osact2022_ar", "mlma_ar"), ()),
    Group(
        "xx",
        ("es", "it", "nl", "pl"),
        ("told_br", "mlma_fr", "germeval2018"),
        ("es", "it", "nl", "pl"),
    ),
)
#: The alternative measured against :data:`GROUPS`: one model fitted on every language's
#: sets and templates at once, serving all nine (``bench/language_tier_choice.py``).
SHARED_GROUPS: tuple[Group, ...] = (
    Group(
        "all",
        ("ar", "de", "es", "fr", "it", "nl", "pl", "pt", "tr"),
        ("germeval2018", "mlma_fr", "told_br", "offenseval2020_tr", "osact2022_ar", "mlma_ar"),
        ("de", "fr", "es", "it", "nl", "pl", "tr"),
    ),
)
#: How many times each template row counts in training: a few hundred rows against tens of
#: thousands of tweets would otherwise teach next to nothing.
TEMPLATE_REPEAT = 3
#: A language whose dev rows are mostly toxic (MLMA French: 80% hostile tweets, sampled by
#: group keywords) has its calibration shifted to this toxic share (label-shift correction
#: of the Platt intercepts): its comment sections are not 80% hostile. 0.33 is GermEval's.
MAX_PRIOR = 0.5
TARGET_PRIOR = 0.33
#: The regularisation strengths tried per model; the one with the best dev macro-F1 wins.
C_GRID: tuple[float, ...] = (4.0, 16.0)


@dataclass
class LanguageTierResult:
    """Every model of the tier, and which model serves which language."""

    models: dict[str, LanguageTrainResult]
    serves: dict[str, str]
    version: int

    @classmethod
    def from_folder(cls, directory: Path) -> LanguageTierResult:
        """A saved tier read back (to rewrite its model card without retraining)."""
        index = json.loads((directory / INDEX).read_text(encoding="utf-8"))
        serves = {str(k): str(v) for k, v in index["models"].items()}
        models = {
            name: LanguageTrainResult(LinearModel.load(directory / name))
            for name in sorted(set(serves.values()))
        }
        return cls(models, serves, int(index["version"]))

    def save(self, directory: Path) -> None:
        """One sub-folder per model, and ``languages.json`` naming them."""
        directory.mkdir(parents=True, exist_ok=True)
        for name, result in self.models.items():
            result.model.save(directory / name)
        index = {
            "format": INDEX_FORMAT,
            "name": NAME,
            "version": self.version,
            "models": self.serves,
        }
        (directory / INDEX).write_text(json.dumps(index, indent=1) + "\n", encoding="utf-8")


def train_language_tier(
    data_root: Path,
    *,
    templates: dict[str, LabelledRows],
    groups: tuple[Group, ...] = GROUPS,
    c_grid: tuple[float, ...] = C_GRID,
    version: int = 1,
    log: Callable[[str], None] = print,
) -> LanguageTierResult:
    """Train every model of the tier (``templates``: the team's rows by language)."""
    models: dict[str, LanguageTrainResult] = {}
    serves: dict[str, str] = {}
    for g in groups:
        log(f"model {g.name} for {', '.join(g.languages)}")
        models[g.name] = train_language_model(
            data_root,
            datasets=list(g.datasets),
            extra=[templates[t] for t in g.templates],
            languages=list(g.languages),
            c_grid=c_grid,
            name=f"threadguard-fast-{g.name}",
            version=version,
            log=log,
        )
        serves.update(dict.fromkeys(g.languages, g.name))
    return LanguageTierResult(models, serves, version)


def language_of(dataset: str) -> str:
    """The language of a non-English set, or of a template block named ``templates_xx``."""
    if dataset.startswith("templates_"):
        return dataset.removeprefix("templates_")
    return LANGUAGE_SETS[dataset][1]


def _stack(blocks: list[LabelledRows], split: str) -> tuple[list[str], np.ndarray, list[str]]:
    """One split of every block, each row tagged with its language."""
    return stack_split(blocks, split, lambda b: language_of(b.dataset))


def calibrate_per_language(
    margins: np.ndarray,
    labels: np.ndarray,
    langs: list[str],
    fitted: np.ndarray,
    min_rows: int = 30,
) -> tuple[tuple[np.ndarray, np.ndarray], dict[str, dict[str, list[Any]]]]:
    """Pooled Platt parameters, and each language's own where its dev rows label a head
    with both classes present (at least ``min_rows`` rows and 5 of each class). A language
    whose dev rows are mostly toxic has its intercepts shifted to :data:`TARGET_PRIOR`."""
    none = np.zeros(len(margins), dtype=bool)
    pooled = fit_heads(margins, labels, none, fitted, 0.0)
    per: dict[str, dict[str, list[Any]]] = {}
    for lang in sorted(set(langs)):
        rows = np.array([x == lang for x in langs])
        y = labels[rows]
        known = ~np.isnan(y)
        pos = np.nansum(y, axis=0)
        usable = (
            fitted & (known.sum(axis=0) >= min_rows) & (pos >= 5) & (known.sum(axis=0) - pos >= 5)
        )
        a, b = fit_heads(margins[rows], y, none[rows], usable, 0.0)
        a = np.where(usable, a, pooled[0])
        b = np.where(usable, b, pooled[1])
        toxic = y[:, 0][~np.isnan(y[:, 0])]
        prior = float(toxic.mean()) if len(toxic) else 0.0
        if prior > MAX_PRIOR:
            b = b + (_logit(TARGET_PRIOR) - _logit(prior)) * usable
        per[lang] = {
            "platt_a": a.tolist(),
            "platt_b": b.tolist(),
            "own": [HEADS[h] for h in np.flatnonzero(usable)],
        }
    return pooled, per


def train_language_model(
    data_root: Path,
    *,
    datasets: list[str] | None = None,
    extra: list[LabelledRows] | None = None,
    languages: list[str] | None = None,
    c_grid: tuple[float, ...] = C_GRID,
    name: str = NAME,
    version: int = 1,
    config: FeatureConfig = CONFIG,
    jobs: int = 2,
    seed: int = 0,
    log: Callable[[str], None] = print,
) -> LanguageTrainResult:
    """Fit one model on non-English sets (all by default) and the team's template blocks
    (``extra``, each named ``templates_xx``; training rows only), for ``languages`` (by
    default every language of its rows). Each C of ``c_grid`` is fitted; the one with the
    best dev macro-F1 on toxicity (each at its best dev threshold) is kept."""
    start = time.perf_counter()
    with recording_reads() as reads:
        blocks = load_language_sets(data_root, datasets)
    all_blocks = [*blocks, *(extra or [])]
    repeated = [*blocks, *[b for b in extra or [] for _ in range(TEMPLATE_REPEAT)]]
    train_texts, y_train, train_langs = _stack(repeated, "train")
    dev_texts, y_dev, dev_langs = _stack(blocks, "dev")
    test_texts, _, _ = _stack(blocks, "test")
    train_norm, y_train, train_langs = normalised_without_test(
        train_texts, y_train, train_langs, test_texts, log
    )
    dev_norm, y_dev, dev_langs = normalised_without_test(
        dev_texts, y_dev, dev_langs, test_texts, log, what="dev"
    )

    featurizer, x_train, x_dev = featurize(config, train_norm, dev_norm)
    log(f"features: {x_train.shape[0]} train, {x_dev.shape[0]} dev, {x_train.shape[1]} wide")

    chosen = trainable_heads(y_train)
    dev_f1: dict[float, float] = {}
    best: tuple[float, np.ndarray, np.ndarray] | None = None
    for c in c_grid:
        weights, bias = fit_weights(x_train, y_train, chosen, c, seed, jobs, config.size)
        dev_f1[c] = _dev_macro_f1(np.asarray(x_dev @ weights)[:, 0] + bias[0], y_dev[:, 0])
        log(f"C={c}: dev macro-F1 {dev_f1[c]:.4f}")
        if best is None or dev_f1[c] > dev_f1[best[0]]:
            best = (c, weights, bias)
    assert best is not None
    c, weights, bias = best
    fitted = np.zeros(len(HEADS), dtype=bool)
    fitted[[h for h, _ in chosen]] = True
    margins = np.asarray(x_dev @ weights) + bias
    (platt_a, platt_b), per_language = calibrate_per_language(margins, y_dev, dev_langs, fitted)
    log(
        f"fitted {len(chosen)} heads; calibrated {sorted(per_language)} on {len(dev_langs)} dev rows"
    )

    languages = sorted(languages or {language_of(b.dataset) for b in all_blocks})
    per_language = {
        lang: per_language.get(
            lang, {"platt_a": platt_a.tolist(), "platt_b": platt_b.tolist(), "own": []}
        )
        for lang in languages
    }
    rows = split_rows(all_blocks)
    labelled = labelled_heads(all_blocks, languages)
    metadata: dict[str, Any] = {
        "languages": languages,
        "calibration": per_language,
        "labelled_heads": labelled,
        "fitted_heads": [HEADS[h] for h in np.flatnonzero(fitted)],
        "trained_on": {b: LANGUAGE_SETS[b][2] for b in (datasets or list(LANGUAGE_SETS))},
        "rows": rows,
        "c": c,
        "dev_macro_f1_by_c": {str(k): round(v, 4) for k, v in dev_f1.items()},
        "recipe": ngram_recipe(
            data_root,
            reads,
            c,
            config,
            seed,
            datasets=sorted(datasets or LANGUAGE_SETS),
            templates={b.dataset: len(b) for b in extra or []},
            templates_sha256={
                b.dataset: rows_sha256(zip(b.texts, b.labels, strict=True)) for b in extra or []
            },
            template_repeat=TEMPLATE_REPEAT,
            prior_correction={"above": MAX_PRIOR, "to": TARGET_PRIOR},
        ),
    }
    model = ngram_model(name, version, featurizer, (weights, bias), (platt_a, platt_b), metadata)
    return LanguageTrainResult(model, rows, time.perf_counter() - start, dev_f1)


def labelled_heads(blocks: list[LabelledRows], languages: list[str]) -> dict[str, list[str]]:
    """Per language, the heads its own training rows label with both classes (a positive
    and a negative): what the language has evidence for. A head its rows only ever mark 0
    (every all-clear row does) is not evidence of the attribute in that language."""
    out: dict[str, list[str]] = {}
    for lang in languages:
        rows = [b.select("train").matrix() for b in blocks if language_of(b.dataset) == lang]
        if not rows:
            out[lang] = []
            continue
        m = np.vstack(rows)
        positive = np.nansum(m == 1.0, axis=0) > 0
        negative = np.nansum(m == 0.0, axis=0) > 0
        out[lang] = [HEADS[h] for h in np.flatnonzero(positive & negative)]
    return out


def _logit(p: float) -> float:
    return float(np.log(p / (1.0 - p)))


def _dev_macro_f1(margins: np.ndarray, y: np.ndarray) -> float:
    """Toxicity's macro-F1 on the dev rows that label it, at the best threshold."""
    known = ~np.isnan(y)
    z, t = margins[known], y[known]
    if not len(t) or t.min() == t.max():
        return 0.0
    best = 0.0
    for cut in np.quantile(z, np.linspace(0.05, 0.95, 37)):
        best = max(best, float(f1_score(t, z >= cut, average="macro")))
    return best


def language_target(
    out: Path | None, version: int | None, *, replace_shipped: bool = False
) -> tuple[Path, int]:
    """Where ``threadguard train --tier languages`` writes, and the version: as the
    registry does for the English tiers (one past the shipped version; the shipped folder
    ``models/fast-xx`` only with ``replace_shipped``)."""
    from threadguard.scoring.languages import LANGUAGE_MODEL
    from threadguard.scoring.registry import (
        WORK_MODELS,
        RegistryError,
        check_training_folder,
        next_free_version,
        shipped_model_dir,
    )

    shipped = shipped_model_dir(LANGUAGE_MODEL)
    try:
        meta = json.loads((shipped / INDEX).read_text(encoding="utf-8"))
        current = int(meta["version"])
    except (OSError, ValueError, KeyError):
        current = 0
    number = next_free_version(LANGUAGE_MODEL, current) if version is None else version
    if number < 1:
        raise RegistryError(f"--model-version must be 1 or more, not {number}")
    if replace_shipped:
        if out is not None and out.resolve() != shipped.resolve():
            raise RegistryError(f"--replace-shipped writes {shipped}: drop --out {out}")
        return shipped, number
    folder = out if out is not None else WORK_MODELS / f"{LANGUAGE_MODEL}@{number}"
    # the same checks as the English tiers: `--out src/threadguard/models/fast` wrote the
    # languages over the shipped English fast tier's card
    check_training_folder(folder, "multilingual tier", current, number)
    return folder, number
