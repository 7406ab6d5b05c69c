"""A person located by several details at once: a whereabouts find of the contact details
(:mod:`.contact_details`) that no single pattern makes.

Two news desks (session 46) wrote nine comments that give out where someone can be found,
and the lists held none of them for it: "Her constituency office is above the Greggs on
Station Road, she's in every Friday from 10, and she parks the adapted blue van in the
alley behind, reg ends KXE.", "The school's on Bevendon Road, drop-off is 8:30 through the
side gate on Ravensway, and the head drives a silver Skoda she leaves on the street.", "he
drives the white Transit with the green writing on the side, parks it behind the Three Tuns
every night and lives in one of the new builds up Trelowarren Road". Each detail alone is
said in civil comments every day (a street, a shop's car park, "every Friday", a colour of
van); what gives a person away is several *kinds* of them together: where they live, what
they drive, their routine, where they work, the street or landmark they are found by.

So each kind is looked for on its own (:data:`KINDS`), and a comment is held when

- it gives a home or a vehicle (the private kinds) and one more kind, or
- it gives two kinds beside a call to go there (:func:`.whereabouts.cue`),

about someone other than the writer (a comment whose only people are "I", "my", "we" is the
writer's own life: "I live in Govanhill, I work nights at a warehouse in Cambuslang and my
kids go to the primary on Annette Street"), and is no recommendation, no report of what the
police or a court said, and no kindness (:data:`_NOT_A_PROFILE`). A constituency office and
its surgery hours are two public kinds and no private one: not held without a call.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.moderation.whereabouts import NAME_WORDS, cue

#: The makes and kinds of vehicle a person is said to drive.
_VEHICLES: Final = (
    r"car|van|transit|skoda|range rover|land rover|bmw|audi|merc|mercedes|ford|vauxhall|toyota|"
    r"honda|nissan|tesla|vw|volkswagen|volvo|kia|hyundai|peugeot|renault|fiat|mini|jeep|pickup|"
    r"pick-up|truck|ute|motorbike|4x4|suv|corsa|golf|polo|fiesta|focus|qashqai|prius|odyssey|"
    r"camry|civic|f-150|silverado|hilux|camper|campervan|motorhome"
)
_COLOURS: Final = r"black|white|silver|grey|gray|red|blue|green|yellow|orange|maroon|navy|gold"
#: What a person drives or where their vehicle stands: "drives a silver Skoda", "parks the
#: adapted blue van in the alley", "black Range Rover in the drive", "reg ends KXE",
#: "Texas plates starting with RKD", "in a gray Honda Odyssey".
_VEHICLE: Final = re.compile(
    rf"\b(?:drives|driving|drove|parks|parked|leaves|keeps) (?:a|an|the|his|her|their|that) "
    rf"(?:[\w'’-]+ ){{0,3}}?(?:{_VEHICLES})s?\b|"
    rf"\b(?:{_COLOURS}) (?:[\w'’-]+ ){{0,1}}(?:{_VEHICLES})\b(?! (?:lane|route|driver|ban)\b)|"
    r"\b(?:reg|registration|number ?plates?|plates?)(?: number)? (?:ends?|ending|starts?|starting"
    r"|begins?|beginning)(?: in| with)?\b",
    re.IGNORECASE,
)
#: Where a person lives, by a named place or a description of the house: "his mam's house is
#: on Compton Road", "the one with the blue door", "the big house with the electric gates",
#: "lives on Sycamore", "You live in the flat above the cafe".
_HOME: Final = re.compile(
    # a street by name ("lives on Sycamore"), not a town ("living in Burnaby"), and a house
    # of a place ("lives in one of the new builds up ..."), not "everyone who lives in a house"
    r"\b(?:lives?|living) (?:(?:on|in|at|up|down|off|above|over|behind|opposite|next to) "
    r"(?:the|one of the) (?:[\w'’-]+ ){0,2}?(?:flats?|house|bungalow|cottage|new builds?|"
    r"estate|terrace|caravan|maisonette)\b|(?:on|up|down|off) [A-Z][\w'’-]+)|"
    r"\b(?:his|her|their|your)(?: (?:mam|mum|mom|dad|nan|gran|wife|husband|parents|family|"
    r"sister|brother|folks))?['’]?s? (?:house|home|flat|place|gaff|bungalow) (?:is|are|'s) "
    r"(?:on|in|at|up|down|off|by|near|behind|opposite|next to|past|above)\b|"
    r"\bthe (?:one|house|place) with the (?:[\w'’-]+ ){0,2}(?:door|gates?|fence|hedge|roof|"
    r"porch|windows|shutters|flag)\b|"
    r"\bthe (?:[\w'’-]+ ){0,2}(?:house|bungalow|cottage|farmhouse) (?:with|by|past|opposite|"
    r"next to|beside|at the end of|on the corner of)\b|"
    r"\bin the (?:drive|driveway)\b"
)
#: A person's routine: "every Friday from 10", "every morning around 9", "drop-off is
#: 8:30", ", nights", "after close".
_ROUTINE: Final = re.compile(
    r"\bevery (?:single )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|night|evening|"
    r"afternoon|weekday|weekend|lunchtime)\b|"
    r"\b(?:around|about|from|at|after|before|till|until) \d{1,2}(?:[:.]\d{2})?(?:\s?(?:am|pm|"
    r"o['’]clock))?\b(?![:.]?\d|%| (?:percent|per cent|years?|days?|weeks?|months?|people|"
    # not a house number ("at 22 Market Street")
    r"miles?|minutes?|hours?)| (?-i:[A-Z]))|"
    r"\b(?:drop-?off|pick-?up|school run|home time|shift|shifts)(?: is| are| starts?| ends?)?"
    r" (?:at|around|about|from)?\s?\d{1,2}(?:[:.]\d{2})?\b|"
    r"(?:, | on )(?:nights|nightshift|night shift|earlies|lates)\b|\bafter (?:close|closing|"
    r"hours|dark)\b",
    re.IGNORECASE,
)
#: Where a person works: "on Cedar Ward at the William Harvey", "the lad at the surf hire
#: place", "Her constituency office is above the Greggs".
_WORKPLACE: Final = re.compile(
    r"\b(?:works|working) (?:at|in|out of) (?:the )?[A-Z][\w'’-]+|"
    r"\bon [A-Z][\w'’-]+ [Ww]ard\b|"
    # not an office: a mayor's or an MP's is public ("The mayor's office is at 1 Civic Way")
    r"\b(?:[Ss]hop|[Ss]alon|[Ss]tall|[Uu]nit|[Pp]ractice|[Cc]linic|[Ss]tudio)"
    r"(?:['’]s| is) (?:on|above|"
    r"in|at|behind|next to|opposite|over)\b|"
    r"\bthe (?:lad|guy|girl|woman|bloke|man|fella|lass|kid|chap) (?:at|in|behind the counter at|"
    r"who works at|from) the\b"
)
#: A named street ("Compton Road", "Illawarra Rd") or a street by its number ("on 50th"),
#: case-sensitive, or a place beside a landmark: "past the chippy", "by the water tower".
_PLACE: Final = re.compile(
    r"\b" + NAME_WORDS + r"(?:Street|St|Road|Rd|Lane|Avenue|Ave|Drive|Close|Crescent|Way|Terrace|"
    r"Gardens|Grove|Mews|Row|Walk|Square|Parade|Broadway|Boulevard|Blvd|Place|Hill)\b|"
    r"\b(?:on|off) (?:Broadway|\d{1,3}(?:st|nd|rd|th))\b|"
    r"\b(?:above|behind|past|opposite|next to|by|beside|near|round the back of) the "
    r"(?:[\w'’-]+ )?(?:chippy|chip shop|pub|shop|caf[eé]|car park|water tower|church|station|"
    r"post office|garage|newsagents?|takeaway|co-op|spar|library|petrol station|roundabout|"
    r"school|college|park|bus stop)\b|"
    r"\b(?:above|behind|past|opposite|next to|round the back of) the [A-Z][\w'’-]+"
)
KINDS: Final = (
    ("home", _HOME),
    ("vehicle", _VEHICLE),
    ("routine", _ROUTINE),
    ("workplace", _WORKPLACE),
    ("place", _PLACE),
)
#: The kinds that are no one's public face: a home, a vehicle.
_PRIVATE: Final = frozenset({"home", "vehicle"})
_STREET_WORD: Final = r"(?:Street|Road|Lane|Avenue|Drive|Close|Way|Hill|Square|Park|Gardens)"
#: Someone other than the writer: a third or second person, a named person, someone by role.
_SOMEONE: Final = re.compile(
    r"\b(?:he|she|him|her|his|hers|you|your|they|them|their)\b|"
    r"\bthe (?:head|owner|manager|women|men|family|lad|lass|bloke|woman|man|girl|boy|teacher|"
    r"councillor|mayor|landlord|driver|nurse|doctor|imam|rabbi|vicar|priest)\b|"
    r"\b(?-i:[A-Z][a-z'’-]+ (?!"
    + _STREET_WORD
    + r"\b)[A-Z][a-z'’-]+)\b|\b(?-i:C(?:ll|oun)?r\.? [A-Z])|"
    r"\b(?-i:[A-Z][a-z'’-]+)(?:['’]s)? (?:lives|drives|parks|works|house|home|car|van)\b",
    re.IGNORECASE,
)
#: The writer and the writer's people ("I drive a white Transit", "My mum lives on Compton
#: Road"), and anyone else, in the words before a find (:func:`_own`).
_FIRST_PERSON: Final = re.compile(
    r"\b(?:I|I['’]?m|I['’]?ve|me|my|we|we['’]re|us|our)\b", re.IGNORECASE
)
_OTHER_PERSON: Final = re.compile(
    r"\b(?:he|she|him|her|his|you|your|they|them|their|the (?:head|owner|women|men|lad|bloke))\b",
    re.IGNORECASE,
)
#: How far back in its sentence a find's person is looked for.
_OWN_NEAR: Final = 60
#: No profile: a recommendation, a report of what police or a court said, a kindness.
_NOT_A_PROFILE: Final = re.compile(
    r"\b(?:recommend\w*|does (?:great|brilliant|lovely|good) \w+|tell (?:him|her|them) i sent "
    r"you|police (?:said|say|are|have|want|appeal\w*)|appeal(?:ing|ed)? for|court heard|"
    r"witnesses|suspect|missing|lost (?:dog|cat)|found (?:a|this) (?:dog|cat|wallet)|"
    r"bless (?:him|her)|lovely (?:lady|man|woman|bloke|fella|family|couple)|"
    r"(?:the )?nicest (?:man|woman|lady|bloke|family)|sorely missed|rest in peace|rip\b|"
    # a public body's or a service's hours: "The council meets every Tuesday at 7 in the town
    # hall on High Street, anyone can go and ask them"
    r"meets|meetings?|surger(?:y|ies)|drop-ins?|open to (?:all|everyone|the public)|"
    r"consultations?|exhibitions?|open days?|public events?|"
    r"according to|reported)",
    re.IGNORECASE,
)
#: The most matches of one kind read (a comment repeating a street a thousand times).
_TRIES: Final = 20


def _own(text: str, at: int) -> bool:
    """Whether the find at ``at`` is the writer's own: the last person named before it in
    its sentence (within :data:`_OWN_NEAR` characters) is "I", "my ...", "we"."""
    start = max(0, at - _OWN_NEAR)
    before = text[start:at]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    if cut >= 0:
        before = before[cut + 2 :]
    first = [m.start() for m in _FIRST_PERSON.finditer(before)]
    if not first:
        return False
    other = [m.start() for m in _OTHER_PERSON.finditer(before)]
    return not other or first[-1] > other[-1]


def _kinds(text: str) -> dict[str, tuple[int, int]]:
    """Each kind of locating detail in ``text`` not said of the writer's own, with the
    offsets of its first find."""
    found: dict[str, tuple[int, int]] = {}
    for name, pattern in KINDS:
        for tries, m in enumerate(pattern.finditer(text)):
            if tries >= _TRIES:
                break
            if _own(text, m.start()) or any(
                b < m.end() and m.start() < e for b, e in found.values()
            ):
                continue  # the writer's own, or words another kind has read
            found[name] = m.span()
            break
    return found


def match_located_person(text: str) -> tuple[int, int, str] | None:
    """Where ``text`` locates someone by several kinds of detail (:mod:`this module`): the
    span from its first find to its last, and the kinds found ("home, vehicle and place");
    else None."""
    if len(text) < 30 or _SOMEONE.search(text) is None:
        return None
    found = _kinds(text)
    if len(found) < 2:
        return None
    if not (_PRIVATE & found.keys()) and not cue(text):
        return None
    if _NOT_A_PROFILE.search(text) is not None:
        return None
    names = [n for n, _ in KINDS if n in found]
    what = ", ".join(names[:-1]) + " and " + names[-1]
    begin = min(b for b, _ in found.values())
    end = max(e for _, e in found.values())
    return begin, end, what
