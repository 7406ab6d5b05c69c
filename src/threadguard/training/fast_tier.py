"""Train the fast tier: hashed n-gram features, one logistic regression per head.

Masked labels: each head is fitted only on rows whose data set labels that head. Train
rows whose normalised text also appears in any test split are dropped, so no test row is
ever seen in training, whichever data set it comes from. Calibration (Platt) is fitted on
dev rows only: the pooled dev rows by default, or with news comments weighted in
(``news_share``; :mod:`threadguard.training.calibration`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from joblib import Parallel, delayed
from sklearn.linear_model import LogisticRegression

from threadguard.normalize import normalize_text
from threadguard.schema import Tier
from threadguard.scoring.features import FeatureConfig, Featurizer
from threadguard.scoring.linear import LinearModel
from threadguard.training.calibration import (
    FAST_NEWS_SHARE,
    NEWS_SETS,
    fit_heads,
)
from threadguard.training.datasets import (
    HEADS,
    TRAINING_SETS,
    LabelledRows,
    load_all,
    mask_single_class,
    near_key,
)
from threadguard.training.recipe import recipe, recording_reads, rows_sha256
from threadguard.training.weak_labels import add_weak_labels

MIN_POSITIVES = 15
MAX_ITER = 200


@dataclass
class HeadReport:
    """What happened to one head in training."""

    head: str
    train_rows: int
    train_positives: int
    dev_rows: int
    dev_positives: int
    fitted: bool

    @classmethod
    def of(cls, h: int, y_train: np.ndarray, y_dev: np.ndarray, fitted: bool) -> HeadReport:
        """Head ``h``'s labelled rows and positives in the train and dev label matrices."""
        train = y_train[~np.isnan(y_train[:, h]), h] > 0.5  # as fit_head reads a share
        dev = y_dev[~np.isnan(y_dev[:, h]), h] > 0.5
        return cls(HEADS[h], len(train), int(train.sum()), len(dev), int(dev.sum()), fitted)


@dataclass
class TrainResult:
    model: LinearModel
    heads: list[HeadReport] = field(default_factory=list)
    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0


def stack_split(
    blocks: Sequence[LabelledRows],
    split: str,
    tag: Callable[[LabelledRows], str] = lambda b: b.dataset,
) -> tuple[list[str], np.ndarray, list[str]]:
    """One split of every block: texts, label matrix, and each row's ``tag`` (its data set
    by default; the language tier tags rows with their language)."""
    texts: list[str] = []
    labels: list[np.ndarray] = []
    tags: list[str] = []
    for b in blocks:
        sel = b.select(split)
        texts.extend(sel.texts)
        labels.append(sel.matrix())
        tags.extend([tag(b)] * len(sel))
    return texts, np.vstack(labels), tags


def normalised_without_test(
    texts: list[str],
    labels: np.ndarray,
    tags: list[str],
    test_texts: list[str],
    log: Callable[[str], None],
    what: str = "training",
) -> tuple[list[str], np.ndarray, list[str]]:
    """The rows normalised as the engine reads them, less every row whose text is also in
    a test split up to case, spacing and punctuation (:func:`near_key`: exact matches of
    the normalised text let about 180 near-copies through, "..." against "." at the end)."""
    test_keys = {k for k in map(near_key, test_texts) if k}
    normalised = [normalize_text(t) for t in texts]
    keep = np.array([near_key(t, normalised=True) not in test_keys for t in normalised])
    log(f"dropped {int((~keep).sum())} {what} rows whose text is in a test split")
    return (
        [t for t, k in zip(normalised, keep, strict=True) if k],
        labels[keep],
        [x for x, k in zip(tags, keep, strict=True) if k],
    )


def ngram_recipe(
    data_root: Path,
    reads: dict[Path, str],
    c: float,
    config: FeatureConfig,
    seed: int,
    **hyperparameters: Any,
) -> dict[str, Any]:
    """An n-gram tier's recipe: how its heads were fitted (what every such tier records),
    then the tier's own ``hyperparameters``."""
    heads = {
        "c": c,
        "solver": "liblinear",
        "max_iter": MAX_ITER,
        "min_positives": MIN_POSITIVES,
        "features": config.to_json(),
    }
    return recipe(
        tier=Tier.FAST,
        data_root=data_root,
        reads=reads,
        hyperparameters={**heads, **hyperparameters},
        seed=seed,
    )


def featurize(
    config: FeatureConfig, train_norm: list[str], dev_norm: list[str]
) -> tuple[Featurizer, Any, Any]:
    """A featurizer with its IDF fitted on the training rows, and both splits' features."""
    featurizer = Featurizer(config)
    featurizer.fit_idf(train_norm)
    return featurizer, featurizer.transform(train_norm), featurizer.transform(dev_norm)


def trainable_heads(y_train: np.ndarray) -> list[tuple[int, np.ndarray]]:
    """Each head whose labelled training rows hold :data:`MIN_POSITIVES` of each class, with
    its mask of those rows (what :func:`fit_weights` fits)."""
    heads = []
    for h in range(len(HEADS)):
        mask = ~np.isnan(y_train[:, h])
        y = y_train[mask, h] > 0.5  # the hard labels fit_head learns from
        if y.sum() >= MIN_POSITIVES and (~y).sum() >= MIN_POSITIVES:
            heads.append((h, mask))
    return heads


def ngram_model(
    name: str,
    version: int,
    featurizer: Featurizer,
    fit: tuple[np.ndarray, np.ndarray],
    platt: tuple[np.ndarray, np.ndarray],
    metadata: dict[str, Any],
) -> LinearModel:
    """The model of an n-gram tier: ``fit`` is :func:`fit_weights`' weights and bias,
    ``platt`` the heads' calibration."""
    (weights, bias), (platt_a, platt_b) = fit, platt
    return LinearModel(name, version, HEADS, featurizer, weights, bias, platt_a, platt_b, metadata)


