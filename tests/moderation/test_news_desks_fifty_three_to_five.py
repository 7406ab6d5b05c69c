"""Three more news desks of session 48, scored out of sample first (a Sudanese family's
café, a Jewish primary school's playground, a wheelchair-using mayor, an Eritrean runner,
a Muslim women's swimming club; a Roma church buying a chapel, a Chinese-heritage
councillor, a deaf teenager's apprenticeship, a lesbian couple's village pub, Ukrainian
children at the primary; a Nigerian pastor's food bank, a Sikh taxi driver's award, a
trans parish councillor, Albanian car wash workers, a Hindu festival): the shapes they
found published, held now with the kind their list names -- the takeover told as a slope
("first the pool, then the whole leisure centre goes halal"), English gone from a square,
"outnumbered in their own school", "Albos out", accidents and visits by night, "a few of
us lads could arrange it", the slur "spaz" -- and civil sentences sharing their words
approved; replies approving abuse a parent tells of in more words ("Good advice from
whoever shouted it", "The guy yelling had a point", "Whoever did it had a point" under
graffiti others painted over)."""

from __future__ import annotations

import pytest
from list_support import assert_approved_in, assert_held_for, tryout_list_tests

HELD = [
    (
        "Give it time. First the free food, then the conversions, then they'll be running the "
        "place.",
        "coded hate",
    ),
    (
        "First the pool, then the whole leisure centre goes halal, then they'll be telling your "
        "daughter what to wear.",
        "coded hate",
    ),
    ("Give it ten years and you won't hear English spoken on Market Square.", "coded hate"),
    (
        "Maybe worry about your grandkids when they're outnumbered in their own school.",
        "coded hate",
    ),
    ("Keep defending them, Tom, and see what your neighborhood looks like in ten years.", "coded"),
    ('Funny how "they" always seem to get the grant money first. Follow the money.', "coded"),
    ("Spaz jobs for spaz kids, that's all these schemes are.", "coded hate"),
    ("Albos out. Simple as.", "call for expulsion"),
    ("Fix it by putting every last one of them back on a boat across the Channel.", "call for"),
    (
        "Shame if that hall had an accident one night, with all that cardboard lying about.",
        "veiled",
    ),
    (
        "Somebody ought to pay that car wash on Station Road a visit after dark and sort it out.",
        "intent to harm",
    ),
    ("Give him a proper welcome after the meeting. A few of us lads could arrange it.", "veiled"),
    ("We'll wash the colours right off them. See how welcome they feel then.", "veiled threat"),
    ("Wouldn't take much to tip her out of that chair on the way to the parade.", "intent"),
    (
        "Be a shame if those shiny new café windows got in the way of something, that's all.",
        "veiled threat",
    ),
    (
        "Lovely old building. Be a real shame if it went up before they moved in. Old wiring, "
        "you know.",
        "wish of harm",
    ),
    # a second blind review's, after the entries above
    (
        "Would be a real shame if that new prayer hall had an accident one night. Just saying.",
        "veiled",
    ),
    ("hope the refugee centre has good insurance, accidents happen lol", "veiled threat"),
    ("Small boats AGAIN?? Put them all back in a boat and point it at France", "call for"),
    ("You carry on defending this lot and have a look at your street in a decade.", "coded hate"),
    ("First the butchers went halal, then the school dinners, the whole town'll be halal", "coded"),
]
CIVIL = [
    "First the bypass, then the retail park, then they'll be running the town from a Tesco.",
    "They said on the radio you won't hear English spoken at the match commentary any more.",
    "Feeling like a minority in my own town since all the second homes went up.",
    "See what your town looks like in ten years if the flood defences aren't built.",
    "He totally spazzed out when the ref gave the penalty, then had a spazz-out at the bar.",
    "Muslims out in force at the vigil last night, good to see.",
    "Send them home early, the kids are shattered after the festival.",
    "Put them back on the bus, the school trip is leaving.",
    "Shame if the hall had an accident with that old boiler, get it serviced.",
    "We should pay the new cafe a visit soon.",
    "A few of us could arrange a collection for her.",
    "Wouldn't take much to tip the vote either way.",
    "I'd want to be careful walking out to my car after dark, people round here say the lights "
    "are out.",
    "Have a look at the town in ten years when the bypass is done, it'll be lovely.",
    "Hope the cafe has good insurance after that flood.",
]

