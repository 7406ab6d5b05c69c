"""Idioms of violence that harm no one: "kill the clock", "break a leg", "my boss is gonna
kill me", "I could murder a curry", "we keep shooting ourselves in the foot".

The models learnt verbs of violence from threats, so with deep@20 a blind set of figurative
comments (session 21) was held at toxicity 0.5-0.9 and threat up to 0.8: "kill the clock!!"
(threat 0.72), "break a leg to the whole cast tonight!!" (0.74).

So a comment holding one of :data:`IDIOMS` is read again without it, and ``threat``,
``toxicity`` and ``severe_toxicity`` keep the lower of the two readings; insults, identity
attacks and the rest are read as written. Each idiom is a whole phrase whose object is
named in it (a clock, the lights, a pint, the writer themself), never an open slot a person
could fill: a first version that cut any violent verb before a thing's name ("kill the
bill"), or before "them" in a comment about a match, lowered the threat of 142 of 277 real
threats an adversarial review wrote until they were published ("Kill the match officials",
"Someone should murder Bill Gates", "The witnesses are at home tonight, go and kill them").
A comment with a weapon, a place where someone could be met, or a word that insists it is
meant ("for real", "not banter", "literally") is not read again, and the threat list
(:mod:`threadguard.moderation.threats`) still holds what it names.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.scoring.rereading import cut_out, merged

#: The attributes the reading without the figurative words may lower.
FIGURATIVE_ATTRIBUTES: Final = frozenset({"threat", "toxicity", "severe_toxicity"})

#: A cheap test before any pattern: one of these must stand in the lower-cased text.
_NEEDED: Final = (
    "kill",
    "murder",
    "break a leg",
    "shoot",
    "nailed it",
    "smashed it",
    "smash it",
    "nail it",
    "ace it",
    "boss it",
    "bury",
    "buried",
    "burying",
)

#: Idioms that harm no one: machines and moods switched off, a wish of luck, an angry boss,
#: a craving, a self-inflicted wound, a knack, a performance. Each is a whole phrase: the
#: verb's object is named in it, so no person can be.
IDIOMS: Final = re.compile(
    r"\bkill(?:s|ed|ing)?\s+(?:the|that|this)\s+(?:clock|lights|engine|mic|oven|burner|hob|"
    r"music|volume|tv|radio|vibe|mood|buzz|fire|gas|power|process|server|tab|app|program)"
    r"(?=\s*(?:$|[.!?,;:)]|(?:before|when|then|now|please|off|at|so|lol|under|and restart)\b))|"
    r"\bkill(?:s|ed|ing)?\s+(?:some\s+|a\s+(?:bit|little|few\s+(?:hours|minutes))\s+of\s+)?time\b"
    r"(?=\s*(?:$|[.!?,;:]|(?:before|until|till|while|at|in|on|waiting|between)\b))|"
    r"\bbur(?:y|ied|ying)\s+the\s+(?:hatchet|lede|lead)(?=\s*(?:$|[.!?,;:]|(?:now|already|"
    r"again|here|there|lol)\b))|"
    r"\b(?:is|are|'s|'re)\s+(?:killing|murdering)\s+my\s+(?:feet|back|knees|head|ears|legs|"
    r"eyes|neck)\b|"
    r"(?:^|(?<=[.!?,;:]\s)|(?<=\band\s)|(?<=\bso\s))break a leg"
    r"(?=\s*(?:$|[.!,]|tonight|everyone|all|guys|folks|lads|to\s+(?:the|you|all|everyone)\b))|"
    r"\b(?:my|our|the|his|her|your)\s+(?:boss|mum|mom|mam|wife|husband|dad|missus|teacher|coach|"
    r"gaffer|partner|girlfriend|boyfriend|accountant)\s+(?:is|'s|will|'ll|would|'d|is gonna|"
    r"is going to|gonna)\s+(?:absolutely\s+|actually\s+|literally\s+)?(?:kill|murder)\s+me\b|"
    r"\b(?:i|we)\s*(?:could|would|'d)\s+(?:murder|kill(?: for)?)\s+(?:a|an|some)\s+(?:(?:cold|nice|"
    r"good|hot|proper|decent|big)\s+)?(?:pint|beer|curry|coffee|cuppa|burger|pizza|kebab|"
    r"sandwich|steak|roast|fry-up|ice cream|nap|lie-in)s?(?=\s*(?:$|[.!?,;]|right now|now|"
    r"after|tonight|later|lol|haha))|"
    r"\b(?:just\s+)?kill me now\b|"
    r"\b(?:is|are|'s|'re)\s+killing me\b|"
    r"\bshoot(?:s|ing)?\s+(?:ourselves|myself|themselves|himself|herself|itself)\s+in\s+the\s+"
    r"foot\b|\bshot\s+(?:ourselves|myself|themselves|himself|herself|itself)\s+in\s+the\s+foot\b|"
    r"\bkiller\s+(?:instinct|app|feature|riff|hook|heels)\b|"
    r"\b(?:killed|killing|smashed|smashing|nailed|nailing)\s+it\b"
    r"(?=\s*(?:on stage|on the|at the|in the|tonight|today|again|lol|haha|mate|lads|guys))|"
    r"(?<!\bi'm )(?<!\bim )(?<!\bi am )(?<!\bwill )(?<!'ll )(?<!gonna )(?<!going to )"
    r"\b(?:killed|killing|smashed|smashing|nailed|nailing)\s+it\b(?=\s*(?:$|[.!,;]))|"
    r"\bif looks could kill\b",
    re.IGNORECASE,
)
#: A comment that names a weapon or a place where someone could be met, or insists it is
#: meant: not read again, whatever its idioms.
MEANT: Final = re.compile(
    r"\b(?:for real|literally|irl|in real life|not (?:banter|joking|kidding)|no joke|"
    r"genuinely|seriously|knife|knives|blades?|bats?|guns?|shotguns?|bullets?|acid|petrol|"
    r"machetes?|crowbars?|bricks?|stab\w*|outside the ground|car park|after the (?:match|game)|"
    r"where (?:he|she|they) lives?|address|his house|her house|their house|family|kids|"
    r"children)\b",
    re.IGNORECASE,
)


#: A wish of success, the object "it" (an exam, a match) ending the phrase, never a person:
#: a news desk (session 43) had "Best of luck in the summer, lad. Hope you smash it." held at
#: threat 0.57. Read only beside words of a contest or of luck (:data:`SUCCESS`) and none
#: of :data:`WISH_MEANT`: a review found threats dressed as wishes ("Hope you kill it today,
#: and the referee on the way home", "Sure you'll nail it, that grass won't be talking to
#: the police again", "Saw that creature at the protest again. Hope they kill it.").
WISHES: Final = re.compile(
    r"(?:\b(?:hope|hoping|sure|know|bet|reckon|think)\s+(?:you|u|ya|he|she|they|the lads?|the girls?)"
    r"(?:['’]ll|\s+will|\s+can|\s+are\s+going\s+to|['’]re\s+going\s+to|\s+gonna)?|"
    r"\b(?:you|u|ya)(?:['’]ll|\s+will|\s+are\s+going\s+to|['’]re\s+going\s+to|\s+gonna))\s+"
    r"(?:absolutely\s+|totally\s+|just\s+)?(?:smash|nail|ace|kill|boss)\s+it\b"
    r"(?=\s*(?:$|[.!,;]|(?:today|tomorrow|tonight|on\s+stage|out\s+there|this\s+\w+|next\s+\w+|in\s+the\s+\w+|on\s+the\s+"
    r"day|mate|lad|love|pal|guys|x+)\b))|"
    r"(?:^|(?<=[.!?]\s))(?:go\s+(?:and\s+|on\s+)?)(?:smash|nail|ace|boss)\s+it\b(?=\s*(?:$|[.!,;]))",
    re.IGNORECASE,
)
SUCCESS: Final = re.compile(
    r"\b(?:good luck|best of luck|all the best|congrat\w*|proud|exams?|tests?|papers?|"
    r"interviews?|auditions?|gigs?|matche?s?|finals?|races?|marathons?|debut|stage|"
    r"performances?|revision|practi[sc]\w*|season|a-levels?|gcses?|driving|trials?|"
    r"you['’]ve got this|go get (?:it|them|em)|break a leg)\b",
    re.IGNORECASE,
)
WISH_MEANT: Final = re.compile(
    r"\b(?:him|his|her face|their faces?|skulls?|teeth|grass|nonce|traitors?|snitch|police|"
    r"referee|ref|on the way home|way home|creature|protest)\b",
    re.IGNORECASE,
)


def without_figurative_violence(text: str) -> str | None:
    """``text`` without its idioms of violence that harm no one (see the module docs); None
    where it has none, or where it names a weapon or insists it is meant."""
    lowered = text.lower()
    if not any(map(lowered.__contains__, _NEEDED)) or MEANT.search(text):
        return None
    spans = [m.span() for m in IDIOMS.finditer(text)]
    if SUCCESS.search(text) and not WISH_MEANT.search(text):
        spans = merged(spans + [m.span() for m in WISHES.finditer(text)])
    return cut_out(text, spans)
