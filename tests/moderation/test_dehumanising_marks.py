"""Vermin said of people by the marks that say so (a fifteenth news desk, under a Roma
settlement's eviction and a mosque's planning approval: all three published), each beside
civil sentences with the same words."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.schema import Verdict

ROMA = "Bailiffs clear Roma settlement at Dunmore Road after 14-month court battle"
MOSQUE = "Mosque in a former carpet warehouse approved by the planning committee"


@pytest.mark.parametrize(
    ("text", "context"),
    [
        (
            "Anyone who lives near that camp knows it's been crawling with vermin since they "
            "arrived, and I don't mean the rats.",
            ROMA,
        ),
        ("The estate's been infested with rats ever since that lot turned up.", ""),
        ("They're lovely neighbours, I don't mean the rats.", ""),
        (
            "It's not a settlement, it's an infestation. Every time you clear one they spread "
            "to the next field.",
            ROMA,
        ),
        (
            "First the warehouse, then the street, then the whole town. It's an invasion, just "
            "a slow one.",
            MOSQUE,
        ),
        ("A slow invasion, that's what these asylum hotels are.", ""),
    ],
)
def test_vermin_said_of_people_is_held(text: str, context: str) -> None:
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith("dehumanising language") for r in outcome.decision.reasons)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("The kitchen has been crawling with rats since the bins stopped being collected.", ""),
        ("The loft was infested with mice since the builders left the vents open.", ""),
        ("I don't mean the rats are cute, but they are clever.", ""),
        ("It's not a leak, it's an infestation of damp in the walls.", ""),
        ("Japanese knotweed is a slow invasion of every garden on the street.", ""),
        ("It's an invasion, just a slow one: grey squirrels have pushed the reds out.", ""),
        # reported and rebutted
        ("He called the camp 'an infestation', which is disgusting.", ROMA),
    ],
)
def test_the_same_words_of_pests_and_plants_are_published(text: str, context: str) -> None:
    assert DEFAULT.decide(CALM, text, context=context).action is Verdict.APPROVE
