"""Codes a news standards editor's tryout found published (session 34): antisemitic,
anti-Muslim, anti-LGBT and anti-migrant dog whistles, in English and in other languages,
codes that are hate only beside the group they are said of (``[[context]]`` entries), and
codes in user names whose words are joined or whose digits are glued. Each is held with
the code named; the civil sentences written to break them are not."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from list_support import CALM, DEFAULT

from threadguard.moderation import AuthorContext
from threadguard.moderation.coded_hate import (
    LexiconError,
    match_coded,
    match_context,
    name_words,
    parse_context,
)
from threadguard.schema import Verdict

HELD = [
    (
        "Funny how the Rothschilds always profit from every war. Follow the money.",
        "rothschilds",
        "en",
    ),
    ("Khaybar Khaybar ya yahud", "khaybar khaybar", "en"),
    ("Khaybar Khaybar ya yahud", "khaybar khaybar", "ar"),
    ("Deus vult. Close every mosque in the country.", "deus vult", "en"),
    ("Groomers. The lot of them. Trans activists want access to our kids.", "groomers", "en"),
    ("13% of the population, 50% of the crime. Do the maths.", "13/50", "en"),
    ("Despite being 13% they commit half the murders.", "13/50", "en"),
    ("13/50. Every single time.", "13/50", "en"),
    ('Sorry, "she".', "scare-quoted pronoun", "en"),
    ("Enrich me harder, Sadiq.", "enrich me harder", "en"),
    ("Basta con la sostituzione etnica.", "sostituzione etnica", "it"),
    ("Le risorse boldriniane colpiscono ancora.", "risorse boldriniane", "it"),
    ("Stop de omvolking van Nederland.", "omvolking", "nl"),
    ("Żydokomuna znowu rządzi.", "zydokomun*", "pl"),
]

CIVIL = [
    "The Rothschild family funded Wellington's army against Napoleon.",
    "Rothschild & Co advised on the takeover, the bank said.",
    "The knights of the First Crusade cried Deus vult as they fought the Muslims at Jerusalem.",
    "Deus vult! My paladin finally took Jerusalem from the Saracens in Crusader Kings.",
    "Three groomers from Rochdale were convicted of child sexual exploitation today.",
    "The grooming gang's victims were failed; the groomers got 20 years.",
    "Calling trans people groomers is a vile smear.",
    "Labour won 13/50 seats on the council.",
    "They are 13% of the population and 50% of the vote in the ward.",
    "Despite making up 13% of the population, they hold 2% of board seats.",
    'The word "she" appears twice in the headline.',
    "Cultural enrichment programmes at the school were praised by Ofsted.",
    "Our dog groomers on Cheriton Road are brilliant with nervous pets.",
]


@pytest.mark.parametrize(("text", "code", "language"), HELD)
def test_the_codes_are_held_and_named(text: str, code: str, language: str) -> None:
    outcome = DEFAULT.decide(replace(CALM, language=language), text)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith(f'coded hate "{code}"') for r in outcome.decision.reasons), (
        outcome.decision.reasons
    )


@pytest.mark.parametrize("text", CIVIL)
def test_civil_sentences_sharing_the_words_are_not(text: str) -> None:
    assert [m for m in match_coded(text) if not m.rebutted] == []
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Patriot1488", "1488"),
        ("HH88", "hh 88"),
        ("GoyimKnow", "goyim know"),
        ("Goyim_Know", "goyim know"),
        ("GreatReplacement", "great replacement"),
        ("Patriot_1488", "1488"),
        ("patriot14_88", "1488"),
    ],
)
def test_user_names_are_read_word_by_word(name: str, code: str) -> None:
    outcome = DEFAULT.decide(CALM, "Good article.", AuthorContext(name, 5))
    assert outcome.action is Verdict.HOLD
    assert any(
        r.startswith(f'author name: coded hate "{code}"') for r in outcome.decision.reasons
    ), outcome.decision.reasons
    [found] = [m for m in match_coded(name, language=None, in_author=True)]
    assert found.where.in_author and 0 <= found.where.begin < found.where.end <= len(name)


@pytest.mark.parametrize(
    "name", ["Tommy_88", "JohnSmith88", "Anna1988", "Room14881", "GreatBritain"]
)
def test_eighty_eight_alone_and_ordinary_joined_names_are_not(name: str) -> None:
    assert DEFAULT.decide(CALM, "Good article.", AuthorContext(name, 5)).action is Verdict.APPROVE


def test_a_name_is_split_where_words_join_with_offsets_back_into_it() -> None:
    spaced, where = name_words("GoyimKnow_1488")
    assert spaced == "Goyim Know 1488"
    assert [where[i] for i in (0, 6, 11)] == [0, 5, 10]


def test_a_context_entry_needs_a_name_near_and_a_known_group() -> None:
    with pytest.raises(LexiconError, match="context 1"):
        parse_context("[[context]]\npattern = 'x'\ngroup = 'jews'\nmeaning = 'm'\n")
    with pytest.raises(LexiconError, match="unknown group"):
        parse_context(
            "[[context]]\nname = 'x'\npattern = 'x'\nnear = 'y'\ngroup = 'nobody'\nmeaning = 'm'\n"
        )


@pytest.mark.parametrize(
    "text",
    [
        "rothschilds " * 9_000,
        "13% " * 25_000,
        "13/" * 33_000,
        '"she" ' * 16_000,
        "sorry, " * 14_000,
        "deus vult " * 10_000,
        "groomers " * 11_000,
    ],
)
def test_the_context_entries_read_long_adversarial_text_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    match_context(text)
    assert time.perf_counter() - start < 3.0


@pytest.mark.parametrize(
    ("text", "context", "code"),
    [
        ("Groomers. The lot of them.", "Trans activists demand new school guidance", "groomers"),
        ("Deus vult.", "Plans for a new mosque in Bolton approved", "deus vult"),
    ],
)
def test_a_context_entry_reads_what_the_comment_answers(text: str, context: str, code: str) -> None:
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith(f'coded hate "{code}"') for r in outcome.decision.reasons)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        (
            "Groomers. The lot of them.",
            "Rochdale grooming gang: nine men jailed for abuse of girls",
        ),
        ("Deus vult.", "Crusader Kings III review: the best medieval strategy game"),
        (
            "Deus vult, the knights cried, and the crusade began.",
            "Plans for a new mosque in Bolton approved",
        ),
    ],
)
def test_without_the_group_in_what_it_answers_they_are_not(text: str, context: str) -> None:
    assert DEFAULT.decide(CALM, text, context=context).action is Verdict.APPROVE
