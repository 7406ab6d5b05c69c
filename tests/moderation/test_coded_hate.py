"""Coded hate: the lexicon's codes are held (or named) with what they mean, through
obfuscation, in text and author names, and a site can drop a term or the whole phase."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from threadguard.analysis import Analysis
from threadguard.moderation import (
    AuthorContext,
    Moderator,
    Outcome,
    Policy,
    PolicyError,
    load_policy,
    parse_policy,
)
from threadguard.moderation.coded_hate import (
    LexiconError,
    lexicon,
    match_coded,
    parse_lexicon,
)
from threadguard.schema import ATTRIBUTES, GROUPS

DEFAULT = load_policy()
CALM = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.02))


def with_coded(**table: object) -> Policy:
    """The default policy with its ``[coded_hate]`` table replaced by ``table``."""
    rules = parse_policy({"coded_hate": dict(table)}, "test").rules
    return replace(DEFAULT, rules=rules)


def decide(policy: Policy, text: str, author: AuthorContext | None = None) -> Outcome:
    return Moderator(policy).decide(CALM, text, author)


def test_the_default_policy_holds_a_code_and_says_what_it_means() -> None:
    outcome = decide(DEFAULT, "Time for remigration, all of them.")
    assert outcome.decision.action == "hold"
    [reason] = outcome.decision.reasons
    assert reason.startswith('coded hate "remigration": ')
    assert "deport" in reason


@pytest.mark.parametrize(
    "text",
    [
        "r e m i g r a t i o n now",
        "REMIGRATION!!!",
        "remigrati0n",
        "Welcome to L0nd0nistan",
        "14/88 brother",
    ],
)
def test_codes_are_found_through_obfuscation(text: str) -> None:
    assert match_coded(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the new bus lanes.",
        "Woops, I posted twice.",
        "Migration from the region fell by a fifth last year.",
        "The Pakistani delegation arrives on Monday.",
        "London is expensive; Istanbul less so.",
    ],
)
def test_ordinary_words_are_not_codes(text: str) -> None:
    assert match_coded(text) == []
    assert decide(DEFAULT, text).decision.action == "approve"


def test_the_details_keep_each_code_with_its_place_in_the_original_text() -> None:
    text = "Welcome to L0nd0nistan, again."
    details = decide(DEFAULT, text).details()
    assert details is not None
    [found] = details["coded_hate"]
    assert text[found["begin"] : found["end"]] == "L0nd0nistan"
    assert (found["pattern"], found["group"]) == ("londonistan", "muslims")
    assert "rebutted" not in found and "in" not in found


def test_other_languages_are_searched_for_the_codes_used_in_every_language_only() -> None:
    german = replace(CALM, language="de")
    pulled = Moderator(DEFAULT).decide(german, "Er zog nach Berlin und blieb dort.")
    assert pulled.decision.action == "approve"  # "zog": German for "pulled"
    assert match_coded("Er zog nach Berlin", language="de") == []
    assert [m.term.pattern for m in match_coded("Er zog nach Berlin")] == ["zog"]
    coded = Moderator(DEFAULT).decide(german, "Remigration jetzt, sofort!")
    assert coded.decision.action == "hold"


def test_each_code_is_named_once_however_often_it_stands() -> None:
    outcome = decide(DEFAULT, "Londonistan today, Londonistan tomorrow.")
    assert len(outcome.decision.reasons) == 1


def test_author_names_are_screened_for_codes() -> None:
    outcome = decide(DEFAULT, "hello", AuthorContext("proud_1488", 5))
    assert outcome.decision.action == "hold"
    assert outcome.decision.reasons[0].startswith('author name: coded hate "1488"')


def test_flag_names_the_code_without_holding() -> None:
    outcome = decide(with_coded(action="flag"), "Time for remigration.")
    assert outcome.decision.action == "approve"
    assert outcome.decision.reasons[0].startswith('coded hate "remigration"')


REBUTTED = " (quoted or rebutted: not held for it)"


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The shooter was inspired by the 'great replacement' nonsense.", "approve"),
        ("The AfD's remigration plan is racist and should be condemned.", "approve"),
        ("The great replacement conspiracy theory has been debunked again.", "approve"),
        ("Far-right marchers chanted blood and soil in Charlottesville.", "approve"),
        ("The great replacement is happening before our eyes.", "hold"),
        ("Remigration now, they do not belong here.", "hold"),
        ("He is just another 'raghead' to me.", "hold"),
        ("Calling them towelheads is racist, they say. Towelheads.", "hold"),
    ],
)
def test_a_theory_quoted_or_rebutted_is_only_named_but_a_slur_is_held(
    text: str, action: str
) -> None:
    """A theory's or slogan's name in a report or rebuttal is named, not held for; the
    same name used, or a slur even quoted, holds the comment."""
    decision = decide(DEFAULT, text).decision
    assert decision.action == action
    assert decision.reasons[0].endswith(REBUTTED) == (action == "approve")


def test_a_site_can_turn_the_phase_off_or_drop_a_term() -> None:
    assert decide(with_coded(action="off"), "Time for remigration.").details() is None
    dropped = with_coded(action="hold", ignore=["orcs"])
    assert decide(dropped, "The orcs in that film were scary.").decision.action == "approve"
    assert decide(dropped, "Time for remigration.").decision.action == "hold"


def test_a_policy_without_the_table_leaves_codes_to_the_scores() -> None:
    assert parse_policy({}, "test").rules.coded_hate == "off"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"action": "reject"}, "coded_hate.action must be hold, flag, off"),
        ({"ignore": ["not a code"]}, "coded_hate.ignore: 'not a code' not in the lexicon"),
        ({"ignore": "orcs"}, "coded_hate.ignore must be a list of strings"),
        ({"level": 1}, "unknown key(s) in [coded_hate]: level"),
    ],
)
def test_bad_coded_hate_tables_are_refused_with_the_reason(
    table: dict[str, object], message: str
) -> None:
    with pytest.raises(PolicyError, match=re.escape(message)):
        parse_policy({"coded_hate": table}, "site.toml")


def test_the_shipped_lexicon_names_a_known_group_and_a_meaning_for_every_term() -> None:
    terms = lexicon()
    assert len(terms) >= 50
    assert all(t.group in GROUPS and t.meaning.strip() for t in terms)
    assert len({t.pattern for t in terms}) == len(terms)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[term]]\npattern = "x"\ngroup = "jews"\n', "needs pattern, group and meaning"),
        ('[[term]]\npattern = "x"\ngroup = "martians"\nmeaning = "m"\n', "unknown group"),
        ('[[term]]\npattern = ""\ngroup = "jews"\nmeaning = "m"\n', "must be non-empty"),
        ("[[term]\n", "invalid TOML"),
    ],
)
def test_a_bad_lexicon_entry_is_an_error_naming_it(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(text, "lex.toml")


def test_the_flags_must_be_booleans() -> None:
    entry = '[[term]]\npattern = "x"\ngroup = "jews"\nmeaning = "m"\nreported = "yes"\n'
    with pytest.raises(LexiconError, match="reported must be true or false"):
        parse_lexicon(entry)
    entry = entry.replace('reported = "yes"', "any_language = 1")
    with pytest.raises(LexiconError, match="any_language must be true or false"):
        parse_lexicon(entry)


def test_a_term_listed_twice_is_an_error() -> None:
    entry = '[[term]]\npattern = "x"\ngroup = "jews"\nmeaning = "m"\n'
    with pytest.raises(LexiconError, match="listed twice"):
        parse_lexicon(entry * 2)
