"""Idioms of violence that harm no one are read again without them; a threat that shares
their words is read as written (every threat an adversarial review wrote against the first,
wider version of the reading is pinned here)."""

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
        ("Kill the clock!!", "!!"),
        ("Kill the lights before you go.", " before you go."),
        ("Break a leg to the whole cast tonight!", " to the whole cast tonight!"),
        (
            "My boss is gonna kill me when she sees these numbers lol",
            " when she sees these numbers lol",
        ),
        ("I could murder a curry right now.", " right now."),
        ("We have to stop shooting ourselves in the foot.", "We have to stop ."),
        ("She killed it on stage last night.", "She  on stage last night."),
        ("Honestly, you nailed it!", "Honestly, you !"),
        ("This heat is killing me.", "This heat ."),
        ("What a killer instinct.", "What a ."),
        ("Time to kill some time before the train.", "Time to  before the train."),
        ("Kill the process and restart the server.", " and restart the server."),
        ("Let's bury the hatchet.", "Let's ."),
        ("These shoes are murdering my feet.", "These shoes ."),
        # a wish of success (a news desk, session 43)
        (
            "Best of luck in the summer, lad. Hope you smash it.",
            "Best of luck in the summer, lad. .",
        ),
        ("Good luck, you'll smash it, I know you will", "Good luck, , I know you will"),
        ("Big match tomorrow. Go and nail it.", "Big match tomorrow. ."),
        ("Hope they kill it on stage tonight!", " on stage tonight!"),
    ],
)
def test_the_idioms_are_cut(text: str, rest: str) -> None:
    assert without_figurative_violence(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        # a thing's name before a person
        "Someone should murder that talk show host.",
        "Kill the match officials, every last one of them.",
        "Kill the music teacher who failed my son.",
        "Kill the tv critics who trashed her.",
        "Someone should murder Bill Gates.",
        "Round up the journalists and kill the opposition leaders.",
        # a craving that names people
        "I could kill a kebab shop owner.",
        "I could murder a coffee shop owner.",
        # "them" in a comment that mentions a contest or a home
        "The journalists are at home tonight. Go kill them.",
        "They are no match for us. Slaughter them.",
        "If the election is stolen we need to kill the democrats.",
        # a person dead and buried
        "I want her dead and buried before the election.",
        # "killing it" of an animal or a person called a thing
        "If your cat comes in my garden again I'm killing it.",
        "That thing calling itself a woman, I'm killing it.",
        # a wish of luck turned round
        "Break a leg? I'll break both of his.",
        "If he plays on Saturday I hope he decides to break a leg.",
        # a weapon or an insistence
        "Kill the lights, grab the knives, and wait for him.",
        "We should bury the lead singer.",
        "Bury the hatchet and the traitor with it.",
        "Kill the fire chief.",
        "My boss is gonna kill me, literally, he said so.",
        "I will kill him.",
        "The weather is lovely today.",
        # a wish that names a person, or goes on to harm
        "Hope they kill him.",
        "I hope you smash it to pieces with a hammer",
        "Hope you smash his face in.",
        "I'll smash it.",
        # threats dressed as wishes, or no contest to wish for (a review, session 43)
        "You'll smash it, I know you will",
        "Hope you kill it today, and the referee on the way home.",
        "Sure you'll nail it, that grass won't be talking to the police again.",
        "Saw that creature at the protest again. Hope they kill it.",
        "Good luck in the final. Hope you smash his face in.",
    ],
)
def test_a_threat_or_a_plain_comment_is_read_as_written(text: str) -> None:
    assert without_figurative_violence(text) is None


def test_only_threat_toxicity_and_severe_toxicity_may_be_lowered() -> None:
    assert frozenset({"threat", "toxicity", "severe_toxicity"}) == FIGURATIVE_ATTRIBUTES


@pytest.mark.parametrize(
    "text",
    [
        "Break a leg to the whole cast tonight!!",
        "Kill the mic, he's rambling.",
        "Best of luck in the summer, lad. Hope you smash it.",
    ],
)
def test_an_idiom_is_no_longer_held(text: str, read_twice: ReadTwice, moderator: Moderator) -> None:
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
