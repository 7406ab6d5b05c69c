"""A third news-desk tryout (a news site's standards editor): threats at reporters and jurors
and doxxing phrased differently from the list's wording were published, and helplines'
freephone numbers were held as a person's contact details. Each class of phrasing is held
with its kind named; civil sentences that share its words (news, sport, reporting) are not,
and a freephone or helpline number is no contact detail while a personal one still is."""

from __future__ import annotations

import pytest
from timing_support import fastest

from threadguard.analysis import Analysis
from threadguard.moderation import Moderator, load_policy
from threadguard.moderation.contact_details import match_contact_details
from threadguard.moderation.threats import match_threats
from threadguard.schema import ATTRIBUTES, Verdict

DEFAULT = Moderator(load_policy())
CALM = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.02), language="en")

#: (comment, the start of a reason it must be held for)
HELD = [
    # 1. a person's street said to be known; "keep writing X and see what happens"
    (
        "Hey reporter Jenna Clarke, we know you live on Linden Avenue in Westerville. Keep "
        "writing hit pieces and see what happens.",
        "veiled threat",
    ),
    ("We know you live on Linden Avenue.", "veiled threat"),
    ("I know he lives at number 12, Jenna.", "veiled threat"),
    ("We know your family lives on Cedar Lane.", "veiled threat"),
    ("I know she lives on Orchard Close in Hitchin.", "veiled threat"),
    ("Keep writing hit pieces and see what happens.", "veiled threat"),
    ("Carry on spreading your lies about us and see what happens, Jenna.", "veiled threat"),
    ("You keep writing this propaganda and you'll see what happens.", "veiled threat"),
    ("Keep printing rubbish about my family and see what happens to you.", "veiled threat"),
    ("Publish my name again and see what happens.", "veiled threat"),
    # 2. a family member's workplace or school named, with a cue to set people on them
    (
        "Reporter Mark Ellison is a paid NATO shill. His wife teaches at St Anne's primary in "
        "Surrey, maybe parents there should know what he writes.",
        "contact details: whereabouts",
    ),
    (
        "Her husband works at the Tesco in Harlow, people should know what she writes.",
        "contact details: whereabouts",
    ),
    (
        "His kids go to St Anne's primary. Maybe the school should know what their dad posts.",
        "contact details: whereabouts",
    ),
    (
        "Her son is at Greenway School; the parents there should all know what she said.",
        "contact details: whereabouts",
    ),
    # 3. where a person lives found, then a street or what the house looks like
    (
        "I found where the juror lives. Cedar Lane, the blue house with the red door.",
        "contact details: home address",
    ),
    (
        "I know where he lives: the house with the white van outside, Elm Road.",
        "contact details: home address",
    ),
    (
        "We found out where that reporter lives, the bungalow next to the chip shop.",
        "contact details: home address",
    ),
    ("I found where Okafor lives. Ash Grove, near the park.", "contact details: home address"),
    # 4. a visit promised to the reader or their family
    ("Someone will pay your family a visit soon.", "veiled threat"),
    ("someone will pay your family in Bradford a visit", "veiled threat"),
    ("The lads will pay you a visit one of these nights.", "veiled threat"),
    ("Somebody is going to pay your kids a visit.", "veiled threat"),
    ("We'll pay your wife a visit.", "veiled threat"),
    # 5. where a person is found, on a named street, and a menace
    (
        "I know which café she drinks at on Haldon Street, she'll find out what real Aussies think",
        "contact details: whereabouts",
    ),
    (
        "I know which pub he drinks in on Station Road. He'll find out the hard way.",
        "contact details: whereabouts",
    ),
    (
        "I know what gym she trains at on Mill Lane, she'll find out what happens.",
        "contact details: whereabouts",
    ),
    # 6. a strike wished on a person's family or home
    ("I hope the next drone lands on your family's flat in Moscow", "wish of harm"),
    ("Here's hoping a missile finds your house.", "wish of harm"),
    ("I pray a bomb lands on his family.", "wish of harm"),
    ("Hope a rocket hits your whole family.", "wish of harm"),
    # 7. lynching with a dehumanising noun; hanging from lampposts
    (
        "String the animal up outside the court. Save the taxpayer the cost of feeding him for "
        "30 years.",
        "call for violence",
    ),
    ("String the scum up.", "call for violence"),
    ("string that beast up from the nearest tree", "call for violence"),
    ("String these vermin up, every one of them.", "call for violence"),
    ("Reyes's people should be hanging from lampposts for treason", "call for violence"),
    ("Traitors should all be hanging from lampposts.", "call for violence"),
    ("Hang them from lampposts, the traitors.", "call for violence"),
    # 8. a country or a people wiped off the map; a people sent where "they belong"
    (
        "Ukraine is not a real country. The whole place should be wiped off the map and the "
        "Ukies sent to Siberia where they belong.",
        "call for violence",
    ),
    (
        "Ukraine is not a real country. The whole place should be wiped off the map and the "
        "Ukies sent to Siberia where they belong.",
        "call for expulsion",
    ),
    ("Ukraine should be wiped off the map.", "call for violence"),
    ("Israel deserves to be wiped off the face of the earth.", "call for violence"),
    ("Russians should all be wiped off the map.", "call for violence"),
    ("The Ukies should be sent to Siberia where they belong.", "call for expulsion"),
    ("Ship the lot of them back to Africa where they belong, the Somalis.", "call for expulsion"),
    ("Send the Ukies to Siberia where they belong.", "call for expulsion"),
    ("They should be deported to Rwanda where they belong, the Somalis.", "call for expulsion"),
    # 9. "should have stayed in <country>" said of a reader's family; "you lot are a plague"
    (
        "Your dad should have stayed in Lebanon. You lot are a plague on this country.",
        "call for expulsion",
    ),
    (
        "Your dad should have stayed in Lebanon. You lot are a plague on this country.",
        "dehumanising language",
    ),
    ("Your lot should've stayed in Pakistan where you belong.", "call for expulsion"),
    ("Your parents should never have left.", "call for expulsion"),
    ("Your family should have stayed in their own country.", "call for expulsion"),
    ("Your people are vermin.", "dehumanising language"),
    ("You people are a cancer on society.", "dehumanising language"),
    ("Your kind are nothing but parasites.", "dehumanising language"),
    # a personal number is still a contact detail
    ("Call me on 07700 900123.", "contact details: phone number"),
    ("Call her on 555-0142.", "contact details: phone number"),
    ("His number is 555-0142, text him.", "contact details: phone number"),
    ("Call him on (614) 555-0142.", "contact details: phone number"),
    # 11. "go back to your own country" said to a reader (the moderator tryout: approved)
    ("Go back to your own country, you don't belong here.", "call for expulsion"),
    ("Go back to your own country.", "call for expulsion"),
    ("Why don't you go back to your own country?", "call for expulsion"),
    ("@Priya go back to your country.", "call for expulsion"),
    ("You should go back to your own bloody country!", "call for expulsion"),
]

