"""A reply that only says "Exactly." says what its parent said.

"Exactly. Couldn't have put it better." under "Refugees are vermin ruining this country"
is the parent's hate said again, in words no model can find it in: alone, it is the most
civil comment of a thread. So where a reply *opens* with a word or phrase of plain
agreement (:data:`ENDORSEMENT`: "Exactly.", "Agreed,", "This.", "So true.", "Well said.",
"Couldn't agree more.", "Finally someone said it.") and nothing after it turns the
agreement around or away (:data:`TURN`: "but", "however", "not all", a question, a word
that condemns), the engine also reads the *parent* as the reply's own words, and the reply
keeps the higher of the two readings on the attributes of abuse
(:data:`ENDORSEMENT_ATTRIBUTES`). Under a civil parent that reading is civil and nothing
changes; under an abusive one the reply is held with it.

Narrow on purpose, as the other second readings are:

- the agreement must open the reply (a "this" or "agreed" further in agrees with anything);
- it must stand as its own sentence or clause (followed by an end of sentence, a comma, a
  dash or the end of the reply): "This is nonsense" and "Exactly the kind of bigotry we
  don't need" open with no agreement;
- a question anywhere ("Exactly?", "So true... or is it?") is read as written: sarcasm;
- a turn anywhere after it ("Agreed, but that is racist", "True, though not all of them",
  "Well said... not all of them, surely.") leaves the reply as written;
- only a parent comment counts, never an article's title: agreeing with a headline is
  agreeing with the news.
"""

from __future__ import annotations

import re
from typing import Final

#: The attributes the parent's reading may raise (the reply agrees with an attack: it
#: attacks). Profanity and sexual content are the parent's words, not the reply's.
ENDORSEMENT_ATTRIBUTES: Final = frozenset(
    {"toxicity", "severe_toxicity", "identity_attack", "insult", "threat"}
)

#: Plain agreement at the start of a reply, as its own sentence or clause.
ENDORSEMENT: Final = re.compile(
    r"^\s*(?:"
    r"exactly|precisely|absolutely(?:\s+right)?|agreed|i\s+agree|totally\s+agree|"
    r"(?:i\s+)?(?:could(?:n['’]?t| not)|can['’]?t|cannot)\s+agree\s+more|"
    r"this|this\s+right\s+here|so\s+true|very\s+true|too\s+true|true|100\s*%|"
    r"well\s+said|well\s+put|spot\s+on|bang\s+on|nailed\s+it|you\s+nailed\s+it|"
    r"hear,?\s+hear|amen(?:\s+to\s+that)?|preach|facts|\+\s*1|"
    r"tell\s+me\s+about\s+it|my\s+thoughts\s+exactly|say\s+it\s+louder\b[^.!,;]*|"
    r"(?:(?:you|he|she)\s+)?(?:could(?:n['’]?t| not)\s+have\s+)?(?:said|put)\s+it\s+better|"
    r"could(?:n['’]?t| not)\s+(?:have\s+)?(?:said|put)\s+it\s+better|"
    r"(?:i['’]?ve\s+)?been\s+saying\s+(?:it|this|that)\s+for\s+years|"
    r"(?:finally|about\s+time)(?:,)?\s+someone\s+(?:said|says|dares?\s+to\s+say)\s+it|"
    r"(?:you(?:['’]re| are)|he(?:['’]s| is)|she(?:['’]s| is))\s+(?:so\s+|absolutely\s+|"
    r"completely\s+|dead\s+)?right"
    r")\s*(?:[.!,;:–—-]+|$)",
    re.IGNORECASE,
)
#: After the agreement, what turns it around or away: then the reply is read as written.
#: A plain negation does not ("Exactly, they don't belong here"); a partial one does.
TURN: Final = re.compile(
    r"\?|\b(?:but|however|though|although|yet|except|unless|not\s+all|not\s+every\w*|"
    r"disagree|wrong|racis[mt]|bigot\w*|hateful|disgusting|shameful|sarcasm|/s|lol|"
    r"joking|kidding|irony|ironic)\b",
    re.IGNORECASE,
)


def endorses(text: str) -> bool:
    """Whether a reply opens with plain agreement that nothing after turns around."""
    m = ENDORSEMENT.match(text)
    if m is None:
        return False
    rest = text[m.end() :]
    return "?" not in text[: m.end()] and TURN.search(rest) is None
