"""Swearing as an exclamation: "Holy shit, the lighting plan finally includes our street.",
"What a damn mess.", "About damn time.", "That concert was fucking amazing."

The models score the swear word, not its aim: a fifteenth news desk's civil comments that
swore at no one were held 6 of 10 times at toxicity 0.44 to 0.75 ("What a damn mess.
Nobody comes out of this well." 0.68, "Holy shit, ... About damn time." 0.49, "Damn right
it should be extended." 0.65), and the functional suite publishes its swearing-at-no-one cases less often
than any other civil kind. So where a swear word stands as an exclamation -- at a
sentence's start ("Holy shit,", "Damn right", "What the actual hell"), in a sentence that
only exclaims at a situation ("What a shitshow from start to finish.", "What a bloody
mess."), or as an intensifier before a word of praise, size or time ("fucking amazing",
"bloody brilliant", "about damn time") -- the comment is read again without it, and insult
and toxicity keep the lower reading. Profanity keeps the comment's own score: the swearing
is still there, and a site that holds swearing still holds it.

Read as written: a comment that speaks to someone ("What the hell is wrong with you?",
"Holy shit, you're thick": :data:`~.rereading.ADDRESSED`) or names a group of people
(:func:`~.group_words.names_group`: "Holy shit, these migrants are animals.", "It's bloody
obvious the Jews run the council."), a situation's exclamation that goes on to someone
("What a bloody joke of a human being", "What a damn disaster that new headteacher is":
it must end its sentence), swearing aimed at someone ("f***
the people sending death threats", "fuck the lot of them": no pattern here takes a word
after the swear word but those listed), an intensifier before a word of contempt ("fucking
useless", "bloody disgusting", nor words that insult or menace when said of a person:
"fucking insane", "a bloody good kicking": not in :data:`PRAISE_OR_SIZE`), any comment with no swear
word at all, and one with a character the models never see (:data:`~.rereading.INVISIBLE`).
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.normalize import normalize_text
from threadguard.scoring.group_words import names_group
from threadguard.scoring.rereading import ADDRESSED, INVISIBLE, cut_out, merged

#: The attributes the reading without the exclamation may lower.
EXCLAMATION_ATTRIBUTES: Final = frozenset({"insult", "toxicity"})

#: A swear word as exclamations and intensifiers use it (masked forms too: "f***ing").
SWEAR: Final = (
    r"(?:fuck(?:ing|in['’]?)?|f\*+(?:ing|k|ck|in)?|effing|frigging|freaking|shit|sh\*+t|s\*+t|"
    r"damn(?:ed)?|goddamn(?:ed)?|bloody|hell|crap)"
)
#: An exclamation at a sentence's start, followed by a comma, a stop or the sentence's
#: next words: "Holy shit,", "What the actual hell.", "Damn right it should be extended".
OPENING: Final = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?P<words>(?:oh\s+|and\s+)?(?:holy\s+(?:fucking\s+)?(?:shit|crap|fuck|"
    r"hell|cow|moly)|(?:bloody|fucking)\s+hell|for\s+(?:fuck|f\*+)['’]?s\s+sake|ffs|wtf|omfg|"
    r"what\s+the\s+(?:actual\s+|bloody\s+|fucking\s+|f\*+ing\s+|absolute\s+)?(?:hell|fuck|f\*+|"
    r"heck|shit)|jesus(?:\s+(?:christ|wept))?|christ(?:\s+almighty)?|good\s+god|"
    r"oh\s+my\s+(?:fucking\s+)?god|damn\s+(?:right|straight)|god\s*damn(?:\s+it)?|"
    r"damn(?:\s+it)?|dammit|shit|fuck\s+me|hell\s+(?:yes|yeah|no)|fuck\s+(?:yes|yeah|no)|"
    r"(?:(?:honestly|seriously|frankly),?\s+)?who\s+(?:gives|cares)\s+an?\s+(?:shit|fuck|f\*+|"
    r"damn|toss|flying\s+fuck)|"
    # a news desk (session 43): "Honestly I couldn't give a damn who chairs the WI as long as
    # the Christmas fair keeps happening." (toxicity 0.58)
    r"(?:(?:honestly|seriously|frankly),?\s+)?(?:i|we)\s+(?:really\s+)?(?:couldn['’]?t|could\s+not|"
    r"don['’]?t|do\s+not)\s+(?:really\s+)?give\s+an?\s+(?:shit|fuck|f\*+|damn|toss|flying\s+fuck)"
    r"(?!\s*,?\s*(?:about|for|if|whether|when|what\s+happens\s+to|what\s+becomes\s+of)\s+(?:them|they|him|he|she|"
    r"her(?=\s*[,.;!?]|\s+(?:if|when|gets?|getting|dies?|lives?)\b)|those|these|that\s+lot|this\s+lot|the\s+likes\s+of)\b))"
    r"(?:\s*[,!.…]+)?)(?=\s|$)",
    re.IGNORECASE,
)
#: A sentence that only exclaims at a situation with a swear word: "What a shitshow from
#: start to finish.", "What a damn mess.", "What a clusterfuck.", and without its "what":
#: "Absolute fucking shambles." (an eighteenth news desk, held at toxicity 0.46); a fight or
#: a race as the situation ("What a fucking fight.", a twenty-first's, 0.44).
SITUATION: Final = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?P<words>(?:what\s+an?\s+|an?\s+)?"
    rf"(?:(?:{SWEAR}|total|complete|absolute|utter)\s+)*"
    r"(?:shit\s*show|clusterfuck|cluster\s*f\*+|fuck-?up|cock-?up|balls-?up|"
    r"(?:(?:" + SWEAR + r")\s+)(?:mess|disaster|farce|joke|circus|shambles|nightmare|state|"
    r"week|day|year|night|game|match|result|performance|decision|situation|fight|race|goal|"
    r"finish|comeback|win|knockout|innings|save|ending|turnaround))"
    r"(?:\s+(?:from\s+start\s+to\s+finish|from\s+beginning\s+to\s+end|this\s+is|that\s+was|"
    r"all\s+round|again))?(?:\s*[.!?…]+|\s*$))(?=\s|$)",
    re.IGNORECASE,
)
#: Words a swear word intensifies without aiming at anyone: praise, size, time, weather.
PRAISE_OR_SIZE: Final = (
    r"(?:great|brilliant|amazing|awesome|fantastic|excellent|beautiful|gorgeous|lovely|well|"
    r"sure|proud|time|finally|cold|hot|freezing|expensive|long|late|incredible|funny|"
    r"hilarious|delicious|fast|slow|happy|glad|brave|impressive|nice|cool|epic|perfect|best|"
    r"quick|early|loud|ages|forever|years|miles|worth\s+it|well\s+done)"
)
#: A swear word as an intensifier before such a word: "fucking amazing", "about damn time".
INTENSIFIER: Final = re.compile(
    rf"\b(?P<words>{SWEAR})\s+(?={PRAISE_OR_SIZE}\b)",
    re.IGNORECASE,
)
_ADDRESSED: Final = re.compile(rf"\b(?:{ADDRESSED})\b", re.IGNORECASE)
#: The cheap test first, on the lower-cased text (substrings: a regex alternation read
#: every comment at 20 µs): a comment with none of these has no exclamation to cut.
_NEEDED: Final = (
    "fuck",
    "f*",
    "effing",
    "frigging",
    "freaking",
    "shit",
    "sh*",
    "s**",
    "damn",
    "bloody",
    "hell",
    "crap",
    "wtf",
    "ffs",
    "omfg",
    "jesus",
    "christ",
    "god",
)


def _cuts(text: str) -> list[tuple[int, int]]:
    """The exclamations to cut, in order and not overlapping."""
    spans = [m.span("words") for m in OPENING.finditer(text)]
    spans += [m.span("words") for m in SITUATION.finditer(text)]
    spans += [m.span("words") for m in INTENSIFIER.finditer(text)]
    return merged(spans)


def without_exclamations(text: str) -> str | None:
    """``text`` without its swearing exclamations and intensifiers, or None where it has
    none, speaks to someone or names a group of people (see the module docs)."""
    if not any(map(text.lower().__contains__, _NEEDED)):
        return None
    cuts = _cuts(text)
    if not cuts or _ADDRESSED.search(text) or INVISIBLE.search(text):
        return None
    if names_group(normalize_text(text)):
        return None
    return cut_out(text, cuts)
