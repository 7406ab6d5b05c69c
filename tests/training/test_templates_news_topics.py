"""The civil sex-topic comments and dismissals of things, beside their insulting twins."""

from __future__ import annotations

import numpy as np

from threadguard.training.datasets import HEADS
from threadguard.training.templates_news_topics import (
    AT_PERSON,
    DISMISSALS,
    PER_FRAME,
    SEX_TOPICS,
    THINGS,
    news_topic_rows,
)


def _head(labels: np.ndarray, name: str) -> float:
    return float(labels[HEADS.index(name)])


def test_rows_are_seeded_and_every_frame_is_used() -> None:
    rows = news_topic_rows()
    assert [t for t, _ in rows] == [t for t, _ in news_topic_rows()]
    assert [t for t, _ in rows] != [t for t, _ in news_topic_rows(seed=44)]
    topics = sum(PER_FRAME if "{body}" in frame else 1 for frame in SEX_TOPICS)
    assert len(rows) == topics + (len(DISMISSALS) + len(AT_PERSON)) * len(THINGS)
    assert len({t for t, _ in rows}) == len(rows)


def test_sex_topics_and_dismissals_are_civil_and_their_twins_insult_a_person() -> None:
    rows = news_topic_rows()
    civil = [labels for text, labels in rows if _head(labels, "toxicity") == 0.0]
    hostile = [labels for text, labels in rows if _head(labels, "toxicity") == 1.0]
    assert len(civil) + len(hostile) == len(rows)
    assert len(hostile) == len(AT_PERSON) * len(THINGS)
    for labels in civil:
        assert _head(labels, "sexually_explicit") == 0.0
        assert _head(labels, "insult") == 0.0
    for labels in hostile:
        assert _head(labels, "insult") == 1.0
        assert _head(labels, "identity_attack") == 0.0
        assert _head(labels, "sexually_explicit") == 0.0


def test_no_slot_is_left_unfilled() -> None:
    assert not [t for t, _ in news_topic_rows() if "{" in t or "}" in t]
