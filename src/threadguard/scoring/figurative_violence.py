"""Violent words used figuratively: "kill the clock", "McConnell will kill this bill",
"break a leg", "my boss is gonna kill me", "we'll murder them at home".

Sport, politics, business and kitchens speak in killing: a team "murders" its rivals, a
senator "kills" a bill, a cook "kills the heat". The models learnt those verbs from
threats, so with deep@20 a blind set of such comments (session 21) was held at toxicity
0.5-0.9 and threat up to 0.8: "kill the clock!!" (threat 0.72), "break a leg to the whole
cast tonight!!" (0.74), "kill the heat before you add the butter" (0.73).

So a comment is read again without the violent word (or the idiom) where:

- its object is a thing, not a person ("kill the bill", "murdered the song", "destroyed
  the opposition's defence"): :data:`THINGS`;
- it is one of a few idioms that harm no one (:data:`IDIOMS`: "break a leg", "my boss will
  kill me", "I could murder a curry", "shooting ourselves in the foot", "she killed it on
  stage"; not a bare "kill it" or "kill me", which are also said of animals and in fear);
- its object is a team, "them" or "us", or it is "dead and buried", and the comment speaks
  of a match, an election or a debate (:data:`CONTEST`), and addresses no one (outside a
  contest "just dead and buried already" is a wish of death).

``threat``, ``toxicity`` and ``severe_toxicity`` keep the lower of the two readings; insults,
identity attacks and the rest are read as written. A comment with a weapon, a place where
someone could be met, or a word that insists it is meant ("for real", "not banter",
"literally") is not read again: a real threat set in a sport thread ("if I see that ref
outside the ground he's getting stabbed") is read as written, and the threat list
(:mod:`threadguard.moderation.threats`) still holds what it names.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.scoring.rereading import ADDRESSED, cut_out

#: The attributes the reading without the figurative words may lower.
FIGURATIVE_ATTRIBUTES: Final = frozenset({"threat", "toxicity", "severe_toxicity"})

#: A cheap test before any pattern: one of these must stand in the lower-cased text.
_NEEDED: Final = (
    "kill",
    "murder",
    "destroy",
    "slaughter",
    "massacre",
    "crucif",
    "bury",
    "buried",
    "annihilat",
    "demolish",
    "batter",
    "hammer",
    "thrash",
    "crush",
    "break a leg",
    "shoot",
)

#: Verbs of violence that sport, politics and business use of things and teams.
_VERB: Final = (
    r"(?:kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|destroy(?:s|ed|ing)?|slaughter(?:s|ed|ing)?|"
    r"massacre(?:s|d)?|massacring|crucif(?:y|ies|ied|ying)|bur(?:y|ies|ied|ying)|"
    r"annihilat(?:e|es|ed|ing)|demolish(?:es|ed|ing)?|batter(?:s|ed|ing)?|"
    r"hammer(?:s|ed|ing)?|thrash(?:es|ed|ing)?|crush(?:es|ed|ing)?)"
)

#: Things a violent verb is used of: a match and its clock, a bill and a vote, a song, a
#: market, a cooker, food and drink, a mood.
THINGS: Final = (
    "clock|game|games|match|tie|contest|rally|momentum|chances|hopes|dream|dreams|season|"
    "title race|league|cup run|defence|defense|back line|backline|midfield|opposition|"
    "bill|bills|motion|amendment|proposal|plan|plans|deal|deals|idea|scheme|policy|vote|"
    "debate|argument|interview|campaign|budget|reform|reforms|"
    "song|songs|track|tune|gig|show|audition|performance|role|solo|speech|"
    "exam|exams|test|tests|essay|presentation|pitch|"
    "market|markets|stock|stocks|shares|price|prices|sales|profits|margins|competition|"
    "industry|sector|high street|cable|newspapers|business|startup|jobs|economy|"
    "heat|flame|flames|stove|hob|engine|motor|lights|music|volume|noise|"
    "tv|radio|power|battery|app|thread|mood|vibe|buzz|joke|conversation|"
    "pint|pints|curry|burger|pizza|beer|kebab|sandwich|coffee|steak|chips|fry-up|fry up|"
    "weeds|grass|bacteria|germs|pain|hangover|diet|habit"
)
#: Words that cannot stand between the verb and the thing: people, and the small words that
#: start another clause ("an innocent man is murdered if the show was realistic").
_NOT_FILLER: Final = (
    r"(?:them|us|him|her|you|all|every|those|these|if|and|but|or|when|while|because|so|as|in|"
    r"on|at|by|for|to|is|was|are|were|be|been|the|a|an|of|with|just|than|then|who|which|that)"
)
_THING_OBJECT: Final = re.compile(
    rf"\b(?!kill\s+bill\b){_VERB}\s+(?:(?:off|off the)\s+)?(?:(?:the|this|that|these|those|a|an|his|"
    rf"her|their|our|my|its|every|any|another|each)\s+)?(?:(?!{_NOT_FILLER}\b)[\w'’-]+\s+){{0,2}}?"
    rf"(?:{THINGS})"
    r"(?![\w'’-])(?!\s+(?:of|off)\s+(?:him|her|them|you)\b)",
    re.IGNORECASE,
)

#: Idioms that harm no one: a wish of luck, an angry boss, a craving, a self-inflicted
#: wound, a knack, a debate's winner.
IDIOMS: Final = re.compile(
    r"\bbreak a leg\b"
    r"|\b(?:boss|mum|mom|mam|wife|husband|dad|missus|misses|teacher|coach|gaffer|manager|"
    r"partner|girlfriend|boyfriend|accountant|dentist|doctor)\s+(?:is|'s|will|'ll|would|'d|"
    r"is gonna|is going to|gonna)\s+(?:absolutely\s+|actually\s+|literally\s+)?"
    r"(?:kill|murder)\s+(?:me|us)\b"
    r"|\b(?:could|would|'d|can)\s+(?:murder|kill(?: for)?)\s+(?:a|an|some)\s+(?:(?:cold|nice|good|"
    r"hot|proper|decent|big|quick|long)\s+)?(?:pint|beer|curry|drink|coffee|cuppa|tea|burger|pizza|"
    r"kebab|sandwich|holiday|break|nap|lie-in|cigarette|fag|takeaway|chippy|bacon roll|steak|roast|"
    r"fry-up|ice cream|chocolate|sleep|weekend|day off)s?\b"
    r"|\b(?:just\s+)?kill me now\b"
    r"|\b(?:is|are|'s|'re)\s+killing me\b"
    r"|\bshoot(?:s|ing)?\s+(?:ourselves|myself|themselves|himself|herself|itself)\s+in\s+the\s+foot\b"
    r"|\bshot\s+(?:ourselves|myself|themselves|himself|herself|itself)\s+in\s+the\s+foot\b"
    r"|\bkiller\s+(?:instinct|app|feature|line|goal|ball|pass|cross|punch|blow|finish|"
    r"finisher|serve|smile|riff|hook|heels|deal|price)\b"
    r"|\b(?:killed|killing|smashed|smashing|nailed|nailing)\s+it\b"
    r"(?!\s+(?:with|off|dead|before|first)\b)"
    r"|\bif looks could kill\b",
    re.IGNORECASE,
)

#: Words of a contest: a match, a table, an election, a debate.
CONTEST: Final = re.compile(
    r"\b(?:half[- ]?time|(?:first|second) half|full[- ]?time|match|game|derby|the final|"
    r"season|league|points|goals|scored|fixture|kick[- ]?off|penalt(?:y|ies)|"
    r"keeper|striker|midfield|at home|away (?:day|game|leg)|the table|"
    r"playoffs?|innings|wicket|tie[- ]?break|by-?elections?|elections?|polls|"
    r"debate|ballot|\d+\s*[-–]\s*\d+)\b",
    re.IGNORECASE,
)
_BURIED: Final = re.compile(r"\bdead and buried\b", re.IGNORECASE)
_TEAM_OBJECT: Final = re.compile(
    rf"\b{_VERB}\s+(?:them|us|em|'em|the (?:opposition|visitors|hosts|champions|champs|"
    r"favourites|favorites|tories|liberals|democrats|republicans|conservatives|government))\b",
    re.IGNORECASE,
)
#: A comment that names a weapon, a place to meet someone, or insists it is meant: not
#: read again, whatever its verbs.
MEANT: Final = re.compile(
    r"\b(?:for real|literally|irl|in real life|not (?:banter|joking|kidding)|no joke|"
    r"genuinely|seriously|knife|knives|blades?|bats?|guns?|shotguns?|bullets?|acid|petrol|"
    r"machetes?|crowbars?|bricks?|stab\w*|shoot (?:him|her|them)|outside the ground|"
    r"car park|after the (?:match|game)|their fans|the fans|supporters|where (?:he|she|they) "
    r"lives?|address|his house|her house|their house|family|kids|children)\b",
    re.IGNORECASE,
)
_ADDRESSED: Final = re.compile(rf"\b(?:{ADDRESSED})\b", re.IGNORECASE)


def without_figurative_violence(text: str) -> str | None:
    """``text`` without its violent words used figuratively (see the module docs); None
    where it has none, or where it names a weapon or insists it is meant."""
    lowered = text.lower()
    if not any(map(lowered.__contains__, _NEEDED)) or MEANT.search(text):
        return None
    spans = [m.span() for m in IDIOMS.finditer(text)]
    spans += [_verb(m) for m in _THING_OBJECT.finditer(text)]
    if CONTEST.search(text) and not _ADDRESSED.search(text):
        spans += [m.span() for m in _BURIED.finditer(text)]
        spans += [_verb(m) for m in _TEAM_OBJECT.finditer(text)]
    return _cut(text, spans)


def _verb(found: re.Match[str]) -> tuple[int, int]:
    """Where the verb at the start of a find stands (its first word)."""
    return found.start(), found.start() + len(found.group().split(maxsplit=1)[0])


def _cut(text: str, spans: list[tuple[int, int]]) -> str | None:
    """``text`` without the spans; where they overlap, the first wins (an idiom may hold
    a verb found again). None where there are none. The words are cut, not replaced: with
    deep@20, "we'll beat them at home, mark my words" reads as more of a threat (0.86) than
    the sentence with "murder" (0.73), and "stop the clock!!" scores as "kill the clock!!"."""
    kept: list[tuple[int, int]] = []
    for begin, end in sorted(spans):
        if not kept or begin >= kept[-1][1]:
            kept.append((begin, end))
    return cut_out(text, kept)