#: Civil sentences that share the words: each is approved.
CIVIL = [
    "We'll see what happens next week.",
    "Keep writing to your MP and see what happens.",
    "Keep doing the exercises and see what happens.",
    "Keep writing and see what happens next week with the council vote.",
    "Keep pushing the council on potholes and see what happens at the election.",
    "I know you live on a busy road, so the noise must be awful.",
    "I know you live in London, so you'll know the Tube is awful.",
    "If you live on Linden Avenue, expect roadworks.",
    "I know she lives on her pension alone.",
    "She teaches at St Anne's primary and loves it.",
    "My wife teaches at St Anne's primary; people should know how underfunded it is.",
    "My wife teaches at St Anne's primary; maybe people should know how underfunded it is.",
    "Her husband works at the Co-op; people should know what she does for those kids.",
    "My daughter works at the Boots on High Street; she'll find out on Monday whether she got "
    "the job.",
    "His kids go to St Anne's primary, like mine.",
    "I found where the bug lives in the code.",
    "I know where the heron lives, the pond on Cedar Lane.",
    "I found out where she lives now: Spain, she retired there.",
    "I know where he lives, he's my neighbour and he's lovely.",
    "I found where the juror lives in the court records.",
    "The fans will pay the stadium a visit.",
    "A few of us will pay her a visit in hospital on Sunday.",
    "Someone will pay you a visit to read the meter.",
    "Lovely pub, we'll pay you a visit soon!",
    "The nurse will pay you a visit soon.",
    "Someone from the council will pay you a visit.",
    "I know which café she drinks at on Haldon Street, she loves their flat white.",
    "I hope the next drone delivery lands on my doorstep.",
    "I hope the next drone lands on your roof with my parcel.",
    "I hope the missile defence works and protects your family.",
    "I hope the drone show was fun for your kids.",
    "String the lights up outside the court.",
    "String the bunting up for the jubilee.",
    "Hanging from lampposts: the bunting.",
    "The bunting should be hanging from lampposts by Friday.",
    "The flags will be hanging from the lampposts for the parade.",
    "They should be hanging from lampposts by Friday for the carnival.",
    "The mob shouted 'string him up' outside the court.",
    "The village was wiped off the map by the flood.",
    "That retail park should be wiped off the map, it's an eyesore.",
    "Ukraine was nearly wiped off the map in 1933.",
    "Putin said Ukraine should be wiped off the map; that is a genocidal statement.",
    "Send the troops back to Russia where they belong.",
    "Russian troops all sent back to Russia where they belong.",
    "Put the trolleys back where they belong.",
    "Send the kids to bed where they belong.",
    "They should have stayed in Lebanon for the holiday.",
    "Your dad should have stayed in bed.",
    "Your mum should have stayed in Spain another week, the weather was lovely.",
    "Your dad should have stayed in Lebanon for another week.",
    "The virus is a plague on this country.",
    "Potholes are a plague on this country.",
    "You lot are a plague on this thread with your spam.",
    "You people are a pain.",
    # helplines and freephone numbers: an organisation's, not a person's
    "I was in a relationship like Sophie's... call Refuge on 0808 2000 247. It's free and they "
    "helped me.",
    "Citizens Advice 0800 144 8848",
    "Ring them on +44 808 2000 247.",
    "The National Suicide Prevention Lifeline is 1-800-273-8255.",
    "Call 800-273-8255 if you need help.",
    "The helpline is (888) 373-7888.",
    "In Australia, Lifeline is 13 11 14 or Beyond Blue on 1300 22 4636.",
    "Call 1800 737 732 (1800RESPECT).",
    "The score was 555-0142 on the night.",
    "Did you go back to your own country for Christmas?",
    "They told me to go back to my own country.",
    "Go back to your country's embassy and ask them for a new passport.",
    "After the war, go back to your country and help rebuild it, she told the students.",
    "When did you go back to your own country last?",
]


