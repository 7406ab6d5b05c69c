"""``threadguard eval --suite context``: the same engine with and without thread context.

Rows: the held-out (seeded test split) comments of CAT-LARGE ``gc`` (labelled by
annotators who saw the parent comment) and of CADD test (Reddit, with the post title).
For each, the engine scores the comment alone and with its context; the report gives
AUROC both ways, how often context flips the policy's decision and in which direction,
and whether it makes clear cases worse (a clean comment the policy approved without
context that context pushes to hold/reject, or the reverse for clearly toxic ones).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from threadguard.engine import CommentInput, Engine
from threadguard.moderation import Moderator
from threadguard.training.datasets import LabelledRows, load_cadd, load_context_toxicity
from threadguard.training.unseen import evaluated_rows

#: A row labelled clean whose every attribute scores at or below this without context is
#: a "clear" case.
CLEAR_CLEAN = 0.2
#: Scores at or above this (without context) on a row labelled toxic are "clear" cases.
CLEAR_TOXIC = 0.8


@dataclass
class ContextResult:
    """With/without-context comparison on one data set's held-out rows."""

    dataset: str
    shift: float  # the context's bound in logits (inf: unbounded)
    rows: int
    positives: int
    auc_without: float
    auc_with: float
    flips: Counter[str] = field(default_factory=Counter)
    flips_right: int = 0
    flips_wrong: int = 0
    clear_made_worse: int = 0
    clear_cases: int = 0


def _decisions(
    engine: Engine, items: list[CommentInput]
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Toxicity, the highest attribute score, and the default policy's decision on the
    scores of each item."""
    analyses = engine.analyze(items, spans=False)
    tox = np.array([a.scores["toxicity"] for a in analyses])
    top = np.array([max(a.scores.values()) for a in analyses])
    moderator = Moderator()
    return tox, top, [moderator.on_scores(a).action.value for a in analyses]


def compare(
    engine: Engine,
    block: LabelledRows,
    limit: int | None = None,
    shifts: Sequence[float] | None = None,
) -> list[ContextResult]:
    """Score ``block`` without context, then with it under each context bound in
    ``shifts`` (default: the engine's own), and compare each with the scores alone."""
    n = len(block) if limit is None else min(limit, len(block))
    labels = block.matrix()[:n, 0]
    keep = ~np.isnan(labels)
    texts = [t for t, k in zip(block.texts[:n], keep, strict=True) if k]
    contexts = [
        (p or ti) for p, ti, k in zip(block.parents[:n], block.titles[:n], keep, strict=True) if k
    ]
    y = labels[keep].astype(int)
    alone, top_alone, dec_alone = _decisions(engine, [CommentInput(t) for t in texts])
    both_items = [CommentInput(t, parent=c) for t, c in zip(texts, contexts, strict=True)]
    results = []
    for shift in shifts if shifts is not None else [engine.cascade.context_shift]:
        bounded = engine.with_cascade(replace(engine.cascade, context_shift=shift))
        both, _, dec_both = _decisions(bounded, both_items)
        results.append(
            _tally(block.dataset, shift, y, (alone, top_alone, dec_alone), (both, dec_both))
        )
    return results


def _auc(y: np.ndarray, scores: np.ndarray) -> float:
    return float(roc_auc_score(y, scores)) if 0 < y.sum() < len(y) else float("nan")


def _tally(
    dataset: str,
    shift: float,
    y: np.ndarray,
    without: tuple[np.ndarray, np.ndarray, list[str]],
    with_context: tuple[np.ndarray, list[str]],
) -> ContextResult:
    alone, top_alone, dec_alone = without
    both, dec_both = with_context
    result = ContextResult(
        dataset=dataset,
        shift=shift,
        rows=len(y),
        positives=int(y.sum()),
        auc_without=_auc(y, alone),
        auc_with=_auc(y, both),
    )
    for i in range(len(y)):
        a, b = dec_alone[i], dec_both[i]
        flagged_a, flagged_b = a != "approve", b != "approve"
        if a != b:
            result.flips[f"{a}→{b}"] += 1
        if flagged_a != flagged_b:
            if flagged_b == bool(y[i]):
                result.flips_right += 1
            else:
                result.flips_wrong += 1
        clear = (y[i] == 0 and top_alone[i] <= CLEAR_CLEAN) or (
            y[i] == 1 and alone[i] >= CLEAR_TOXIC
        )
        if clear:
            result.clear_cases += 1
            if (y[i] == 0 and flagged_b and not flagged_a) or (
                y[i] == 1 and flagged_a and not flagged_b
            ):
                result.clear_made_worse += 1
    return result


def context_suite(
    engine: Engine,
    data_root: Path,
    limit: int | None = None,
    split: str = "test",
    shifts: Sequence[float] | None = None,
) -> list[ContextResult]:
    """CAT-LARGE gc (parent) and CADD (title) rows of ``split``, with and without context
    (test rows that a training or dev row copies left out)."""
    cat = evaluated_rows(load_context_toxicity(data_root, "gc"), split, data_root)
    cadd = evaluated_rows(load_cadd(data_root), split, data_root)
    return compare(engine, cat, limit, shifts) + compare(engine, cadd, limit, shifts)
