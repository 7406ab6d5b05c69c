"""Where a comment quotes someone: the spans between paired quotation marks, and the
words that report a phrase rather than make it.

A phrase inside a quotation is reported speech ("the defendant shouted 'I will kill you'",
a sign that read "No Jews allowed"), which a news comment names to report or condemn.
Only *paired* marks count, within one paragraph: a lone mark (an inch sign, a quote never
closed) quotes nothing, and neither do apostrophes and inch marks, so a stray mark
before a threat cannot excuse it. Straight double quotes pair in order (not one after a
digit: 27" is a screen); curly doubles, guillemets and curly singles pair by direction,
each family on its own, so a quotation nested in another is seen; straight single quotes
count only where one opens a word after a space, a bracket or a sentence's punctuation
(not '90s, 'cause, 'em) and a later one closes a word (not the Smiths' house, nothin').
Where a mark is both, the reading that quotes less wins: a threat wrongly held costs a
moderator a look, one wrongly excused is published.

:class:`Quotations` finds the spans once per text and answers each question with a binary
search, so a comment with thousands of marks and matches is read in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import Final

#: A paragraph break: a blank line, whatever the line endings.
PARAGRAPH: Final = re.compile(r"\r?\n[ \t]*\r?\n")
#: A mark that may open or close a quotation: a text without one quotes nothing.
QUOTE_MARKS: Final = re.compile("[\"'‘’“”„«»]")
#: Straight double quotes pair in order; one right after a digit is an inch mark.
_STRAIGHT: Final = re.compile(r'(?<!\d)"')
#: Marks that open and close by direction, each family paired on its own (so a quotation
#: nested in another of a different family is seen): curly doubles, guillemets, curly
#: singles (a ’ inside a word, or after an s, is an apostrophe).
_DIRECTED: Final = (
    (re.compile(r"[“„]"), re.compile(r"”")),
    (re.compile(r"«"), re.compile(r"»")),
    (re.compile(r"‘(?!(?:em|cause|til|n’)\b)"), re.compile(r"(?<![sS])’(?![A-Za-z])")),
)
#: Straight single quotes: one opens a word after a space, a bracket or a sentence's
#: punctuation, but not a year or a clipped word ('90s, 'cause, 'em, rock 'n' roll); one
#: closes a word before a space, punctuation or the end, but not a plural's or a clipped
#: word's apostrophe (the Smiths' house, nothin').
_SINGLE_OPEN: Final = re.compile(
    r"(?:^|(?<=[\s(\[.,;:!?]))'(?=[^\s\d'])"
    r"(?!(?:cause|cos|em|til|n|bout|tis|twas|round|nuff|kay|sup)\b)",
    re.IGNORECASE,
)
_SINGLE_CLOSE: Final = re.compile(r"(?<=\S)(?<![sS])(?<!in)'(?=[\s.,;:!?)\]]|$)")


def _pairs(opens: list[int], closes: list[int]) -> list[tuple[int, int]]:
    """Each opening mark with the first closing mark after it (and after the last pair)."""
    out: list[tuple[int, int]] = []
    j = 0
    for start in opens:
        if out and start < out[-1][1]:
            continue
        while j < len(closes) and closes[j] <= start:
            j += 1
        if j == len(closes):
            break
        out.append((start, closes[j] + 1))
    return out


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """The ``[begin, end)`` spans of ``text`` between paired quotation marks (marks
    included), by paragraph; sorted by ``begin``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in [*PARAGRAPH.finditer(text), None]:
        stop = brk.start() if brk is not None else len(text)
        para = text[start:stop]
        doubles = [m.start() for m in _STRAIGHT.finditer(para)]
        found = list(zip(doubles[::2], [d + 1 for d in doubles[1::2]], strict=False))
        for opener, closer in (*_DIRECTED, (_SINGLE_OPEN, _SINGLE_CLOSE)):
            found += _pairs(
                [m.start() for m in opener.finditer(para)],
                [m.start() for m in closer.finditer(para)],
            )
        spans += [(start + b, start + e) for b, e in found]
        if brk is not None:
            start = brk.end()
    return sorted(spans)


class Quotations:
    """The quotations of one text, asked whether a range lies inside one."""

    def __init__(self, text: str) -> None:
        spans = quotation_spans(text)
        #: The ``[begin, end)`` spans, marks included, sorted by ``begin``.
        self.spans = spans
        self._begins = [b for b, _ in spans]
        # the furthest end among the spans that begin at or before each one
        self._reach = list(accumulate((e for _, e in spans), max))

    def inside(self, begin: int, end: int) -> bool:
        """Whether ``[begin, end)`` lies inside a quotation (between its marks)."""
        i = bisect_left(self._begins, begin) - 1
        return i >= 0 and self._reach[i] >= end + 1


