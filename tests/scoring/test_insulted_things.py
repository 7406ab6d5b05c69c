"""An insulting word aimed at a thing is no insult."""

from __future__ import annotations

import pytest
from scoring_support import ReadTwice

from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring.insulted_things import without_insults_at_things


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Stupid printer jammed again.", "printer jammed again."),
        ("This idiotic policy will cost us billions.", "This policy will cost us billions."),
        ("What a pathetic budget.", "What a budget."),
        ("I hate these stupid new roadworks.", "I hate these new roadworks."),
        ("My bloody car won't start.", "My car won't start."),
        ("Sorry, stupid auto correct.", "Sorry, auto correct."),
        ("Ugh, damn spell checker.", "Ugh, spell checker."),
        ("That fucking stupid ticket machine ate my card.", "That ticket machine ate my card."),
        ("This stupid parking app charged me twice.", "This parking app charged me twice."),
    ],
)
def test_the_insulting_words_before_a_thing_are_cut(text: str, rest: str) -> None:
    assert without_insults_at_things(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "That stupid mayor again.",  # a person
        "What a pathetic bunch of commenters.",
        "Your stupid idea will never work.",  # aimed at the reader
        "The plan is stupid and so are you.",  # after the thing: read as written
        "Stupid people everywhere.",
        "This stupid Trudeau plan.",  # a name between: about a person
        "The printer jammed again.",
    ],
)
def test_not_an_insult_at_a_thing(text: str) -> None:
    assert without_insults_at_things(text) is None


def test_a_complaint_about_a_thing_is_published(
    read_twice: ReadTwice, moderator: Moderator
) -> None:
    text = "This stupid parking app charged me twice."
    once, twice = read_twice(text)
    assert moderator.decide(once, text).action is Verdict.HOLD  # insult, read as written
    assert moderator.decide(twice, text).action is Verdict.APPROVE
    assert twice.scores["insult"] < once.scores["insult"]


def test_swearing_and_insults_at_people_are_still_read(
    read_twice: ReadTwice, moderator: Moderator
) -> None:
    text = "This stupid fucking printer, and you are a useless idiot for buying it."
    once, twice = read_twice(text)
    assert twice.scores["profanity"] == pytest.approx(once.scores["profanity"], abs=1e-6)
    assert twice.scores["insult"] > 0.5
    assert moderator.decide(twice, text).action is not Verdict.APPROVE
