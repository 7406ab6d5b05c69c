"""Evaluate a model on every data set's held-out split, beside a majority-class baseline.

Scores are read at the calibrated 0.5 threshold for F1 (the policy's own thresholds are
a site's choice); AUROC is threshold-free. Every figure comes from rows the model never
trained on: official test splits, or the fixed seeded test split for sets without one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

from threadguard.engine import CommentInput, Engine
from threadguard.metrics import expected_calibration_error, majority_macro_f1
from threadguard.normalize import normalize_text
from threadguard.scoring.linear import LinearModel
from threadguard.training.datasets import (
    EVALUATION_SETS,
    HEADS,
    TRAINING_SETS,
    LabelledRows,
)
from threadguard.training.unseen import evaluated_rows
from threadguard.training.weak_labels import add_weak_labels

MIN_CLASS = 5


@dataclass(frozen=True)
class EvalRow:
    """One (data set, head) result."""

    dataset: str
    head: str
    rows: int
    positives: int
    auroc: float
    f1: float
    macro_f1: float
    baseline_macro_f1: float
    #: Expected calibration error (10 equal-width bins): how far scores are from frequencies.
    ece: float = float("nan")


Predictor = Callable[[LabelledRows], np.ndarray]


def linear_predictor(model: LinearModel) -> Predictor:
    """Score a block with the fast tier alone (text only)."""
    return lambda block: model.predict([normalize_text(t) for t in block.texts])


def engine_predictor(engine: Engine, *, context: bool = True) -> Predictor:
    """Score a block through the engine's tiers, with each row's context when asked."""

    def predict(block: LabelledRows) -> np.ndarray:
        items = [
            CommentInput(t, parent=p if context else "", title=ti if context else "")
            for t, p, ti in zip(block.texts, block.parents, block.titles, strict=True)
        ]
        return engine.head_probabilities(items)

    return predict


def evaluate_rows(model: LinearModel | Predictor, block: LabelledRows) -> list[EvalRow]:
    """Every head that the block labels with enough of both classes."""
    if not len(block):
        return []
    predict = linear_predictor(model) if isinstance(model, LinearModel) else model
    probs = predict(block)
    heads = list(HEADS)
    labels = block.matrix()
    out = []
    for h, head in enumerate(HEADS):
        mask = ~np.isnan(labels[:, h])
        y = labels[mask, h].astype(int)
        if y.sum() < MIN_CLASS or (1 - y).sum() < MIN_CLASS:
            continue
        p = probs[mask, heads.index(head)]
        pred = (p >= 0.5).astype(int)
        out.append(
            EvalRow(
                dataset=block.dataset,
                head=head,
                rows=int(mask.sum()),
                positives=int(y.sum()),
                auroc=float(roc_auc_score(y, p)),
                f1=float(f1_score(y, pred, zero_division=0)),
                macro_f1=float(f1_score(y, pred, average="macro", zero_division=0)),
                baseline_macro_f1=majority_macro_f1(y),
                ece=expected_calibration_error(y, p),
            )
        )
    return out


def evaluate_all(
    model: LinearModel | Predictor,
    data_root: Path,
    *,
    split: str = "test",
    names: list[str] | None = None,
    log: Callable[[str], None] = lambda _m: None,
    sample: Callable[[LabelledRows], LabelledRows] | None = None,
) -> list[EvalRow]:
    """Evaluate on the ``split`` of every training and evaluation data set (each split
    passed through ``sample`` first, where given: ``eval --quick``'s fixed sample; test rows
    that a training or dev row copies left out, :mod:`threadguard.training.unseen`)."""
    loaders = {**TRAINING_SETS, **EVALUATION_SETS}
    rows: list[EvalRow] = []
    for name in names or list(loaders):
        block = loaders[name][0](data_root)
        add_weak_labels(block)
        log(f"evaluating on {name}")
        part = evaluated_rows(block, split, data_root)
        rows.extend(evaluate_rows(model, (sample or _all)(part)))
    return rows


def _all(block: LabelledRows) -> LabelledRows:
    return block
