"""Weak sexually-explicit labels: the lexicon on toxic rows, sex as a subject left out."""

from __future__ import annotations

import math

from threadguard.training.datasets import HEADS, LabelledRows
from threadguard.training.weak_labels import add_weak_labels


def _rows(texts: list[str], toxicity: float) -> LabelledRows:
    rows = LabelledRows("test")
    for text in texts:
        rows.add(text, "train", {"toxicity": toxicity})
    return rows


def _sexual(rows: LabelledRows) -> list[float]:
    return [float(row[HEADS.index("sexually_explicit")]) for row in rows.labels]


def test_toxic_rows_with_explicit_words_are_explicit_and_topics_are_not() -> None:
    texts = [
        "Suck my dick, loser.",
        "Sex education is a waste of money, you morons.",
        "Sexism is a fake problem pushed by idiots.",
        "The rape trial was a circus for idiots.",
        "Shut up, idiot.",
    ]
    rows = _rows(texts, 1.0)
    add_weak_labels(rows)
    assert _sexual(rows) == [
        1.0,
        1.0,
        0.0,
        0.0,
        0.0,
    ]  # the second speaks to someone: read as written


def test_civil_rows_get_no_weak_label() -> None:
    rows = _rows(["Suck my dick."], 0.0)
    add_weak_labels(rows)
    assert math.isnan(_sexual(rows)[0])
