""" "Tranny" said of a trans person is the slur, where the comment or what it answers speaks
of trans people or women's sport; the gearbox and the radio are not (a fifteenth news
desk: "A tranny in the girls' race." was held on its scores alone, naming no group)."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.schema import Verdict

TITLE = "Tribunal lets trans 17-year-old sprint in the girls' races"


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("A tranny in the girls' race. What a time to be alive.", TITLE),
        ("Trannies in the women's changing rooms now, is it?", ""),
        ("Just another tranny.", TITLE),
    ],
)
def test_the_slur_is_held_and_names_trans_people(text: str, context: str) -> None:
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is Verdict.HOLD
    assert outcome.decision.reasons[0].startswith('coded hate "tranny"')
    assert "gender" in outcome.named_groups


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("The tranny on my old Land Rover needs a rebuild.", ""),
        ("Need new tranny fluid for the van before the trans-Pennine run.", ""),
        ("My grandad's tranny radio still works.", TITLE),
        ("Look at that tranny.", ""),  # nothing says who: read on its scores
    ],
)
def test_the_gearbox_the_radio_and_a_bare_word_are_not_held_for_it(text: str, context: str) -> None:
    assert DEFAULT.decide(CALM, text, context=context).action is Verdict.APPROVE
