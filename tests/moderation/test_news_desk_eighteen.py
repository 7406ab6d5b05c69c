"""An eighteenth news desk (a halal abattoir's approval, a footballer coming out, the end
of a scheme housing Ukrainians, a Hasidic school's inspection, a candidate of Pakistani
heritage): replies approving a call their parent reports were published where the call or
the approval was just outside the lists, and a call to put "them" on a coach to a city
went through under a story naming the people it meant."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.moderation.threats import match_threats
from threadguard.schema import Verdict

GAS = (
    "Someone under the JC's piece on this wrote 'gas the lot of them'. That's where this "
    "ends up. Be careful how you talk about it."
)
CAR = (
    "Someone on my street had 'Ukies go home' sprayed on their car last week. The kids in "
    "that house were terrified."
)
OBJECTIONS = (
    "They're public on the planning portal. Plenty were about smell and traffic, fair "
    "enough, but loads were 'we don't want their sort here'. Not my words."
)


@pytest.mark.parametrize(
    ("parent", "reply", "said"),
    [
        (GAS, "Not the worst idea I've heard today.", 'call for violence "gas the lot of them"'),
        (CAR, "Good. Maybe they'll take the hint.", 'call for expulsion "Ukies go home"'),
        (
            OBJECTIONS,
            "'their sort' lmao, they're not wrong though",
            "call for expulsion \"we don't want their sort",
        ),
    ],
)
def test_a_reply_approving_a_reported_call_is_held(parent: str, reply: str, said: str) -> None:
    outcome = DEFAULT.decide(CALM, reply, context=parent)
    assert outcome.action is Verdict.HOLD
    assert outcome.decision.reasons[0].startswith(
        f"approves whoever its parent reports said {said}"
    )


@pytest.mark.parametrize(
    ("parent", "reply"),
    [
        # the report itself, and replies that do not approve the call
        ("", GAS),
        ("", CAR),
        ("", OBJECTIONS),
        (GAS, "Not a bad idea to report it to the police."),
        (GAS, "That's vile. Report it."),
        (CAR, "Horrible. Hope the kids are alright."),
        # the same approval under a parent that reports nothing
        ("We could turn the old depot into flats instead.", "Not the worst idea I've heard today."),
    ],
)
def test_reports_and_replies_that_do_not_approve_the_call_are_published(
    parent: str, reply: str
) -> None:
    assert DEFAULT.decide(CALM, reply, context=parent).action is Verdict.APPROVE


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("We don't want their sort here.", ""),
        ("We don't want your kind in this town.", ""),
        ("Stick them on a coach to Lviv and be done with it.", "Ukrainians told to leave hosts"),
        ("Put them all on a plane home.", "Eritreans housed at the old barracks"),
    ],
)
def test_calls_to_shut_a_people_out_are_held(text: str, context: str) -> None:
    found = match_threats(text, context=context)
    assert [t.kind for t in found] == ["call for expulsion"]
    assert DEFAULT.decide(CALM, text, context=context).action is Verdict.HOLD


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("We don't want your sort of negativity here.", ""),
        ("We don't want their kind of development on the green belt.", ""),
        ("Stick them on a coach to Lviv and be done with it.", "Away fans kettled at the station"),
        ("Put them on a bus to the city centre, the car park is full.", "Ukrainians arrive"),
        ("Put them all on the train to Leeds for the match.", "Eritreans housed at the barracks"),
    ],
)
def test_the_same_words_about_things_or_no_people_are_not(text: str, context: str) -> None:
    assert match_threats(text, context=context) == []
