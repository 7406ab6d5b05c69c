"""A reviewer's findings on session 34's veiled threats, wishes of harm and sexual
harassment (threats.toml): civil sentences the entries held (a manager's team talk, a
yellow card, a boiler's service, a hospital visit, a penalty shoot-out, a quoted lyric)
are not held, and threats they missed ('I know his address.', 'Shame none of them
drowned.', 'Five minutes in a dark alley with him is all I need.') are."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.moderation.threats import match_threats
from threadguard.schema import Verdict

HELD = [
    ("You will regret writing this article. Count on it.", "veiled threat"),
    ("You're gonna regret writing this. Count on it.", "veiled threat"),
    ("We know exactly who you are, journalist.", "veiled threat"),
    ("I know who you are.", "veiled threat"),
    ("Careful what you write, I know who you are.", "veiled threat"),
    ("Some of us should pay that reporter a visit.", "veiled threat"),
    ("Someone should pay him a visit.", "veiled threat"),
    ("What he needs is a visit from the lads.", "veiled threat"),
    ("We've got your address.", "veiled threat"),
    ("I know his address.", "veiled threat"),
    ("Shame they all didn't drown.", "wish of harm"),
    ("Shame none of them drowned.", "wish of harm"),
    ("That reporter can sit on my face any time.", "sexual harassment"),
    ("Five minutes in a dark alley with him is all I need.", "veiled threat"),
]

CIVIL = [
    "The manager said: we know who you are as a club, and we showed it today.",
    "Kane had better watch himself when he comes out for the second half, he's on a yellow.",
    "The gas engineer said our boiler needs a visit from the lads at British Gas.",
    "A few of us will pay her a visit in hospital on Sunday.",
    "All of us could pay him a visit at the care home this Christmas.",
    "City were awful away; let's see how tough they are at home.",
    "I've got her address for the wedding invitations if you need it.",
    "We have his address from the electoral roll, the letter was returned unopened.",
    "Pity they didn't all sink their penalties, it went to sudden death.",
    "Shame that more of them didn't drown out the noise of the fans.",
    "She can sit on my face any day is the worst lyric ever written, according to this review.",
    # written beside the fixes
    "I know who you are, you're the one who fixed my bike last year!",
    "Don't worry, I know who you are voting for.",
    "Grandpa is lonely, someone should pay him a visit.",
    "Shame none of them sank a putt all afternoon.",
    "I know his address is on the letter somewhere.",
]


@pytest.mark.parametrize(("text", "kind"), HELD)
def test_the_missed_threats_are_held(text: str, kind: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith(f"{kind}:") for r in outcome.decision.reasons), outcome.decision.reasons


@pytest.mark.parametrize("text", CIVIL)
def test_the_reviewers_civil_sentences_are_not_held(text: str) -> None:
    assert not any(m.holds for m in match_threats(text))
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE


@pytest.mark.parametrize(
    "text",
    [
        "careful " * 12_000 + "i know who you are",
        "i know who you are, " * 5_000,
        "minutes in a dark alley " * 4_000,
        "someone should pay him a visit " * 3_200,
        "shame they all didn't " * 4_500,
        "that reporter " * 7_000 + "sit on my face",
    ],
)
def test_the_changed_entries_read_long_adversarial_text_quickly(text: str) -> None:
    import time

    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        match_threats(text)
        best = min(best, time.perf_counter() - start)
    assert best < 0.5
