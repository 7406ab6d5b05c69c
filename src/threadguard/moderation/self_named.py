"""A user name that says who its author is: "secular_jew_e5", "proud muslim mum".

The models read a bare word for a group as an attack on it: "Jew" alone scores toxicity
0.86 and identity attack 0.66, "secular jew e5" (the name read as words) 0.85 and 0.71. A
twenty-eighth news desk (session 44) found a Jewish reader whose handle says so held for
every comment, the one defending their neighbours included, at the default `[authors]
screen_from` of 0.85, and then named a repeat offender in the thread's signals. So a name
that names a group of people and nothing else of note -- no word of contempt
(:data:`~threadguard.scoring.opinion_frames.CONTEMPT`), of harm
(:func:`~threadguard.scoring.harm_words.names_harm`) or of hostility (:data:`HOSTILE`:
"hate", "kill", "ban", "out", "no more", the neo-Nazi numbers) -- holds nothing by its
scores. The watched words and the coded-hate lexicon still read every name ("IHateJews88",
"Patriot1488" are theirs), as they read comments.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.normalize import normalize_text
from threadguard.scoring.group_words import names_group
from threadguard.scoring.harm_words import names_harm
from threadguard.scoring.opinion_frames import CONTEMPT
from threadguard.thread import name_as_words

#: Words that turn a name naming a group against it.
HOSTILE: Final = re.compile(
    r"\b(?:hate\w*|hater|haters|kill\w*|die|death|dead|gas|gassed|ban|banned|deport\w*|out|"
    r"no|not|anti\w*|stop|against|burn\w*|hang\w*|shoot\w*|exterminat\w*|remov\w*|expel\w*|"
    r"purge\w*|go home|go back|invad\w*|invasion|nazi\w*|reich|sieg|heil|white power|"
    r"supremac\w*|14|88|1488|hh|1312|zog|goy\w*|kike\w*|filth\w*|scum\w*|vermin|rat|rats|"
    r"pig|pigs|dog|dogs|sand\w*|paki\w*|nonce\w*|groomer\w*|pervert\w*|pedo\w*|paedo\w*)\b",
    re.IGNORECASE,
)


def says_who_they_are(name: str) -> bool:
    """Whether the user name ``name`` names a group of people and nothing of contempt, harm
    or hostility (see the module docs): its scores then hold nothing."""
    words = normalize_text(name_as_words(name))
    return (
        names_group(words)
        and CONTEMPT.search(words) is None
        and HOSTILE.search(words) is None
        and not names_harm(words)
    )
