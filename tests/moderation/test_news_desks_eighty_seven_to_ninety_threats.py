"""Four news desks (87 to 90) published threats, invitations to confront a located person
and calls for expulsion that no list named: "some of us hunt" and "waiting with our
trucks" beside a council member and a parade, "Would be a real shame if something happened
to it" of a bakery, a Traveller site's "little fire", an arson call and a church's "taste of
it", "I'll break their fucking arms", "shut that woman up for good", a reader told to "go
have a chat" with a named officer in her pub, a shop, a caravan, a gym and a running track
given out with an invitation to go and confront the person, "put the lot of them on a plane
back to Kyiv" after a comma, "learn English ... or get out of Ontario" and "Send them home
and pay our own". Pinned here: each desk comment (with what it answers where an entry reads
it), fresh variants written apart from them, and civil twins that share their words: none
held by a list (their scores are calm: the lists decide alone)."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT

from threadguard.moderation.threats import match_threats
from threadguard.schema import Verdict

VEILED = "veiled threat"
VIOLENCE = "call for violence"
HARM = "intent to harm"
CALL = "call for expulsion"
WHERE = "contact details: whereabouts"
#: The reasons an entry of this file names (a civil twin names none of them).
MINE = (VEILED, VIOLENCE, HARM, CALL, "wish of harm", "contact details")

COUNCIL = "Maple Ridge elects first Muslim city council member"
PARADE = "Juneteenth parade moved off Main Street; organizers call new route 'a slap in the face'"
BAKERY = "Lakemba's Cedar Oven named Australia's best bakery"
SHARK = "Swimmer killed in shark attack at Shelly Point, beach closed for a week"
CENTRE = "Direct provision centre for 120 asylum seekers planned for former hotel in Ballycarrig"
SHOP_PARENT = (
    "I run the shop across from the hotel. Honestly I'm more worried about the water pressure "
    "than anything else."
)
BLESSING = "Dayton priest blesses same-sex couple after Sunday Mass, citing Vatican guidance"
CHOIR = "Ukrainian refugee choir moves St Paul's Cathedral crowd to tears"
FRENCH = "Province approves $14M for new French-language elementary school in Barrie"
BOXER = "Romany Gypsy heavyweight Levi Price wins British title on points in Manchester"
SITE_PARENT = (
    "Sparred with his uncle in the 90s. Hard family, good family. They'll be having a right "
    "party at the site tonight I'd imagine and fair play to them."
)
PUNDIT = "Former England captain Kerry Dawson becomes Super Sunday's lead analyst"
RUNNER = "Eritrean-born runner Selam Tesfay granted Australian citizenship weeks before Paris"
NURSES = (
    "'They are our family': Wigan care home where most nurses are from the Philippines wins "
    "national award"
)


def _decide(text: str, context: str = "", title: str = "") -> tuple[Verdict, tuple[str, ...]]:
    """The default policy's decision under calm scores: a reply answers ``context`` under
    ``title``; a comment on the article answers ``title``."""
    outcome = DEFAULT.decide(CALM, text, context=context or title, title=title)
    return outcome.action, outcome.decision.reasons


#: The desks' comments (text, what it answers, title, the reason it must be held for).
DESKS = [
    (
        "Council meetings are open to the public. A lot of us will be there in January, and "
        "some of us hunt. Just saying, he should remember who he works for.",
        "",
        COUNCIL,
        VEILED,
    ),
    (
        "If they march down Main anyway, some of us will be waiting with our trucks. Just a "
        "friendly heads up.",
        "",
        PARADE,
        VEILED,
    ),
    (
        "Someone should have a proper look at that shop. Would be a real shame if something "
        "happened to it before the next award.",
        "",
        BAKERY,
        VEILED,
    ),
    (
        "The DPI officer who signed off on pulling the nets is Karen Walsh, she's at the Coffs "
        "office and drinks at the Plantation Hotel most Fridays. Maybe someone should go have "
        "a chat.",
        "",
        SHARK,
        WHERE,
    ),
    (
        "Thats Tom Nagle's shop, the one with the green front beside the church, in case anyone "
        "wants to call in and tell him what they think of him going soft on this.",
        SHOP_PARENT,
        CENTRE,
        VEILED,
    ),
    (
        "Someone should burn the place out before they move in, it's the only language this "
        "government understands.",
        "",
        CENTRE,
        VIOLENCE,
    ),
    (
        "Sodom got fire from heaven. Dayton's overdue. Somebody ought to give St. Brendan's a "
        "taste of it before next Sunday.",
        "",
        BLESSING,
        VIOLENCE,
    ),
    (
        "Lovely. Now can they go home? The war's been on three years and the visas were "
        "temporary for a reason. They've had their sympathy, put the lot of them on a plane "
        "back to Kyiv, bombs or no bombs.",
        "",
        CHOIR,
        CALL,
    ),
    (
        "These French brats should learn English like everybody else or get out of Ontario. "
        "Speak white.",
        "",
        FRENCH,
        CALL,
    ),
    (
        "He still lives on the site off Brackley Lane behind the Esso garage, white static with "
        "the green trim, if anyone wants to pop round and tell him what they think.",
        "",
        BOXER,
        VEILED,
    ),
    (
        "Hope they enjoy it. Would be a real shame if that site had a little fire while they're "
        "all busy celebrating.",
        SITE_PARENT,
        BOXER,
        VEILED,
    ),
    (
        'For anyone who wants to give her some "feedback" in person, her husband\'s gym is the '
        "one on Chorley New Road next to the Co-op and she's in there most mornings.",
        "",
        PUNDIT,
        VEILED,
    ),
    (
        "She trains at the Lakeside track every morning around 6 and parks in the back lot. "
        "Easy enough to find if anyone wants to ask her why she gets special treatment.",
        "",
        RUNNER,
        VEILED,
    ),
    (
        "If I see her at the Emirates I'll be telling her exactly what I think to her face and "
        "she won't like it. Somebody needs to shut that woman up for good.",
        "",
        PUNDIT,
        VIOLENCE,
    ),
    ("If one of them lays a finger on my mum I'll break their fucking arms.", "", NURSES, HARM),
    (
        "Can't understand a word any of them say. My dad was terrified being washed by "
        "foreigners jabbering away at him. Send them home and pay our own.",
        "",
        NURSES,
        CALL,
    ),
]


@pytest.mark.parametrize(("text", "context", "title", "reason"), DESKS)
def test_the_desks_threats_and_calls_are_held_with_their_kind(
    text: str, context: str, title: str, reason: str
) -> None:
    action, reasons = _decide(text, context, title)
    assert action is Verdict.HOLD, reasons
    assert any(r.startswith(reason) for r in reasons), reasons


#: The same families written apart from the desks' words (text, title, reason).
FRESH = [
    ("The mosque committee meets on Thursday. Some of us hunt. Just saying.", "", VEILED),
    (
        "Plenty of us will be at the hearing, and some of us own rifles. Fair warning.",
        "",
        VEILED,
    ),
    (
        "If they bring the march past the square, the lads will be waiting with baseball bats. "
        "You've been warned.",
        "",
        VEILED,
    ),
    (
        "Nice little restaurant they've got. Would be a pity if anything happened to it one "
        "night. Just saying.",
        "",
        VEILED,
    ),
    (
        "Would be a shame if that camp had a nasty little fire while they're all asleep.",
        "",
        VEILED,
    ),
    ("Somebody needs to torch the hotel before the migrants move in.", "", VIOLENCE),
    ("Someone ought to burn the building down before the refugees arrive.", "", VIOLENCE),
    (
        "Gomorrah got fire and brimstone. Someone should give that mosque a taste of it.",
        "",
        VIOLENCE,
    ),
    ("I'll break their bloody jaws if they come near my kids.", "", HARM),
    ("We'll break their arms if they show their faces here again.", "", HARM),
    ("Someone should shut him up for good.", "", VIOLENCE),
    ("Somebody needs to shut that reporter up permanently.", "", VIOLENCE),
    (
        "Enough charity, stick the lot of them on a plane back to Lagos, no exceptions.",
        "",
        CALL,
    ),
    ("They've been here long enough, send them all back to Kabul.", "", CALL),
    ("Immigrants should speak English or go back where they came from.", "", CALL),
    ("Learn the language or get out of Canada.", "", CALL),
    ("Refugees should integrate or get out of our country.", "", CALL),
    ("Too many migrants on the wards already. Send them home and hire British.", "", CALL),
    (
        "She lives in the bungalow on Elm Close behind the chippy, if anyone wants to go round "
        "and tell her what they think of her.",
        "",
        VEILED,
    ),
    (
        "He drinks in the Swan on Hill Road most nights, in case anyone fancies popping in to "
        "tell him what they think of him.",
        "",
        VEILED,
    ),
    (
        "For those of you who want to give him some 'advice' face to face, he's at the Jubilee "
        "gym on Park Lane every evening.",
        "",
        VEILED,
    ),
    (
        "He walks his dog on the canal path at 7 every morning. Not hard to find if anyone "
        "wants to ask him why he did it.",
        "",
        VEILED,
    ),
]


@pytest.mark.parametrize(("text", "title", "reason"), FRESH)
def test_the_same_families_written_afresh_are_held(text: str, title: str, reason: str) -> None:
    action, reasons = _decide(text, "", title)
    assert action is Verdict.HOLD, reasons
    assert any(r.startswith(reason) for r in reasons), reasons


#: Civil comments that share the desks' words (text, what it answers, title), three or more
#: for each entry: none is held by a list, under calm scores.
CIVIL = [
    # hunting as a hobby, people at a meeting
    ("Some of us hunt, and the deer season brings money into the town every autumn.", "", ""),
    ("Plenty of farmers round here shoot. Some of us hunt. Nothing wrong with that.", "", ""),
    (
        "A lot of us will be there in January to support her, and some of us hunt for "
        "bargains at the craft fair after.",
        "",
        COUNCIL,
    ),
    ("Some of us hunt for food, not sport: a freezer full of venison lasts the winter.", "", ""),
    # trucks and waiting
    (
        "If they march down Main anyway, some of us will be waiting with our trucks to give "
        "the band a lift back.",
        "",
        PARADE,
    ),
    ("Some of us will be waiting with our cars at the finish to take the runners home.", "", ""),
    ("We'll be waiting with our flags at the finish line! Go team!", "", ""),
    # shame if something happened: a loved place, weather, heritage
    (
        "Someone should have a proper look at that shop's roof. Would be a real shame if "
        "something happened to it before the heritage listing.",
        "",
        BAKERY,
    ),
    ("Would be a shame if the rain spoiled it for the kids.", "", ""),
    (
        "That bakery is a local treasure. Would be a real shame if anything happened to it, "
        "the rent rises are brutal.",
        "",
        BAKERY,
    ),
    ("Would be a pity if something happened to it in the storm, tie the trampoline down.", "", ""),
    # a site, a fire, a taste of it
    (
        "Would be a real shame if that site had a fire, the fire brigade says the access road "
        "is blocked.",
        "",
        BOXER,
    ),
    ("Would be a shame if the bonfire site had no fire this year, the kids love it.", "", ""),
    (
        "Someone should burn the place down, joked the builder, as he showed us the damp.",
        "",
        "",
    ),
    (
        "The derelict mill is an eyesore; someone should knock the place down before it falls "
        "down.",
        "",
        "",
    ),
    (
        "The choir was superb. Somebody ought to give St. Brendan's a taste of it before next "
        "Sunday.",
        "",
        BLESSING,
    ),
    (
        "Sodom and Gomorrah was our Bible study topic. Somebody ought to give the youth group "
        "a taste of it next week.",
        "",
        "",
    ),
    # breaking, shutting up
    ("I'll break their record next season, mark my words.", "", ""),
    ("My physio says I'll break their hearts if I quit the team now.", "", ""),
    ('He said "I\'ll break their arms" and the police charged him.', "", ""),
    ("Someone needs to shut that car alarm up for good.", "", ""),
    ("Someone needs to shut that dog up for good, it barks all night.", "", ""),
    ("The ref should shut him up by sending him off.", "", PUNDIT),
    # a plane back, ultimatums, sending home
    (
        "Nigeria were awful last night, put the lot of them on the first flight back to Lagos.",
        "",
        "Super Eagles crash out of AFCON at the group stage",
    ),
    (
        "The exchange went well, put them on the coach back to Kyiv with a hamper each.",
        "",
        "",
    ),
    ("Learn to park or get out of the car park, some drivers here are hopeless.", "", ""),
    ("You should learn French or get out of the immersion class, said no teacher ever.", "", ""),
    ("Telling people to learn English or get out is racist.", "", ""),
    (
        "The nurses were exhausted after the shift, so send them home and pay them properly.",
        "",
        NURSES,
    ),
    ("The refugee children were sick so the school sent them home early.", "", ""),
    # a place and a person: praise, a shop recommended, a club's public times, a surgery
    (
        "Her daughter swims at Ponds Forge most mornings. Just saying, the coaching there is "
        "superb.",
        "",
        "",
    ),
    (
        "The Patel family's newsagents, it's on Church Street, has been there forty years. Pop "
        "in and tell them what they mean to the town.",
        "",
        "",
    ),
    (
        "Our MP holds a surgery at the library on Church Street every Saturday, if anyone "
        "wants to pop in and tell her what they think.",
        "",
        "",
    ),
    (
        "Tom Nagle's shop is the one with the green front beside the church, in case anyone "
        "wants to call in and tell him what they think of his new sourdough.",
        "",
        "",
    ),
    (
        "She trains at the Lakeside track every morning around 6. Easy enough to find if "
        "anyone wants to join her for a run.",
        "",
        RUNNER,
    ),
    ("The Lakeside track is easy enough to find if anyone wants to watch the juniors.", "", ""),
    (
        "For anyone who wants to give her some feedback in person, she's doing a Q&A at the "
        "library on Saturday.",
        "",
        PUNDIT,
    ),
    (
        "The club trains at Lakeside every Tuesday and Thursday at 6, in case anyone wants to "
        "join.",
        "",
        "",
    ),
    (
        "Karen Walsh runs the Coffs office and drinks at the Plantation Hotel most Fridays. "
        "Lovely lady, maybe someone should go have a chat with her about volunteering.",
        "",
        SHARK,
    ),
    # reports and condemnations of the threats
    (
        "Someone wrote that somebody ought to give St. Brendan's a taste of it. That's a threat "
        "and I've reported it.",
        "",
        BLESSING,
    ),
]


@pytest.mark.parametrize(("text", "context", "title"), CIVIL)
def test_civil_twins_are_not_held_by_a_list(text: str, context: str, title: str) -> None:
    action, reasons = _decide(text, context, title)
    assert not any(r.startswith(MINE) and "not held" not in r for r in reasons), reasons
    assert action is Verdict.APPROVE, reasons


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (
            "They had plenty of schools in Romania. Put the lot of them on the next coach back "
            "to Bucharest and the problem solves itself.",
            True,
        ),
        # "job done" and "sorted" were taken back after a review's "The faulty drills came
        # from a supplier in China. Send them back to China and job done."
        ("Send them back to China and job done.", False),
        # the sentence goes on to something else: not the call's end
        (
            "Put the lot of them on the next coach back to Bucharest and the problem of school "
            "places here is still there, the council has no plan.",
            False,
        ),
    ],
)
def test_a_call_for_expulsion_ended_by_its_promised_result(text: str, held: bool) -> None:
    """Desk 94 (a Roma family's school places), read after session 54's entries: the
    call's end "and the problem solves itself" was not read as one."""
    found = [t for t in match_threats(text) if t.kind == "call for expulsion"]
    assert bool(found) is held, found
