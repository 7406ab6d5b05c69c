"""Context: the deep tier reads the parent comment (or article title) with the comment."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest

from threadguard.engine import CascadeSettings, CommentInput, Engine, shipped_model_dir
from threadguard.thread import Comment, Thread
from threadguard.training.datasets import HEADS


@dataclass
class RecordingDeepTier:
    """A stand-in deep tier that records the contexts it is given."""

    heads: tuple[str, ...] = HEADS
    tag: str = "recording@0"
    seen: list[tuple[str, str]] = field(default_factory=list)

    def predict(self, texts: list[str], contexts: list[str] | None = None) -> np.ndarray:
        ctx = contexts or [""] * len(texts)
        self.seen.extend(zip(texts, ctx, strict=True))
        # context containing "hostile" raises every score: enough to see it is used
        return np.array(
            [[0.9 if "hostile" in c else 0.1] * len(self.heads) for c in ctx], dtype=np.float32
        )


def engine_with(deep: RecordingDeepTier, engine: Engine, **settings: object) -> Engine:
    return Engine(engine.model, engine.policy, deep, CascadeSettings(tier="deep", **settings))  # type: ignore[arg-type]


def test_scan_gives_replies_their_parent_and_top_level_comments_the_title(engine: Engine) -> None:
    deep = RecordingDeepTier()
    thread = Thread(
        title="Library opening hours",
        comments=(
            Comment("c1", "The library should open on Sundays.", "ann"),
            Comment("c2", "Agreed, weekends matter.", "bo", parent="c1", depth=1),
        ),
    )
    engine_with(deep, engine).scan(thread)
    contexts = dict(deep.seen)
    assert contexts["The library should open on Sundays."] == "Library opening hours"
    assert contexts["Agreed, weekends matter."] == "The library should open on Sundays."


def test_context_changes_scores_and_the_setting_turns_it_off(engine: Engine) -> None:
    item = CommentInput("Well said, send the lot of them over to me", parent="a hostile parent")
    plain = CommentInput("Well said, send the lot of them over to me", parent="a calm parent")
    on = engine_with(RecordingDeepTier(), engine)
    off = engine_with(RecordingDeepTier(), engine, use_context=False)
    with_hostile, with_calm = on.analyze([item, plain])
    assert with_hostile.scores["toxicity"] > with_calm.scores["toxicity"]
    a, b = off.analyze([item, plain])
    assert a.scores == b.scores


def test_score_contract_passes_parent_and_title(engine: Engine) -> None:
    from threadguard.score_lines import score_stream

    deep = RecordingDeepTier()
    lines = [
        '{"text": "reply", "parent": "hostile words"}',
        '{"text": "top", "title": "An article"}',
    ]
    list(score_stream(engine_with(deep, engine), lines))
    assert dict(deep.seen) == {"reply": "hostile words", "top": "An article"}


@pytest.fixture(scope="module")
def real_deep() -> Engine:
    if not (shipped_model_dir("deep") / "model.json").is_file():
        pytest.skip("no deep tier shipped in src/threadguard/models/deep")
    return Engine.load(cascade=CascadeSettings(tier="deep"))


def test_real_deep_tier_reads_its_context(real_deep: Engine) -> None:
    text = "Exactly. Send every last one of them back where they came from."
    hateful = "Refugees are vermin and they are ruining this country."
    benign = "The library is returning the books it borrowed from the county archive."
    (with_hate,) = real_deep.analyze([CommentInput(text, parent=hateful)])
    (with_benign,) = real_deep.analyze([CommentInput(text, parent=benign)])
    assert with_hate.scores != with_benign.scores


def test_cascade_sends_calm_replies_to_abusive_parents_to_the_deep_tier(engine: Engine) -> None:
    deep = RecordingDeepTier()
    settings = CascadeSettings(tier="cascade", route_on_context=True)
    cascade = Engine(engine.model, engine.policy, deep, settings)  # type: ignore[arg-type]
    reply = "Well said, I agree with every word."
    cascade.analyze(
        [
            CommentInput(reply, parent="You are all pathetic idiots and morons"),
            CommentInput(reply, parent="The library reopens on Monday."),
        ]
    )
    assert [c for _, c in deep.seen] == ["You are all pathetic idiots and morons"]


def test_cascade_leaves_calm_replies_alone_by_default(engine: Engine) -> None:
    deep = RecordingDeepTier()
    cascade = Engine(engine.model, engine.policy, deep, CascadeSettings(tier="cascade"))  # type: ignore[arg-type]
    cascade.analyze([CommentInput("Bob, calm down please", parent="You are a moron, ann")])
    assert deep.seen == []
