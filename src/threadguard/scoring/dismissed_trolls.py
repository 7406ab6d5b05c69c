"""Trolls dismissed in support of someone: "Well done Aisha. Ignore the idiots.",
"Facebook's full of idiots.", "Don't feed the trolls."

A reader who backs the person a story is about often tells them to pay the abusers no
mind, and calls the abusers what they are. The models score the word, not its aim: a
twentieth news desk's "Well done Aisha. Ignore the idiots." under a story of the first
hijab-wearing referee was *rejected* (insult 0.96), and "Facebook's full of idiots. Ignore
them." under a churchwarden's report of abuse held (0.88). Both insult no one a moderator
could name: the idiots are whoever wrote the abuse. So where the comment dismisses such
people -- "ignore", "don't listen to", "pay no attention to", "block" or "mute" the
idiots, trolls or haters; an online place "full of" them; "don't feed the trolls" -- the
comment is read again without the dismissal, and insult and toxicity keep the lower
reading. Whatever else it says is read as before: "Ignore the idiots. You're one of them."
still reads its second sentence.

Read as written: one person dismissed ("Just ignore the fool.", "block the idiot": a
commenter the reader can point at), people named by who they are or where they come from
("ignore the idiots from Bradford", "the idiots who voted for this": the dismissal must
end its clause, or name only where online they are), a place that is no website or app
("The council's full of idiots": people a reader can name), a comment that names a group
of people (:func:`~.group_words.names_group`: "Ignore the idiots, Muslims are all the
same."), and one with a character the models never see (:data:`~.rereading.INVISIBLE`).
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
    r"halfwits|bottom\s+feeders|sad\s+cases|small[- ]minded\s+(?:people|lot))"
)
#: Where abusers are met online: "on here", "on Facebook", "in the comments".
_ONLINE: Final = (
    r"(?:facebook|twitter|x|instagram|tiktok|reddit|youtube|social\s+media|the\s+internet|"
    r"the\s+web|online|this\s+site|here|the\s+comments|comment\s+sections?|the\s+replies|"
    r"(?:the|that|this|their|the\s+church['’]?s?|the\s+club['’]?s?)\s+(?:facebook|twitter|"
    r"instagram)\s*(?:page|group|feed)?)"
)
#: Where a dismissal ends its clause: a stop, a comma, "and", "but", or the comment's end.
_ENDS: Final = r"(?=\s*(?:$|[.!,;…]|\band\b|\bbut\b|[\U0001F300-\U0001FAFF]))"
#: "Ignore the idiots (on here).", "Don't listen to the haters", "Just block the trolls".
TELLS: Final = re.compile(
    r"(?P<words>\b(?:just\s+|please\s+|and\s+)?(?:ignore|don['’]?t\s+listen\s+to|do\s+not\s+"
    r"listen\s+to|never\s+mind|pay\s+no\s+(?:attention|heed|mind)\s+to|block|mute|report)\s+"
    rf"(?:the|all\s+the)\s+{ABUSERS}(?:\s+(?:on|in)\s+{_ONLINE}|\s+online)?){_ENDS}",
    re.IGNORECASE,
)
#: "Facebook's full of idiots.", "The internet is full of trolls", "Twitter: full of haters".
FULL_OF: Final = re.compile(
    rf"(?P<words>\b{_ONLINE}(?:['’]s|\s+is|\s+are|:)?\s+(?:always\s+|just\s+)?full\s+of\s+"
    rf"{ABUSERS}){_ENDS}",
    re.IGNORECASE,
)
#: "Don't feed the trolls."
FEED: Final = re.compile(
    rf"(?P<words>\b(?:don['’]?t|do\s+not|never)\s+feed\s+the\s+trolls?){_ENDS}", re.IGNORECASE
)
#: The cheap test first, on the lower-cased text: none of these, nothing to cut.
_NEEDED: Final = (
    "ignore",
    "listen to",
    "never mind",
    "pay no",
    "block",
    "mute",
    "report",
    "full of",
    "feed the troll",
)


def without_dismissed_trolls(text: str) -> str | None:
    """``text`` without its dismissals of unnamed abusers, or None where it has none, or
    names a group of people (see the module docs)."""
    if not any(map(text.lower().__contains__, _NEEDED)):
        return None
    spans = [m.span("words") for p in (TELLS, FULL_OF, FEED) for m in p.finditer(text)]
    if not spans or INVISIBLE.search(text) or names_group(normalize_text(text)):
        return None
    return cut_out(text, merged(spans))