def fit_head(x: Any, y: np.ndarray, c: float, seed: int) -> tuple[np.ndarray, float]:
    """One logistic head; a soft label (a share of raters) counts as positive above a half,
    since the linear heads learn from hard labels (the deep tier reads the share)."""
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=MAX_ITER, random_state=seed)
    clf.fit(x, (y > 0.5).astype(np.float64))
    return clf.coef_.ravel().astype(np.float32), float(clf.intercept_[0])


def fit_weights(
    x_train: Any,
    y_train: np.ndarray,
    heads: list[tuple[int, np.ndarray]],
    c: float,
    seed: int,
    jobs: int,
    n_features: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Fit each of ``heads`` (a head's index and its mask of labelled training rows) in
    parallel; the weight matrix and bias of every head (an unfitted head's bias says "no")."""
    fits = Parallel(n_jobs=jobs, prefer="threads")(
        delayed(fit_head)(x_train[mask], y_train[mask, h], c, seed) for h, mask in heads
    )
    weights = np.zeros((n_features, len(HEADS)), dtype=np.float32)
    bias = np.full(len(HEADS), -10.0, dtype=np.float32)  # unfitted heads say "no"
    for (h, _), (coef, intercept) in zip(heads, fits, strict=True):
        weights[:, h] = coef
        bias[h] = intercept
    return weights, bias


def split_rows(blocks: Sequence[LabelledRows]) -> dict[str, dict[str, int]]:
    """Each block's rows per split, as the model's metadata records them."""
    return {
        b.dataset: {s: sum(1 for x in b.splits if x == s) for s in ("train", "dev", "test")}
        for b in blocks
    }


def train_fast_tier(
    data_root: Path,
    *,
    datasets: list[str] | None = None,
    c: float = 4.0,
    version: int = 1,
    config: FeatureConfig | None = None,
    jobs: int = 2,
    extra: list[tuple[str, np.ndarray]] | None = None,
    seed: int = 0,
    news_share: float = FAST_NEWS_SHARE,
    log: Callable[[str], None] = print,
) -> TrainResult:
    """Fit the fast tier from the shared data; returns the model and what it saw.

    ``extra``: (text, labels) rows added to the training split (the team's templates).
    ``news_share``: the weight of news comments (the dev rows of the news training sets)
    in each attribute head's calibration.
    The model's metadata carries the run's recipe (:mod:`threadguard.training.recipe`).
    """
    start = time.perf_counter()
    with recording_reads() as reads:
        blocks = load_all(data_root, datasets)
    for b in blocks:
        add_weak_labels(b)
    masked = mask_single_class(blocks)
    log(f"masked single-class labels: {masked}")
    log(f"loaded {sum(len(b) for b in blocks)} rows from {len(blocks)} data sets")

    train_texts, y_train, train_src = stack_split(blocks, "train")
    dev_texts, y_dev, dev_src = stack_split(blocks, "dev")
    test_texts, _, _ = stack_split(blocks, "test")
    train_norm, y_train, train_src = normalised_without_test(
        train_texts, y_train, train_src, test_texts, log
    )
    train_rows_used = len(train_norm)  # before the templates join
    # dev rows choose the calibration and the policy's thresholds: none may be a test row
    dev_texts, y_dev, dev_src = normalised_without_test(
        dev_texts, y_dev, dev_src, test_texts, log, what="dev"
    )
    if extra:
        train_norm += [normalize_text(t) for t, _ in extra]
        y_train = np.vstack([y_train, np.vstack([labels for _, labels in extra])])
        train_src += ["templates"] * len(extra)
        log(f"added {len(extra)} rows from the team's hard-case templates")
    dev_norm = dev_texts  # normalised above

    featurizer, x_train, x_dev = featurize(config or FeatureConfig(), train_norm, dev_norm)
    log(
        f"features: {x_train.shape[0]} train x {x_train.shape[1]} (nnz {x_train.nnz}), {x_dev.shape[0]} dev"
    )

    heads = trainable_heads(y_train)
    fitted_heads = {h for h, _ in heads}
    reports = [HeadReport.of(h, y_train, y_dev, h in fitted_heads) for h in range(len(HEADS))]
    log(f"fitting {len(heads)} heads on {jobs} cores")
    weights, bias = fit_weights(x_train, y_train, heads, c, seed, jobs, featurizer.config.size)

    margins_dev = np.asarray(x_dev @ weights) + bias
    is_news = np.array([src in NEWS_SETS for src in dev_src])
    fitted = np.array([r.fitted for r in reports])
    platt_a, platt_b = fit_heads(margins_dev, y_dev, is_news, fitted, news_share)
    log(f"calibrated on {len(dev_src)} dev rows, {int(is_news.sum())} of news comments")

    rows = split_rows(blocks)
    licences = {name: TRAINING_SETS[name][1] for name in (datasets or list(TRAINING_SETS))}
    metadata = {
        "trained_on": licences,
        "rows": rows,
        "c": c,
        "train_rows_used": train_rows_used,
        "train_sources": {s: train_src.count(s) for s in sorted(set(train_src))},
        "masked_single_class": masked,
        "recipe": ngram_recipe(
            data_root,
            reads,
            c,
            featurizer.config,
            seed,
            datasets=sorted(licences),
            extra_rows=len(extra or []),
            extra_rows_sha256=rows_sha256(extra or []),
            news_share=news_share,
        ),
    }
    model = ngram_model(
        "threadguard-fast", version, featurizer, (weights, bias), (platt_a, platt_b), metadata
    )
    return TrainResult(model, reports, rows, time.perf_counter() - start)
