"""Words of physical harm, which send a comment to the deep tier whatever the fast tier says.

The fast tier reads n-grams and misses threats written without an insult or a swear word
("I'll be waiting at the training ground with a bat", "hope his car goes off the road"):
on a blind set of 80 threats set in sport, politics and work threads (session 21), it
scored 23 of them under the cascade's band on every attribute, so the deep tier never read
them (the cascade held 42 of the 80, the deep tier reading all of them 51). Six of the 23
name a weapon or a way to hurt someone; sent to the deep tier, two more are held. News
comments rarely name one, so sending those that do costs little (1-4% more of a set's
comments); :data:`HARM_WORDS` is that list, as whole words of the canonical text (lower
case, leetspeak undone: :mod:`threadguard.normalize`). The other 17 name no harm and
need a fast tier that reads threats without such words.
"""

from __future__ import annotations

import re
from typing import Final

#: Verbs of violence, weapons and injuries (their common forms), and the few words of menace
#: that need no verb ("watch your back", "where you live").
HARM_WORDS: Final = re.compile(
    r"\b(?:"
    r"kill(?:s|ed|ing|er|ers)?|murder(?:s|ed|ing|er|ers)?|stab(?:s|bed|bing)?|"
    r"shoot(?:s|ing)?|shot|gun(?:s|ned)?|knife|knives|blades?|machetes?|bats?|"
    r"crowbars?|hammers?|bricks?|acid|petrol|firebomb\w*|torch(?:ed|ing)?|"
    r"burn(?:s|ed|t|ing)?|bomb(?:s|ed|ing)?|hang(?:s|ed|ing)?|lynch\w*|strangl\w*|choke\w*|"
    r"beat(?:s|en|ing)?|batter(?:s|ed|ing)?|smash(?:es|ed|ing)?|break(?:s|ing)?|broken|snap|"
    r"bleed(?:s|ing)?|blood|hurt(?:s|ing)?|harm|injur\w*|cripple\w*|maim\w*|crush(?:ed|ing)?|"
    r"drown\w*|rape[sd]?|raping|tortur\w*|behead\w*|slit|throat|skull|kneecaps?|jaw|legs|"
    r"neck|bullets?|trigger|execut\w*|exterminat\w*|wipe(?:d)? out|string(?: him| her| them)? up|"
    r"strung up|rope|lamp ?posts?|revenge|grave|coffin|body ?bags?|ambulance|"
    r"watch your back|where (?:you|he|she|they) lives?|your address|his address|her address"
    r")\b"
)


def names_harm(canonical: str) -> bool:
    """Whether a canonical text holds a word of physical harm."""
    return HARM_WORDS.search(canonical) is not None
