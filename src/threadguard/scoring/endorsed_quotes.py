"""Hate quoted to agree with it: "That banner said 'Islam is a cancer' and the banner was right."

A quotation is also the oldest way to say a thing while seeming not to. The models read
quoted words as someone else's: on three probes of news comments written apart from the
project (session 28), the engine held 31 of 75, 28 of 70 and 18 of 80 comments that quote a
slur or a hateful claim about a group and agree with it. So where a quotation is followed,
within :data:`NEAREST` words, by words that say it is right (:data:`AGREEMENT`: "and the
banner was right", "He called it.", "Couldn't agree more.", "Time proved him right."), and
the quotation or its sentence names a group of people
(:data:`threadguard.scoring.group_words.GROUP_WORDS`), the engine also reads that quotation
*alone* as the writer's words, and the comment keeps the higher of the two readings on the
attributes of abuse and the groups' heads -- where the quotation alone scores at least
:data:`ENDORSED_QUOTE_FLOOR`: a short slogan that only names a group ("Trans women are
women") can score over the policy's thresholds alone, and its agreement is no hate.

The mirror of :mod:`.quoted_speech` (a quotation condemned is read *without* it), and of
:mod:`.endorsements` (a reply that only agrees with its parent keeps its parent's reading).

Narrow on purpose. A first version took any agreement anywhere in the comment; a review
wrote 70 civil comments that quote hate and agree with something else, and it newly held
43: the fan who praises the referee for stopping a racist chant ("He was right."), the
reader who says the article is spot on, the report that "police can confirm" a charge, the
voter who says a minister "was right on the budget, but ...". A second review of the
narrowed rule found 22 of 56 more ("'...' - that's it, that was the whole leaflet", "he's
right, if your only source is his Facebook feed", "Nobody who says '...' is right"). Not
read as agreement, then:

- an agreement more than :data:`NEAREST` words after the quotation, or with another
  quotation or a whole sentence between (it is about someone else in the story), or
  before the quotation, or after words calling the quotation wrong;
- an agreement its clause negates, doubts or makes a condition of ("nobody thinks he was
  right", "if he was right"), or the rest of its sentence takes back ("if ...", "said
  nobody", "apart from ..."), or in a question ("He was right, wasn't he?"), or "right to
  ..." ("she was right to report it"), or "right" of place or time ("right there");
- "that's it", "that's right": a report confirmed, not a claim agreed with;
- a quotation whose sentence doubts it before it ("Nobody who says '...' is right");
- any comment that, outside its quotations, names what it quotes as hate or lies, or tells
  of its consequences (:data:`REBUKE`: "racist", "a slur", "a lie", "disgusting",
  "unacceptable", "abuse", "hate", "police", "charged", "banned", "court", "apologised");
- any mark of sarcasm (:data:`threadguard.scoring.negated_claims.SARCASM`);
- a quotation about no group ("My wife calls me 'a useless lump' on match days. She's
  right."): an insult at one person is the comment's own reading to make.

What it still gets wrong: a fact confirmed ("the sign said 'no blacks, no dogs' and he's
right, I've seen the photo"), a reclaimed name or satire called "spot on" -- 5 of the second
review's 56 civil comments newly held, against 16 of its 30 hateful ones newly caught, and 2,
1 and 2 more hateful held on the three probes with none of their 225 civil ones
(docs/evaluation.md, "Issue 12, session 28").

The quotations are those :func:`.quoted_speech.quotations` reads: :mod:`.quotations`'
finder in its loose lean. Single quotation marks count as quotation marks only where one
opens after a space or punctuation (not after another quotation mark's opening) and closes
before one: an apostrophe inside a word, "they're", is neither, nor one in front of an
elided word ("send 'em back", "rock 'n' roll", "the '90s"); a plural possessive ("the
players' lounge") may close a quotation early, which changes what is read alone. Not the
strict lean the moderation's lists read: it leans the other way (a mark after an "s"
closes nothing there, since a threat wrongly excused is published), which would miss
"'... are terrorists' - he was right".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Final

from threadguard.normalize import normalize_text
from threadguard.scoring.group_words import GROUP_WORDS
from threadguard.scoring.negated_claims import SARCASM
from threadguard.scoring.quotations import words
from threadguard.scoring.quoted_speech import HATE_NAMES, quotations
from threadguard.scoring.rereading import cut_out

#: The attributes (and, in :mod:`.second_readings`, the groups' heads) the quotation's
#: reading may raise. Profanity and sexual content stay the comment's own.
ENDORSED_QUOTE_ATTRIBUTES: Final = frozenset(
    {"toxicity", "severe_toxicity", "identity_attack", "insult"}
)
#: The quotation's reading counts only from here, per attribute: read alone, a quotation
#: is short and the models over-read a bare group noun ("Trans women are women." scores
#: identity attack 0.27, over the policy's 0.21); the hate this reading is for reads far
#: higher alone ("Muslims are vermin": 0.95).
ENDORSED_QUOTE_FLOOR: Final = 0.5

#: Who is said to be right: the speaker ("he was", "the banner was", "my nan's").
_WHO: Final = (
    r"(?:he|she|they|the\s+\w+|my\s+\w+|your\s+\w+)"
    r"(?:\s+(?:was|is|were|are|has\s+been)|['’](?:s|re))"
)
#: Where a clause ends or goes on with a conjunction or a tag: what makes "right", "spot
#: on" or "called it" a verdict ("he was right, and ...", "is right tbh") rather than an
#: adverb ("right there", "right out of") or an object ("they called it banter").
_CLAUSE_END: Final = (
    r"(?=\s*(?:[.,!;:)\n]|$)|\s+(?:and|but|though|tbh|imo|mate|honestly|too|again|"
    r"all\s+along)\b)"
)
_RIGHT: Final = rf"(?:right|correct|spot\s+on|bang\s+on|onto\s+something){_CLAUSE_END}"
#: Words that say a quotation is right: of its speaker ("he was right", "she wasn't
#: wrong", "he called it", "he had a point"), of the words ("is exactly it", "is the
#: right word"), or the writer's own ("couldn't agree more", "truer words"). Narrower than
#: the condemned-quotation reading's veto (``quoted_speech._AGREEING``: any word of
#: agreement anywhere), on purpose: this list raises a reading.
AGREEMENT: Final = re.compile(
    rf"\b(?:{_WHO}\s+(?:so\s+|absolutely\s+|completely\s+|dead\s+|100\s*%\s+)?"
    rf"(?:{_RIGHT}|not\s+wrong|being\s+(?:polite|generous|kind)){_CLAUSE_END}|"
    rf"(?:he|she|they)\s+(?:called\s+it|had\s+a\s+point|got\s+it\s+right|nailed\s+it|"
    rf"said\s+it\s+best|was(?:n['’]t|\s+not)\s+wrong){_CLAUSE_END}|"
    r"(?:is|'s|’s)\s+(?:exactly\s+(?:it|right)|the\s+right\s+word|exactly\s+what\s+they\s+are)"
    rf"{_CLAUSE_END}|"
    r"(?:i\s+)?(?:could(?:n['’]?t| not)|can['’]?t)\s+agree\s+more|"
    r"(?:i\s+)?could(?:n['’]?t| not)\s+have\s+(?:said|put)\s+it\s+better|"
    r"finally\s+someone\s+said\s+it|"
    r"nothing\s+(?:he|she|they)\s+said\s+(?:was|is)\s+(?:false|wrong|untrue)|"
    r"(?:proved|proven|proves|proving)\s+(?:him|her|them)\s+right|"
    r"tell\s+me\s+(?:(?:he|she|they)\s*(?:was|were|is|are|'s|’s)\s+wrong|"
    r"(?:it|that)\s*(?:is|'s|’s)\s+not\s+true)|"
    r"said\s+what\s+(?:the\s+rest\s+of\s+us|we|everyone|millions\s+of\s+us|most\s+of\s+us)"
    r"(?:\s+all)?(?:\s+(?:are|is|were|was))?\s+(?:all\s+)?(?:think|thinking)|"
    r"truer\s+words?)\b(?!\s+(?:to|that)\b)",
    re.IGNORECASE,
)
#: An agreement its clause negates, doubts or makes a condition of ("he was not right",
#: "nobody thinks he was right", "I doubt he was right", "if he was right ...").
_DOUBTED: Final = re.compile(
    r"\b(?:not|never|no|nobody|no\s+one|none|doubt\w*|if|whether|unless|deny|denies|"
    r"claim\w*|some\s+say|pretend\w*)\b|n['’]t\b",
    re.IGNORECASE,
)
#: Words after an agreement, in its sentence, that take it back ("he's right, if ...",
#: "..., said nobody", "in the same way I get a free yacht", "apart from ...").
_TAKEN_BACK: Final = re.compile(
    r"\b(?:if|unless|except|apart\s+from|only\s+if|said\s+(?:nobody|no\s+one)|"
    r"in\s+(?:his|her|their|your)\s+dreams|in\s+the\s+same\s+way|about\s+as)\b",
    re.IGNORECASE,
)
#: Between a quotation and an agreement: words that call the quotation wrong ("... was
#: wrong. The editor is right.").
_WRONG: Final = re.compile(r"\b(?:wrong|false|untrue|nonsense)\b", re.IGNORECASE)
#: Where a clause begins: the agreement's clause is what follows the last of these.
_CLAUSE_START: Final = re.compile(r"[.!?;:,\n–—-]")
#: Most words between a quotation and the agreement that is about it ("'...' and honestly
#: she was right": 2); further away, the agreement is with someone else in the story.
NEAREST: Final = 4
_WORD: Final = re.compile(r"[\w'’]+")
#: Characters after a quotation searched for its agreement: NEAREST words and the longest
#: agreement fit in it many times over.
_WINDOW: Final = 300
_SENTENCE_END: Final = re.compile(r"[.!?\n]")
#: Words by which a comment names what it quotes as hate or lies, or shames its speaker
#: (beside :data:`~.quoted_speech.HATE_NAMES`); any of them outside the quotation and the
#: comment is read as written.
_REBUKE_WORDS: Final = (
    r"racists?|bigot(?:s|ed)?|hate\s+crimes?|hateful|slurs?|xenophob\w*|homophob\w*|"
    r"transphob\w*|islamophob\w*|antisemit\w*|misogyn\w*|lies?|lying|liars?|myths?|"
    r"disgust\w*|disgrace\w*|shame\w*|vile|coward\w*|appalling|abhorrent|sicken\w*|"
    r"ignoran\w*|propaganda|conspiracy|nonsense|garbage|trope|stereotyp\w*|"
    r"dehumani[sz]\w*|condemn\w*|unacceptable|abus\w*|out\s+of\s+order|hate|banned|charged|"
    r"arrested|convicted|fined|apologi[sz]\w*|police|court|jury|inquiry|tribunal|prosecut\w*|"
    r"reported"
)
REBUKE: Final = re.compile(rf"\b(?:{HATE_NAMES}|{_REBUKE_WORDS})\b", re.IGNORECASE)


def endorsed_quotation(text: str) -> str | None:
    """The quotations of ``text`` that it agrees with, joined as one text to read alone;
    None where there are none (see the module docs).

    Linear in the text: each agreement is tied to the quotation ending last before it (a
    bisection over their ends), and sentences are found once."""
    if "'" not in text and '"' not in text and not any(c in text for c in "‘“«"):
        return None
    # Few comments say anything is right: look for that first, quotations only then (this
    # runs on every comment the engine scores, and most hold an apostrophe).
    agreements = list(AGREEMENT.finditer(text))
    if not agreements:
        return None
    spans = quotations(text)
    if not spans:
        return None
    outside = cut_out(text, spans) or text
    if REBUKE.search(outside) or SARCASM.search(outside):
        return None
    ends = [e for _, e in spans]
    sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    names_group: dict[int, bool] = {}
    agreed: dict[int, str] = {}
    for agreement in agreements:
        i = bisect_right(ends, agreement.start()) - 1
        if i < 0 or i in agreed or agreement.start() - ends[i] > _WINDOW:
            continue
        if i + 1 < len(spans) and spans[i + 1][0] < agreement.start():
            continue  # the agreement stands inside the next quotation
        if not _is_agreement(text, ends[i], agreement, sentence_ends):
            continue
        k = bisect_left(sentence_ends, spans[i][0])
        opening = sentence_ends[k - 1] + 1 if k else 0
        if _DOUBTED.search(text, max(opening, spans[i][0] - _WINDOW), spans[i][0]):
            continue  # "Nobody who says '...' is right."
        if i not in names_group:
            names_group[i] = _names_group(text, spans[i], sentence_ends)
        if names_group[i]:
            agreed[i] = words(text, spans[i]).strip(" .,;:!-–—")
    joined = ". ".join(q for _, q in sorted(agreed.items()) if q)
    return joined or None


def _is_agreement(
    text: str, quote_end: int, agreement: re.Match[str], sentence_ends: list[int]
) -> bool:
    """Whether an agreement after a quotation is about it: at most :data:`NEAREST` words,
    no other quotation mark and no whole sentence between them, nothing between that calls
    the quotation wrong, not doubted by the words of its clause before it or taken back by
    the rest of its sentence, and not in a question."""
    between = text[quote_end : agreement.start()]
    if len(_WORD.findall(between)) > NEAREST or any(q in between for q in "'\"‘“«"):
        return False
    if any(_WORD.search(part) for part in _SENTENCE_END.split(between)[1:-1]):
        return False  # "'...'. Heath sacked him. He was right.": agreed with the sentence
    if _WRONG.search(between):
        return False
    starts = [c.end() for c in _CLAUSE_START.finditer(between)]
    if _DOUBTED.search(between, starts[-1] if starts else 0):
        return False
    j = bisect_left(sentence_ends, agreement.end())
    end = sentence_ends[j] if j < len(sentence_ends) else len(text)
    if j < len(sentence_ends) and text[end] == "?":
        return False
    return not _TAKEN_BACK.search(text, agreement.end(), min(end, agreement.end() + _WINDOW))


def _names_group(text: str, quote: tuple[int, int], sentence_ends: list[int]) -> bool:
    """Whether the quotation, or its sentence (at most :data:`_WINDOW` characters either
    side of it), names a group of people."""
    i = bisect_left(sentence_ends, quote[0])
    begin = max(sentence_ends[i - 1] + 1 if i else 0, quote[0] - _WINDOW)
    j = bisect_left(sentence_ends, quote[1])
    end = min(sentence_ends[j] if j < len(sentence_ends) else len(text), quote[1] + _WINDOW)
    return GROUP_WORDS.search(normalize_text(text[begin:end])) is not None
