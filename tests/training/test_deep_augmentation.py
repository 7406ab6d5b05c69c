"""What the deep tier's training adds beside the data sets: templates, context replies."""

from __future__ import annotations

import random

from threadguard.training.datasets import HEADS
from threadguard.training.deep_tier import DEFAULT_CAPS, REPLAY_CAPS, augmented
from threadguard.training.templates_news import context_template_rows


def test_context_replies_are_trained_with_their_parent() -> None:
    rows = augmented([], random.Random(0))
    with_parent = [e for e in rows if e.context]
    expected = context_template_rows()
    assert len(with_parent) == len(expected)
    ia = HEADS.index("identity_attack")
    # the same parents carry a hateful reply and a calm one: only context tells them apart
    by_parent: dict[str, set[float]] = {}
    for e in with_parent:
        by_parent.setdefault(e.context, set()).add(float(e.labels[ia]))
    assert any(values == {0.0, 1.0} for values in by_parent.values())


def test_a_warm_start_replays_every_news_comment_and_a_fifth_of_the_rest() -> None:
    assert REPLAY_CAPS["sfu"] == DEFAULT_CAPS["sfu"]
    assert REPLAY_CAPS["hatexplain"] == DEFAULT_CAPS["hatexplain"] // 5
    for name in ("ruddit", "hateval", "jigsaw_sample", "sfu"):
        assert name in DEFAULT_CAPS, f"{name} is a training set the deep tier must cap"
