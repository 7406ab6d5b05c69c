"""Trolls dismissed in support of someone: "Well done Aisha. Ignore the idiots.",
"Facebook's full of idiots.", "Don't feed the trolls."

A reader who backs the person a story is about often tells them to pay the abusers no
mind, and calls the abusers what they are. The models score the word, not its aim: a
twentieth news desk's "Well done Aisha. Ignore the idiots." under a story of the first
hijab-wearing referee was *rejected* (insult 0.96), and "Facebook's full of idiots. Ignore
them." under a churchwarden's report of abuse held (0.88). Both insult no one a moderator
could name: the idiots are whoever wrote the abuse. So where the comment dismisses such
people -- "ignore", "don't listen to", "pay no attention to", "block" or "mute" the
idiots, trolls or haters; "don't let the grumps get to you"; an online place "full of"
them; "don't feed the trolls" -- and says a word of support ("well done", "proud of",
"you're a star", "ignore them": :data:`SUPPORT`), the comment is read again without the
dismissal, and insult and toxicity keep the lower reading.

The cut takes the insult with it, so what points back at it would read as calm: a
reviewer's "Ignore the idiots. Like Pete above.", "Facebook's full of idiots and Aisha is
one of them.", "Ignore the trolls, Aisha, you're the biggest one of the lot." were
published by a first version that cut wherever a dismissal stood (33 of 67 such comments
to hold). So the comment must back someone, and it is read as written where anything in
it points back at the insulted (:data:`POINTS_BACK`: "one of them", "including",
"especially", "biggest", "like Pete", "looking at you", an @name), where the dismissal
goes on ("ignore the idiots from Bradford", "the idiots who voted for this", "and Aisha
is one of them": it must end at a stop or a comma), where one person is dismissed ("Just
ignore the fool.": a commenter the reader can point at), where the place is no website
or app ("The council's full of idiots", "Round here is full of idiots"), where the
comment names a group of people (:func:`~.group_words.names_group`), and where it holds a
character the models never see (:data:`~.rereading.INVISIBLE`). What a comment says
besides is read as before.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.normalize import normalize_text
from threadguard.scoring.group_words import names_group
from threadguard.scoring.rereading import INVISIBLE, cut_out, merged

#: The attributes the reading without the dismissal may lower.
DISMISSAL_ATTRIBUTES: Final = frozenset({"insult", "toxicity"})

#: What abusers are called by those who dismiss them: plurals only (one person dismissed
#: is someone the reader can point at).
ABUSERS: Final = (
    r"(?:idiots|morons|trolls|haters|cranks|bigots|racists|keyboard\s+warriors|muppets|"
    r"clowns|cretins|numpties|nutters|loons|losers|imbeciles|fools|dickheads|knobheads|"
    r"halfwits|bottom\s+feeders|sad\s+cases|small[- ]minded\s+(?:people|lot)|grumps|moaners|"
    r"whingers|naysayers|miseries)"
)
#: A website or app, or a part of one, where abusers write: "Facebook", "the comments".
_SITE: Final = (
    r"(?:facebook|twitter|instagram|tiktok|reddit|youtube|social\s+media|the\s+internet|"
    r"the\s+web|this\s+site|the\s+comments|comment\s+sections?|the\s+comment\s+section|"
    r"the\s+replies|(?:the|that|this|their|her|his|the\s+church['’]?s?|the\s+club['’]?s?)\s+"
    r"(?:facebook|twitter|instagram)(?:\s+(?:page|group|feed))?)"
)
#: Where the dismissed are met: "on here", "online", "on Facebook", "in the comments".
_WHERE: Final = rf"(?:\s+(?:on|in)\s+(?:here|{_SITE})|\s+online)"
#: Where a dismissal ends its clause: a stop, a comma, an emoji, or the comment's end.
_ENDS: Final = r"(?=\s*(?:$|[.!,;…]|[\U0001F300-\U0001FAFF]))"
#: "Ignore the idiots (on here).", "Don't listen to those haters", "Just block the trolls".
TELLS: Final = re.compile(
    r"(?P<words>\b(?:just\s+|please\s+)?(?:ignore|don['’]?t\s+listen\s+to|do\s+not\s+"
    r"listen\s+to|never\s+mind|don['’]?t\s+mind|take\s+no\s+notice\s+of|pay\s+no\s+"
    r"(?:attention|heed|mind)\s+to|block|mute|report)\s+"
    rf"(?:the|all\s+the|those|these)\s+{ABUSERS}{_WHERE}?){_ENDS}",
    re.IGNORECASE,
)
#: "Don't let the grumps in here get to you." (a twenty-first news desk's, held at 0.54).
LET: Final = re.compile(
    rf"(?P<words>\b(?:don['’]?t|do\s+not|never)\s+let\s+(?:the|those|these)\s+{ABUSERS}"
    rf"{_WHERE}?\s+(?:get\s+to\s+you|get\s+you\s+down|grind\s+you\s+down|bother\s+you|"
    rf"win)){_ENDS}",
    re.IGNORECASE,
)
#: "Facebook's full of idiots.", "The internet is full of trolls": the site starts its
#: clause ("Generation X is full of idiots" names no site).
FULL_OF: Final = re.compile(
    rf"(?P<words>(?:^|(?<=[.!?,;:…]\s)|(?<=[.!?,;:…]))\s*{_SITE}(?:['’]s|\s+is|\s+are)?\s+"
    rf"(?:always\s+|just\s+)?full\s+of\s+{ABUSERS}){_ENDS}",
    re.IGNORECASE,
)
#: "Don't feed the trolls."
FEED: Final = re.compile(
    rf"(?P<words>\b(?:don['’]?t|do\s+not|never)\s+feed\s+the\s+trolls?){_ENDS}", re.IGNORECASE
)
#: Words of support for whom the comment backs: what makes the dismissal a defence.
SUPPORT: Final = re.compile(
    r"\b(?:well\s+done|proud\s+of|so\s+proud|good\s+on\s+(?:you|her|him|them)|good\s+for\s+"
    r"(?:you|her|him|them)|fair\s+play|bravo|brilliant|superb|amazing|inspiration(?:al)?|"
    r"inspiring|role\s+model|(?:you['’]re|you\s+are|she['’]s|she\s+is|he['’]s|he\s+is)\s+an?\s+"
    r"(?:star|legend|credit|gem|hero|inspiration)|legend|you['’]ve\s+got\s+this|keep\s+(?:going|"
    r"it\s+up|doing\s+what)|chin\s+up|congrat(?:ulation)?s|lovely|handled\s+it|great\s+job|"
    r"cracking\s+job|behind\s+you|support\s+you|not\s+worth\s+(?:it|your)|you\s+did\s+nothing\s+"
    r"wrong|respect\s+to|thank\s+you|good\s+luck|best\s+of\s+luck|well\s+deserved|the\s+rest\s+"
    r"of\s+us|(?:ignore|block|mute|report)\s+them|don['’]?t\s+let\s+(?:it|them)\s+get\s+to\s+you|"
    r"don['’]?t\s+take\s+it\s+personally|(?:we|i|everyone|everybody)\s+loves?\s+(?:you|her|him)|"
    r"loves?\s+your)\b",
    re.IGNORECASE,
)
#: Words that point back at the insulted, so the insult is someone's after all.
POINTS_BACK: Final = re.compile(
    r"\b(?:one\s+of\s+(?:them|those|the\s+lot)|among\s+them|included|including|especially|"
    r"particularly|in\s+particular|chief|biggest|king\s+of|queen\s+of|leader|aka|a\.k\.a|"
    r"e\.g|for\s+example|such\s+as|starting\s+with|like\s+(?:you|him|her|the|that|this|everyone|everybody)|"
    r"takes\s+one|yourself|you\s+included|you\s+too|that['’]?s\s+you|looking\s+at\s+you|mirror|"
    r"in\s+them|of\s+them|the\s+rest\s+of\s+them|same\s+thing|fit\s+right\s+in|welcome\s+to\s+"
    r"the\s+club|good\s+company|you['’]d\s+know|yes,?\s+you|not\s+you)\b|\blike\s+(?-i:[A-Z])|@\w+",
    re.IGNORECASE,
)
#: The cheap test first, on the lower-cased text: none of these, nothing to cut.
_NEEDED: Final = (
    "ignore",
    "listen to",
    "mind",
    "notice",
    "pay no",
    "block",
    "mute",
    "report",
    "full of",
    "feed the troll",
    "let the",
    "let those",
    "let these",
)


def without_dismissed_trolls(text: str) -> str | None:
    """``text`` without its dismissals of unnamed abusers, or None where it has none, or
    names a group of people (see the module docs)."""
    if not any(map(text.lower().__contains__, _NEEDED)):
        return None
    spans = merged(m.span("words") for p in (TELLS, LET, FULL_OF, FEED) for m in p.finditer(text))
    if not spans or INVISIBLE.search(text) or names_group(normalize_text(text)):
        return None
    rest = cut_out(text, spans)
    if rest is None or not SUPPORT.search(rest) or POINTS_BACK.search(rest):
        return None
    return rest
