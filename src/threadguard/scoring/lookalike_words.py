"""Words that hold a sexual word and are none: "cockroach", "cockatoo", "peacock".

No data set in ``../shared/data`` labels sexual content, so ``sexually_explicit`` is learnt
from weak labels keyed on the lexicon's stems (:mod:`threadguard.training.weak_labels`),
and the fast tier reads character n-grams: a word that merely contains "cock" carries the
stem's weight. With deep@20, "Cockroaches infest the old council flats." scored sexual
content 0.95 and was rejected, "He bought a cockatoo." 0.81 (held), "The Liberal cockiness
just rose a notch." 0.86, and a history of the Rwandan genocide that names the radio's
word for Tutsis 0.89 (held), "Dick Cheney spoke today." 0.68 (held). Pests in council
housing, pets, birds, a pilot's cockpit, a film director named Hitchcock and a vice
president named Dick are what news comments say with them.

So a comment holding one of :data:`LOOKALIKES` (a whole word, in any case) is read again
without it, and ``sexually_explicit`` keeps the lower reading; nothing else moves (calling
a people "cockroaches" is dehumanising language, read as written by every other head and
by the threat list). A comment that also describes sex keeps those words in the second
reading, which then scores as high.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.scoring.rereading import cut_out

#: The attribute the reading without the words may lower.
LOOKALIKE_ATTRIBUTES: Final = frozenset({"sexually_explicit"})

#: Words that contain "cock" and name no body part: animals, things, a manner, surnames
#: (a plural "s" or "es" is matched too). Not "cock" itself, nor any compound of it that
#: is sexual or an insult.
LOOKALIKES: Final = (
    "cockroach",
    "cockatoo",
    "cockatiel",
    "cockerel",
    "cockle",
    "peacock",
    "woodcock",
    "moorcock",
    "shuttlecock",
    "weathercock",
    "stopcock",
    "ballcock",
    "cockpit",
    "cocktail",
    "cockney",
    "cockiness",
    "cocky",
    "cockily",
    "cocker",
    "hitchcock",
    "hancock",
    "babcock",
    "alcock",
    "cockburn",
    "cockcroft",
    # a blunder, British: "Another council cock-up." was rejected at sexual content 0.95
    # (desk 105, session 55); hyphenated or one word only, not "cock up" spaced
    "cock-up",
    "cockup",
    "cocked-up",
)
#: "Dick" as a first name, before a capitalised surname ("Dick Cheney", "Dick Durbin"):
#: written so, case and all (not "what a dick", "Dick move").
_NAMED_DICK: Final = r"(?-i:Dick)(?=\s+(?-i:[A-Z][a-z]))(?!\s+(?-i:Move|Pic|Head)\b)"
_LOOKALIKE: Final = re.compile(
    r"\b(?:(?:"
    + "|".join(sorted(LOOKALIKES, key=len, reverse=True))
    + r")(?:e?s)?|"
    + _NAMED_DICK
    + r")\b",
    re.IGNORECASE,
)


def without_lookalikes(text: str) -> str | None:
    """``text`` without the words of :data:`LOOKALIKES` and a first name "Dick"; None where
    it has none."""
    if "cock" not in text.lower() and "Dick" not in text:
        return None
    return cut_out(text, (m.span() for m in _LOOKALIKE.finditer(text)))
