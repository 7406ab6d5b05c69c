"""Insults addressed to a reader in British, Irish and Australian words, which two
news-desk tryouts found published (session 36): the list's English entry holds the
vocative -- "you", up to three words, a word for a person, the end of its clause -- under
calm scores; the same words said of no one, reported, quoted or inside a longer word
are not found."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT, assert_held_for

from threadguard.moderation.abusive_words import match_abusive_words
from threadguard.schema import Verdict

HELD = [
    "Nobody asked you, you sanctimonious old cow.",
    "Where were you for the eight months we were breathing smoke, you useless prat?",
    "78,000 mugs then. And you're one of them, you soft beta.",
    "Six years of free money. Get a job like the rest of us, you scrounging parasite.",
    "Read the article before commenting, you absolute numpty.",
    "Go back under your bridge, you pillock, nobody cares.",
    "Typical Guardian reader, you smug little weasel!",
]

NOT_FOUND = [
    "Thank you, cow farmers of Devon, for the open day.",
    "Did you tool up before the match?",
    "Are you an old cowboy fan?",
    "He called me a useless prat, can you believe it.",
    'I told him "you useless prat" and walked off, then felt bad.',
    "The council are a bunch of prats.",
    "You get a lot of snowflake jokes in these comments, and they are all tired.",
    "Did you see the parasite documentary on BBC Four? Fascinating.",
    "The beta version you installed is buggy.",
]


@pytest.mark.parametrize("text", HELD)
def test_an_insult_addressed_to_the_reader_is_held_under_calm_scores(text: str) -> None:
    assert_held_for(text, "abusive word, insult")


@pytest.mark.parametrize("text", NOT_FOUND)
def test_the_words_said_of_no_one_reported_or_quoted_are_not_held(text: str) -> None:
    assert [m for m in match_abusive_words(text, language="en") if m.holds] == []
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE


def test_the_english_entry_reads_english_comments_only() -> None:
    assert match_abusive_words("Nobody asked you, you old cow.", language="de") == []