@pytest.mark.parametrize(("text", "reason"), HELD)
def test_each_class_of_the_tryout_is_held_with_its_kind(text: str, reason: str) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith(reason) for r in outcome.decision.reasons), outcome.decision.reasons


@pytest.mark.parametrize("text", CIVIL)
def test_civil_sentences_sharing_the_words_are_approved(text: str) -> None:
    assert [m for m in match_threats(text) if m.holds] == []
    assert match_contact_details(text) == []
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE


def test_a_freephone_number_still_counts_beside_an_offer_of_money() -> None:
    """A helpline's number is no contact detail, but an offer of money beside a freephone
    number is still spam."""
    found = match_contact_details("Make £3000 a week from home! Call 0800 123 4567 now")
    assert [m.kind for m in found] == ["commercial offer with a link"]


def test_the_reason_names_a_number_without_copying_it() -> None:
    """The reason shows a number's first three characters only, on purpose: a decision's
    reasons are logged and shown, and must not repeat a person's number."""
    (reason,) = DEFAULT.decide(CALM, "Call her on 555-0142.").decision.reasons
    assert reason == 'contact details: phone number "555…"'


N = 100_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


@pytest.mark.parametrize(
    "piece",
    [
        "we know you live on ",
        "i know he lives at aa ",
        "keep writing lies and ",
        "someone will pay your family in ",
        "hope drone ",
        "hope bomb lands on ",
        "hope a a a a drone a a lands on ",
        "string the ",
        "aa's people should be hanging from lamp ",
        "the whole place should be ",
        "send aaas to siberia where they ",
        "where they belong ",
        "your dad should have stayed in ",
        "you lot are a plague on ",
    ],
)
def test_the_new_threat_entries_read_100k_adversarial_characters_quickly(piece: str) -> None:
    text = _repeated(piece)
    assert fastest(lambda: match_threats(text)) < 0.5  # quadratic backtracking takes seconds


@pytest.mark.parametrize(
    "piece",
    [
        "teaches at St ",
        "His kids go to St Anne St Anne ",
        "which café she drinks at on Aa ",
        "maybe people should ",
        "should know what ",
        "she'll find out ",
        "I found where he lives ",
        "where Aa Bb lives ",
        "found where the juror lives Aa Bb ",
        "found where he lives the aa aa ",
        "call 555-0142 ",
        "0800 144 8848 ",
    ],
)
def test_the_new_contact_patterns_read_100k_adversarial_characters_quickly(piece: str) -> None:
    text = _repeated(piece)
    assert fastest(lambda: match_contact_details(text)) < 0.5
