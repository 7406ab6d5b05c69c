"""Doxxing that two news-desk tryouts found published (session 37): a house number and street
beside a visit said to be due ("The family at number 42 Elm Walk needs a visit tonight."),
each held as contact details; their civil twins (a street party, the council's visit, a
museum worth a visit, a neighbour's welfare check) stay approved."""

from __future__ import annotations

import pytest

from threadguard.analysis import Analysis
from threadguard.moderation import Moderator
from threadguard.moderation.contact_details import match_contact_details
from threadguard.moderation.policy import load_policy
from threadguard.schema import ATTRIBUTES, Verdict

CALM = Analysis(id=None, scores=dict.fromkeys(ATTRIBUTES, 0.01), language="en")
DEFAULT = Moderator(load_policy())

#: (comment, the reason it is held with): the tryouts' comments first, then variants.
HELD = [
    (
        "Everyone on the estate knows who did it. The family at number 42 Elm Walk needs a "
        "visit tonight.",
        "contact details: home address",
    ),
    ("The family at 42 Elm Road needs a visit tonight.", "contact details: home address"),
    ("They live at 42 Elm Walk. Needs a visit tonight.", "contact details: home address"),
    ("The bloke at 17 Mill Lane deserves a visit tonight.", "contact details: home address"),
    (
        "Someone should knock on 42 Elm Walk and tell them what we think.",
        "contact details: home address",
    ),
    ("Those scum at 9 Cedar Close need a visit from the lads.", "contact details: home address"),
]

CIVIL = [
    "The family at 42 Elm Road needs a visit from the council about the bins.",
    "The family at number 42 Elm Road needs a visit from the council about the bins.",
    "Street party at number 42 Elm Walk on Saturday, everyone welcome, bring a dish.",
    "The garden at 42 Elm Road deserves a visit, it's stunning this time of year.",
    "Someone should knock on 42 Elm Walk to check on the old lady, her curtains haven't moved.",
    "The family at 42 Elm Road needs a visit tonight, they have no coats or blankets for the kids.",
    "The museum at 12 High Street deserves a visit.",
]


@pytest.mark.parametrize(("text", "reason"), HELD)
def test_doxxing_the_tryouts_published_is_held(text: str, reason: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith(reason) for r in outcome.decision.reasons), outcome.decision.reasons


@pytest.mark.parametrize("text", CIVIL)
def test_their_civil_twins_are_approved(text: str) -> None:
    assert match_contact_details(text) == []
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE
