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
