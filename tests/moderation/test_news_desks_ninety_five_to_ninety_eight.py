"""What news desks 95 to 106 (session 55) found published that the lists now read:
a British town renamed after an African or Asian city ("Mogadishu-on-Avon"), "Deus vult"
or an "-istan" nickname under an imam or an Eid celebration, and a group or its buildings
called "fair game" (desk 104). Each with fresh
variants and civil look-alikes: the real towns, trips, history, and reports of the slur."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.schema import Verdict

EID = "Cricket club hosts Eid celebration for 300 families after Friday nets"
IMAM = "Imam joins bishop for interfaith iftar at the cathedral"


@pytest.mark.parametrize(
    "text",
    [
        "Mogadishu-on-Avon. Thanks Labour.",  # desk 95's
        "Welcome to Lagos-on-Thames, where nobody speaks English any more.",
        "Bradford? You mean Karachi-upon-Aire.",
        "Luton is basically Kabul-on-Sea now.",
        # a code review's: "calling" and "racist" beside it no longer spare it; "-by-"
        "Stop calling it Luton, it's Kabul-on-Lea now.",
        "It's not racist to say Bradford is Karachi-on-Aire, it's just true.",
        "Mogadishu-by-Sea. Thanks Labour.",
    ],
)
def test_a_town_renamed_after_an_african_or_asian_city_is_held(text: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    (reason,) = outcome.decision.reasons
    assert reason.startswith('coded hate "-on-Thames nickname"')
    assert "targets nationality_migration" in reason


@pytest.mark.parametrize(
    "text",
    [
        "Stratford-upon-Avon was packed for the festival.",
        "Southend-on-Sea pier reopens after the storm.",
        "I flew to Lagos on Monday for my cousin's wedding.",
        "We left Kabul on the last flight in 2021.",
        "Calling Bradford 'Karachi-on-Aire' is racist and lazy.",
        "Newcastle-upon-Tyne beat Leeds on Saturday.",
        # a code review's: a title and a headline, not a town's name
        "I'm reading Africa-on-a-Shoestring before our trip.",
        "Syria-on-the-brink again as another ceasefire collapses.",
        "Jamaica-on-Sea, the Bermondsey reggae night, is back on Friday.",
        "The new curry house is literally named Lahore on Tyne and the food is superb.",
        "What does 'Deus vult' mean? Saw it under the Eid post and had to look it up.",
    ],
)
def test_the_real_towns_a_trip_and_a_report_of_the_nickname_are_approved(text: str) -> None:
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Deus vult. Some of us still remember whose land this is.", EID),  # desk 95's
        (
            "Deus vult. Some of us still remember what that building is for.",
            IMAM,
        ),  # desk 98's
        ("deus vult lads, ramadan or not", ""),
        ("Batley's turning into Batleystan, Eid bunting on every lamppost.", ""),
        ("#DeusVult. Keep them out of our schools.", "Imam elected to a school's governing board"),
        # desk 105: a crusade called for, not told of
        (
            "Brook Road needs another crusade, not solar panels. Deus vult.",
            "Brook Road mosque becomes first in the county to go solar",
        ),
    ],
)
def test_a_crusade_cry_or_an_istan_nickname_beside_an_imam_or_eid_is_held(
    text: str, context: str
) -> None:
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith("coded hate") for r in outcome.decision.reasons)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("The knights of the First Crusade cried Deus vult at Clermont.", EID),
        # a blind review's (session 55)
        (
            "Interesting aside: 'Deus vult' is also the motto of the Order of the Holy Sepulchre.",
            EID,
        ),
        ("Eid Mubarak everyone, and thank you to every non-Muslim who came along.", EID),
        ("Lovely to see the imam and the bishop breaking bread together.", IMAM),
        # a code review's: reports of the cry, and names and places that end in "stan"
        ("I've reported every 'Deus vult' reply under the Eid story. Vile stuff.", EID),
        ("#DeusVult accounts are piling onto the imam. Report them, it's hate.", IMAM),
        ("Tristan from our street brought baklava to the Eid party.", ""),
        ("We visited the Golestan Palace in Tehran during Eid. Stunning.", ""),
    ],
)
def test_history_and_greetings_under_the_same_titles_are_approved(text: str, context: str) -> None:
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert not any(r.startswith("coded hate") for r in outcome.decision.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Every synagogue and Jewish building round here is fair game",  # desk 104's
        "Muslims are fair game now.",
        "Asylum hotels are fair game, just saying.",
    ],
)
def test_a_group_or_its_places_called_fair_game_is_a_call_for_violence(text: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert outcome.decision.reasons[0].startswith("call for violence:")


@pytest.mark.parametrize(
    "text",
    [
        "Politicians are fair game.",
        "His voting record is fair game.",
        "Religions are fair game for criticism.",
        "Mosques are fair game for inspection like any building.",
        "Jokes about the Pope are fair game.",
    ],
)
def test_fair_game_said_of_the_powerful_or_for_criticism_is_approved(text: str) -> None:
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE
