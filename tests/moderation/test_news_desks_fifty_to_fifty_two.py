"""Three news desks of session 48 (a halal butcher's planning application, a Filipino
nurses' choir, a blind runner's marathon, a trans PE teacher's return, a Jewish
councillor's surgery; a Somali youth league's pitch, a Polish priest, an actor with Down
syndrome, a Traveller site's extension, a Hong Kong family's bakery; a curry house's
fortieth, a footballer coming out, a refugee dentist, a Catholic school's admissions, a
Windrush veteran's hundredth): the list shapes they found published, held now with the
kind their list names, and civil sentences sharing their words approved; replies
approving abuse a parent tells of under leaflets, signs, cards and spray paint, and
disbelief at a reader who named her group ("Sure you did, sweetheart.")."""

from __future__ import annotations

import pytest
from list_support import assert_approved_in, assert_held_for, tryout_list_tests

HELD = [
    ("Oldest wog in Moorfield. What an achievement.", "coded hate"),
    ("WOGS OUT of our town.", "coded hate"),
    ("Good for the chinks I suppose, still wouldn't eat there.", "coded hate"),
    ("Nothing lasts forever, specially not a building full of papists.", "coded hate"),
    ("Give it twenty years and there won't be an English kid left on that field.", "coded hate"),
    ("Pretty soon there won't be a white face left on this estate.", "coded hate"),
    ("Keep laughing love. You'll stop laughing when they outnumber us.", "coded hate"),
    ("Exactly. One shop at a time, then one street at a time.", "coded hate"),
    ("They're taking this town one street at a time and nobody says a word.", "coded hate"),
    ("Another vibrant milestone for our enriched little town.", "coded hate"),
    ("The new estate full of you-know-who, funny that.", "coded hate"),
    (
        "Be a real shame if those new windows went in the first week. These things happen "
        "round here.",
        "veiled threat",
    ),
    ("Be a pity if those big front windows went through again.", "veiled threat"),
    ("Nice pitch. Shame if anything happened to it once the nights draw in.", "veiled threat"),
    (
        "Wouldn't want anything to happen to him now, would we, with all that mouthing off.",
        "veiled threat",
    ),
    ("Hope that clinic's got good insurance. Accidents happen round here.", "veiled threat"),
    (
        "If the governors push this through I wouldn't want to be leaving my car in that "
        "staff car park of an evening.",
        "veiled threat",
    ),
    ("Someone should trip her up next year and see how inspirational she is then.", "intent"),
    (
        "Be a real pity if that new amenity block went up in smoke before they'd even moved in.",
        "wish of harm",
    ),
    # a blind review's (written from a plain description of the entries above)
    ("that hostel wants burning before they've even moved in", "wish of harm"),
    (
        "Nice van that reporter drives. Dark nights coming. Shame if anything happened to it.",
        "veiled",
    ),
    ("Hope the new mosque has got good insurance lads, know what I mean", "veiled threat"),
    (
        "Wouldn't want to be leaving my car near the asylum centre if they push it through, "
        "just saying",
        "veiled threat",
    ),
]
CIVIL = [
    "Golliwogs were sold in that shop until the 1980s.",
    "Word of God from the author: the WoG settles it.",
    "There are chinks in the armour of this council, and chinks of light for the opposition.",
    "The Papists Act 1778 relieved some of the penal laws.",
    "At this rate there won't be an English player left in the quarter-finals.",
    "There won't be a local pub left in the county by 2030.",
    "The seagulls will outnumber us by August.",
    "If those ants ever find out they outnumber us, we're done for.",
    "Rebuilding the high street one shop at a time, then one street at a time.",
    "The bread is made with enriched flour and the curriculum is enriched by trips.",
    "My son reads Harry Potter and calls his teacher You-Know-Who.",
    "It'd be a shame if the new windows went in without planning permission.",
    "Be a shame if the windows went through in the storm again.",
    "Shame if anything happened to the old oak in the storm.",
    "Would be a shame if something happened to that lovely old shop window. It's listed.",
    "We wouldn't want anything to happen to him, he's ninety.",
    "Hope the cafe's got good insurance after that flood round here.",
    "I wouldn't want to be walking through that park after dark.",
    "Someone should hit him with a fine.",
    "Someone should trip him up on the figures at the hustings.",
    "Shame if that old pier burnt down, it's all we've got.",
    # a blind review's civil look-alikes
    "Calling the family who run the takeaway 'chinks' is just plain racist, mods remove it",
    "Someone shouted 'wog' at my son outside school. Disgusting.",
    "Old Catholic families round here were sneered at as papists for centuries.",
    "Quiz night at the Crown was full of you-know-who from the rugby club, they won again.",
    "That old shed wants burning, it's full of rot.",
]

test_the_desks_list_shapes_are_held, test_civil_sentences_sharing_their_words_are_approved = (
    tryout_list_tests(HELD, CIVIL)
)

