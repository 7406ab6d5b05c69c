"""Tune the span finder's thresholds for character F1 on Toxic Spans' trial (dev) split.

The official SemEval-2021 Task 5 metric: per post, F1 between predicted and gold sets of
character offsets (1 when both are empty, 0 when only one is), averaged over posts.
Only the trial split is used here; the test split is for ``threadguard eval``.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from threadguard.engine import CommentInput, Engine
from threadguard.metrics import char_f1, span_offsets
from threadguard.schema import ATTRIBUTES
from threadguard.scoring.spans import SpanSettings, find_spans
from threadguard.training.datasets import load_toxic_spans


def tune_spans(
    engine: Engine, data_root: Path, log: Callable[[str], None] = print
) -> tuple[SpanSettings, float]:
    """Grid-search the span settings on the trial split; returns the best and its char-F1."""
    block = load_toxic_spans(data_root).select("dev")
    gold = [set(json.loads(g)) for g in block.gold]
    items = [CommentInput(t) for t in block.texts]
    scored = engine._score(items)
    probs, x, texts = scored.probs, scored.x, scored.texts
    heads = [engine.model.heads.index(a) for a in ATTRIBUTES]
    best = (SpanSettings(), -1.0)
    for min_score, min_contribution, min_share in itertools.product(
        (0.1, 0.2, 0.3, 0.5), (0.2, 0.4, 0.6, 0.9), (0.2, 0.35, 0.5)
    ):
        st = SpanSettings(min_score, min_contribution, min_share)
        found = find_spans(engine.model, x, texts, probs, heads, st)
        f1 = float(
            np.mean(
                [
                    char_f1(span_offsets([(s.begin, s.end) for s in spans]), g)
                    for spans, g in zip(found, gold, strict=True)
                ]
            )
        )
        log(f"spans {st}: char-F1 {f1:.4f}")
        if f1 > best[1]:
            best = (st, f1)
    return best
