"""A seventh news-desk tryout (a Hindu festival's road closures, a Polish grocery
firebombed, a reparations speech, a lesbian couple's adoption, Nigerian nurses) published a
veiled threat one word off the list ("We know which houses you all live in now."), a
scriptural call for gay people's death ("Leviticus 20:13. Look it up."), Enoch Powell's
"rivers of blood" and a user named Enoch_Was_Right, and "your 419 emails" said to a Nigerian
nurse. Each is held with its reason named, under calm scores (the lists alone); civil
sentences that share its words (a parcel delivered, the verse discussed, the speech as
history, a scam reported, an area code) are approved."""

from __future__ import annotations

import pytest
from list_support import (
    CALM,
    DEFAULT,
    assert_context_entries_run_in_linear_time,
    tryout_list_tests,
)

from threadguard.moderation.coded_hate import (
    match_coded,
    match_name,
)
from threadguard.schema import Verdict

ADOPTION = "High Court rules lesbian couple can adopt two brothers"
NURSES = "NHS trust recruits 300 Nigerian nurses"

#: (comment, the start of a reason it must be held for)
HELD = [
    # 1. "we know where you live", one word off
    ("The graffiti said it all. Go home. We know which houses you all live in now.", "veiled"),
    ("We know where you all live now.", "veiled threat"),
    ("We know where you lot live.", "veiled threat"),
    ("We know which street you live on.", "veiled threat"),
    ("I know which house you live in.", "veiled threat"),
    # 2. Leviticus 20:13 as a call for death
    ("Lev 20:13 applies to gays and always will.", "coded hate"),
    ("Leviticus 20:13. Look it up. That's what should happen to them.", "coded hate"),
    # 3. Enoch Powell
    ("Enoch was right.", "coded hate"),
    ("Mass immigration, rivers of blood, exactly as predicted.", "coded hate"),
    # 4. 419 at a Nigerian
    ("Save it, scammer. Send your 419 emails to someone else.", "coded hate"),
    ("Typical 419 scammers, every one of them from Lagos.", "coded hate"),
]

CIVIL = [
    # where someone lives, said kindly or asked
    "Do you know which street you live on?",
    "I know where you all live, so I'll drop the invitations round.",
    "We know which house you live in, Dave, we delivered your parcel last week.",
    "I know which road you live on, it floods every winter.",
    # the verse discussed, its use condemned
    "Leviticus 20:13 is quoted by bigots, but the same book bans shellfish.",
    "Our vicar preached on Leviticus 20:13 and its historical context.",
    "Scholars read Leviticus 20:13 very differently today.",
    "Leviticus 20:13 has been used to justify hatred of gay people for centuries.",
    # the speech as history, a war
    "Powell's 'rivers of blood' speech in 1968 got him sacked by Heath.",
    "Enoch Powell's rivers of blood speech was about immigrants and it was vile.",
    "Rivers of blood ran at the Somme.",
    "'Enoch was right' is a racist slogan.",
    # the fraud reported, the area code
    "A 419 scam cost my aunt £4,000, beware.",
    "Beware 419 emails claiming to be from a Nigerian prince.",
    "My mum nearly fell for their 419 scam.",
    "Your 419 number is Toledo, right?",
]


(
    test_each_class_of_the_tryout_is_held_with_its_reason,
    test_civil_sentences_sharing_the_words_are_approved,
) = tryout_list_tests(HELD, CIVIL)


@pytest.mark.parametrize(
    ("text", "context", "group"),
    [
        (
            "Leviticus 20:13. Look it up. That's what should happen to them.",
            ADOPTION,
            "sexual_orientation",
        ),
        (
            "The rivers of blood are coming. 300 today, 3000 tomorrow. Wake up.",
            NURSES,
            "nationality_migration",
        ),
        ("Save it, scammer. Send your 419 emails to someone else.", NURSES, "race_ethnicity"),
    ],
)
def test_the_story_answered_gives_the_code_its_group(text: str, context: str, group: str) -> None:
    """The people stand only in the title: each is held under it, with its group named."""
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is Verdict.HOLD
    assert any(f"(targets {group})" in r for r in outcome.decision.reasons), (
        outcome.decision.reasons
    )


def test_the_verse_discussed_under_the_same_story_is_not_held() -> None:
    text = "Leviticus 20:13 is quoted by bigots, but the same book bans shellfish."
    assert [m for m in match_coded(text, context=ADOPTION) if not m.rebutted] == []
    assert match_coded("The rivers of blood are coming.") == []


def test_the_powell_slogan_is_read_in_a_user_name() -> None:
    assert [m.term.pattern for m in match_name("Enoch_Was_Right")] == ["enoch was right"]
    assert match_name("EnochPowellFan") == []


NEW_CONTEXT = ("leviticus 20:13", "rivers of blood", "419")


@pytest.mark.parametrize(
    "text",
    [
        "leviticus 20:13 leviticus " * 4000,
        "lev 20 : 13 gays " * 6000,
        "rivers of blood rivers " * 4500,
        "your 419 your 419ers " * 4500,
    ],
)
def test_the_new_context_entries_run_in_linear_time(text: str) -> None:
    assert_context_entries_run_in_linear_time(text, NEW_CONTEXT)