test_the_desks_list_shapes_are_held, test_civil_sentences_sharing_their_words_are_approved = (
    tryout_list_tests(HELD, CIVIL)
)

GRAFFITI = (
    "Someone sprayed 'go back to the jungle' on the side of the hall in March. The volunteers "
    "painted over it the same afternoon."
)
YELLED = (
    "Someone yelled 'go back to India' at my mom while she was setting up the rangoli table. "
    "A teenage girl she'd never met came over and helped her finish the design."
)
SHOUTED = 'Someone shouted "go home" at him on the second lap, he told us after. He just smiled.'
NOTE = (
    'Someone pushed a note under their door last week saying "go back to the desert, nobody '
    'wants your food here". Absolutely disgusting.'
)
TOLD = 'My husband got told "go back to China, you virus" in the Kroger parking lot last week.'
CALLED = (
    "My 10 year old got called a terrorist on the walk to school yesterday. His football coach "
    "heard and took him aside for a chat."
)
PAKIS_NOTE = (
    "Found a note under our wiper saying 'no Pakis on this street'. Police have it now and the "
    "neighbours have been lovely about it."
)
RUSSIANS = (
    'Someone put a note through their door saying "Russians out, go fight your own war". '
    "They're Ukrainian. Police have it. Whoever you are, you're pathetic."
)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Whoever did it had a point tbh", GRAFFITI),
        ("The guy yelling had a point. Nobody asked for rangoli in our park.", YELLED),
        ("Good advice from whoever shouted it tbh.", SHOUTED),
        ("Can't say the note writer was wrong about the second bit.", NOTE),
        ("Sounds like good advice to me.", TOLD),
        # a second blind review's
        ("Whoever called him that might have had a point", CALLED),
        ("The note said what we're all thinking", PAKIS_NOTE),
        ("Whoever wrote it's got a point. Go back and fight for your own country.", RUSSIANS),
    ],
)
def test_approvals_of_abuse_told_in_more_words_are_held(text: str, context: str) -> None:
    assert_held_for(text, "approves whoever", context)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # praise of the ones who helped, under the same reports
        ("Well done the volunteers, they had it gone by teatime.", GRAFFITI),
        ("That girl who helped had the right idea. Good on her.", YELLED),
        ("Good advice from his coach: smile and run faster.", SHOUTED),
    ],
)
def test_praise_of_helpers_under_the_reports_is_approved(text: str, context: str) -> None:
    assert_approved_in(text, context)


