"""Violent words used of things, in idioms and of a team in a contest are read again without
them; a threat at a person, one with a weapon or one that insists it is meant is read as
written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scoring_support import ReadTwice

from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring.figurative_violence import (
    FIGURATIVE_ATTRIBUTES,
    without_figurative_violence,
)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Kill the clock!!", " the clock!!"),
        ("McConnell will kill this bill in committee.", "McConnell will  this bill in committee."),
        ("Break a leg to the whole cast tonight!", " to the whole cast tonight!"),
        (
            "My boss is gonna kill me when she sees these numbers lol",
            "My  when she sees these numbers lol",
        ),
        ("I could murder a curry right now.", "I  right now."),
        ("Dead and buried by half time.", " by half time."),
        ("We have to stop shooting ourselves in the foot.", "We have to stop ."),
        ("Streaming services are killing cable TV.", "Streaming services are  cable TV."),
        ("We slaughtered them 5-0 last night.", "We  them 5-0 last night."),
        ("She killed it on stage.", "She  on stage."),
    ],
)
def test_the_figurative_words_are_cut(text: str, rest: str) -> None:
    assert without_figurative_violence(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "I will kill him.",
        "Someone should murder that referee.",
        "We'll kill them after the match, bring your bats.",
        "Kill the clock? I'd rather kill the ref, for real.",
        "If I see him outside the ground he's getting stabbed.",
        "We'll murder you lot on Saturday, derby day.",
        "They slaughtered the villagers in 1943.",
        "Kill the bill, literally, and the MP who wrote it.",
        "The weather is lovely today.",
    ],
)
def test_a_threat_at_a_person_or_one_meant_is_read_as_written(text: str) -> None:
    assert without_figurative_violence(text) is None


def test_only_threat_toxicity_and_severe_toxicity_may_be_lowered() -> None:
    assert frozenset({"threat", "toxicity", "severe_toxicity"}) == FIGURATIVE_ATTRIBUTES


@pytest.mark.parametrize(
    "text",
    [
        "Break a leg to the whole cast tonight!!",
        "McConnell will kill this bill in committee like he kills every bill.",
        "Kill the heat before you add the butter or it'll split.",
    ],
)
def test_a_figurative_comment_is_no_longer_held(
    text: str, read_twice: ReadTwice, moderator: Moderator
) -> None:
    once, twice = read_twice(text)
    assert moderator.decide(once, text).action is not Verdict.APPROVE
    assert moderator.decide(twice, text).action is Verdict.APPROVE
    for attribute in ("insult", "identity_attack", "profanity", "sexually_explicit"):
        assert twice.scores[attribute] == pytest.approx(once.scores[attribute], abs=1e-6)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("kil murde thclock a legbrk!?.\n")), max_size=200))
def test_the_cut_text_is_the_text_with_pieces_removed(text: str) -> None:
    rest = without_figurative_violence(text)
    if rest is None:
        return
    assert len(rest) < len(text)
    it = iter(text)
    assert all(ch in it for ch in rest)
