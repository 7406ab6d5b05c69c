"""The civil sex-topic comments and dismissals of things, beside their insulting twins."""

from __future__ import annotations

from threadguard.training.augment import template_rows
from threadguard.training.datasets import HEADS
from threadguard.training.templates_news_topics import (
    AT_PERSON,
    DISMISSALS,
    SEX_TOPICS,
    news_topic_rows,
)

TOXICITY, INSULT, IDENTITY, SEXUAL, RELIGION = (
    HEADS.index(h)
    for h in ("toxicity", "insult", "identity_attack", "sexually_explicit", "target:religion")
)


def test_every_frame_is_filled_with_every_body_or_thing_it_takes() -> None:
    rows = news_topic_rows()
    topics = sum(max(1, len(bodies)) for _, bodies in SEX_TOPICS)
    dismissals = sum(len(things) for _, things in DISMISSALS + AT_PERSON)
    assert len(rows) == topics + dismissals
    assert len({t for t, _ in rows}) == len(rows)
    assert all(("{body}" in line) == bool(bodies) for line, bodies in SEX_TOPICS)
    assert {t for t, _ in rows} <= {t for t, _ in template_rows()}  # both tiers read them


def test_sex_topics_and_dismissals_are_civil_and_their_twins_insult_a_person() -> None:
    rows = news_topic_rows()
    civil = [labels for _, labels in rows if labels[TOXICITY] == 0.0]
    hostile = [labels for _, labels in rows if labels[TOXICITY] == 1.0]
    assert len(civil) + len(hostile) == len(rows)
    assert len(hostile) == sum(len(things) for _, things in AT_PERSON)
    for labels in civil:
        assert labels[SEXUAL] == 0.0
        assert labels[INSULT] == 0.0
    for labels in hostile:
        assert labels[INSULT] == 1.0
        assert labels[IDENTITY] == 0.0
        assert labels[SEXUAL] == 0.0
        assert labels[RELIGION] == 0.0  # no group attacked


def test_no_slot_is_left_unfilled_and_every_row_starts_with_a_capital() -> None:
    texts = [t for t, _ in news_topic_rows()]
    assert not [t for t in texts if "{" in t or "}" in t]
    assert all(t[0].isupper() for t in texts)
