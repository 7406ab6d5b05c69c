"""A third news-desk tryout (a news site's standards editor): threats at reporters and jurors
and doxxing phrased differently from the list's wording were published, and helplines'
freephone numbers were held as a person's contact details. Each class of phrasing is held
with its kind named; civil sentences that share its words (news, sport, reporting) are not,
and a freephone or helpline number is no contact detail while a personal one still is."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT, assert_approved_by_the_lists, assert_held_for
from timing_support import fastest

from threadguard.moderation.contact_details import match_contact_details
from threadguard.moderation.threats import ThreatListError, match_threats, parse_threats

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
    # a review of the entries above (session 35): abuse they let through, and what they hold
    # still after being narrowed
    ("We know ur kids live on Ashdown Crescent.", "veiled threat"),
    ("Me and the lads know you live on Kingsway.", "veiled threat"),
    ("We know that you live on Park Road. Be careful.", "veiled threat"),
    ("Pay attention Jenna: we all know you live on Cedar Lane, number 9.", "veiled threat"),
    ("Keep publishing those smears, Jenna, and find out what happens.", "veiled threat"),
    ("Keep writing garbage about our community and see what happens to you.", "veiled threat"),
    ("Print my address again and see what happens.", "veiled threat"),
    ("Write one more word about my family and see what happens.", "veiled threat"),
    ("I wish a HIMARS would land on your family.", "wish of harm"),
    ("String the nonce up from a tree.", "call for violence"),
    ("The whole cabinet should be hanging from lampposts.", "call for violence"),
    ("Politicians like him should be swinging from the nearest lamppost.", "call for violence"),
    ("The traitors in Westminster deserve to be hanging from lampposts.", "call for violence"),
    ("Hang the lot of them from the lampposts.", "call for violence"),
    ("Pack them all off to Rwanda where they belong.", "call for expulsion"),
    ("Deport every last one of them to Pakistan where they belong.", "call for expulsion"),
    ("Your grandad should've stayed in Jamaica.", "call for expulsion"),
    ("Just go back to your own country.", "call for expulsion"),
    ("Go back to your own country where you belong.", "call for expulsion"),
    ("go back to ur country lol", "call for expulsion"),
    ("Go home to your own country, Ahmed.", "call for expulsion"),
    ("Ahmed, go back to your country.", "call for expulsion"),
    ("Go back to your own country and take your family with you.", "call for expulsion"),
    ("Why not go back to your own country?", "call for expulsion"),
    # ten bare digits from 800 or 888 are a person's (an Indian mobile as often)
    (
        "Call him on 8001234567, he is the councillor who voted for it.",
        "contact details: phone number",
    ),
    ("Her mobile is 8881234567, everyone ring her.", "contact details: phone number"),
    (
        "I found where the reporter lives, the house with the green gate on Mill Lane.",
        "contact details: home address",
    ),
    ("I know where Okafor lives. Ash Grove, near the park.", "contact details: home address"),
    (
        "His wife works at the Boots in Hexham, people should see what he posts.",
        "contact details: whereabouts",
    ),
    (
        "Her husband teaches at Hillcrest, maybe the parents should be told who she really is.",
        "contact details: whereabouts",
    ),
    (
        "I know which pub she drinks in on Market Street; she'll find out what we think.",
        "contact details: whereabouts",
    ),
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
    # a review of the entries above (session 35): civil sentences they held
    "I know you live on Abbey Road, so the tourists on the crossing must drive you mad.",
    "We all know he lives at number 10, the question is for how long.",
    "I know they live on Downing Street, that's the whole point of the job.",
    "We know you live on Baker Street, Mr Holmes, and the museum is lovely.",
    "We know she lives at number 42 because she invited the whole street round.",
    "Keep telling lies to voters and see what happens.",
    "Tabloids, keep printing lies about Harry and see what happens. He will sue.",
    "Say his name again and see what happens.",
    "At Anfield, mention his name again and see what happens, the whole Kop sings.",
    "Loved the restaurant, my friends will pay you a visit soon!",
    "Great write-up on the bakery, a few of us will pay you a visit.",
    "If you report the leak, someone will pay your house a visit.",
    "The district nurse said somebody will pay your mum a visit soon.",
    "I hope no rocket ever falls on your family again.",
    "I pray that no bomb ever falls on your children.",
    "Wishing you peace; I hope no shell ever hits your home again.",
    "I hope a rocket doesn't fall on your family.",
    "Get the fairy lights out and string the things up before the kids get home.",
    "At the hog roast they string the pig up overnight.",
    "The council plans to hang them from lampposts along the seafront, the new flower baskets.",
    "The hanging baskets look lovely; they should be hanging from lampposts on every street, "
    "people love them.",
    "The Benin Bronzes should be sent back to Africa where they belong.",
    "Ship the bronzes back to Nigeria where they belong.",
    "The pandas were sent back to China where they belong.",
    "After that airport chaos, your family should have stayed in Turkey!",
    "Moving back home after 20 years abroad? You should go home to your own village, it's the "
    "best decision I made.",
    "Homesick? Go home to your homeland, even for a week.",
    "Homesick? Go home to your homeland.",
    "The essay text is 500-1000 words long.",
    "Their number is 500-1000 at most, according to police.",
    "Call us at 555-0100 for tickets to the village fete.",
    "The kids finally know where Santa lives: the house with the red door at the end of our road.",
    "Now we know where Sherlock lives: Baker Street.",
    "We all know where Starmer lives, Downing Street, the black door with the number 10.",
    "Couriers struggle to find where she lives, the cottage behind the church on Mill Lane.",
    "I can't find where she lives, the cottage behind the church on Mill Lane.",
    "Her husband teaches at Leeds, and honestly everyone should hear what she said at the "
    "conference, it was inspiring.",
    "She works at the Royal Free, people should know what she says about the NHS, she's spot on.",
    "He's staying at the Ritz; he'll find out what real luxury is.",
    "My son goes to Hillside Academy, they'll find out the hard way when Ofsted visits.",
    "If you're struggling, call 1-888-628-9454 for the Spanish-language line.",
    "The helpline is 8002738255, free and open all night.",
]


@pytest.mark.parametrize(("text", "reason"), HELD)
def test_each_class_of_the_tryout_is_held_with_its_kind(text: str, reason: str) -> None:
    assert_held_for(text, reason)


@pytest.mark.parametrize("text", CIVIL)
def test_civil_sentences_sharing_the_words_are_approved(text: str) -> None:
    assert_approved_by_the_lists(text)


def test_a_freephone_number_still_counts_beside_an_offer_of_money() -> None:
    """A helpline's number is no contact detail, but an offer of money beside a freephone
    number is still spam."""
    found = match_contact_details("Make £3000 a week from home! Call 0800 123 4567 now")
    assert [m.kind for m in found] == ["commercial offer with a link"]


def test_the_reason_names_a_number_without_copying_it() -> None:
    """The reason shows a number's first character and its shape only, on purpose: a
    decision's reasons are logged and shown, and must not repeat a person's number."""
    (reason,) = DEFAULT.decide(CALM, "Call her on 555-0142.").decision.reasons
    assert reason == 'contact details: phone number "5•••••••"'
    assert "0142" not in reason


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
        # session 35's narrowed entries
        "me and the lads know ur kids live on aaway in ",
        "we know you live on aa road, aa ",
        "keep writing lies about us, aa, and ",
        "write one more word about my family and ",
        "hope no a a a drone a a lands on ",
        "string the pig up at the hog roast ",
        "the whole cabinet should be swinging from ",
        "deport every last one of them to ",
        "your family should have stayed in turkey after the flight ",
        "just go back to your own country, aa ",
        "go back to ur country lol ",
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
        # session 35's narrowed patterns
        "call him on 555-0142 words ",
        "his number is 500-1000 ",
        "helpline 800-273-8255 ",
        "call him on 8001234567 ",
        "struggle to find where she lives ",
        "I know where Aa Bb lives ",
        "she'll find out what real aa aa ",
        "My son goes to Aa Academy ",
    ],
)
def test_the_new_contact_patterns_read_100k_adversarial_characters_quickly(piece: str) -> None:
    text = _repeated(piece)
    assert fastest(lambda: match_contact_details(text)) < 0.5


def test_an_unless_word_near_a_phrase_lets_it_go() -> None:
    """An entry's ``unless`` says where its words mean something else (a restaurant "paid a
    visit"): near the phrase it lets the phrase go; further away it does not."""
    rules = parse_threats(
        '[[threat]]\nkind = "veiled threat"\n'
        "pattern = '\\bpay you a visit\\b'\nunless = '\\brestaurant\\b'\n"
    )
    assert match_threats("Loved the restaurant, we will pay you a visit.", rules=rules) == []
    far = "Loved the restaurant. " + "And then some more words. " * 12 + "We will pay you a visit."
    assert [m.kind for m in match_threats(far, rules=rules)] == ["veiled threat"]


def test_a_bad_unless_is_named() -> None:
    with pytest.raises(ThreatListError, match=r"x.toml: threat 1: unless: bad pattern"):
        parse_threats('[[threat]]\nkind = "veiled threat"\npattern = "a"\nunless = "("\n', "x.toml")
