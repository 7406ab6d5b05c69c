"""A word that holds a sexual word and is none is no sexual content."""

from __future__ import annotations

import pytest
from scoring_support import ReadTwice

from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring.lookalike_words import LOOKALIKES, without_lookalikes


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Cockroaches infest the old council flats.", " infest the old council flats."),
        ("He bought a COCKATOO.", "He bought a ."),
        ("Dick Cheney spoke today.", " Cheney spoke today."),
        (
            "Hitchcock made Psycho; the cockpit scene is Spielberg's.",
            " made Psycho; the  scene is Spielberg's.",
        ),
    ],
)
def test_the_lookalike_words_are_cut(text: str, rest: str) -> None:
    assert without_lookalikes(text) == rest


@pytest.mark.parametrize("word", LOOKALIKES)
def test_every_listed_word_and_its_plural_is_cut(word: str) -> None:
    assert without_lookalikes(f"The {word}s and the {word}.") == "The  and the ."


@pytest.mark.parametrize(
    "text",
    [
        "Suck my cock.",
        "What a cocksure idiot.",
        "The cocks crowed at dawn.",
        "No birds here.",
        "Get your cock up here.",  # spaced: not the blunder (session 55)
    ],
)
def test_the_sexual_word_itself_and_its_other_compounds_are_read_as_written(text: str) -> None:
    assert without_lookalikes(text) is None


def test_a_pest_is_no_longer_rejected_as_sexual_content(
    read_twice: ReadTwice, moderator: Moderator
) -> None:
    text = "Cockroaches infest the old council flats."
    once, twice = read_twice(text)
    assert once.scores["sexually_explicit"] > 0.6
    assert twice.scores["sexually_explicit"] < 0.3
    assert twice.scores["toxicity"] == pytest.approx(once.scores["toxicity"], abs=1e-6)
    assert moderator.decide(twice, text).action is not Verdict.REJECT


def test_sex_described_beside_a_lookalike_is_still_sexual(
    read_twice: ReadTwice, moderator: Moderator
) -> None:
    text = "Over cocktails she said she wanted to suck my cock all night."
    _, twice = read_twice(text)
    assert twice.scores["sexually_explicit"] > 0.6
    assert moderator.decide(twice, text).action is not Verdict.APPROVE