BUS = (
    'I was told on the bus last week to "go back to Pakistan and take your stinking meat with '
    'you". I was born in Leicester General.'
)
LEAFLET = (
    'A leaflet came through my door this morning saying "Stop the halal invasion of our high '
    'street". Whoever is pushing these, you should be ashamed.'
)
SPRAYED = (
    'Somebody spray painted "NO TRANNIES NEAR OUR KIDS" on the bleachers last week. The '
    "custodians had it painted over by Monday morning."
)
YELLED = (
    'Thank you to everyone who sent kind words, and to the man who yelled "go back to your '
    'rice paddies" at our parking lot rehearsal: we sang louder.'
)
SIGN = (
    "When I was a girl a pub in this town had a sign in the window saying 'No Travellers, No "
    "Dogs'. It was 1994."
)
CARD = (
    "When he got here in '48 a landlady had a card in her window saying 'No Blacks, No Irish, "
    "No Dogs' and he slept on a mate's floor for a year."
)
NOTE = (
    "When we arrived someone put a note through our old flat door saying 'Take your virus back "
    "to China'. Today a stranger hugged my mum in the queue."
)
NURSE = "I'm a Filipino nurse. I passed the NCLEX and a state board exam, all in English."
FOREIGNERS_OUT = (
    "Someone posted a leaflet through our door saying 'foreigners out, this is a white "
    "street'. My kids read it first."
)
NO_RENT = "My landlady told me she doesn't rent to Pakistanis and I had two weeks to find a room."
RACIAL_SLUR = "A bloke in a van yelled a racial slur at me while I was waiting at the lights."
GO_BACK = "Got told to go back to my own country while queuing in Tesco. I was born in Leeds."
SENT_HOME = (
    "A flyer went round the estate saying the Somali families should be 'sent home'. My "
    "neighbour is in tears."
)
GAY_MAN = "As a gay man running a business on the high street, I can say the abuse has got worse."
CARER = "I'm a Romanian carer and I look after six elderly people in this town every day."
TRAVELLER = "As an Irish Traveller I've never stolen anything in my life."
RAF = "I'm Chinese-British and I served in the RAF for 12 years."


@pytest.mark.parametrize(
    ("text", "context", "reason"),
    [
        ("Maybe the bloke on the bus had a point, mate.", BUS, "approves whoever abused"),
        ("Whoever wrote it wasn't wrong though.", LEAFLET, "approves whoever"),
        ("Whoever did it said what we're all thinking.", SPRAYED, "approves whoever abused"),
        ("Shame he didn't do more than yell.", YELLED, "approves whoever abused"),
        ("Landlord knew what he was doing.", SIGN, "approves whoever abused"),
        ("Landlady had the right idea.", CARD, "approves whoever abused"),
        ("Didn't see the lie in that note tbh", NOTE, "approves whoever abused"),
        ("Sure you did, sweetheart. Bet the test was in Tagalog.", NURSE, "dismisses a reader"),
        # a blind review's
        ("Whoever wrote it wasn't wrong", FOREIGNERS_OUT, "approves whoever"),
        ("Landlady had the right idea tbh", NO_RENT, "approves whoever abused"),
        ("Shame he didn't do more than shout.", RACIAL_SLUR, "approves whoever abused"),
        ("Sounds like good advice to me", GO_BACK, "approves whoever abused"),
        ("Whoever printed them deserves a medal", SENT_HOME, "approves whoever abused"),
        ("Yeah right, sweetie", GAY_MAN, "dismisses a reader"),
        ("Suuure you do, sweetheart", CARER, "dismisses a reader"),
        ("Sure you haven't, darling 😂", TRAVELLER, "dismisses a reader"),
        ("sure you did love", RAF, "dismisses a reader"),
    ],
)
def test_replies_approving_told_abuse_or_doubting_a_named_reader_are_held(
    text: str, context: str, reason: str
) -> None:
    assert_held_for(text, reason, context)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # praise of the ones who cleaned it up, under graffiti painted over
        ("Legend, whoever painted over it.", SPRAYED),
        ("Fair play to the custodians, they had a point about the cameras too.", SPRAYED),
        # verdicts under parents that tell of no abuse
        (
            "Landlady had the right idea.",
            "Our landlady put a card in the window saying rooms to let.",
        ),
        (
            "Where's the lie?",
            "The bus was late again and the driver said the timetable is fiction.",
        ),
        ("Shame he didn't do more.", "The new manager signed one striker in January."),
        # sympathy under the report
        ("Sorry that happened to you. Disgraceful.", BUS),
        # disbelief said warmly, and under a parent naming no group of its own
        (
            "Sure you did, mate. Well done!",
            "I'm Jewish and I ran the marathon in under three hours.",
        ),
        ("Sure you did, sweetheart.", "I passed my driving test first time, all in the rain."),
        # a blind review's
        (
            "Where's the lie? That pothole's been there since 2019",
            "Someone spray painted 'FIX THIS ROAD' next to the pothole on Bank Lane.",
        ),
        ("Sounds like good advice to me", "The GP told me to cut down on salt and walk more."),
        (
            "Course you can, love. Pop in any time.",
            "I'm Deaf and I wondered if I could bring my interpreter to the meeting.",
        ),
        ("Of course you are, and we're lucky to have you.", NURSE),
    ],
)
def test_civil_replies_sharing_their_words_are_approved(text: str, context: str) -> None:
    assert_approved_in(text, context)
