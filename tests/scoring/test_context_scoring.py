"""Context: the deep tier reads the parent comment (or article title) with the comment."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadguard.engine import CascadeSettings, CommentInput, Engine, shipped_model_dir
from threadguard.moderation import Moderator
from threadguard.scoring.context import (
    CLEAR_HIGH,
    CLEAR_LOW,
    LOWER,
    THREAT_STAYS,
    addressed,
    bounded_shift,
    logit,
    spared,
)
from threadguard.thread import Comment, Thread
from threadguard.training.datasets import HEADS


@dataclass
class RecordingDeepTier:
    """A stand-in deep tier that records the contexts it is given."""

    heads: tuple[str, ...] = HEADS
    tag: str = "recording@0"
    seen: list[tuple[str, str]] = field(default_factory=list)

    alone: float = 0.5  # every score of a comment read without context

    def predict(self, texts: list[str], contexts: list[str] | None = None) -> np.ndarray:
        ctx = contexts or [""] * len(texts)
        self.seen.extend(zip(texts, ctx, strict=True))
        # a context containing "hostile" raises every score, any other lowers it; alone,
        # threat scores low (a possible threat is never lowered by its context)
        rows = [[self._score(c)] * len(self.heads) for c in ctx]
        for row, c in zip(rows, ctx, strict=True):
            if not c:
                row[self.heads.index("threat")] = min(self.alone, 0.1)
        return np.array(rows, dtype=np.float32)

    def read(
        self, texts: list[str], contexts: list[str] | None = None
    ) -> tuple[np.ndarray, list[None]]:
        """As :meth:`predict` (this stand-in's "logits" are its probabilities), no tokens."""
        return self.predict(texts, contexts), [None] * len(texts)

    def calibrate(self, logits: np.ndarray) -> np.ndarray:
        return logits

    def _score(self, context: str) -> float:
        if not context:
            return self.alone
        return 0.95 if "hostile" in context else 0.05

    @property
    def contexts(self) -> list[str]:
        """The contexts of the reads that had one."""
        return [c for _, c in self.seen if c]


def engine_with(deep: RecordingDeepTier, engine: Engine, **settings: object) -> Engine:
    return Engine(engine.model, deep, CascadeSettings(tier="deep", **settings))  # type: ignore[arg-type]


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
    contexts = {t: c for t, c in deep.seen if c}
    # the deep tier reads normalised text (lower case, de-obfuscated)
    assert contexts["the library should open on sundays."] == "library opening hours"
    assert contexts["agreed, weekends matter."] == "the library should open on sundays."


def test_context_changes_scores_and_the_setting_turns_it_off(engine: Engine) -> None:
    item = CommentInput("Well said, send the lot of them over to me", parent="a hostile parent")
    plain = CommentInput("Well said, send the lot of them over to me", parent="a calm parent")
    on = engine_with(RecordingDeepTier(), engine)
    off = engine_with(RecordingDeepTier(), engine, use_context=False)
    (alone,) = on.analyze([CommentInput(item.text)])
    with_hostile, with_calm = on.analyze([item, plain])
    assert with_hostile.scores["toxicity"] > alone.scores["toxicity"] > with_calm.scores["toxicity"]
    a, b = off.analyze([item, plain])
    assert a.scores == b.scores == alone.scores


@pytest.mark.parametrize(
    ("alone", "text"),
    [
        (0.02, "Thanks, that was a useful summary of the council meeting."),
        (0.99, "You are a pathetic idiot and a liar, shut up."),
    ],
)
def test_context_leaves_what_is_clear_without_it(engine: Engine, alone: float, text: str) -> None:
    # A comment the model is sure about on its own keeps its scores whatever the thread.
    deep = RecordingDeepTier(alone=alone)
    on = engine_with(deep, engine)
    (base,) = on.analyze([CommentInput(text)])
    hostile, calm = on.analyze(
        [CommentInput(text, parent="a hostile parent"), CommentInput(text, parent="a calm one")]
    )
    clear = [a for a, v in base.scores.items() if not 0.2 < v < 0.8]
    assert clear, "the stand-in should make some scores clear"
    for attribute in clear:
        assert hostile.scores[attribute] == calm.scores[attribute] == base.scores[attribute]


@pytest.mark.parametrize(
    ("alone", "shift", "read_again"),
    [(0.02, 4.0, False), (0.97, 4.0, False), (0.5, 4.0, True), (0.02, math.inf, True)],
)
def test_a_comment_clear_on_every_head_is_not_read_again_with_its_context(
    engine: Engine, alone: float, shift: float, read_again: bool
) -> None:
    # The bounded context cannot move a score that is clear alone, so a comment clear on
    # every head skips the second read (the costly part); unbounded context always reads.
    deep = RecordingDeepTier(alone=alone)
    e = engine_with(deep, engine, deep_weight=1.0, context_shift=shift)
    e.analyze([CommentInput("some reply", parent="a hostile parent")])
    assert deep.contexts == (["a hostile parent"] if read_again else [])


def test_score_contract_passes_parent_and_title(engine: Engine) -> None:
    from threadguard.moderation import Moderator
    from threadguard.score_lines import score_stream

    deep = RecordingDeepTier()
    lines = [
        '{"text": "reply", "parent": "hostile words"}',
        '{"text": "top", "title": "An article"}',
    ]
    list(score_stream(engine_with(deep, engine), Moderator(), lines))
    assert {t: c for t, c in deep.seen if c} == {"reply": "hostile words", "top": "an article"}


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
    cascade = Engine(engine.model, deep, settings)  # type: ignore[arg-type]
    reply = "Well said, I agree with every word."
    cascade.analyze(
        [
            CommentInput(reply, parent="You are all pathetic idiots and morons"),
            CommentInput(reply, parent="The library reopens on Monday."),
        ]
    )
    assert deep.contexts == ["you are all pathetic idiots and morons"]


def test_cascade_leaves_calm_replies_alone_by_default(engine: Engine) -> None:
    deep = RecordingDeepTier()
    cascade = Engine(engine.model, deep, CascadeSettings(tier="cascade"))  # type: ignore[arg-type]
    cascade.analyze([CommentInput("Bob, calm down please", parent="You are a moron, ann")])
    assert deep.seen == []


@given(
    alone=st.floats(0.0, 1.0),
    read=st.floats(0.0, 1.0),
    limit=st.floats(0.0, 8.0),
)
def test_bounded_shift_moves_only_close_calls_and_only_so_far(
    alone: float, read: float, limit: float
) -> None:
    a = np.array([alone], dtype=np.float32)
    r = np.array([read], dtype=np.float32)
    out = float(bounded_shift(a, r, limit)[0])
    if not CLEAR_LOW < alone < CLEAR_HIGH:
        assert out == pytest.approx(alone, abs=1e-6)
    moved = float(logit(np.array([out]))[0] - logit(a.astype(np.float64))[0])
    assert abs(moved) <= limit + 1e-4
    # never past the context read, and in its direction
    assert min(alone, read) - 1e-5 <= out <= max(alone, read) + 1e-5


def test_a_possible_threat_is_never_made_milder_by_its_thread() -> None:
    """ "Someone should drive a truck through that parade." (threat 0.54 alone) was
    approved under "Pride in the Park draws record crowds": the title lowered it to 0.28."""
    threat = HEADS.index("threat")
    alone = np.full((2, len(HEADS)), 0.5, dtype=np.float32)
    alone[0, threat] = THREAT_STAYS  # a possible threat
    alone[1, threat] = THREAT_STAYS - 0.05  # not one
    milder = np.full_like(alone, 0.1)
    out = bounded_shift(alone, milder, 4.0)
    assert np.array_equal(out[0], alone[0])
    assert (out[1] < alone[1]).all()
    harsher = np.full_like(alone, 0.7)
    assert (bounded_shift(alone, harsher, 4.0) > alone).all()  # it may still raise them


def test_kept_rows_may_be_raised_by_their_thread_and_never_lowered() -> None:
    """``spare_addressed`` keeps a reply that speaks to someone from being made milder:
    "Pull your head in, ya dropkick." and "We know where you drink on a Friday, Aoife."
    were published under their threads."""
    assert addressed(
        ["Pull your head in, ya dropkick.", "You're wrong.", "Great article."]
    ).tolist() == [
        True,
        True,
        False,
    ]
    alone = np.full((2, len(HEADS)), 0.5, dtype=np.float32)
    alone[:, HEADS.index("threat")] = 0.1
    keep = np.array([True, False])
    milder = bounded_shift(alone, np.full_like(alone, 0.1), 4.0, keep)
    assert np.array_equal(milder[0], alone[0]) and (milder[1] <= alone[1]).all()
    assert (milder[1] < alone[1]).any()
    harsher = bounded_shift(alone, np.full_like(alone, 0.7), 4.0, keep)
    assert (harsher[0] > alone[0]).any()


def test_only_an_unquoting_reply_to_a_parent_that_speaks_to_someone_is_spared() -> None:
    parent = "I own a nail bar on the high street and I pay my taxes."
    cases = [
        ("Nobody asked you, darling. Go and file some nails.", parent, True),
        ("Nobody asked you, darling. Go and file some nails.", "", False),  # a title only
        ("Nobody asked them.", parent, False),  # speaks to no one
        ("The 'same people' line is an old trope and you know it.", parent, False),  # quotes
    ]
    assert spared([(t, p) for t, p, _ in cases]).tolist() == [want for _, _, want in cases]
    assert not spared([(t, p) for t, p, _ in cases], on=False).any()


def test_a_reply_harassing_its_parents_writer_is_not_made_milder_by_the_parent(
    engine: Engine, moderator: Moderator
) -> None:
    """Session 53's news desks: replies to a commenter, held alone, were published because
    the pair read lowered them (0.55 -> 0.37; 0.46 -> 0.38); a reply quoting its parent to
    rebut it is still lowered by the thread."""
    cases = [
        (
            "Nobody asked you, darling. Go and file some nails.",
            "I own a nail bar on the high street. I pay tax, VAT and business rates, and my "
            "accountant is from Swindon. Any other questions?",
        ),
        (
            "You sound proper fit when you're angry, love. Fancy a ride out sometime? I'll "
            "let you go on top.",
            "I think this is unfair on the women who came second and third, and I'm tired of "
            "being told I'm a bigot for saying so.",
        ),
    ]
    for text, parent in cases:
        alone = engine.analyze([CommentInput(text)], spans=False)[0]
        [replied] = engine.analyze([CommentInput(text, parent=parent)], spans=False)
        assert replied.scores["toxicity"] >= alone.scores["toxicity"] - 1e-6, text
        assert moderator.decide(replied, text, context=parent).decision.action.value == "hold"
    rebuttal = "The 'same people' line is an old antisemitic trope and you know it."
    parent = (
        "Funny how they found billions for this lot. Ask who owns the banks that profit from "
        "every war, it's always the same people."
    )
    [read] = engine.analyze([CommentInput(rebuttal, parent=parent)], spans=False)
    assert moderator.decide(read, rebuttal, context=parent).decision.action.value == "approve"


def test_the_thread_lowers_a_score_less_far_than_it_may_raise_one() -> None:
    alone = np.full((1, len(HEADS)), 0.6, dtype=np.float32)
    alone[0, HEADS.index("threat")] = 0.1  # not a possible threat (that never moves down)
    milder = bounded_shift(alone, np.full_like(alone, 0.05), 4.0)
    harsher = bounded_shift(alone, np.full_like(alone, 0.95), 4.0)
    down = logit(alone.astype(np.float64)) - logit(milder.astype(np.float64))
    up = logit(harsher.astype(np.float64)) - logit(alone.astype(np.float64))
    others = [i for i, h in enumerate(HEADS) if h != "threat"]
    assert np.allclose(down[0, others], LOWER, atol=1e-3)
    assert (up[0, others] > LOWER + 1.0).all()


def test_an_articles_title_does_not_publish_a_slur_about_its_subject(
    engine: Engine, moderator: Moderator
) -> None:
    """Session 34's news-desk tryout: held alone (toxicity 0.65-0.67), approved under the
    article's title (0.18 and 0.34) when the thread could lower a score by 4 logits."""
    title = "Cycling body bars transgender women from elite female races"
    for text in (
        "Tranny in the ladies, what could possibly go wrong.",
        "A man in a dress is still a man. These freaks need to stay out of women's sport "
        "and women's toilets.",
    ):
        (alone,) = engine.analyze([CommentInput(text)], spans=False)
        (under,) = engine.analyze([CommentInput(text, title=title)], spans=False)
        assert moderator.on_scores(alone).action.value == "hold", text
        assert moderator.on_scores(under).action.value != "approve", text
    # a civil parent (session 34's second tryout: 0.60 alone, 0.35 under it)
    text, parent = (
        "He looks like a monkey when he bowls.",
        "Great reporting, thanks for covering this.",
    )
    (alone,) = engine.analyze([CommentInput(text)], spans=False)
    (under,) = engine.analyze([CommentInput(text, parent=parent)], spans=False)
    assert moderator.on_scores(alone).action.value == "hold"
    assert moderator.on_scores(under).action.value != "approve"


def test_real_context_decides_a_close_call_in_both_directions(real_deep: Engine) -> None:
    # Written for this test: a reply whose meaning depends on what it answers.
    reply = "Couldn't agree more, get them out of here."
    hateful = "Those migrants are parasites, every one of them."
    benign = "The raccoons got into the bins behind the library again last night."
    (alone,) = real_deep.analyze([CommentInput(reply)])
    (under_hate,) = real_deep.analyze([CommentInput(reply, parent=hateful)])
    (under_benign,) = real_deep.analyze([CommentInput(reply, parent=benign)])
    tox = "toxicity"
    assert 0.2 < alone.scores[tox] < 0.8, "a close call without context"
    assert under_hate.scores[tox] > under_benign.scores[tox]
