"""A reply that is only agreement ("Exactly.") is read as its parent's words too: held under
an abusive parent, unchanged under a civil one; a reply with words of its own is read as
written."""

from __future__ import annotations

from dataclasses import replace

import pytest

from threadguard.engine import CommentInput, Engine
from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring.endorsements import endorses

HATEFUL_PARENT = "Those people are vermin and should be thrown out of this country."
CIVIL_PARENT = "The council approved the new bus lanes on Tuesday."


@pytest.mark.parametrize(
    "text",
    [
        "Exactly.",
        "Well said!",
        "Spot on. Couldn't agree more.",
        "This. 100%.",
        "Hear, hear.",
        "Finally someone said it!",
        "Say it louder for the people at the back.",
        "You're absolutely right 👍",
    ],
)
def test_a_reply_of_plain_agreement_endorses_its_parent(text: str) -> None:
    assert endorses(text, HATEFUL_PARENT)


@pytest.mark.parametrize(
    "text",
    [
        # words of its own: read as written (a review's civil replies to abusive parents)
        "Exactly. Reported for harassment.",
        "Couldn't agree more, they don't belong here.",
        "Exactly the kind of bigotry we don't need here.",
        "Facts: the figures say the opposite.",
        "Well said, Sarah. Don't let the trolls put you off.",
        # answers, not agreement
        "Yes.",
        "Correct.",
        "Absolutely.",
        # a question
        "Exactly?",
        "This is nonsense and you know it.",
    ],
)
def test_anything_more_or_less_is_no_endorsement(text: str) -> None:
    assert not endorses(text, HATEFUL_PARENT)


def test_agreement_with_a_question_is_an_answer() -> None:
    assert not endorses("Well said.", "Do you really think those people deserve rights?")


def test_a_long_run_of_agreement_is_decided_at_once() -> None:
    assert not endorses("exactly " * 40 + "x")
    assert endorses("exactly " * 20)


def test_agreeing_with_an_abusive_parent_is_held_and_with_a_civil_one_is_not(
    engine: Engine, moderator: Moderator
) -> None:
    reply = "Exactly. Well said."
    hate, civil, alone = engine.analyze(
        [
            CommentInput(reply, parent=HATEFUL_PARENT),
            CommentInput(reply, parent=CIVIL_PARENT),
            CommentInput(reply),
        ],
        spans=False,
    )
    assert moderator.decide(hate, reply, context=HATEFUL_PARENT).action is not Verdict.APPROVE
    assert moderator.decide(civil, reply, context=CIVIL_PARENT).action is Verdict.APPROVE
    # the higher of two civil readings: nothing moves by more than noise
    assert max(abs(civil.scores[a] - alone.scores[a]) for a in alone.scores) < 0.05


def test_the_reading_can_be_turned_off_and_a_title_is_never_endorsed(engine: Engine) -> None:
    reply = "Exactly."
    off = engine.with_cascade(replace(engine.cascade, endorsements=False))
    (with_reading,) = engine.analyze([CommentInput(reply, parent=HATEFUL_PARENT)], spans=False)
    (without,) = off.analyze([CommentInput(reply, parent=HATEFUL_PARENT)], spans=False)
    (titled,) = engine.analyze([CommentInput(reply, title=HATEFUL_PARENT)], spans=False)
    (alone,) = engine.analyze([CommentInput(reply)], spans=False)
    assert with_reading.scores["identity_attack"] > without.scores["identity_attack"] + 0.3
    assert titled.scores == alone.scores


def test_the_parent_read_for_an_endorsement_is_not_counted_as_a_comment(engine: Engine) -> None:
    scored, _ = engine.routing.totals()
    engine.analyze([CommentInput("Exactly.", parent=HATEFUL_PARENT)], spans=False)
    after, _ = engine.routing.totals()
    assert after - scored == 1
