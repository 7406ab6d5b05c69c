"""Insults at things: "this stupid parking meter", "this idiotic policy".

An insult is aimed at a person or a group. "Stupid phone keeps autocorrecting my name."
and "This idiotic policy will cost us billions." insult no one, but the models score the
word, not its aim: "stupid", "idiotic", "pathetic" are the words of insults in training,
and the insult head holds from 0.28. So where such a word (or a swear word used as one:
"this fucking router") stands before the name of a thing -- a device, a road, the
weather, a law, a policy, a plan, an article -- the comment is read again without the
word, and insult and toxicity keep the lower reading. Profanity keeps the comment's own
score (the swearing is still there: a site that holds swearing still holds it), and so
does every other attribute ("I want to smash this bloody lawnmower with a hammer" is read
for its violence as written).

Only names from :data:`THINGS` count: a noun the list does not know is read as written,
and none of them names a person ("this stupid mayor", "that idiotic commenter" are
insults); nor does a thing's name count before a word for a person ("this stupid bus
driver", "a pathetic film critic"). Not cut either: "your stupid idea" (aimed at the
reader), and the word after a thing's name ("the council is stupid": aimed at the people
in it, read as written).
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.scoring.rereading import cut_out

#: The attributes the reading without the words may lower.
THING_ATTRIBUTES: Final = frozenset({"insult", "toxicity"})

#: Words of insult and swearing used before a thing's name.
INSULTING: Final = (
    r"stupid|idiotic|dumb|moronic|pathetic|useless|ridiculous|ludicrous|asinine|brainless|"
    r"crappy|shitty|lousy|rubbish|bloody|damn(?:ed)?|goddamn(?:ed)?|fucking|effing|"
    r"frigging|friggin|freaking|bleeding|sodding"
)
#: Names of things, in the singular (a plural "s" is matched too): everyday objects and
#: services, roads and weather, and what news comments argue about (laws, policies,
#: plans, articles). No word here names a person or a group of people.
THINGS: Final = (
    "phone",
    "computer",
    "laptop",
    "printer",
    "router",
    "wifi",
    "internet",
    "app",
    "website",
    "software",
    "update",
    "autocorrect",
    "auto correct",
    "auto-correct",
    "spellcheck",
    "spell check",
    "spell checker",
    "predictive text",
    "keyboard",
    "password",
    "paywall",
    "captcha",
    "machine",
    "meter",
    "parking meter",
    "ticket machine",
    "car",
    "bus",
    "train",
    "tram",
    "flight",
    "bike",
    "lawnmower",
    "fridge",
    "oven",
    "door",
    "alarm",
    "lift",
    "elevator",
    "queue",
    "road",
    "traffic",
    "traffic light",
    "junction",
    "roundabout",
    "roadwork",
    "pothole",
    "weather",
    "rain",
    "snow",
    "heat",
    "wind",
    "game",
    "show",
    "movie",
    "film",
    "song",
    "book",
    "crossword",
    "puzzle",
    "form",
    "paperwork",
    "article",
    "headline",
    "column",
    "law",
    "policy",
    "rule",
    "regulation",
    "plan",
    "idea",
    "decision",
    "budget",
    "tax",
    "deal",
    "scheme",
    "program",
    "programme",
    "project",
    "system",
    "process",
    "nickname",
    "name",
    "slogan",
    "ad",
    "advert",
    "commercial",
    "survey",
    "poll",
)
_THING: Final = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in THINGS)
#: A determiner before the words (or a sentence's start: "Stupid phone keeps ...", or
#: an interjection's comma: "Sorry, stupid autocorrect."); "your" is not one (aimed at
#: the reader).
_BEFORE: Final = (
    r"(?:(?:\b(?:this|that|these|those|the|my|our|a|an|such\s+a|what\s+a)\s+)"
    r"|(?:\b(?:sorry|ugh+|argh+|oh|ah|sigh|jeez|geez|again)\s{0,3},\s{0,3})"
    r"|(?:^|(?<=[.!?;\n]))\s{0,3})"
)
#: Words that may stand between the insult and the thing ("this stupid parking app",
#: "that idiotic new tax"): modifiers of things, never a name or a person ("this stupid
#: trudeau plan", "this idiotic woman's plan" are read as written; found by a review).
MODIFIERS: Final = (
    r"new|old|little|whole|entire|latest|current|proposed|parking|ticket|traffic|tax|"
    r"budget|government|city|council|federal|provincial|state|school|health|online|mobile|"
    r"banking|news|social|public|housing|carbon|transit|smart|phone|computer|printer"
)
#: What may not follow the thing's name: a word for a person ("this stupid bus driver",
#: "a pathetic film critic", "the stupid show host", "this idiotic article's author"),
#: by a list and by the endings of such words (-er, -or, -ist, -ian, -ic, -ict, -ee),
#: except function words with those endings ("for", "or", "never", "over", "other").
_NOT_A_PERSON: Final = (
    r"(?!['’]s\b)(?!\s+(?!(?:for|or|nor|never|ever|over|under|after|either|neither|other|"
    r"rather|whatever|however|together|later|sooner|further|water|weather|paper|letter|"
    r"number|order|center|centre|computer|router|printer|meter|theater|theatre)\b)"
    r"(?:[a-z][\w-]*(?:er|or|ist|ian|ic|ict|ee)s?|host|staff|guy|man|woman|person|people|"
    r"kid|boy|girl|fan|lover|rep|team|crew|boss|chief|head|clerk|cop|nurse|doctor|lady)\b)"
)
#: The run of words is possessive (``++``): a text of nothing but insults ("bloody
#: stupid bloody stupid ...") is given up at once, not tried every way it splits.
INSULTED_THING: Final = re.compile(
    _BEFORE
    + rf"(?P<words>(?:(?:{INSULTING})\s+)++)(?:(?:{MODIFIERS})\s+)?(?:{_THING})(?:e?s)?\b"
    + _NOT_A_PERSON,
    re.IGNORECASE,
)


#: A thing said of someone just before it ("You are a stupid game", "he's such a
#: pathetic joke"): an insult at them, read as written.
_SAID_OF_SOMEONE: Final = re.compile(
    r"\b(?:you|u|ya|he|she|they|it)\s*(?:are|['’]re|r|is|['’]s|was|were)\s+"
    r"(?:(?:such|just|really|a|an|the|so)\s+)*$",
    re.IGNORECASE,
)


def without_insults_at_things(text: str) -> str | None:
    """``text`` without the insulting words before a thing's name, or None where it has
    none (see the module docs)."""
    return cut_out(
        text,
        (
            m.span("words")
            for m in INSULTED_THING.finditer(text)
            if not _SAID_OF_SOMEONE.search(text, max(0, m.start() - 40), m.start())
        ),
    )
