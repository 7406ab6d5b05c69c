"""Watched emoji and other symbols: matched on the comment as written (a news desk's
``hold = ["🐒🍌"]``, the monkey and banana posted under a story about a Black headteacher,
was refused: "has no letter or digit to match")."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threadguard.analysis import Analysis
from threadguard.moderation import (
    AuthorContext,
    Moderator,
    Outcome,
    PolicyError,
    SiteRules,
    load_policy,
    parse_policy,
)
from threadguard.moderation.watchlist import PatternError, WatchRule, match_watchlist
from threadguard.schema import ATTRIBUTES

BASE = load_policy()
QUIET = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.05))
MONKEY = "🐒🍌"


def rules(*hold: str) -> SiteRules:
    return parse_policy({"watchlist": {"hold": list(hold)}}, "my_site.toml").rules


def decide(site: SiteRules, text: str) -> Outcome:
    return Moderator(replace(BASE, rules=site)).decide(QUIET, text)


def found(pattern: str, text: str) -> list[str]:
    return [text[m.begin : m.end] for m in match_watchlist([WatchRule.of(pattern, "hold")], text)]


def test_an_emoji_entry_holds_the_comment_that_writes_it_and_names_it() -> None:
    text = "𝐂𝐨𝐧𝐠𝐫𝐚𝐭𝐬 to the new headteacher 🐒🍌 lol"
    outcome = decide(rules(MONKEY), text)
    assert outcome.decision.action == "hold"
    assert outcome.decision.reasons == (f'watched "{MONKEY}" (hold)',)
    [match] = outcome.matches
    # code-point offsets into the text as written (the bold letters before it are
    # folded by normalisation, and the emoji are beyond the Basic Multilingual Plane)
    assert text[match.begin : match.end] == MONKEY
    assert match.to_json() == {"pattern": MONKEY, "action": "hold", "begin": 32, "end": 34}


@pytest.mark.parametrize(
    "text",
    [
        "🍌🐒 at the zoo today",
        "Loved the 🐒 enclosure",
        "Bananas 🍌 are on offer",
        "🐒 and 🍌",
        "🐒, 🍌",
        "Congratulations to the new headteacher!",
    ],
)
def test_the_same_emoji_in_another_order_or_alone_and_other_comments_are_not_held(
    text: str,
) -> None:
    outcome = decide(rules(MONKEY), text)
    assert outcome.decision.action == "approve"
    assert outcome.matches == () and outcome.decision.reasons == ()


@pytest.mark.parametrize(
    "text",
    [
        "🐒 🍌",  # spaces between the symbols are optional
        "🐒\n\n🍌",
        "🐒\ufe0f🍌\ufe0f",  # emoji presentation selectors
        "🐒🏿🍌",  # a skin-tone modifier
        "🐒\u200d🍌",  # a zero-width joiner
        "🐒🐒🍌🍌",
    ],
)
def test_selectors_skin_tones_and_spaces_between_the_symbols_are_ignored(text: str) -> None:
    [span] = found(MONKEY, f"so {text} ok")
    assert span.startswith("🐒") and span.rstrip("\ufe0f").endswith("🍌")
    # and on the entry's side too
    assert found("🐒\ufe0f 🍌", text) == [span]


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("!!", "has no letter or digit (nor an emoji or other symbol) to match"),
        ("...", "punctuation and spaces alone would match nearly every comment"),
        ("(((", "echo is a code of [coded_hate]"),
        ("$$$ +", "has no letter or digit"),  # ASCII signs are punctuation here
        ("\ufe0f🏿", "has no letter or digit"),  # ignored characters alone
        ("   ", "empty pattern"),
    ],
)
def test_an_entry_of_punctuation_or_spaces_alone_is_refused(pattern: str, message: str) -> None:
    with pytest.raises(PolicyError, match=r"watchlist\.hold: .*" + re.escape(message)):
        rules(pattern)
    with pytest.raises(PatternError):
        WatchRule.of(pattern, "hold")


def test_a_mixed_entry_needs_its_words_and_its_symbols_where_it_puts_them() -> None:
    """It once matched its words alone: "🐒 boy" held every "boy" and "£5" every "5"."""
    assert found("🐒 boy", "you 🐒 boy") == ["🐒 boy"]
    assert found("🐒 boy", "🐒, b.o.y!") == ["🐒, b.o.y"]  # the words through obfuscation
    assert found("🐒 boy", "that boy 🐒") == []
    assert found("🐒 boy", "good boy") == []
    assert found("£5", "it costs £5, not 5 pence") == ["£5"]
    assert found("go back 🐒🍌", "Go  back 🐒 🍌 now") == ["Go  back 🐒 🍌"]
    assert found("go back 🐒🍌", "go back 🐒 home 🍌") == []
    assert found("🐒 *", "🐒 go home") == ["🐒 go"]


def test_a_symbol_read_as_a_letter_stays_a_word_and_letters_of_other_scripts_are_words() -> None:
    assert found("ⓚⓘⓛⓛ", "kill them") == ["kill"]  # circled letters: letters
    assert found("卐", "heil 卐 and 卐卐") == ["卐", "卐卐"]  # a letter in Unicode: a word


def test_a_flag_of_tag_characters_is_not_the_black_flag_it_starts_with() -> None:
    scotland = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    assert found("🏴", f"{scotland} flies") == []
    assert found("🏴", "🏴 flies") == ["🏴"]
    assert found(scotland, f"the {scotland} flies") == [scotland]


def test_a_symbol_entry_is_also_watched_in_the_authors_name() -> None:
    outcome = Moderator(replace(BASE, rules=rules(MONKEY))).decide(
        QUIET, "hello", AuthorContext("🐒🍌_fan", 3)
    )
    assert outcome.decision.reasons == (f'author name: watched "{MONKEY}" (hold)',)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["🐒", "🍌", " ", "\ufe0f", "🏿", "a", "boy", ".", "\n"])))
def test_every_match_starts_and_ends_at_its_symbols(parts: list[str]) -> None:
    text = "".join(parts)
    for span in found(MONKEY, text):
        assert span[0] == "🐒" and span.rstrip("\ufe0f🏿")[-1] == "🍌"
        assert set(span) <= {"🐒", "🍌", " ", "\ufe0f", "🏿", "\n"}
    for span in found("🐒 boy", text):
        assert span[0] == "🐒" and span.endswith("boy")


def test_an_entry_of_more_symbols_than_a_watchlist_can_match_quickly_is_refused() -> None:
    # a code review's (session 55): an entry of 10,000 emoji took 3 s a comment to match
    from threadguard.moderation.watch_symbols import MOST_PARTS
    from threadguard.moderation.watchlist import PatternError, WatchRule

    WatchRule.of("🐒" * MOST_PARTS, "hold")
    with pytest.raises(PatternError, match=f"at most {MOST_PARTS}"):
        WatchRule.of("🐒" * (MOST_PARTS + 1), "hold")


def test_several_mixed_entries_are_each_found_in_one_comment() -> None:
    # the comment's words and symbols are read once and matched against every mixed entry
    rules = [
        WatchRule.of("🐒 boy", "hold"),
        WatchRule.of("£5", "flag"),
        WatchRule.of("boy", "flag"),
    ]
    text = "you 🐒 boy, that costs £5"
    hits = [(m.pattern, text[m.begin : m.end]) for m in match_watchlist(rules, text)]
    assert hits == [("🐒 boy", "🐒 boy"), ("boy", "boy"), ("£5", "£5")]