#: A word before a phrase in its sentence that reports it rather than makes it (a call,
#: dehumanising language, a coded theory in a quotation) (not after "I" or "we": "I think migrants are vermin" is no report).
REPORTING: Final = re.compile(
    r"\b(?:said|says|say|saying|told|tells|telling|post(?:s|ed)?|tweet(?:s|ed)?|flyers?|leaflets?|"
    r"scrawled|sprayed|painted|think|thinks|thought|believe|believes|"
    r"claim(?:s|ed|ing)?|sign(?:s)?|chant(?:s|ed|ing)?|shout(?:s|ed|ing)?|wrote|writes|"
    r"banners?|placards?|slogans?|graffiti|warn(?:s|ed|ing)?|in the eyes of|wants|wanted|"
    r"propos(?:es|ed|al)|plan(?:s|ned)\s+to|vow(?:s|ed)|promis(?:es|ed)|laws?|bill|decreed?|"
    r"feel|feels|felt|threaten(?:s|ed|ing)?\s+to|pledg(?:e|es|ed|ing)\s+to|"
    r"boast(?:s|ed|ing)?\s+(?:that|they|he|she|of)|promising\s+to|vowing\s+to|edicts?|"
    r"according to(?! (?:me|us)\b)|"
    # a finding or a report that names someone's words ("described disabled staff as",
    # "referred to them as", "branded them"): a tribunal's wording quoted (session 36)
    r"(?:described|referred\s+to)\s+(?:[\w'’-]+\s+){0,3}?as|branded|labell?ed)\b",
    re.IGNORECASE,
)
#: A first person just before a reporting word ("I think", "I firmly believe"): the writer
#: says it as their own.
FIRST_PERSON: Final = re.compile(
    r"\b(?:i|we)(?:'m|'ve|'d|'ll| am| have| do| did| really| honestly| still| just| always|"
    r" firmly| truly| strongly| genuinely| personally| sincerely| absolutely| kept| keep| on|"
    r" used to| even| also| once){0,3}\s+$",
    re.IGNORECASE,
)


#: Words that open an instruction or a habit with no subject of its own, before a telling
#: or an order: "Keep telling them '...'", "Make sure they're told to '...'", "Been telling
#: them for years ...", "Don't stop telling them '...'" (:data:`CALLED_FOR` here, and
#: :data:`.hurled_slurs._NO_SUBJECT` for orders).
INSTRUCTING: Final = (
    r"keep|keeps|kept|kept on|been|start|started|go|go on|remember to|be sure to|try|"
    r"don['’]?t stop|never stop|make sure"
)
#: An obligation or an instruction just before a reporting word: the telling is called
#: for, not reported ("They need to be told '...'", "Someone needs telling '...'", "About
#: time they were told '...'", "Make sure they're told to '...'", "Keep telling them
#: '...'"; reviewers' sentences, sessions 39 and 40). Only the passive of an obligation
#: ("why do they always have to say '...'" reports them), and not "would" or "will" ("My
#: grandad would always say '...'" reports him).
CALLED_FOR: Final = re.compile(
    r"(?:\b(?:should|shoulda|must|ought to|needs? to|have to|has to|had better|gotta|got to|"
    r"deserves? to)(?: all| just| simply| really| finally| each| every one)* (?:be|get|all be) $|"
    r"\bneeds? $|"
    r"(?:^\W*|[,;:]\s*|\b(?:about|high|it['’]?s|its)\s+)time\b[^.!?]{0,40}$|"
    r"\b(?:wish|wished|if only)\b[^.!?]{0,40}$|"
    rf"^\W*(?:(?:and|so|just|always|still|please)\s+)*(?:{INSTRUCTING})(?: (?:they|he|she|"
    r"you|them|everyone|every one of them)(?:['’]re| are| get| gets| is)?)?(?: on)?\s+$)",
    re.IGNORECASE,
)
#: A denial before the call: "Nobody deserves to be told '...'", "No child should be told
#: '...'" condemn the words they report.
_DENIED_CALL: Final = re.compile(r"\b(?:no ?one|nobody|no|never|not|n['’]t)\b", re.IGNORECASE)


def _called_for(before: str) -> bool:
    """Whether ``before`` (the words before a reporting word) calls for the telling
    (:data:`CALLED_FOR`), not denying it."""
    call = CALLED_FOR.search(before)
    return call is not None and not _DENIED_CALL.search(before[: call.start()])


def reports(before: str, reach: int | None = None) -> bool:
    """Whether ``before`` (the words before a phrase, in its sentence) reports it: a
    :data:`REPORTING` word (within its last ``reach`` characters, if given) that is
    neither the writer's own (:data:`FIRST_PERSON`) nor called for (:data:`CALLED_FOR`)."""
    first = 0 if reach is None else max(0, len(before) - reach)
    return any(
        not FIRST_PERSON.search(before[: m.start()]) and not _called_for(before[: m.start()])
        for m in REPORTING.finditer(before, first)
    )


#: A verb of ordering someone, in the words before a quotation: its last occurrence is
#: the one that governs the quotation ("Mum told me, and now I'm telling them to '...'").
ORDER_VERB: Final = re.compile(r"\b(?:told|tells|telling|ordered|orders|ordering)\b", re.IGNORECASE)
#: What may stand between the order and its quotation: whoever was ordered, however
#: described ("a Nigerian customer, a nurse who has lived here twelve years, "), a time's
#: marks included ("at 3:30"), and then "to". (An abbreviation's full stop, "a nurse from
#: St. Mary's", ends the sentence the caller reads: such a report is still held.)
ORDERED_TO: Final = re.compile(
    r"^\s(?:\d[:.]\d|[^.!?;:\"“”]){0,120}?\bto\s*$",
    re.IGNORECASE,
)


def order_verb(before: str) -> re.Match[str] | None:
    """The verb of ordering that ``before`` (at most a sentence's words before a
    quotation) ends in, with whoever was ordered and "to" after it ("a man told a
    Nigerian customer, a nurse who has lived here twelve years, to"); None otherwise.
    Whose order it is, the caller decides (:func:`.hurled_slurs.order_reported`)."""
    verbs = list(ORDER_VERB.finditer(before))
    if not verbs or ORDERED_TO.search(before[verbs[-1].end() :]) is None:
        return None
    return verbs[-1]
