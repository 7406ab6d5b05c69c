"""Opinion frames ("I think", "in my opinion") do not launder an attack on a group."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scoring_support import ReadTwice

from threadguard.engine import CommentInput, Engine
from threadguard.scoring.opinion_frames import attack_without_frames, without_frames


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("I think refugees are a burden.", "refugees are a burden."),
        ("In my opinion gay people are disgusting.", "gay people are disgusting."),
        ("IMO, women are too emotional to lead.", "women are too emotional to lead."),
        ("Personally I believe Muslims are dangerous.", "Muslims are dangerous."),
        ("Honestly, I think that they should all go.", "they should all go."),
        ("I'm convinced the bankers lie to us.", "the bankers lie to us."),
        ("Let's be honest: the council is useless.", "the council is useless."),
        ("With all due respect, Jews control the banks.", "Jews control the banks."),
        ("No offence, but migrants are lazy.", "migrants are lazy."),
        ("We really do believe the plan will fail.", "the plan will fail."),
    ],
)
def test_a_frame_at_the_start_is_taken_out(text: str, claim: str) -> None:
    reframed = without_frames(text)
    assert reframed is not None
    assert reframed == claim


def test_frames_at_later_sentences_are_taken_out_and_the_lead_word_stays() -> None:
    text = "Great article. Honestly, refugees are parasites. And I really do believe they must go."
    reframed = without_frames(text)
    assert reframed is not None
    assert reframed == "Great article. refugees are parasites. And they must go."


@pytest.mark.parametrize(
    "text",
    [
        "I don't think Jews are greedy.",  # negated
        "I do not believe women are weak.",
        "I no longer think immigrants are a problem.",
        "I thought immigrants were lazy until I met them.",  # past: often given up
        "I used to think so, but not any more.",
        "Some people think immigrants are lazy.",  # someone else's
        "Do you think Muslims are dangerous?",
        "What I think matters.",  # not at a sentence's start
        "If I think about it, yes.",
        "Honestly.",  # a frame with no claim after it
        "The council approved the budget.",
    ],
)
def test_not_a_frame(text: str) -> None:
    assert without_frames(text) is None


@given(
    st.lists(
        st.sampled_from(
            ["I think ", "Honestly, ", "In my view ", "they are ", "fine. ", "IMO ", "x", ". "]
        ),
        max_size=12,
    )
)
def test_what_is_left_is_the_text_less_some_of_its_frames(parts: list[str]) -> None:
    text = "".join(parts)
    rest = without_frames(text)
    if rest is None:
        return
    assert len(rest) < len(text) and rest.strip()
    # every word left stands in the text in the same order
    words = iter(text.split())
    assert all(any(w == v for v in words) for w in rest.split())


CLAIMS = [
    "gay people are disgusting.",
    "Muslims are dangerous.",
    "refugees are parasites.",
]


@pytest.mark.parametrize("claim", CLAIMS)
@pytest.mark.parametrize("frame", ["In my opinion ", "Personally I believe ", "IMO "])
def test_a_frame_does_not_lower_the_identity_attack_of_the_claim(
    engine: Engine, read_once: Engine, frame: str, claim: str
) -> None:
    (alone,) = engine.analyze([CommentInput(claim[0].upper() + claim[1:])], spans=False)
    (framed,) = engine.analyze([CommentInput(frame + claim)], spans=False)
    (read_once,) = read_once.analyze([CommentInput(frame + claim)], spans=False)
    assert framed.scores["identity_attack"] >= alone.scores["identity_attack"] - 0.02
    assert {t.group for t in alone.targets} <= {t.group for t in framed.targets}
    assert framed.scores["identity_attack"] >= read_once.scores["identity_attack"]


def test_read_once_the_frame_lowers_the_attack(engine: Engine, read_once: Engine) -> None:
    """Why the second reading exists (the module's example): the models take a frame
    for civility."""
    (alone,) = read_once.analyze([CommentInput("Gay people are disgusting.")], spans=False)
    (framed,) = read_once.analyze(
        [CommentInput("In my opinion gay people are disgusting.")], spans=False
    )
    (twice,) = engine.analyze([CommentInput("In my opinion gay people are disgusting.")])
    assert framed.scores["identity_attack"] < alone.scores["identity_attack"] - 0.1
    assert twice.scores["identity_attack"] >= alone.scores["identity_attack"] - 0.02


@pytest.mark.parametrize(
    "text",
    [
        "I think Jews and Muslims can live together.",
        "In my opinion refugees should be able to work while they wait.",
    ],
)
def test_without_a_word_of_contempt_the_frame_free_reading_does_not_count(
    read_twice: ReadTwice, text: str
) -> None:
    """The models over-read a bare mention of a group: a friendly claim read without its
    frame would be held."""
    once, twice = read_twice(text)
    assert twice.scores == once.scores


def test_the_frame_free_reading_raises_no_other_attribute(
    read_twice: ReadTwice, read_once: Engine
) -> None:
    """A hedge between two readers is a courtesy ("I think you have misread the report"):
    toxicity and insult stay those of the comment as written."""
    text = "I think you have misread the report, you fool. In my opinion gay people are disgusting."
    once, twice = read_twice(text)
    for attribute in ("toxicity", "severe_toxicity", "insult", "profanity", "sexually_explicit"):
        assert twice.scores[attribute] == pytest.approx(once.scores[attribute], abs=1e-6)
    # the attack on the group keeps the higher reading (which one is higher depends on the
    # CPU's int8 arithmetic, so the test asks for the rule, not a direction)
    cut = attack_without_frames(text)
    assert cut is not None
    (bare,) = read_once.analyze([CommentInput(cut)], spans=False)
    assert twice.scores["identity_attack"] == pytest.approx(
        max(once.scores["identity_attack"], bare.scores["identity_attack"]), abs=1e-6
    )


def test_a_second_reading_is_not_another_comment_in_the_routing_counts(engine: Engine) -> None:
    before = engine.routing.totals()
    engine.analyze([CommentInput("I think refugees are a burden."), CommentInput("Hello.")])
    after = engine.routing.totals()
    assert after[0] - before[0] == 2