#: A code review's civil sentences (session 48), each held by a first version of this
#: session's entries: help, condemnation, history, DIY, sport, kindness.
CODE_REVIEW = [
    (
        "She said what we're all thinking.",
        "Someone sprayed racist graffiti on the mosque last night. The council leader said it was a disgrace and has no place in our town, and volunteers painted over it by noon.",
    ),
    (
        "Shame he didn't do more.",
        "A man yelled abuse at my daughter on the bus. The driver stepped in, but then just drove on and let him stay on.",
    ),
    (
        "Pity they couldn't do more.",
        "A man hurled abuse at my wife on the train. We called the police but they said without CCTV there was nothing they could do.",
    ),
    (
        "Where's the lie?",
        "Someone sprayed swastikas on the war memorial. Whoever did it is a pathetic coward and I hope they're caught.",
    ),
    (
        "Can't blame him for feeling that.",
        "My son got called a terrorist at school last week. Now he's scared to go back in.",
    ),
    (
        "Good advice. Keep every note.",
        "Our neighbours have been shouting abuse at us for months. The police told us to keep a diary of every incident.",
    ),
    (
        "Nothing she said was wrong.",
        "A man screamed at my wife in Tesco because of her headscarf. She told him calmly that he should be ashamed of himself.",
    ),
    (
        "They had the right idea.",
        "The club has banned three fans for life over racist slurs aimed at their own striker.",
    ),
    (
        "He's not wrong.",
        "Rashford spoke out again about the racial slurs he gets online every week.",
    ),
    (
        "The bouncer had the right idea.",
        "A lad started shouting homophobic slurs at us outside the club. The bouncer marched him off down the street.",
    ),
    ("She's not wrong.", "My nan shouted 'pass it!' at the telly for the whole ninety minutes."),
    ("Sounds like good advice.", "The GP told me it's just a virus and to rest for a week."),
    (
        "Good on them.",
        "Grandad told us that when the Nazis bombed Coventry the whole street took in neighbours who'd lost everything.",
    ),
    (
        "Landlord had the right idea.",
        "The landlord put up a sign in the beer garden saying no fags near the kids' play area.",
    ),
    (
        "Good on them.",
        "Sikh volunteers painted the railings outside the gurdwara and on the high street for the jubilee.",
    ),
    (
        "Of course you did, mate. You worked for it.",
        "I'm a Filipino nurse and I passed my NCLEX first time.",
    ),
    (
        "Of course you are, love. Anyone would be nervous on their first day.",
        "I'm autistic and I'm nervous about starting at the new college on Monday.",
    ),
    ("We live at number 12, feel free to knock if you ever need anything.", ""),
    (
        "The new family at number 9 have just moved into the house, someone should go round with a cake for them.",
        "",
    ),
    ("The Ugandan Asians who came in 1972 - they enriched our city beyond measure.", ""),
    ("Fill the chinks around the window frame with expanding foam before winter.", ""),
    ("There won't be a single Welsh player left at the club by summer if they sell Ramsey.", ""),
    (
        "First the Premier League, then the Champions League, then they'll be running the FA too.",
        "",
    ),
    ("My kids will never hear English at home, we only speak Polish to them.", ""),
    ("The council is replacing the old sodium lamps with LEDs one street at a time.", ""),
    (
        "Two of the relay swimmers got cramp halfway across the Channel, so the pilot crew put them back on the boat.",
        "",
    ),
    (
        "Wouldn't want anything to happen to the hedgehogs, would we? Check the bonfire before you light it.",
        "",
    ),
    (
        "Hope the organisers have got good insurance, that ice rink has no barriers and accidents happen.",
        "",
    ),
    ("If the council approves the incinerator, I wouldn't want to be living next to it.", ""),
    ("We should pay the observatory a visit after dark, the Perseids peak next week.", ""),
    ("Put up bunting and a banner in Polish at the station. See how welcome they feel then!", ""),
    (
        "It wouldn't take much to tip him over the edge, he's been under so much pressure. Be kind.",
        "",
    ),
    (
        "The council would want to be careful, people round here won't take kindly to losing the library.",
        "",
    ),
    (
        "Gorgeous bike. Shame if anything happened to it, lots of thefts round here lately, get a D-lock.",
        "",
    ),
    (
        "Her car's in the garage all week. A few of us could sort it, we'll do the school run for her.",
        "",
    ),
    ("Calling a disabled kid a spaz is never banter. Report it.", ""),
    ("Every September, when the students outnumber us three to one, the town comes alive.", ""),
    ("Have a look at our town in twenty years when the trees they planted have grown.", ""),
    ("Front pages all full of you-know-who again, can we talk about something else?", ""),
    (
        "Titus Oates's lies about papists plotting to kill the king sent innocent men to the gallows.",
        "",
    ),
    (
        "That camp site needs burning every few years to keep the heather healthy, the rangers say.",
        "",
    ),
]


@pytest.mark.parametrize(("text", "context"), CODE_REVIEW)
def test_a_code_reviews_civil_sentences_are_approved(text: str, context: str) -> None:
    assert_approved_in(text, context)
