"""Hate quoted to agree with it: "That banner said 'Islam is a cancer' and the banner was right."

A quotation is also the oldest way to say a thing while seeming not to. The models read
quoted words as someone else's: on a probe of 150 news comments written apart from the
project (session 28), 24 of 30 comments that quote a slur or a hateful claim about a group
and then agree with it ("he was right", "spot on", "he called it", "couldn't agree more")
were published, the quotation's own reading hateful and the comment's civil. Where a
comment holds a quotation (in double or single quotation marks) and, outside it, words
that say the quotation is right (:data:`AGREEMENT`), the engine also reads the quotation
*alone* as the writer's words, and the comment keeps the higher of the two readings on the
attributes of abuse and the groups' heads. A quotation that is not abusive alone ("As the
coach said, 'we were unlucky', and he was right.") reads civil and changes nothing.

The mirror of :mod:`.quoted_speech` (a quotation condemned is read *without* it), and of
:mod:`.endorsements` (a reply that only agrees with its parent keeps its parent's reading).
Not read as agreement:

- an agreement the comment negates ("he was not right", "wasn't wrong?") or asks about (a
  question mark right after it), or "right to ..." ("she was right to report it": right to
  act, not right in what was said);
- any comment that also names what it quotes as hate or lies outside the quotation
  (:data:`REBUKE`: "racist", "bigotry", "a slur", "a lie", "a myth", "disgusting",
  "shame", "coward"; "The judge was right: 'filthy ragheads' is a hate crime.");
- any mark of sarcasm (:data:`threadguard.scoring.negated_claims.SARCASM`);
- a comment that is mostly quotation, or a quotation longer than :data:`LONGEST`
  characters (the rest would not be about it).

Single quotation marks count as quotation marks only where one opens after a space or
punctuation and closes before one (an apostrophe inside a word, "they're", is neither).
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.scoring.negated_claims import SARCASM
from threadguard.scoring.quoted_speech import HATE_NAMES
from threadguard.scoring.rereading import cut_out

#: The attributes (and, in :mod:`.second_readings`, the groups' heads) the quotation's
#: reading may raise. Profanity and sexual content stay the comment's own.
ENDORSED_QUOTE_ATTRIBUTES: Final = frozenset(
    {"toxicity", "severe_toxicity", "identity_attack", "insult"}
)
#: The longest quotation read alone, in characters.
LONGEST: Final = 200

_QUOTED: Final = re.compile(
    rf"\"([^\"\n]{{2,{LONGEST}}})\"|“([^“”\n]{{2,{LONGEST}}})”|«([^«»\n]{{2,{LONGEST}}})»|"
    rf"(?<![\w'‘’])['‘]((?:[^'‘’\n]|['’](?=\w)){{2,{LONGEST}}}?)['’](?![\w'’])"
)
#: Words that say a quotation is right: of its speaker ("he was right", "she wasn't
#: wrong", "he called it", "he had a point"), of the words ("'animals' is right", "is
#: exactly it", "is the right word"), or of the writer ("couldn't agree more", "spot on").
_WHO: Final = (
    r"(?:he|she|they|it|that|this|the\s+\w+|my\s+\w+|your\s+\w+)"
    r"\s*(?:was|is|were|are|'s|’s|'re|’re|has\s+been)"
)
#: "right" or "correct" where its clause ends or goes on ("he was right, and ...", "is
#: right tbh"), not an adverb of place or time ("right there", "right out of", "right after").
_RIGHT: Final = (
    r"(?:right|correct)(?=\s*(?:[.,!;:)\n]|$)|\s+(?:and|but|though|tbh|imo|mate|honestly|"
    r"too|again|all\s+along)\b)"
)
AGREEMENT: Final = re.compile(
    rf"\b(?:{_WHO}\s+(?:so\s+|absolutely\s+|completely\s+|totally\s+|dead\s+|100\s*%\s+|"
    rf"spot\s+on\s+and\s+)?(?:{_RIGHT}|spot\s+on|bang\s+on|not\s+wrong|"
    r"understating\s+it|being\s+polite|being\s+generous|onto\s+something|"
    r"telling\s+the\s+truth|(?:just\s+)?stating\s+(?:a\s+|the\s+)?(?:fact|facts|obvious))|"
    r"(?:he|she|they)\s+(?:called\s+it|had\s+a\s+point|got\s+it\s+right|nailed\s+it|"
    r"said\s+it\s+best|was(?:n['’]t|\s+not)\s+wrong|knew\s+what\s+(?:he|she|they)\s+"
    r"(?:was|were)\s+talking\s+about)|"
    rf"(?:is|'s|’s)\s+(?:exactly\s+it|exactly\s+{_RIGHT}|{_RIGHT}|the\s+right\s+word|exactly\s+what\s+they\s+are|"
    r"about\s+right|spot\s+on|being\s+generous|still\s+true)|"
    r"(?:i\s+)?(?:could(?:n['’]?t| not)|can['’]?t)\s+agree\s+more|"
    r"(?:i\s+)?could(?:n['’]?t| not)\s+have\s+(?:said|put)\s+it\s+better|"
    r"finally\s+someone\s+said\s+it|"
    r"not\s+wrong|can\s+confirm|still\s+true|"
    r"nothing\s+(?:he|she|they)\s+said\s+(?:was|is)\s+(?:false|wrong|untrue)|"
    r"(?:proved|proven|proves|proving)\s+(?:him|her|them|it|that|this)\s+right|"
    r"tell\s+me\s+(?:(?:he|she|they|it)\s*(?:was|were|is|are|'s|’s)\s+wrong|"
    r"(?:it|that)\s*(?:is|'s|’s)\s+not\s+true)|"
    r"said\s+what\s+(?:the\s+rest\s+of\s+us|we|everyone|millions\s+of\s+us|most\s+of\s+us)"
    r"(?:\s+all)?(?:\s+(?:are|is|were|was))?\s+(?:all\s+)?(?:think|thinking)|"
    r"truer\s+words?)\b(?!\s*\?)(?!\s+(?:to|that)\b)",
    re.IGNORECASE,
)
#: An agreement the comment negates just before it ("he was not right", "not spot on").
_NEGATED: Final = re.compile(r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: Words by which a comment names what it quotes as hate or lies, or shames its speaker
#: (beside :data:`~.quoted_speech.HATE_NAMES`); any of them outside the quotation and the
#: comment is read as written.
_REBUKE_WORDS: Final = (
    r"racists?|bigot(?:s|ed)?|hate\s+crimes?|hateful|slurs?|xenophob\w*|homophob\w*|"
    r"transphob\w*|islamophob\w*|antisemit\w*|misogyn\w*|lies?|lying|liars?|myths?|"
    r"disgust\w*|disgrace\w*|shame\w*|vile|coward\w*|appalling|abhorrent|sicken\w*|"
    r"ignoran\w*|propaganda|conspiracy|nonsense|garbage|trope|stereotyp\w*|"
    r"dehumani[sz]\w*|condemn\w*"
)
REBUKE: Final = re.compile(rf"\b(?:{HATE_NAMES}|{_REBUKE_WORDS})\b", re.IGNORECASE)


def endorsed_quotation(text: str) -> str | None:
    """The quotations of ``text`` that it agrees with, joined as one text to read alone;
    None where there are none (see the module docs)."""
    if "'" not in text and '"' not in text and not any(c in text for c in "‘“«"):
        return None
    matches = list(_QUOTED.finditer(text))
    if not matches:
        return None
    spans = [m.span() for m in matches]
    if sum(e - b for b, e in spans) * 2 > len(text.strip()):
        return None  # mostly quotation: nothing outside to agree with it
    outside = cut_out(text, spans) or text
    if REBUKE.search(outside) or SARCASM.search(outside):
        return None
    agreed = any(
        not _NEGATED.search(outside[max(0, m.start() - 12) : m.start()])
        for m in AGREEMENT.finditer(outside)
    )
    if not agreed:
        return None
    quotes = [(m.group(m.lastindex or 0) or "").strip(" .,;:!-–—") for m in matches]
    joined = ". ".join(q for q in quotes if q)
    return joined or None
