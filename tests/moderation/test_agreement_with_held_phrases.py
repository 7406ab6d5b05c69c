"""A reply of bare agreement with a comment the lists hold is held too."""

from __future__ import annotations

import pytest

from threadguard.engine import CommentInput, Engine
from threadguard.moderation import Moderator


def decide(
    engine: Engine, moderator: Moderator, reply: str, parent: str
) -> tuple[str, tuple[str, ...]]:
    (analysis,) = engine.analyze([CommentInput(reply, parent=parent)], spans=False)
    outcome = moderator.decide(analysis, reply, context=parent)
    return outcome.action.value, outcome.decision.reasons


@pytest.mark.parametrize(
    ("reply", "parent"),
    [
        # session 34's news-desk tryout: the coded trope, published under its parent
        ("100% agree, about time someone said it.", "Jews control the banks and the media."),
        ("Agreed.", "Someone should burn that mosque down with them inside."),
        ("Stimmt genau.", "Man sollte das Flüchtlingsheim in Bautzen anzünden."),
    ],
)
def test_agreeing_with_what_the_lists_hold_is_held(
    engine: Engine, moderator: Moderator, reply: str, parent: str
) -> None:
    action, reasons = decide(engine, moderator, reply, parent)
    assert action != "approve"
    assert any(r.startswith("agrees with what it answers: ") for r in reasons), reasons


@pytest.mark.parametrize(
    ("reply", "parent"),
    [
        ("Agreed.", "The council should fix the potholes on Mill Lane before winter."),
        # a rebutted theory and a quoted threat in the parent do not carry over
        ("Well said.", "The great replacement is a racist conspiracy theory, nothing more."),
        ("Agreed.", "He shouted 'I will kill you' at the referee and was rightly banned."),
        # not bare agreement: the reply's own words decide
        (
            "Agreed, but the mosque has every right to be there.",
            "Someone should burn that mosque down.",
        ),
    ],
)
def test_agreeing_with_civil_or_rebutting_comments_is_not_held_for_it(
    engine: Engine, moderator: Moderator, reply: str, parent: str
) -> None:
    _, reasons = decide(engine, moderator, reply, parent)
    assert not any(r.startswith("agrees with what it answers") for r in reasons), reasons
