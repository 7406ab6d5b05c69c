"""Veiled threats at the journalist or official a story names, and a death wished on the
people of a tragedy it reports, are held with the kind named (session 34, a news standards
editor's tryout of English news threads: each was published); civil sentences that share
their words are not."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.moderation.threats import match_threats
from threadguard.schema import Verdict

HELD = [
    ("Whoever wrote this article should be careful. We know who you are, Sophie.", "veiled threat"),
    ("Sophie Reed, you'll regret writing this. Count on it.", "veiled threat"),
    (
        "Hinchcliffe had better watch herself when she leaves the town hall tonight.",
        "veiled threat",
    ),
    ("Jess Morgan needs a visit from the lads.", "veiled threat"),
    ("I'd love five minutes alone with Okafor in a dark alley.", "veiled threat"),
    ("Maybe some of us should pay them a visit.", "veiled threat"),
    ("Let's see how brave he is at home.", "veiled threat"),
    ("Someone should shut her up for good.", "veiled threat"),
    (
        "Tierney lives in Wigan, I've got his address. Let's see how brave he is at home.",
        "veiled threat",
    ),
    ("Shame they didn't all sink.", "wish of harm"),
    ("Shame they didn't all drown.", "wish of harm"),
    ("Pity more of them didn't drown.", "wish of harm"),
    ("She can sit on my face any day.", "sexual harassment"),
    ("I'd let her sit on my face, the lovely reporter.", "sexual harassment"),
]

CIVIL = [
    "Shame they didn't all make it to the final.",
    "A pity they didn't all get a medal.",
    "You'll regret it.",
    "You'll regret writing this when the figures come out.",
    "We know who you are voting for, Sophie.",
    "Kane had better watch himself, he's on a yellow.",
    "I'd love five minutes alone with the minister to ask about the budget.",
    "The new cafe is lovely, we should pay them a visit.",
    "Let's see how brave he is at home against City.",
    "Let's see how tough they are at home to Leeds on Saturday.",
    "The keeper shut them up for good with that save.",
    "I've got his autograph, he signed it after the match.",
    "The cat likes to sit on my chest at 5am.",
    "I had to sit on my hands during the debate; she was brilliant.",
    "The history society should pay them a visit; the museum's Roman coins are superb.",
    "The report said the boat sank and most of them drowned; a shame they did not all have lifejackets.",
]


@pytest.mark.parametrize(("text", "kind"), HELD)
def test_veiled_threats_and_wishes_of_harm_are_held(text: str, kind: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith(f"{kind}:") for r in outcome.decision.reasons), outcome.decision.reasons


@pytest.mark.parametrize("text", CIVIL)
def test_civil_sentences_sharing_the_words_are_not(text: str) -> None:
    assert match_threats(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "had better watch herself " * 4_000,
        "minutes alone with " * 5_000,
        "shame they didn't all " * 4_000,
        "you'll regret it. " * 5_000,
        "some of us should " * 5_000,
        "we know who you are " * 5_000,
        "she " * 25_000 + "sit on my face",
    ],
)
def test_the_new_entries_read_long_adversarial_text_in_linear_time(text: str) -> None:
    import time

    start = time.perf_counter()
    match_threats(text)
    assert time.perf_counter() - start < 3.0
