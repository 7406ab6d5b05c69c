"""A reply that is only agreement ("Exactly.") is read as its parent's words too: held under
an abusive parent, unchanged under a civil one; a reply with words of its own is read as
written."""

from __future__ import annotations

from dataclasses import replace

import pytest

from threadguard.agreement import endorses
from threadguard.engine import CommentInput, Engine
from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.scoring.endorsements import plainly_abusive

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


SMUGGLERS = "Heartbreaking. The smugglers who put them in that boat should face murder charges."


def test_a_close_call_is_not_plainly_abusive_and_hate_is() -> None:
    # the shipped models' readings of the session 34 parents (rounded)
    over_scored = {"toxicity": 0.42, "severe_toxicity": 0.28, "identity_attack": 0.09}
    assert not plainly_abusive(over_scored | {"insult": 0.04, "threat": 0.32})
    assert plainly_abusive({"toxicity": 0.93, "identity_attack": 0.47})  # "those people are vermin"
    assert plainly_abusive({"toxicity": 0.41, "identity_attack": 0.27})  # "les migrants ... rats"
    assert not plainly_abusive({})


def test_the_parents_reading_is_plainly_abusive_or_not_as_the_models_read_it(
    engine: Engine,
) -> None:
    smugglers, hate = engine.analyze(
        [CommentInput(SMUGGLERS), CommentInput(HATEFUL_PARENT)], spans=False
    )
    assert not plainly_abusive(smugglers.scores)
    assert plainly_abusive(hate.scores)


@pytest.mark.parametrize("reply", ["Agreed.", "Well said."])
def test_agreement_with_an_over_scored_civil_parent_is_approved(
    engine: Engine, moderator: Moderator, reply: str
) -> None:
    (analysis,) = engine.analyze([CommentInput(reply, parent=SMUGGLERS)], spans=False)
    assert moderator.decide(analysis, reply, context=SMUGGLERS).action is Verdict.APPROVE
