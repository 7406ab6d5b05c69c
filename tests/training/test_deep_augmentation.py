"""What the deep tier's training adds beside the data sets: templates, context replies."""

from __future__ import annotations

import random

import numpy as np

from threadguard.training.augment import context_rows
from threadguard.training.datasets import HEADS, LabelledRows
from threadguard.training.deep_tier import (
    DEFAULT_CAPS,
    REPLAY_CAPS,
    Example,
    augmented,
    mask_labels,
    read_contexts,
)
from threadguard.training.templates_news import context_template_rows
from threadguard.training.templates_support import pushback_rows, support_rows
from threadguard.training.templates_thread_replies import (
    EXPULSION_REPLIES,
    PARENTS,
    THREAD_PEOPLES,
    thread_reply_rows,
)


def test_context_replies_are_trained_with_their_parent() -> None:
    rows = augmented([], random.Random(0))
    with_parent = [e for e in rows if e.context]
    expected = [row for row in context_rows() if row[1]]
    assert len(with_parent) == len(expected) > len(context_template_rows())
    ia = HEADS.index("identity_attack")
    # the same parents carry a hateful reply and a calm one: only context tells them apart
    by_parent: dict[str, set[float]] = {}
    for e in with_parent:
        by_parent.setdefault(e.context, set()).add(float(e.labels[ia]))
    assert any(values == {0.0, 1.0} for values in by_parent.values())


def test_pushback_replies_are_civil_under_the_hate_they_answer() -> None:
    """The support templates teach stance, not words: a reply naming the group under a
    hateful parent is civil, and that parent read alone is an identity attack."""
    ia = HEADS.index("identity_attack")
    rows = pushback_rows()
    replies = [(t, p, y) for t, p, y in rows if p]
    alone = {t: y for t, p, y in rows if not p}
    assert replies and all(y[ia] == 0.0 for _, _, y in replies)
    assert all(alone[p][ia] == 1.0 for _, p, _ in replies)
    assert any(t == "Black lives matter." and y[ia] == 0.0 for t, y in support_rows())


def test_a_warm_start_replays_every_news_comment_and_a_fifth_of_the_rest() -> None:
    assert REPLAY_CAPS["sfu"] == DEFAULT_CAPS["sfu"]
    assert REPLAY_CAPS["hatexplain"] == DEFAULT_CAPS["hatexplain"] // 5
    for name in ("ruddit", "hateval", "jigsaw_sample", "sfu"):
        assert name in DEFAULT_CAPS, f"{name} is a training set the deep tier must cap"


def _all_toxic(name: str) -> LabelledRows:
    rows = LabelledRows(name)
    for i in range(3):
        rows.add(f"{name} comment {i}", "train", {"toxicity": 1.0, "insult": float(i % 2)})
    return rows


def test_single_class_labels_are_masked_in_the_named_sets_only() -> None:
    spans, hate = _all_toxic("toxic_spans"), _all_toxic("hateval")
    masked = mask_labels([spans, hate], ("toxic_spans",))
    assert masked == {"toxic_spans": ["toxicity"]}
    tox = HEADS.index("toxicity")
    assert np.isnan(spans.matrix()[:, tox]).all()
    assert (hate.matrix()[:, tox] == 1.0).all()
    # both classes seen: kept
    assert not np.isnan(spans.matrix()[:, HEADS.index("insult")]).any()
    assert mask_labels([hate], None) == {"hateval": ["toxicity"]}


def test_replies_hateful_only_in_context_are_never_read_alone_in_training() -> None:
    """A reply that attacks a group only through its parent ("Lock your doors, then.")
    keeps its parent in every batch; other rows lose theirs about half the time."""
    rows = augmented([], random.Random(0))
    replies = [e for e in rows if e.context and e.keep_context]
    assert len(replies) >= len(thread_reply_rows())
    others = [Example(f"row {i}", "a parent", np.zeros(len(HEADS))) for i in range(400)]
    rng = random.Random(1)
    kept = read_contexts(replies, rng, drop_context=True)
    assert kept == [e.context for e in replies]
    dropped = read_contexts(others, rng, drop_context=True).count("")
    assert 120 < dropped < 280
    assert read_contexts(others, rng, drop_context=False) == ["a parent"] * 400


def test_thread_replies_put_hostile_and_civil_replies_under_the_same_parents() -> None:
    """Only the parent says who "they" are: every parent carries both kinds of reply, the
    hostile ones an identity attack on the parent's group, the civil ones nothing."""
    ia = HEADS.index("identity_attack")
    by_parent: dict[str, set[float]] = {}
    for reply, parent, labels in thread_reply_rows():
        assert reply and parent
        by_parent.setdefault(parent, set()).add(float(labels[ia]))
    assert len(by_parent) == len(PARENTS) * len(THREAD_PEOPLES)
    assert all(values == {0.0, 1.0} for values in by_parent.values())
    muslims = HEADS.index("target:muslims")
    rows = [r for r in thread_reply_rows() if r[1].startswith("Muslims are being resettled")]
    assert {float(y[muslims]) for _, _, y in rows if y[ia] == 1.0} == {1.0}
    # a call to send them away names no harm: its threat stays unknown, other replies 0
    threat = HEADS.index("threat")
    sent_away = [y for r, _, y in thread_reply_rows() if r in EXPULSION_REPLIES]
    assert sent_away and all(np.isnan(y[threat]) for y in sent_away)
    assert all(
        y[threat] == 0.0
        for r, _, y in thread_reply_rows()
        if y[ia] == 1.0 and r not in EXPULSION_REPLIES
    )
