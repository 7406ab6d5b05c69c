"""Doxxing that two news-desk tryouts found published (session 37): a house number and street
beside a visit said to be due ("The family at number 42 Elm Walk needs a visit tonight."),
and where a person parks, drinks or trains said to be known as a menace ("Know where she
parks too."), and a person's school or college beside a call to find them there ("Anyone
can find him there Tuesdays and Thursdays."), each held as contact details; their civil
twins (a street party, the council's visit, a museum worth a visit, a neighbour's welfare
check, a shared drive, a question, a sentence that says why, a college's open day or
drop-in, a word with the tutors) stay approved. Two more desks (session 44) published a home
by a named place, a family member's business on a named street, a round of golf or a pub
night, beside a call to confront the person ("Someone should have a word.", "in case anyone
wants a word"); their twins (the writer's own family's shop, a question to the council, a
club's open day) stay approved too."""

from __future__ import annotations

import pytest
from list_support import DEFAULT

from threadguard.analysis import Analysis
from threadguard.moderation.contact_details import match_contact_details
from threadguard.schema import ATTRIBUTES, Verdict

CALM = Analysis(id=None, scores=dict.fromkeys(ATTRIBUTES, 0.01), language="en")

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
    (
        "That ref should be found after the match and taught a lesson. Know where she parks too.",
        "contact details: whereabouts",
    ),
    ("We know where you park.", "contact details: whereabouts"),
    ("I know where he drinks on a Friday.", "contact details: whereabouts"),
    ("Funny, I know where she walks the dog every morning.", "contact details: whereabouts"),
    ("Know where he takes the bus too.", "contact details: whereabouts"),
    ("You know where she parks.", "contact details: whereabouts"),
    (
        "Name's on the results sheet, it's public. She goes to Northmoor College, the sports "
        "science course, anyone can find him.",
        "contact details: whereabouts (school or college)",
    ),
    (
        "The lad who complained is Ryan Cole, doing Level 2 Brickwork at Eastfield College. "
        "Anyone can find him there Tuesdays and Thursdays. Go and have a word.",
        "contact details: whereabouts (school or college)",
    ),
    (
        "Kid who reported the shop is Daniel Price, Bridgwater College, Motor Vehicle course, "
        "finishes at 3. Anyone can find him.",
        "contact details: whereabouts (school or college)",
    ),
    (
        "He's doing A levels at Kingsway Sixth Form, finishes at 4. Go and have a word with him.",
        "contact details: whereabouts (school or college)",
    ),
    (
        "Her daughter is at St Anne's Academy. You all know where to find her.",
        "contact details: whereabouts (a child's school)",
    ),
    (
        "The one who grassed works at the Tesco on Mill Road. Anyone can find him there after 6.",
        "contact details: whereabouts (workplace)",
    ),
    # two more news desks (session 44), and a review's wordings
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
    "The family at 42 Elm Road needs a visit from the council about the bins.",
    "The family at number 42 Elm Road needs a visit from the council about the bins.",
    "Street party at number 42 Elm Walk on Saturday, everyone welcome, bring a dish.",
    "The garden at 42 Elm Road deserves a visit, it's stunning this time of year.",
    "Someone should knock on 42 Elm Walk to check on the old lady, her curtains haven't moved.",
    "The family at 42 Elm Road needs a visit tonight, they have no coats or blankets for the kids.",
    "The museum at 12 High Street deserves a visit.",
    "I know where she parks because we share a drive.",
    "I know where she parks, next to me at work, lovely woman.",
    "Does anyone know where she parks? Her lights are on.",
    "I don't know where he trains these days.",
    "Let me know where she parks and I'll drop the keys round.",
    "I'd like to know where he drinks.",
    "If you know where he parks, tell him his lights are on.",
    "Nobody knows where he trains.",
    "Eastfield College has an open day on Saturday; anyone can find it on the map.",
    "You can find him at the library on Tuesdays, he runs the chess club.",
    "Mr Cole teaches brickwork at Eastfield College; anyone can find him at the open day.",
    "Ryan Cole, doing Level 2 Brickwork at Eastfield College, won the regional skills final. "
    "Well done lad!",
    "The careers adviser at Bridgwater College runs drop-in sessions; anyone can find her "
    "there on Tuesdays.",
    "If your son needs help at Eastfield College, go and have a word with the tutors.",
    "Worried about the course at Eastfield College? Go and have a word.",
    "Your boy's headteacher at Kingsway School is great. Go and have a word with him.",
    "My lad's at Eastfield College, you know where to find him if the shop needs a hand.",
    "She studies at Northmoor College and is a brilliant athlete, anyone can find her results "
    "online.",
    # session 44's
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
def test_doxxing_the_tryouts_published_is_held(text: str, reason: str) -> None:
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
        "know where he parks " * 10_000,
        "I know where he parks" + " too" * 20_000 + ",",
        "Eastfield College anyone can find him " * 5_000,
        "anyone can find him" + " there" * 20_000 + ",",
        "A B C College " * 20_000 + "find",
        "22 Elm Road needs a visit " * 5_000 + ",",
        "someone should knock on " * 5_000 + "22 Elm Road",
    ],
)
def test_the_new_patterns_read_long_adversarial_text_in_linear_time(text: str) -> None:
    import time

    start = time.perf_counter()
    match_contact_details(text)
    assert time.perf_counter() - start < 2.0  # quadratic backtracking takes minutes here


@pytest.mark.parametrize(
    "text",
    [
        "lives in the flats by " * 5_000 + "Aston",
        "runs a shop on the " + "Big " * 20_000 + "Road",
        "someone should have a " * 5_000 + "word",
        "popping in and letting him know what " * 3_000,
    ],
)
def test_session_44s_patterns_read_long_repetitive_text_to_its_end(text: str) -> None:
    # a pattern that backtracked quadratically would take minutes here (no timer: the
    # suite's own limit catches it); none of these has both a place and a call
    assert match_contact_details(text) == []
