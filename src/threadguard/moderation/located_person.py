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
- it gives two kinds beside a call to go there (:func:`.whereabouts.cue`, :data:`_CALL`),

about someone other than the writer (a comment whose only people are "I", "my", "we" is the
writer's own life: "I live in Govanhill, I work nights at a warehouse in Cambuslang and my
kids go to the primary on Annette Street"; one about "my wife" or "my grandad" needs a call
too), and is no recommendation, no report of a crime or a police appeal, no memory and no
kindness (:data:`_NOT_A_PROFILE`). A public office's or an event's hours are no profile either
unless a home or a vehicle stands beside them (:data:`_PUBLIC`: a constituency clinic's
hours with "go and tell her in person" is a citizen's call, not doxxing).

A first blind review (session 46: 43 comments to hold and 66 civil ones sharing their
words, written from a plain description of the rule) held 14 more of the 43 than before
and 5 of the 66 civil ones (a break-in "last night around 2am", a Garda witness appeal, a parking
complaint, a grandad's shop, the writer's wife's school run); the mends below answer them
(a one-off time is no routine; appeals, memories and "my wife" are not profiles) and read
the shapes it missed ("the semi on Orchard Way", "he's on Bourke Rd", "rides a black
Harley", a bare "silver Kuga", "works nights at", a child's school run, a registration
written out, "we all know where you live", "see you soon"). A second, written apart from
the first (42 and 62): 16 more held, 2 more civil ones held (a hit-and-run appeal, a
plumber recommended); mended the same way, with more makes and models. Figures and commands:
``docs/evaluation.md``, "Issue 12, session 46".
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.moderation.whereabouts import NAME_WORDS, RECOMMENDED, cue

#: The makes and kinds of vehicle a person is said to drive.
_VEHICLES: Final = (
    r"car|van|transit|skoda|range rover|land rover|bmw|audi|merc|mercedes|ford|vauxhall|toyota|"
    r"honda|nissan|tesla|vw|volkswagen|volvo|kia|hyundai|peugeot|renault|fiat|mini|jeep|pickup|"
    r"pick-up|truck|ute|motorbike|motorcycle|scooter|moped|4x4|suv|corsa|golf|polo|fiesta|focus|"
    r"qashqai|juke|kuga|astra|micra|berlingo|prius|odyssey|camry|civic|f-150|silverado|hilux|"
    r"innova|activa|harley|vespa|camper|campervan|motorhome|subaru|holden|commodore|corolla|"
    r"mustang|swift|passat|maruti|mahindra|tata|chevy|chevrolet|dodge|mitsubishi|mazda|citroen|"
    r"lexus|jaguar|porsche|bike|ranger|navara|landcruiser|yaris|clio|octavia|fabia|rav4|tiguan|"
    r"sprinter|hiace|accord|altima|tacoma|tundra|wrangler|cherokee|camaro|corvette|sportage|"
    r"tucson|creta|scorpio|nexon|bolero|baleno|dzire|ertiga|pulsar|enfield|charger|challenger|"
    r"outback|impreza|forester|pathfinder|tahoe"
)
#: The makes, said bare ("the one on Fairfield Rd with the Subaru").
_MAKES: Final = (
    r"subaru|holden|toyota|honda|nissan|mazda|mitsubishi|hyundai|kia|skoda|vauxhall|peugeot|"
    r"renault|volvo|bmw|audi|mercedes|merc|tesla|range rover|land rover|jeep|chevy|chevrolet|"
    r"dodge|ford|vw|volkswagen|fiat|maruti|mahindra|tata|citroen|lexus|jaguar|porsche"
)
_COLOURS: Final = r"black|white|silver|grey|gray|red|blue|green|yellow|orange|maroon|navy|gold"
#: What a person drives or where their vehicle stands: "drives a silver Skoda", "parks the
#: adapted blue van in the alley", "black Range Rover in the drive", "reg ends KXE", "Texas
#: plates starting with RKD", "rides a black Harley", a bare "silver Kuga", a registration
#: written out ("KV68 XTB", "KA 01 MN 4567"); not "drove" (a memory, a report).
_VEHICLE: Final = re.compile(
    rf"\b(?:drives|driving|parks|parked|leaves|keeps|rides|riding) (?:a|an|the|his|her|their|"
    rf"that) (?:[\w'’-]+ ){{0,3}}?(?:{_VEHICLES})s?\b|"
    rf"\b(?:{_COLOURS}) (?:[\w'’-]+ ){{0,1}}(?:{_VEHICLES})\b(?! (?:lane|route|driver|ban)\b)|"
    r"\b(?:reg|registration|number ?plates?|plates?)(?: number)? (?:ends?|ending|starts?|starting"
    r"|begins?|beginning)(?: in| with)?\b|"
    rf"\b(?:with|in|owns?) (?:the|a|an|his|her|their) (?:[\w'’-]+ ){{0,2}}(?:{_MAKES})\b|"
    r"(?-i:\b[A-Z]{2}\d{2} ?[A-Z]{3}\b|\b[A-Z]{2} ?\d{1,2} ?[A-Z]{1,2} ?\d{4}\b)|"
    # "We all know where you park on Beacon Rise, the silver Skoda." (news desk 47)
    r"\bknows? where (?:you|he|she|they) parks?\b",
    re.IGNORECASE,
)
#: Where a person lives, by a named place or a description of the house: "his mam's house is
#: on Compton Road", "the one with the blue door", "the big house with the electric gates",
#: "lives on Sycamore", "You live in the flat above the cafe", "the red brick semi on Hollins
#: Road", "he's on Bourke Rd", "we all know where you live".
_HOME: Final = re.compile(
    # a street by name ("lives on Sycamore"), not a town ("living in Burnaby"), and a house
    # of a place ("lives in one of the new builds up ..."), not "everyone who lives in a house"
    r"\b(?:lives?|living|stays|staying) (?:(?:on|in|at|up|down|off|above|over|behind|opposite|"
    r"next to) "
    r"(?:the|one of the) (?:[\w'’-]+ ){0,2}?(?:flats?|house|bungalow|cottage|new builds?|"
    r"estate|terrace|caravan|maisonette|semi|shop|pub|takeaway|chippy|cafe|café|newsagents?|"
    r"block|building|halls|hostel|hotel)\b|"
    r"(?:on|up|down|off) [A-Z][\w'’-]+|in flat \d|at the "
    r"(?:bottom|top|end) of)|"
    r"\b(?i:his|her|their|your)(?: (?:mam|mum|mom|dad|nan|gran|wife|husband|parents|family|"
    r"sister|brother|folks))?['’]?s? (?:house|home|flat|place|gaff|bungalow)(?: is| are|['’]s) "
    r"(?:on|in|at|up|down|off|by|near|behind|opposite|next to|past|above)\b|"
    r"\bthe (?:one|house|place) with the (?:[\w'’-]+ ){0,2}(?:door|gates?|fence|hedge|roof|"
    r"porch|windows|shutters|flag)\b|"
    r"(?:\bthe |\ba |, |\. )(?:[\w'’-]+ ){0,2}(?:house|bungalow|cottage|farmhouse|semi|terrace|"
    r"detached|maisonette|flat|duplex|weatherboard|townhouse) (?:with|by|past|opposite|next to|"
    r"beside|at the end of|on the corner of|right across from|across from|on (?=(?-i:[A-Z])))|"
    # a flat's number or a floor ("flat 12, third floor": news desks 47 and 49)
    r"\bflat (?:no\.? ?)?\d{1,3}[a-z]?\b|\b(?:first|second|third|fourth|fifth|top|ground|1st|"
    r"2nd|3rd|4th|5th) floor\b|"
    r"\b(?:he|she|they|you)(?:['’]s| is|['’]re| are) (?:the one )?on "
    + NAME_WORDS
    + r"(?-i:Street|St|Road|Rd|"
    r"Lane|Avenue|Ave|Drive|Close|Crescent|Way|Terrace|Grove|Rise)\b|"
    r"\bknows? where (?:you|he|she|they) lives?\b|"
    r"\b(?:in|on) the (?:drive|driveway)\b|\bparked (?:outside|on the drive)\b"
)
#: A person's routine: "every Friday from 10", "every morning around 9", "drop-off is
#: 8:30", "works nights", "daily 10 to 7", "drops his kid at PS 321 at 8am"; not a time
#: alone ("last night around 2am", a crime's one-off).
_ROUTINE: Final = re.compile(
    r"\bevery (?:single )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|night|evening|"
    r"afternoon|weekday|weekend|lunchtime|day)\b|\bdaily\b|"
    # days said as a habit: "tues and thurs at 6", "on Fridays"
    r"\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?s? (?:and|&|n) (?:mon|tue|"
    r"tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?s?\b|"
    r"\bon (?:mon|tues|wednes|thurs|fri|satur|sun)days\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day (?:mornings|afternoons|evenings|nights)\b|"
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\s?(?:-|–|to|till) ?(?:mon|tue|tues|"
    r"wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b|"
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun) (?:mon|tue|tues|wed|thu|thur|thurs|fri|sat"
    r"|sun) (?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b|\b(?:does|doing|on) nights\b|"
    r"\b(?:drop-?off|pick-?up|school run|home time|shift|shifts|bus duty)(?: is| are| starts?|"
    r" ends?)?(?: at| around| about| from)? ?\d{1,2}(?:[:.]\d{2})?\b|"
    r"\b(?:works?|working|open|opens|from|hours|clinic) \d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)? "
    r"(?:to|till|until|til|-|–) \d{1,2}(?:[:.]\d{2})?\b|"
    r"\bdrops? (?:his|her|their|the) (?:kids?|son|daughter|boy|girl|children)(?: off)? at\b|"
    r"(?:, | on )(?:nights|nightshift|night shift|earlies|lates)\b|"
    r"\bworks? (?:nights|days|lates|earlies|weekends)\b|"
    # news desk 40 (session 46): "he finishes at 6"
    r"\b(?:finishes|starts|clocks (?:off|on)|knocks off|leaves work|gets off) (?:work )?"
    r"(?:at|around|about) \d{1,2}\b",
    re.IGNORECASE,
)
#: Where a person works: "on Cedar Ward at the William Harvey", "the lad at the surf hire
#: place", "works nights at the Botany container terminal", "works at the garage on the
#: bypass", "goes to his shop in Crawford market".
_WORKPLACE: Final = re.compile(
    r"(?:\b(?:works|working) |(?<=\bnights )|(?<=\bdays ))(?:at|in|out of) (?:the )?(?:[A-Z][\w'’-]+|"
    r"(?:[\w'’-]+ )?(?:garage|depot|yard|warehouse|factory|terminal|site|plant|mill|salon|"
    r"supermarket|chippy|takeaway|servo|gas station|petrol station|laundromat|library))|"
    # news desk 41 (session 46): "Her husband runs the dental clinic on Albany Hwy", "goes to
    # Therrell High"
    r"\b(?:runs|owns|manages) (?:the|a|an|that|his|her|their) (?:[\w'’-]+ ){0,2}(?:clinic|"
    r"practice|surgery|shop|salon|garage|cafe|café|restaurant|takeaway|pub|bar|gym|office|"
    r"business|firm|store|stall|bakery|barbershop|barbers?)\b|"
    r"\bgoes to (?:[A-Z][\w'’-]+ ){1,2}(?:High|Primary|Academy|College|School|Elementary|"
    r"Middle|Grammar)\b|"
    r"\b(?:goes|heads) to (?:(?:his|her|their|the) )?(?:[A-Z][\w'’-]+ )?(?:office|shop|store|"
    r"stall|yard|depot|site|salon)\b|"
    r"\bon [A-Z][\w'’-]+ [Ww]ard\b|"
    # not an office: a mayor's or an MP's is public ("The mayor's office is at 1 Civic Way")
    r"\b(?:[Ss]hop|[Ss]alon|[Ss]tall|[Uu]nit|[Pp]ractice|[Cc]linic|[Ss]tudio)"
    r"(?:['’]s| is) (?:on|above|"
    r"in|at|behind|next to|opposite|over)\b|"
    r"\bthe (?:lad|guy|bloke|fella|lass|chap) (?:at|in|behind the counter at|"
    r"who works at|from) the\b"
)
_STREET_WORDS: Final = (
    r"Street|St|Road|Rd|Lane|Avenue|Ave|Drive|Close|Crescent|Way|Terrace|Gardens|Grove|Mews|"
    r"Row|Walk|Square|Parade|Broadway|Boulevard|Blvd|Place|Hill|Hwy|Highway|Rise"
)
#: A named street ("Compton Road", "Illawarra Rd") or a street by its number ("on 50th",
#: "on 7th Ave"), case-sensitive, or a place beside a landmark: "past the chippy", "by the
#: water tower".
_PLACE: Final = re.compile(
    r"\b" + NAME_WORDS + r"(?:" + _STREET_WORDS + r")\b|"
    r"\b(?:on|off) (?:Broadway|\d{1,3}(?:st|nd|rd|th))\b|"
    # session 50's desks: "the blue door across from the chipper", "next to the surf club"
    r"\b(?:above|behind|past|opposite|next to|by|beside|near|round the back of|across from|"
    r"over the road from|round the corner from) the "
    r"(?:[\w'’-]+ )?(?:chippy|chipper|chip shop|pub|shop|caf[eé]|car park|water tower|church|"
    r"station|post office|postbox|garage|newsagents?|takeaway|co-op|spar|library|petrol station|"
    r"roundabout|school|college|park|bus stop|servo|surf club|bowls club|offie|bookies)\b|"
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
#: Someone other than the writer: a third or second person, a named person, someone by role.
_SOMEONE: Final = re.compile(
    r"\b(?:he|she|him|her|his|hers|you|your|they|them|their)\b|"
    r"\b(?:the|this|that) (?:head|owner|manager|women|men|family|lad|lass|bloke|woman|man|girl|"
    r"boy|teacher|councillor|mayor|landlord|driver|nurse|doctor|imam|rabbi|vicar|priest|mod|"
    r"moderator|reporter|journalist|writer|author|editor|columnist|cop|officer|guy|dude|fella|"
    r"chap|kid|ref|referee|clown|idiot|muppet|creep|nonce)\b|"
    r"\b(?-i:[A-Z][a-z'’-]+ (?!(?:" + _STREET_WORDS + r")\b)[A-Z][a-z'’-]+)\b|"
    r"\b(?-i:C(?:ll|oun)?r\.? [A-Z])|"
    r"\b(?-i:[A-Z][a-z'’-]+)(?:['’]s)? (?:lives|drives|parks|works|house|home|car|van)\b",
    re.IGNORECASE,
)
#: The writer and the writer's people ("I drive a white Transit", "My mum lives on Compton
#: Road"), and anyone else, in the words before a find (:func:`_own`).
_RELATIVES: Final = (
    r"wife|husband|partner|son|daughter|mum|mam|mom|dad|grandad|granddad|grandpa|nan|nana|gran|"
    r"granny|grandma|brother|sister|kids?|boy|girl|nephew|niece|uncle|aunt|auntie|cousin"
)
_FIRST_PERSON: Final = re.compile(
    r"\b(?:I|I['’]?m|I['’]?ve|I['’]?d|we|we['’]re|we['’]ve)\b|\b(?:my|our) (?:(?:\w+ )?(?:"
    + _RELATIVES
    + r"|family|folks|parents|van|car|house|home|flat|place|work|job|office|shop)s?)\b",
    re.IGNORECASE,
)
_OTHER_PERSON: Final = re.compile(
    r"\b(?:he|she|him|her|his|you|your|they|them|their|the (?:head|owner|women|men|lad|bloke))\b",
    re.IGNORECASE,
)
#: The writer's own people: a comment about "my wife" or "my grandad" needs a call to be held
#: (a review: "My wife is a teacher at Oakfield Primary, she's there from 7.30 and drives a
#: silver Qashqai, and even she cant find a space").
_MY_PEOPLE: Final = re.compile(
    r"\b(?:my|our) (?:" + _RELATIVES + r"|neighbou?r|friend|mate|missus|fella|bf|gf)\b",
    re.IGNORECASE,
)
#: How far back in its sentence a find's person is looked for.
_OWN_NEAR: Final = 60
#: No profile: a crime reported or a police appeal, a memory, a kindness, a tradesman praised
#: (a recommendation is :data:`.whereabouts.RECOMMENDED`'s).
_NOT_A_PROFILE: Final = re.compile(
    r"\b(?:police (?:said|say|are|have|want|appeal\w*)|appeal(?:ing|ed)? for|court heard|"
    r"witness\w*|gardai|garda|want to hear from|dash ?cam|footage|cctv|was seen|break[- ]in|"
    r"broken into|stolen|suspect|missing|lost (?:dog|cat)|found (?:a|this) (?:dog|cat|wallet)|"
    r"bless (?:him|her)|lovely (?:lady|man|woman|bloke|fella|family|couple)|"
    # session 50: "... have been lovely neighbours" (a home and a place, said in praise; not
    # "Good neighbours would pay her a visit": a code review's)
    r"(?:have been|has been|are|were|is|was|['’]re|['’]s|make|made) (?:such |really |very )?"
    r"(?:lovely|great|good|wonderful|the best|brilliant|kind|friendly) neighbou?rs?|"
    r"(?:the )?nicest (?:man|woman|lady|bloke|family)|sorely missed|rest in peace|rip\b|"
    r"used to|back then|back in the day|happy days|years ago|when i was|in the \d0s|"
    r"according to|appeal|hit and run|contact (?:the )?police|quoting (?:ref|reference)|"
    r"crimestoppers|if (?:any(?:one|body)|you) needs? a|(?:is|was) (?:brilliant|great|excellent|"
    r"fantastic|amazing|a star|a legend|top notch)|"
    # help and recommendation (a code review's: "a few of the lads from the club help him
    # with his shopping", "Ask for Gary ... have a word with him, he'll sort your tyres")
    r"help(?:s|ed|ing)? (?:him|her|them) (?:with|out)|ask for (?-i:[A-Z])|(?:he|she)['’]ll "
    r"(?:sort|fix|help|look after)|in (?:his|her) (?:red|blue|green|yellow|pink) (?:coat|jacket|hat))",
    re.IGNORECASE,
)
#: A public body's, an office's or an event's hours: no profile without a home or a vehicle
#: ("The council meets every Tuesday at 7 in the town hall on High Street, anyone can go and
#: ask them"; "Minister's constituency office is on Capel Street, clinic every Friday 10 to 1,
#: go and tell her in person").
_PUBLIC: Final = re.compile(
    r"\b(?:meets|meetings?|surger(?:y|ies)|clinics?|drop-ins?|offices?|constituency|town hall|"
    r"council|mayor|"
    r"open to (?:all|everyone|the public)|consultations?|exhibitions?|open days?|"
    r"public events?)\b",
    re.IGNORECASE,
)
#: The words one of whose each kind's finds holds (lower case), so that a comment naming
#: fewer than two kinds, or no private kind and no call, is passed over before any pattern
#: runs: the patterns cost 90 µs a comment, and the contact details ran at a third of their
#: speed with them on every comment (`bench/contact_details.py`'s rows, 20,000 news and
#: Reddit comments).
_VEHICLE_WORDS: Final = frozenset(
    {*re.findall(r"[a-z0-9]+", _VEHICLES), "reg", "registration", "plate", "plates"}
    # the pieces of "pick-up", "f-150", "range rover" and "land rover" that are everyday
    # words (each vehicle still has a word of its own: "pick", "rover", "150")
    - {"up", "f", "range", "land"}
)
_NEEDS: Final = (
    (
        "home",
        frozenset(
            {"live", "lives", "living", "stays", "staying", "house", "home", "flat", "gaff",
             "bungalow", "cottage", "farmhouse", "semi", "terrace", "detached", "maisonette",
             "duplex", "weatherboard", "townhouse", "driveway", "parked", "floor"}
        ),
    ),
    ("vehicle", _VEHICLE_WORDS),
    (
        "routine",
        frozenset(
            {"every", "daily", "nights", "nightshift", "earlies", "lates", "shift", "shifts",
             "drop", "dropoff", "pick", "pickup", "duty", "drops", "weekends", "finishes",
             "starts", "clocks", "knocks", "mon", "tue",
             "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "mondays", "tuesdays",
             "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "sat", "sun", "run"}
        ),
    ),
    (
        "workplace",
        frozenset(
            {"works", "working", "goes", "heads", "ward", "shop", "salon", "stall", "unit",
             "practice", "clinic", "studio", "lad", "guy", "bloke", "fella", "lass", "chap",
             "runs", "owns", "manages"}
        ),
    ),
    (
        "place",
        frozenset(
            {"chippy", "pub", "shop", "cafe", "café", "park", "tower", "church", "station",
             "postbox", "garage", "newsagent", "newsagents", "takeaway", "spar", "library",
             "roundabout", "school", "college", "stop", "servo", "broadway", "office", "co",
             "above", "behind", "past", "opposite", "next", "round", "across", "over", "chipper",
             "club", "offie", "bookies"}
        ),
    ),
)  # fmt: skip
#: Punctuation read as spaces, so that a comment splits into its words (faster than a
#: pattern's ``findall``).
_SPACED: Final = str.maketrans(dict.fromkeys(".,;:!?\"'()[]{}<>-–—/\\…’‘“”*_&@#+=|~", " "))
_DIGIT: Final = re.compile(r"\d")
_RANGE: Final = re.compile(r"\d(?:\s?[ap]m)? (?:to|till|until|til|-|–) \d", re.IGNORECASE)
_STREET_WORDS_LOWER: Final = frozenset(re.findall(r"[a-z]+", _STREET_WORDS.lower()))
_PLATE_LIKE: Final = re.compile(r"\b[A-Z]{2} ?\d")
#: A street by its capitalised word or its number, and a home said as "he's on ...", "the one
#: with the ...": what the word sets above cannot say.
_STREET_LIKE: Final = re.compile(r"\b(?:" + _STREET_WORDS + r")\b|\b\d{1,3}(?:st|nd|rd|th)\b")
_HOME_LIKE: Final = re.compile(r"(?:['’]s|['’]re| is| are) (?:the one )?on [A-Z]")


def _may_locate(text: str) -> tuple[frozenset[str], bool | None]:
    """The kinds whose words ``text`` holds, where they are two, one of them private (a home,
    a vehicle), or two beside a call; else none: the cheap test before the patterns, each of
    which needs one of its kind's words (the regular expressions only where the word sets
    leave it open; the call last, as :func:`.whereabouts.cue` is the dearest test of all).
    With them, whether a call stands in ``text`` (None: not asked, a private kind being
    there)."""
    low = text.lower()
    words = frozenset(low.translate(_SPACED).split())
    kinds = {name for name, needs in _NEEDS if not needs.isdisjoint(words)}
    if not kinds:
        return frozenset(), None
    digits = _DIGIT.search(text) is not None
    if digits and "routine" not in kinds and _RANGE.search(text) is not None:
        kinds.add("routine")  # "from 10 to 1", "8 till 6"
    if (
        "place" not in kinds
        and (digits or not _STREET_WORDS_LOWER.isdisjoint(words))
        and _STREET_LIKE.search(text) is not None
    ):
        kinds.add("place")
    if "vehicle" not in kinds and digits and _PLATE_LIKE.search(text) is not None:
        kinds.add("vehicle")
    if "home" not in kinds and (
        "one with the" in low
        or "in the drive" in low
        or (" on " in text and _HOME_LIKE.search(text) is not None)
    ):
        kinds.add("home")
    if len(kinds) < 2:
        if kinds == {"home"} and digits and _called(text):
            return frozenset(kinds), True  # a numbered home and a call (see _NUMBERED_HOME)
        return frozenset(), None
    if kinds & _PRIVATE:
        return frozenset(kinds), None
    called = _called(text)
    return (frozenset(kinds) if called else frozenset()), called


#: A call to find the person, beside the details (a review: "see you soon", "we'll be
#: waiting", "wouldnt be hard to find either of them", "easy to have a chat with her", "Go say
#: hi", "People here should know"). Weaker than :func:`.whereabouts.cue`'s calls,
#: which hold beside one place: read beside two kinds of detail only ("She works at the Royal
#: Free, people should know what she says about the NHS, she's spot on." is no menace).
_CALL: Final = re.compile(
    r"\bsee (?:you|him|her|them) soon\b|\b(?:we|we['’]ll|we will|i['’]ll|i will) be waiting\b|"
    r"\bif any(?:one|body) wants to find\b|\bwould(?:n['’]?t| not) be (?:too |that |very )?"
    r"hard\b|\beasy to (?:find|have a (?:chat|word))\b|\bgo say (?:hi|hello)\b|"
    r"\bpeople (?:here |round here |around here )?should know\b|\bknows? where (?:you|he|she|"
    r"they) lives?\b|\b(?:i['’]ll|we['’]ll|i will|we will|might|may) (?:drop|pop|swing|call) "
    r"(?:by|round|in|over)\b|\bteach (?:him|her|them) (?:a )?lesson\b|\bputting it out there\b|"
    # news desk 40 (session 46): "Someone should keep a close eye on them.", "take it up with
    # him direct, he finishes at 6"
    r"\bkeep (?:a )?(?:close |careful )?eye on (?:him|her|them)\b|\btake it up with (?:him|her|"
    r"them) (?:direct|directly|in person|yourselves?)\b|"
    # session 47's desks: "if anyone fancies having a word with him", "in case any locals
    # fancy popping round for a word", "I've got my eye on them. So have a few of the lads.",
    # "Easy to spot if anyone wants to go round"
    r"\bfanc(?:y|ies|ied) (?:having|popping|going|paying|a word|a chat|a visit)\b|"
    r"\bgot (?:my|our) eyes? on (?:him|her|them)\b|\b(?:a few|some|couple) of the lads\b|"
    r"\beasy to spot if\b|"
    # session 48's desks: "Feel free to knock and ask him", "in case anyone wants to bring a
    # 'present' Saturday night"
    r"\bfeel free to (?:knock|pop|call|drop|go|swing|visit|pay)\b|"
    r"\b(?:someone|somebody|people|you lot|a few of us) (?:should|could|ought to|might want to|"
    r"needs? to) (?:go|pop|call|swing|drop|head) (?:round|over|by)\b|"
    r"\bin case any(?:one|body) (?:wants|fancies|feels like) (?:to )?(?:bring|pop|go|drop|call|"
    r"swing|visit|pay|knock|say)\b|"
    # session 50's desks: "If anything happens to one of our kids, people will know where to
    # find him" (not the butcher's stall "so people will know where to find him": a code
    # review's), "Maybe the neighbours should let them know what they think of it"
    r"\bif anything (?:happens|were to happen|ever happens) to (?:one of )?(?:our|my|the) "
    r"(?:kids|children|kiddies|girls|boys|daughters?|sons?|grandkids|family)\b|"
    r"\b(?:the neighbou?rs|the locals|locals|people|some(?:one|body)|the street|the village|"
    r"the estate|the lads|residents) (?:should|could|might|ought to|need to|needs to) (?:let|tell)"
    r" (?:him|her|them) (?:know )?what (?:they|we|people|everyone|everybody|locals) (?:really )?"
    r"thinks?\b|"
    r"\bhave a (?:word|chat) with (?:him|her|them|(?:his|her|their) [\w'’-]+)"
    r"(?! about (?:a|your|the) (?:job|tyres?|car|quote|price))\b",
    re.IGNORECASE,
)


#: A home given by its number ("live in the flat above, number 42", "lives at 4 Mill
#: Cottages", "pitch 14 by the gate", "above the shop ..., 212 Main"): with a call to go
#: there (:data:`_CALL`), one detail is enough (four of session 48's news desks' comments:
#: "..., if anyone fancies popping round to share their views", "Feel free to knock").
_NUMBERED_HOME: Final = re.compile(
    r"\b(?:number|no\.?|flat|pitch|plot|unit|apartment|apt\.?|house)\s?\d{1,4}[a-z]?\b|"
    r"\b(?:lives?|living) (?:at|on) \d{1,4}[a-z]? (?-i:[A-Z][\w'’-]+)|"
    r"\b\d{1,4}[a-z]? (?-i:[A-Z][\w'’-]+)(?: (?-i:[A-Z][\w'’-]+))?,? in case\b|"
    r", \d{1,4}[a-z]? (?-i:[A-Z][\w'’-]+)\b",
    re.IGNORECASE,
)
#: A call to go round that is a kindness ("someone should go round with a cake for them"):
#: no menace (a code review's).
_KINDNESS: Final = re.compile(
    r"\b(?:cake|casserole|flowers|soup|a card|welcome (?:pack|basket)|help (?:him|her|them)|"
    r"if you (?:ever )?need|cup of (?:tea|sugar)|spare|lend)\b",
    re.IGNORECASE,
)
#: The most matches of one kind read (a comment repeating a street a thousand times).
_TRIES: Final = 20


def _called(text: str) -> bool:
    """Whether a call to go there stands in ``text``: :data:`_CALL`'s, the cheaper, first."""
    return _CALL.search(text) is not None or cue(text)


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


def _kinds(text: str, possible: frozenset[str]) -> dict[str, tuple[int, int]]:
    """Each kind of locating detail in ``text`` (of the ``possible`` ones) not said of the
    writer's own, with the offsets of its first find."""
    found: dict[str, tuple[int, int]] = {}
    for name, pattern in KINDS:
        if name not in possible:
            continue
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
    if len(text) < 30:
        return None
    possible, called = _may_locate(text)
    if not possible or _SOMEONE.search(text) is None:
        return None
    found = _kinds(text, possible)
    numbered = _NUMBERED_HOME.search(text) if found.keys() <= {"home"} else None
    if numbered is not None and (_own(text, numbered.start()) or _KINDNESS.search(text)):
        numbered = None  # "We live at number 12, feel free to knock", a cake taken round
    one_home = numbered is not None and (called if called is not None else _called(text))
    if one_home and not found:
        assert numbered is not None
        found = {"home": numbered.span()}  # "lives at 4 Mill Cottages": the number is the home
    if (
        (len(found) < 2 and not one_home)
        or _NOT_A_PROFILE.search(text) is not None
        or RECOMMENDED.search(text) is not None
    ):
        return None
    private = bool(_PRIVATE & found.keys())
    if private and _MY_PEOPLE.search(text) is not None:
        private = False  # the writer's own people, said with no call
    if not private:
        if called is None:
            called = _called(text)
        if not called or _PUBLIC.search(text) is not None:
            return None
    names = [n for n, _ in KINDS if n in found]
    what = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    begin = min(b for b, _ in found.values())
    end = max(e for _, e in found.values())
    return begin, end, what
