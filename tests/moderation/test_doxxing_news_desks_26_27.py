"""Doxxing that two more news desks found published (session 44): a home by a named place,
a family member's business on a named street, a round of golf at a named club or a pub
night, beside a call to go and confront the person ("Someone should have a word.", "in
case anyone wants a word", "popping in and letting him know what people think"); their
civil twins (the writer's own family's shop, a question to the council, a recommendation,
a club's open day) stay approved."""

from __future__ import annotations

import pytest
from list_support import DEFAULT

from threadguard.analysis import Analysis
from threadguard.moderation.contact_details import match_contact_details
from threadguard.schema import ATTRIBUTES, Verdict

CALM = Analysis(id=None, scores=dict.fromkeys(ATTRIBUTES, 0.01), language="en")

HELD = [
    (
        "The mum's name is all over the Aston Facebook group, she lives in the flats by Aston "
        "Cross. Someone should go round and ask her why she wasn't watching her kid.",
        "contact details: whereabouts (home)",
    ),
    (
        "Her mum runs a hair salon on the Lisburn Road apparently, if anyone wants to tell her "
        "what they think of this nonsense in person.",
        "contact details: whereabouts (workplace)",
    ),
    (
        "Her dad's the one with the accountancy firm on Anlaby Road. Might be worth popping in "
        "and letting him know what people think of his daughter.",
        "contact details: whereabouts (workplace)",
    ),
    (
        "The labour provider bloke is Dave something, drives a red Range Rover, drinks in the "
        "Bull at Linton every Friday. Someone should have a word.",
        "contact details: whereabouts (where a person goes)",
    ),
    (
        "His name's Martin Creswell, he drives a grey Range Rover and plays golf at Kington "
        "every Saturday morning. Just saying, in case anyone wants a word.",
        "contact details: whereabouts (where a person goes)",
    ),
    (
        "He lives on the Meadowbank estate. Somebody ought to have a word with him.",
        "contact details: whereabouts (home)",
    ),
    # a review's wordings the first version missed
    (
        "Plays golf at Kington most Saturdays. Someone should go round and have a word.",
        "contact details: whereabouts (where a person goes)",
    ),
    (
        "Her husband runs the florist on the Ormeau Road if anyone fancies telling her what "
        "they think of her.",
        "contact details: whereabouts (workplace)",
    ),
    (
        "She teaches at St Mary's primary on Grange Road, parents should have a word.",
        "contact details: whereabouts (workplace)",
    ),
    (
        "They live above the newsagent by Sheffield Road roundabout. Someone should go and "
        "have a word.",
        "contact details: whereabouts (home)",
    ),
    (
        "Her brother has the tattoo parlour on Lisburn Road. Pop in and let him know what you "
        "think of his sister.",
        "contact details: whereabouts (workplace)",
    ),
]

CIVIL = [
    "My mum runs a café on Mill Road, pop in and tell her I sent you.",
    "She lives in the flats by Aston Cross and says the lifts have been broken for a month. "
    "Someone should have a word with the council.",
    "Her dad runs a bakery on Anlaby Road, best pasties in Hull. Worth popping in.",
    "He plays golf at Kington most weekends, lovely course. If anyone wants a word about the "
    "club's open day, he's the secretary.",
    "We live in the flats by the station. Someone should go round and fix the lifts.",
    "The family who run the chippy on Hessle Road have fed the street for years.",
    "Someone should have a word.",
    "I live above the chippy by Hessle Road and someone should have a word with the council "
    "about the bins.",
]


@pytest.mark.parametrize(("text", "reason"), HELD)
def test_doxxing_two_more_desks_published_is_held(text: str, reason: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith(reason) for r in outcome.decision.reasons), outcome.decision.reasons


@pytest.mark.parametrize("text", CIVIL)
def test_their_civil_twins_are_approved(text: str) -> None:
    assert match_contact_details(text) == []
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE


@pytest.mark.parametrize(
    "text",
    [
        "lives in the flats by " * 5_000 + "Aston",
        "runs a shop on the " + "Big " * 20_000 + "Road",
        "someone should have a " * 5_000 + "word",
        "popping in and letting him know what " * 3_000,
    ],
)
def test_long_repetitive_text_is_read_to_its_end(text: str) -> None:
    # a pattern that backtracked quadratically would take minutes here (no timer: the
    # suite's own limit catches it); none of these has both a place and a call
    assert match_contact_details(text) == []
