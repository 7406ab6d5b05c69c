"""Metrics shared by training and evaluation: numbers in, numbers out.

Training tunes span thresholds by character F1 and writes calibration error and the
majority baseline into the model card; evaluation reports the same figures beside the
published ones. Both import them from here, and this module imports neither, so the
layers point one way: ``evaluation`` -> ``training`` -> ``metrics``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

# ------------------------------------------------------------------ character F1 (Toxic Spans)


def char_f1(predicted: Iterable[int], gold: Iterable[int]) -> float:
    """SemEval-2021 Task 5 F1 of one post: 1 when both are empty, 0 when only one is."""
    p, g = set(predicted), set(gold)
    if not g:
        return 1.0 if not p else 0.0
    if not p:
        return 0.0
    return 2.0 * len(p & g) / (len(p) + len(g))


def mean_char_f1(predicted: Sequence[set[int]], gold: Sequence[set[int]]) -> float:
    """The task's system score: the mean of per-post F1."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold must have one entry per post")
    if not gold:
        return float("nan")
    return float(np.mean([char_f1(p, g) for p, g in zip(predicted, gold, strict=True)]))


def span_offsets(spans: Sequence[tuple[int, int]]) -> set[int]:
    """Character offsets covered by any ``(begin, end)`` span (end exclusive)."""
    return {i for b, e in spans for i in range(b, e)}


# ------------------------------------------------------------------ F1, thresholds, AUROC


def _macro_f1_fast(y: np.ndarray, pred: np.ndarray, k: int) -> float:
    """Macro-F1 over all ``k`` classes from a confusion matrix: fast enough for grid search."""
    cm = np.bincount(y * k + pred, minlength=k * k).reshape(k, k).astype(np.float64)
    tp = np.diag(cm)
    denom = 2 * tp + (cm.sum(axis=0) - tp) + (cm.sum(axis=1) - tp)
    f1 = np.divide(2 * tp, denom, out=np.zeros(k), where=denom > 0)
    return float(f1.mean())


def _binary_f1_fast(y: np.ndarray, pred: np.ndarray) -> float:
    tp = float(np.sum(pred & y))
    denom = float(np.sum(pred)) + float(np.sum(y))
    return 2 * tp / denom if denom else 0.0


def candidate_thresholds(scores: np.ndarray, n: int = 60) -> np.ndarray:
    """A fixed grid plus quantiles of the scores, so clustered scores still get resolution."""
    grid = np.linspace(0.01, 0.99, 50)
    if len(scores):
        grid = np.concatenate([grid, np.quantile(scores, np.linspace(0.01, 0.99, n))])
    return np.unique(np.round(grid, 6))


def tune_threshold(scores: np.ndarray, y: np.ndarray, *, macro: bool = False) -> float:
    """The threshold (``score >= t`` is positive) that maximises F1 on the rows given.

    Callers pass dev rows only. Ties go to the threshold nearest 0.5, the calibrated
    midpoint, so an uninformative dev set does not drag the cut to an extreme.
    """
    y = np.asarray(y).astype(int)
    s = np.asarray(scores, dtype=np.float64)
    if not len(y) or y.min() == y.max():
        return 0.5
    best_t, best = 0.5, -1.0
    for t in candidate_thresholds(s):
        pred = (s >= t).astype(int)
        value = _macro_f1_fast(y, pred, 2) if macro else _binary_f1_fast(y, pred)
        if value > best + 1e-12 or (
            abs(value - best) <= 1e-12 and abs(t - 0.5) < abs(best_t - 0.5)
        ):
            best_t, best = float(t), value
    return best_t


def tune_two_thresholds(
    first: np.ndarray,
    second: np.ndarray,
    y: np.ndarray,
    classify: Callable[[np.ndarray, np.ndarray, float, float], np.ndarray],
    k: int,
) -> tuple[float, float]:
    """Grid search of a pair of thresholds for macro-F1 over ``k`` classes (dev rows only)."""
    y = np.asarray(y).astype(int)
    if not len(y):
        return 0.5, 0.5
    best = (-1.0, 0.5, 0.5)
    for t1 in candidate_thresholds(first, 30):
        for t2 in candidate_thresholds(second, 30):
            value = _macro_f1_fast(y, classify(first, second, float(t1), float(t2)), k)
            if value > best[0] + 1e-12:
                best = (value, float(t1), float(t2))
    return best[1], best[2]


def auroc(y: np.ndarray, scores: np.ndarray) -> float:
    """ROC AUC; NaN when the rows hold only one class."""
    y = np.asarray(y).astype(int)
    if not len(y) or y.min() == y.max():
        return float("nan")
    return float(roc_auc_score(y, scores))


# ------------------------------------------------------------------ calibration and baselines


def expected_calibration_error(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Mean |observed frequency - mean score| over score bins, weighted by bin size.

    What "calibrated" promises (DESIGN.md): of comments scored 0.8, about 80% carry the
    label. Measured per data set, so it also shows how base rates differ between sets.
    """
    edges = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        sel = edges == b
        if sel.any():
            total += sel.sum() * abs(float(y[sel].mean()) - float(p[sel].mean()))
    return total / len(y)


def majority_macro_f1(y: np.ndarray) -> float:
    """Macro-F1 of always predicting the majority class: the floor a model must beat."""
    majority = 1 if y.mean() > 0.5 else 0
    return float(f1_score(y, np.full_like(y, majority), average="macro", zero_division=0))
