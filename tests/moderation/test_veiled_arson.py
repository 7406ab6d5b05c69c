"""A veiled arson threat said as a shame ("Would be an awful shame if that hotel went up
some night.", two news desks' threads) is held; prices going up, a building going up (built),
a real fire risk with its cause, and a pronoun going up with no night named are not."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.schema import Verdict

HELD = [
    "Would be an awful shame if that hotel went up some night. Old wiring in those places.",
    "Twelve caravans. Would be a real shame if one went up in flames some night.",
    "Shame if that mosque caught fire one of these nights.",
    "It'd be a terrible shame if their shop burned down.",
    "Wouldn't it be a shame if the centre went up like a bonfire.",
    "Be a pity if the pub with the rainbow flag went up in the middle of the night.",
]
CIVIL = [
    "It would be a shame if prices went up again.",
    "It would be a shame if the rent went up overnight.",
    "It would be a shame if that tower went up next to the park.",
    "It would be a shame if it went up overnight, the bus fares are high enough.",
    "Shame if the festival went up in smoke after all that planning.",
    "It would be a shame if the old church went up in flames because of the wiring.",
    "It would be a shame if the hall closed.",
]


@pytest.mark.parametrize("text", HELD)
def test_a_building_going_up_at_night_said_as_a_shame_is_held(text: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.threat_held, outcome.decision.reasons
    assert outcome.action is Verdict.HOLD
    assert outcome.decision.reasons[0].startswith("veiled threat: ")


@pytest.mark.parametrize("text", CIVIL)
def test_prices_buildings_and_real_fire_risks_going_up_are_not(text: str) -> None:
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE
