"""Session 34: what a news standards editor's tryout found published or under-named.

A call to gas "the lot of them" names the group that the comment it answers names; vermin
said of "them" under a story of small boats (or a comment naming a group) is dehumanising
language against migrants; "go back to the jungle he came from" said of a Black person is
racist abuse, named with its target. The civil sentences written to break each pattern (sport,
cooking, pest control, history, news reports, celebrity news) are not matched."""

from __future__ import annotations

import time

import pytest
from list_support import CALM, DEFAULT

from threadguard.moderation.coded_hate import match_context
from threadguard.moderation.threats import match_threats

GROUP_PARENT = "Palestinians are animals. Always have been."
BOAT_TITLE = "At least 12 dead after small boat capsizes in the Channel"


@pytest.mark.parametrize(
    "reply", ["Exactly, animals. Gas the lot of them.", "Gas them all.", "Gas the lot."]
)
def test_a_call_to_gas_them_names_the_group_of_what_it_answers(reply: str) -> None:
    outcome = DEFAULT.decide(CALM, reply, context=GROUP_PARENT)
    assert outcome.threat_held
    reasons = [r for r in outcome.decision.reasons if r.startswith("call for violence")]
    assert reasons and all("(targets arabs, nationality_migration)" in r for r in reasons)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Gas the lot.", "The forecourt had forty used cars for sale."),
        ("Turn the gas hob down or the sauce will catch.", GROUP_PARENT),
        ("Gas them up before the long drive to Gaza's border crossing.", ""),
        ("Remember to gas the car before you pick up the refugees.", ""),
    ],
)
def test_civil_gas_is_no_call_for_violence(text: str, context: str) -> None:
    found = match_threats(text, context=context)
    assert not [t for t in found if t.holds], found


@pytest.mark.parametrize(
    ("reply", "phrase"),
    [
        ("Swarms of them. Like cockroaches, you drown a few and more come.", "Swarms of them"),
        (
            "Swarms of them. Like cockroaches, you drown a few and more come.",
            "Like cockroaches, you drown a few and more come",
        ),
        (
            "Forty-one rats were rescued by the French, unfortunately.",
            "Forty-one rats were rescued",
        ),
        ("Another 60 vermin landed at Dover today.", "60 vermin landed"),
    ],
)
def test_vermin_said_of_them_under_a_small_boat_story_targets_migrants(
    reply: str, phrase: str
) -> None:
    outcome = DEFAULT.decide(CALM, reply, context=BOAT_TITLE)
    assert outcome.threat_held
    assert any(
        r.startswith(f'dehumanising language: "{phrase}"')
        and r.endswith("(targets nationality_migration)")
        for r in outcome.decision.reasons
    ), outcome.decision.reasons


def test_a_group_named_in_the_parent_is_the_target_before_the_crossings() -> None:
    (found,) = match_threats("Swarms of them.", context="Syrians are arriving in the town.")
    assert found.groups == ("arabs", "nationality_migration")


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Swarms of them. We had to call the council.", "Wasps' nests up 40% this summer"),
        ("Like rats, you poison a few and more come.", "Pest controllers called to 300 homes"),
        ("Forty-one rats were rescued from a hoarder's flat by the RSPCA.", ""),
        ("Two more love rats were caught out by the show.", "Love Island: the final"),
        ("Swarms of them. Beautiful but they sting.", "Jellyfish bloom in the Channel"),
        ("Forty-one people were rescued by the French coastguard.", BOAT_TITLE),
        ("Like cockroaches, you drown a few and more come.", "How to keep your kitchen clean"),
        ("In 1348 the rats were rescued by nobody; the plague spread.", "The Black Death"),
        ("Twelve rats were rescued from the lab, the charity said.", "Animal testing ends"),
        ('"Swarms of them," the home secretary said. Shameful language.', BOAT_TITLE),
    ],
)
def test_pests_in_their_own_stories_are_not_dehumanising(text: str, context: str) -> None:
    found = match_threats(text, context=context)
    assert not [t for t in found if t.holds], found


def test_a_wish_of_death_at_you_is_held_and_named() -> None:
    text = "Enjoy your bigotry, you transphobic cow. Hope you die alone."
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.threat_held
    assert 'wish of harm: "Hope you die"' in outcome.decision.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Okoro should go back to the jungle he came from. Monkey.",
        "Go back to the jungle, you monkey.",
        "He should get back to the jungle where he belongs.",
        "Both should be sent back to the jungles they came from.",
    ],
)
def test_back_to_the_jungle_at_a_person_is_racist_abuse_of_black_people(text: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.coded_held
    assert any(
        r.startswith('coded hate "back to the jungle"') and "(targets black_people)" in r
        for r in outcome.decision.reasons
    ), outcome.decision.reasons


@pytest.mark.parametrize(
    "text",
    [
        "The campmates go back to the jungle tonight for I'm a Celebrity.",
        "The gorilla should go back to the jungle it came from.",
        "After the war he never went back to the jungle.",
        "Tarzan went back to the jungle he came from.",
        "The rescued chimps were sent back to the jungle by the sanctuary.",
        "My garden went back to the jungle after one wet summer.",
        "Welcome to the jungle, we've got fun and games.",
        "The veterans went back to the jungle he came from to find the crash site.",
    ],
)
def test_the_jungle_elsewhere_is_no_code(text: str) -> None:
    assert [m for m in match_context(text) if m.term.pattern == "back to the jungle"] == []


def test_a_report_of_the_abuse_as_racism_is_rebutted() -> None:
    text = "He was told to go back to the jungle he came from, racist abuse the club condemned."
    (found,) = [m for m in match_context(text) if m.term.pattern == "back to the jungle"]
    assert found.rebutted


@pytest.mark.parametrize(
    "text",
    [
        "swarms of them " * 7000,
        "like rats, you drown a few " * 4000,
        "forty-one " * 10000 + "rats",
        "go back to the jungle " * 5000,
        "gas the lot " * 9000,
    ],
)
def test_the_new_patterns_take_linear_time(text: str) -> None:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        match_threats(text, context=BOAT_TITLE)
        match_context(text)
        best = min(best, time.perf_counter() - start)
    assert best < 1.0
