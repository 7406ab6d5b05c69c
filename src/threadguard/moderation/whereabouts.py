"""Where a person is found, beside a call to go there: a whereabouts find of the contact
details (:mod:`.contact_details`).

A workplace, a pub, a child's school or where a person goes is named in civil comments all
the time ("she works at the Boots on the high street, lovely staff"); it is held only beside
a call to act or an insinuation (:data:`_TARGET_CUE`: "Enjoy your shopping, Mrs Pilling.",
"Give him a call boys."). Moved out of ``contact_details.py`` (session 37) to keep both
modules short enough to read. A sixth news-desk tryout published "Know where she parks
too." under a threat to a referee: where a person parks, drinks or trains said to be known,
the sentence ending there (:data:`_KNOWN_HAUNT`), is a whereabouts find of its own; on every
English set of ``bench/contact_details.py`` it finds no row, civil or toxic. Two tryouts
published a person's college (and course, days, times) beside "Anyone can find him.": a
named school, college or university within 200 characters of a call to find a person there
(:data:`_FIND_CUE`) is a find too ("school or college"), and the cue counts beside a
workplace or a child's school as well; the bench's figures are the same on every set.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice
from typing import Final

#: One to three capitalised words: a street's or a place's name ("Mill", "Effra", "Burnt
#: Mill") before its street word (:mod:`.contact_details` reads streets with it too).
NAME_WORDS: Final = r"(?:[A-Z][\w'’-]*\s+){1,3}"
#: Where a person works, drinks or stays or where a child goes to school (a second tryout:
#: "His wife works at the Boots on Harlow high street and their kid's at Burnt Mill
#: Academy. Enjoy your shopping, Mrs Pilling."): held only beside :data:`_TARGET_CUE`.
_WHEREABOUTS: Final = re.compile(
    r"(?<![Ii] )(?<![Ww]e )\b(?:works|working|drinks|drinking|stays|staying|teaches|teaching)"
    r"(?: \w+)? (?:at|in) (?:the )?[A-Z][\w'’-]*|(?<!\b[Mm]y )(?<!\b[Oo]ur )\b(?:sons?|daughters?|kids?|child|children|"
    r"boys?|girls?)(?:['’]s| is| are| goes| go| attends?)\s+(?:to |at )?(?:[A-Z][\w'’.-]*\s+){1,3}"
    # a third tryout: "His kids go to St Anne's primary" (the school word in lower case too)
    r"(?:[Pp]rimary|[Aa]cademy|[Ss]chool|High|[Cc]ollege|[Ii]nfants|[Jj]uniors|[Gg]rammar|Prep|"
    r"[Nn]ursery)\b|"
    # a third tryout: "I know which café she drinks at on Haldon Street": the place a person
    # is found at, on a named street
    r"\b(?:which|what|the) (?:caf[eé]|coffee shop|pub|bar|gym|shop|supermarket|school|"
    r"nursery|church|mosque|club|restaurant|office|salon|surgery)s? (?:he|she|they|his \w+|her \w+)"
    r" (?:drinks|works|goes|eats|trains|shops|prays|teaches|stays|takes (?:his|her|their) kids)"
    r"(?: at| in| to)? (?:on|in|off) " + NAME_WORDS + r"(?:Street|St|Road|Rd|Lane|Avenue|"
    r"Ave|Drive|Close|Crescent|Way|Place|Terrace|Gardens|Grove|Mews|Row|Walk|Square|Parade|"
    r"Broadway)\b"
)
# news desks 26 and 27 (session 44): "she lives in the flats by Aston Cross", "her mum runs a
# hair salon on the Lisburn Road", "her dad's the one with the accountancy firm on Anlaby
# Road", "plays golf at Kington every Saturday morning": a home by a named place, a business
# on a named street, a game at a named club (each its own pattern, tried only where its
# words stand: one alternation of them all cost every comment with "with" or "has" 60 µs)
_HOME: Final = re.compile(
    r"\b(?:lives|living|live) (?:in|on|at|by|near|off|behind|opposite|above|over) (?:the |that |"
    r"those )?(?:flats|estate|block|tower|terrace|bungalow|cottage|maisonette|caravans?|new "
    r"builds?|houses?|shop|newsagents?|chippy|pub|takeaway|launderette)"
    r" (?:by|on|near|off|behind|opposite|at|in|next to|above) (?:the )?[A-Z][\w'’-]*|"
    r"\b(?:lives|living) (?:on|off|in) (?:the )?(?:[A-Z][\w'’-]*\s+){1,2}(?:[Ee]state|[Ff]lats)\b|"
    # news desk 33 (session 45): "lives in Weymouth near the Asda"
    r"\b(?:lives|living) in [A-Z][\w'’-]+ (?:near|by|next to|opposite|behind|round the corner "
    r"from) the [A-Z][\w'’-]*|"
    # a review and news desk 34 (session 45): "Lives near the big Morrisons in Bridlington",
    # "she's off Cranmore Road near the big Tesco"
    r"\b(?:[Ll]ives|[Ll]iving) (?:near|by|next to|opposite|behind) the (?:big |new |old |little )?"
    r"[A-Z][\w'’-]+|\b(?:he|she|they)(?:['’]s| is|['’]re| are) (?:just )?off "
    + NAME_WORDS
    + r"(?:Road|Street|Lane|Avenue|Drive|Close|Crescent|Way)\b"
)
#: A call to go and have a word with someone, ending its sentence ("Go and have a word if
#: the police won't."): a cue beside a workplace here and beside an address in
#: :mod:`.contact_details` (news desks 32 and 33, session 45).
HAVE_A_WORD: Final = (
    r"\b(?:go|pop|head) (?:round |over |down )?(?:and |n )?have a (?:quiet |little |proper |"
    r"friendly )?word(?: with (?:him|her|them))?(?=\s*(?:$|[.!;…]|if\b))"
)
#: The businesses of :data:`_BUSINESS` (a plural "s" allowed), one of which a text must
#: hold, in any case, for it to be tried.
_BUSINESSES: Final = (
    "salon", "shop", "firm", "café", "cafe", "garage", "pub", "restaurant", "takeaway",
    "bakery", "practice", "surgery", "business", "office", "agency", "gym", "barber", "chippy",
    "newsagent", "off-licence", "dealership", "clinic", "studio", "store", "nail bar",
    "launderette", "workshop", "yard", "stall", "car wash", "florist", "tattoo parlour",
    "tattoo parlor", "tattoo shop", "chemist", "butcher", "bookies", "hairdresser", "vet",
    "dentist", "optician", "place", "unit", "primary", "nursery", "school",
)  # fmt: skip
#: The street words that end a business's street (capitalised); one of them must stand in
#: a text before its businesses are looked for (the cheapest test first: a comment rarely
#: names a street).
_BUSINESS_STREETS: Final = (
    r"Street|St|Road|Rd|Lane|Avenue|Ave|Drive|Close|Way|Parade|Broadway|Row|Square|Walk|"
    r"Market|Precinct|Centre|Arcade|Estate"
)
_STREET: Final = re.compile(rf"(?:{_BUSINESS_STREETS})\b")
_BUSINESS: Final = re.compile(
    # news desk 30 (session 45): "It's Lee Parsons, works at the tyre place on Hall Street."
    r"\b(?:runs|owns|manages|with|has got|has|works at|works in|working at|works out of|runs out "
    r"of|working out of) (?:a|an|the|that|his|"
    r"her|their) (?:[\w'’-]+ ){0,2}"
    rf"(?:{'|'.join(map(re.escape, _BUSINESSES))})s? (?:on|in|off|at) (?:the )?"
    + NAME_WORDS
    + rf"(?:{_BUSINESS_STREETS})\b"
)
#: A person by their full name from a named street (news desk 31, session 45: "it's Tyrese
#: Grant from Wheeler St, ... Not hard to find him."; a review: "Name's Kyle Pearson,
#: Ashgrove Road, the one with the red door. You know what to do.").
_FROM_STREET: Final = re.compile(
    r"\b[A-Z][a-z'’-]+ [A-Z][a-z'’-]+(?: from|,) (?:the )?"
    + NAME_WORDS
    + r"(?:Street|St|Road|Rd|Lane|"
    r"Avenue|Ave|Drive|Close|Crescent|Way|Terrace|Gardens|Grove|Mews|Row|Walk|Square)\b"
)
_GAME: Final = re.compile(
    r"\b[Pp]lays? (?:golf|football|cricket|darts|pool|bowls|squash|tennis|snooker|five-a-side|"
    r"padel|rugby|badminton) (?:at|in|for) (?:the )?[A-Z][\w'’-]*"
)
#: The place's words said of the writer's own ("my mum runs a café on Mill Road", "we live
#: in the flats by the station"): no one else's whereabouts.
_OWN_BEFORE: Final = re.compile(r"\b(?:I|[Ww]e|[Mm]y \w+|[Oo]ur \w+)(?:['’]s)?\s*$")
#: One of these stands in every text :data:`_WHEREABOUTS` matches (it is case-sensitive).
_WHEREABOUTS_NEEDS: Final = (
    "work",
    "drink",
    "stay",
    "teach",
    "goes",
    "eats",
    "trains",
    "shops",
    "prays",
    "takes",
    "son",
    "daughter",
    "kid",
    "child",
    "boy",
    "girl",
)
#: Each place's pattern, the cheap test a text must pass for it to be tried (on the text,
#: its lower case, and whether a street word stands in it), and what the place is for the
#: reason (None: :func:`_place` reads it off the find).
_PLACES: Final[tuple[tuple[re.Pattern[str], Callable[[str, str, bool], bool], str | None], ...]] = (
    (_WHEREABOUTS, lambda text, _low, _street: any(w in text for w in _WHEREABOUTS_NEEDS), None),
    (_HOME, lambda _text, low, _street: "live" in low or " off " in low, "home"),
    (
        _BUSINESS,
        lambda _text, low, street: street and any(w in low for w in _BUSINESSES),
        "workplace",
    ),
    (_GAME, lambda _text, low, _street: "lays " in low, "where a person goes"),
    (_FROM_STREET, lambda _text, _low, street: street, "home"),
)
#: A call to act or an insinuation beside where a person is found.
_TARGET_CUE: Final = re.compile(
    r"\bjust say(?:ing|in['’]?)\b|\bpick-?up (?:is|time)\b|\benjoy your (?:shopping|day|drink|"
    r"pint|school run|commute|evening|weekend|shift)\b|\b(?:go|pop|head) (?:round |over |down |in |by )?"
    r"(?:and|to) (?:tell|see|visit|ask|show|find) (?:him|her|them)\b|\bin person\b|"
    # news desks 38 and 39 (session 46): "Maybe I'll pop in Saturday and we can discuss it
    # face to face", "Just so everyone knows how 'secure' it is.", "Someone should call round
    # and let him know how the village feels."
    r"\bface to face\b|\bjust so (?:every(?:one|body)|people|you all|y['’]all) knows?\b|"
    r"\b(?:call|calling|pop|popping|go|going|drop|dropping) (?:round|in|by|over) and (?:let|"
    r"letting|tell|telling) (?:him|her|them)(?: know)? how (?:the (?:village|town|street|"
    r"estate|locals)|people|we|everyone|everybody|locals|folk) (?:really )?feels?\b|"
    # not "everyone knows him" (a lad known to all: news desk 31's civil twin, session 45)
    r"\bevery(?:one|body) (?:know|knows|should know)\b(?! (?:him|her|them)\b)|"
    r"\b(?:he|she|they)['’]?d better\b|"
    r"\beasy target\b|\bpay (?:him|her|them) a visit\b|\blet['’]?s see what\b|" + HAVE_A_WORD + r"|"
    # news desks 32 and 33 (session 45): "works out of the unit on Mill Lane, white Transit. Go
    # and have a word.", "Let's see how he likes people on his doorstep."
    # news desk 36: "works at the Kwik Fit on Station Road. Go and say hello to him."
    r"\b(?:go|pop|head) (?:round |over |down )?(?:and |n )?say hello to (?:him|her|them)"
    r"(?=\s*(?:$|[.!;…]))|"
    r"\b(?:see how|how would|how['’]d|time) (?:he|she|they) (?:likes?|like|had|has|have|got) "
    r"(?:\w+ ){0,2}(?:people|it|us|visitors|a crowd|company) (?:on|at|outside) (?:his|her|their)"
    r" (?:doorstep|door|house|home|front door)\b|"
    # news desk 34 (session 45): "Might drop round and 'congratulate' her."; "Parents might
    # want to know what she's teaching their kids."
    r"\b(?:drop|pop|go|head|swing) (?:round|over|by) (?:and|to) ['‘\"“]?(?:congratulate|welcome|"
    r"thank|greet|visit|see|tell)['’\"”]? (?:him|her|them)\b|"
    r"\b(?:might|may|would|will) want to know what (?:he|she|they)(?:['’]s| is|['’]re| are)"
    r" (?:teaching|doing|saying|writing|posting|telling)\b|"
    # a review (session 45): "Name's Kyle Pearson, Ashgrove Road, ... You know what to do."
    r"\byou (?:all |lot )?know what (?:to do|needs doing|has to be done)(?=\s*(?:$|[.!;…]))|"
    r"\b(?:not|isn['’]t|won['’]t be|wouldn['’]t be|shouldn['’]t be) (?:too |very |that )?(?:hard|"
    r"difficult) to (?:find|track down) (?:him|her|them)(?=\s*(?:$|[.!?;…]))|"
    r"\bif you know what i mean\b|\bwould be a shame\b|"
    # news desks 26 and 27 (session 44): "Someone should have a word.", "in case anyone
    # wants a word", "Might be worth popping in and letting him know what people think of
    # his daughter", "Someone should go round and ask her why ..." (above); not "someone
    # should have a word with the council about the bins" (the sentence goes on); news desk
    # 88: "Maybe someone should go have a chat." (no "and": an officer's pub given out)
    r"\b(?:some(?:one|body)|any(?:one|body)|one of you|some of you|you lot|the lads|parents|"
    r"the parents|people)"
    r" (?:should|ought to|needs? to|could|might want to)(?: (?:go|pop|head)(?: round| over| down)?"
    r"(?: and)?)? (?:have|has) a (?:quiet |little |proper |friendly )?(?:word|chat)"
    r"(?: with (?:him|her|them))?(?=\s*(?:$|[.!?;…]))|"
    r"\b(?:in case|if) (?:any(?:one|body)|some(?:one|body)|you) (?:wants?|fancies|fancy)"
    r" (?:a (?:quiet |little |proper )?(?:word|chat)(?: with (?:him|her|them))?(?=\s*(?:$|[.!?;…]))|"
    r"(?:to )?(?:tell|telling|let|letting) (?:him|her|them) (?:know )?what)|"
    r"\b(?:pop|popping|nip|nipping|drop|dropping|call|calling|go|going|head|heading)"
    r" (?:in|round|by|over|down)(?: there)? and (?:let|letting|tell|telling) (?:him|her|them)"
    r"(?: know)? what (?:people|we|you|everyone|everybody|the town|locals|folk|readers|we all)"
    r" (?:really )?think|"
    r"\b(?:some(?:one|body)|people) (?:should|ought to|needs? to) (?:go|pop|head)"
    r" (?:round|over)(?: there)?(?=\s*(?:$|[.!?;…]))|"
    # a fourth tryout: "works at Infosys Pune Hinjewadi Phase 2 ... Give him a call boys": a
    # call to others that ends its sentence (not "give her a call if you need a prescription")
    r"\bgive (?:him|her|them) a (?:call|ring|bell|visit|buzz)(?: (?:boys|lads|guys|people|everyone|"
    r"folks|all|then|lol))?(?=\s*(?:$|[.!?;…]))|"
    # a third tryout: "maybe parents there should know what he writes" (not "people should
    # know the conditions there", "people should know what she does for those kids"); "she'll
    # find out what real Aussies think" (not "she'll find out on Monday")
    r"\bshould (?:all )?(?:know|hear|be told|find out|see) (?:(?:what|the (?:rubbish|lies|filth|"
    r"garbage|stuff)) (?:he|she|they|her husband|his wife|their (?:dad|mum|mom|father|mother)) "
    r"(?:writes|wrote|says|said|posts|posted|publishes|published|tweets|tweeted|thinks|believes|"
    r"supports)\b|who (?:he|she|they|her husband|his wife) (?:really )?(?:is|are)\b|what kind of "
    r"(?:man|woman|person|people) (?:he|she|they) (?:is|are)\b)(?=\s*(?:$|[.!?;…]))|"
    # a review (session 35): "he'll find out what real luxury is", "they'll find out the hard
    # way when Ofsted visits", "everyone should hear what she said at the conference, it was
    # inspiring": what people think of a person, or a warning that ends its sentence
    r"\b(?:he|she|they)(?:['’]ll| will| is going to| are going to|['’]s going to|['’]re going to)"
    r" (?:soon )?find out (?:what (?:real|proper|true|decent|ordinary|normal|local) [\w'’-]+"
    r"(?: [\w'’-]+)? (?:think|thinks|do|does|are like|say|feel)\b|what (?:the locals|we|we all|"
    r"people round here|real people) (?:think|do|are like|say|feel)\b|(?:the hard way|what "
    r"happens|who (?:we|i) (?:are|am))(?=\s*(?:$|[.!?;…])))",
    re.IGNORECASE,
)

#: "Everyone knows" asked back where a comment opens (a news desk, session 43: "Everyone
#: knows it? The dad has been working in Lincolnshire for ten years." was held as a
#: workplace given away) is no cue, unless the comment names its target with contempt or
#: calls for something (:data:`_MENACE`; a review: "Everyone knows then? That nonce works at
#: the Co-op on Mill Lane", "Everyone knows it? He teaches at Oakwood High. Let the parents
#: decide what to do with him."); asked at the end it still counts.
_ECHO: Final = re.compile(
    r"^\s*(?:so\s+|really\s*,?\s*)?every(?:one|body) (?:know|knows|should know)"
    r"(?: (?:it|that|this|so|then))?\s*\?",
    re.IGNORECASE,
)
_MENACE: Final = re.compile(
    r"\b(?:nonce|paedo|pedo|grass|snitch|traitor|scum|what to do with|now (?:they|you(?: all)?|"
    r"everyone) (?:do|know)|tell your mates|make (?:him|her|them) feel|near the (?:kids|school|"
    r"park))",
    re.IGNORECASE,
)


#: A recommendation: the place is named so that people go there as customers ("Dave works
#: out of the unit on Mill Lane, does great MOTs. Go and have a word, tell him I sent you.").
RECOMMENDED: Final = re.compile(
    r"\b(?:recommend\w*|lovely (?:work|job|staff|service|people|bloke|lady|woman|man|fella)|"
    r"brilliant (?:work|job|service|mechanic|hairdresser|baker|builder|plumber|staff)|"
    r"does (?:great|brilliant|lovely|a great|a brilliant|good) \w+|reasonable prices?|"
    r"top (?:bloke|lass|service)|tell (?:him|her|them) i sent you|mention my name|"
    r"best \w+ in (?:town|the area)|highly rated|five stars?|5 stars?|great prices?|"
    r"fair prices?|sorted (?:me|my|us|our) \w+)\b",
    re.IGNORECASE,
)


def cue(text: str) -> bool:
    """Whether a call to act or an insinuation stands in ``text`` (an opening "everyone
    knows?" asked back left out, see :data:`_ECHO`; none in a recommendation,
    :data:`RECOMMENDED`)."""
    if RECOMMENDED.search(text) is not None:
        return False
    echo = _ECHO.match(text)
    if echo is not None and _MENACE.search(text) is None:
        text = text[echo.end() :]
    return _TARGET_CUE.search(text) is not None or _FIND_CUE.search(text) is not None


#: Where a person goes, said to be known, as a menace (a sixth news-desk tryout published
#: "That ref should be found after the match and taught a lesson. Know where she parks
#: too."): where he, she, they or you park, drink, train, walk the dog, take the bus or work,
#: the sentence ending there (or with "too", "every morning", "on a Friday"). Not a question
#: ("Does anyone know where she parks?"), not negated or asked for ("I don't know where",
#: "let me know where", "I'd like to know where"), nor a sentence that goes on to say why
#: ("I know where she parks because we share a drive", "..., next to me at work"). Desk 69
#: (session 50): "I know where the Filipino ones park." (a group's members, "the ... ones",
#: by a capitalised name; not "he knows where the good ones work": a code review's).
_KNOWN_HAUNT: Final = re.compile(
    r"(?=[kf])(?<!n't )(?<!n’t )(?<!not )(?<!never )(?<!nobody )(?<!no one )(?<!no-one )(?<!me )"
    r"(?<!to )(?<!if you )(?<!do you )(?<!did you )(?<!anyone )(?<!anybody )(?<!who )(?<!if )\b(?:know|knows|found out) (?:exactly )?"
    r"where (?:he|she|they|you|(?:his|her|their) (?:wife|husband|kids|son|daughter|mum|dad|"
    r"family)|the (?:ref|referee|umpire|linesman|manager|judge|reporter|councillor|teacher|lad|"
    r"girl|woman|bloke)|(?:the|those|these) (?-i:[A-Z])[\w'’-]+ ones) (?:parks?|drinks?|trains?|walks? (?:the|his|her|their|your) dogs?|"
    r"takes? (?:the|his|her|their|your) (?:bus|train|tram|kids|dog)|gets? the (?:bus|train|tram)|"
    r"catch(?:es)? the (?:bus|train|tram)|jogs?|runs?|goes running|works? out|works?|shops?|"
    r"does (?:his|her|their) shopping|drops? (?:the|his|her|their|your) kids off|picks? up "
    r"(?:the|his|her|their|your) kids)(?: (?:his|her|their|your) (?:car|van|motor|bike))?"
    r"(?: (?:too|as well|also|btw|by the way|mate|love|pal|sweetheart|darling|lol|every \w+|"
    r"on (?:a )?\w+(?:day|night)s?|at night|after (?:the )?(?:match|game|work|school|training)))*"
    r"(?=\s*(?:$|[.!;…]))",
    re.IGNORECASE,
)

#: A school, college or university by its name ("Eastfield College", "Burnt Mill Academy",
#: "University of Leeds"), case-sensitive.
_COLLEGE: Final = re.compile(
    r"\b" + NAME_WORDS + r"(?:College|Academy|School|University|Uni|Sixth Form|Polytechnic|"
    r"Institute)\b|\bUniversity of [A-Z][\w'’-]*"
)
#: A call to find a person there, ending its sentence (two news-desk tryouts published "The
#: lad who complained is Ryan Cole, doing Level 2 Brickwork at Eastfield College. Anyone can
#: find him there Tuesdays and Thursdays. Go and have a word." and "She goes to Northmoor
#: College, the sports science course, anyone can find him."): "anyone can find him (there,
#: on Tuesdays, after 3)", "you know where to find her", "go and have a word with him". Not
#: "anyone can find him at the open day" or "..., he runs the chess club" (the sentence goes
#: on), nor a bare "go and have a word" (with a college's tutors, as often).
_FIND_CUE: Final = re.compile(
    r"(?=[aeyg])(?<!n't )(?<!n’t )(?<!not )\b(?:(?:any(?:one|body)|every(?:one|body)|you|you all|"
    r"you lot|y['’]all) (?:can|could|will)(?: easily)? find (?:him|her|them)|(?:you|we|you all|"
    r"you lot|every(?:one|body)|all of you) (?:all )?knows? where to find (?:him|her|them)|(?P<word>go "
    r"(?:and |to |n )?have a (?:quiet |little |proper )?(?:word|chat) with (?:him|her)))"
    r"(?: (?:there|easily|then|now|on|at|after|around|before|by|most|every|any|and|or|"
    r"weekdays?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|mornings?|afternoons?|evenings?|"
    r"nights?|lunch(?:time)?|\d{1,2}(?:[:.]\d{2})?(?:am|pm)?|o['’]clock|day|days|week|lol|mate|"
    r"lads|boys|the gates|the entrance|the bus stop))*(?=\s*(?:$|[.!;…]))",
    re.IGNORECASE,
)
#: A college's service to the public, near the place: "anyone can find her there" is its
#: drop-in, not a person's whereabouts.
_COLLEGE_SERVICE: Final = re.compile(
    r"\b(?:open (?:day|evening|morning)s?|drop-ins?|office hours|enquiries|admissions|advice|"
    r"tours?|careers|sessions?|clinics?|help ?desk|reception)\b",
    re.IGNORECASE,
)
#: Its staff: "go and have a word with him" beside them is a parent's advice ("Your boy's
#: headteacher at Kingsway School is great. Go and have a word with him.").
_COLLEGE_STAFF: Final = re.compile(
    r"\b(?:head ?teachers?|head of year|teachers?|tutors?|lecturers?|principal|senco|"
    r"form tutor|coach|dean|professor)\b",
    re.IGNORECASE,
)
#: How far from the college its cue may stand, and how many colleges are read.
_FIND_NEAR: Final = 200
_TRIES: Final = 50


def _place(found: str) -> str:
    """What a :data:`_WHEREABOUTS` find names, for the moderator: a workplace, a child's
    school, or the place a person goes (the other places say what they are: :data:`_PLACES`)."""
    word = found.split(" ", 1)[0].lower()
    if word.startswith(("work", "teach")):
        return "workplace"
    if word.startswith(("drink", "stay")) or word in ("which", "what", "the"):
        return "where a person goes"
    return "a child's school"


def match_whereabouts(text: str) -> tuple[int, int, str] | None:
    """The first place a person is found at in ``text`` (its offsets and what it is, for
    the reason: "workplace", "a child's school", "where a person goes"), where a cue to go
    there stands too; else None."""
    # the place first: its words are rarer than the cue's, and the pattern is case-sensitive
    lowered = text.lower()
    street = _STREET.search(text) is not None
    for pattern, may_hold, what in _PLACES:
        if not may_hold(text, lowered, street):
            continue
        for where in islice(pattern.finditer(text), _TRIES):
            if _OWN_BEFORE.search(text[max(0, where.start() - 30) : where.start()]):
                continue
            if cue(text):
                return where.start(), where.end(), what or _place(where.group())
            break
    if "find" in text.lower() or "word with" in text.lower() or "chat with" in text.lower():
        for college in islice(_COLLEGE.finditer(text), _TRIES):
            near = text[max(0, college.start() - _FIND_NEAR) : college.end() + _FIND_NEAR]
            call = _FIND_CUE.search(near)
            if call is None or _COLLEGE_SERVICE.search(near):
                continue
            if call.group("word") is None or not _COLLEGE_STAFF.search(near):
                return college.start(), college.end(), "school or college"
    if "where" in text or "Where" in text:
        known = _KNOWN_HAUNT.search(text)
        if known is not None:
            return known.start(), known.end(), "where a person goes"
    return None
