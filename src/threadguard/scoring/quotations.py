"""Where a comment quotes someone: the spans between paired quotation marks. The one
finder of quotations, for the moderation's lists (threats, coded hate, abusive words,
hurled slurs) and for the engine's second readings (a quotation condemned,
:mod:`.quoted_speech`; a quotation agreed with, :mod:`.endorsed_quotes`). It sits in
``scoring/``, below ``moderation/``, so both may import it.

A phrase inside a quotation is reported speech ("the defendant shouted 'I will kill you'",
a sign that read "No Jews allowed"), which a news comment names to report or condemn.
Only *paired* marks count: a lone mark (an inch sign, a quote never closed) quotes
nothing, and neither do apostrophes, so a stray mark before a threat cannot excuse it.
Each family of marks pairs on its own (straight doubles in order; curly doubles,
guillemets and single marks by direction), so a quotation nested in another of another
family is seen. A single mark is the hard case: it is an apostrophe inside a word
("it's"), in front of an elided word (:data:`ELIDED`: 'em, 'cause, the '90s, rock 'n'
roll) and after a plural or a clipped word (the Smiths' house, nothin'), and a quotation
mark at a quotation's edge. Where a mark may be either, the two uses lean opposite ways,
so the finder takes a :class:`Lean`:

- :attr:`Lean.STRICT` (the default; the moderation's lists): the reading that quotes less
  wins, since a threat wrongly held costs a moderator a look and one wrongly excused is
  published. Pairs within a paragraph (a blank line, whatever the line endings), so a
  quotation wrapped over lines is seen. Straight double quotes pair in order, not one
  after a digit (27" is a screen); a straight single mark opens only after a space, a
  bracket or a sentence's punctuation and before a letter, and closes only before one
  (or the end) and never after an "s" or "in" (a plural's or a clipped word's
  apostrophe); a curly ’ after an "s" or before a letter closes nothing; a straight and
  a curly single mark do not pair.
- :attr:`Lean.LOOSE` (the second readings; their reviews were made with it): the reading
  that quotes more, since the agreed-quotation reading would miss "'... are terrorists' -
  he was right" otherwise; what such a quotation lets a reading lower is guarded by the
  reading's own checks (a reporting word, a condemnation that ends the comment, contempt
  in every quotation: :mod:`.quoted_speech`). Pairs within a line, each closing mark with
  the nearest opening mark before it, the words between 1 to :data:`LONGEST` characters
  (a mark further from the next is more often a stray one, and the next may open a
  quotation of its own). Every straight double mark counts, and a doubled one
  (""word"", as some exports write a quotation) opens before the word and closes after
  it. A single mark opens wherever no word or other single mark stands before it and
  closes wherever none follows, after an "s" too; a straight mark pairs with a curly one,
  and the words between hold at least two characters and no other single mark but an
  apostrophe.

:class:`Quotations` finds the spans once per text and answers each question with a binary
search, so a comment with thousands of marks and matches is read in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from enum import Enum
from itertools import accumulate
from typing import Final, NamedTuple

#: A paragraph break: a blank line, whatever the line endings.
PARAGRAPH: Final = re.compile(r"\r?\n[ \t]*\r?\n")
#: A line break: where a :attr:`Lean.LOOSE` quotation ends at the latest.
LINE: Final = re.compile(r"\r?\n")
#: A mark that may open or close a quotation: a text without one quotes nothing.
QUOTE_MARKS: Final = re.compile("[\"'‘’“”„«»]")
#: The most characters the words of a :attr:`Lean.LOOSE` quotation hold: a longer one is
#: most of a comment, and its opening mark more likely a stray one.
LONGEST: Final = 200
#: Words written with an apostrophe in front ("send 'em back", "'cause", "the '90s", rock
#: 'n' roll): a single mark before one opens no quotation, in either lean.
ELIDED: Final = r"(?:cause|cos|coz|em|til|n|bout|tis|twas|round|nuff|kay|sup|\d0s)\b"


class Lean(Enum):
    """Which way a mark that may be an apostrophe (or an inch mark) or a quotation mark is
    read (see the module docs)."""

    #: The reading that quotes less: the moderation's lists, where a quotation excuses.
    STRICT = "strict"
    #: The reading that quotes more: the second readings.
    LOOSE = "loose"


class _Family(NamedTuple):
    """Marks that pair with each other: where one may open a quotation, where one may close
    it, and (the loose lean) the fewest characters its words hold, every mark of the
    family, and those of them its words may hold: any other stops a quotation open before
    it. (Each pattern begins with its mark, so a search skips to the marks.)"""

    opens: re.Pattern[str]
    closes: re.Pattern[str]
    shortest: int = 1
    marks: re.Pattern[str] | None = None
    inner: re.Pattern[str] | None = None


def _pairs(family: _Family, text: str, breaks: list[int]) -> list[tuple[int, int]]:
    """Each opening mark with the first closing mark after it (and after the last pair),
    where no break of the unit stands between them."""
    closes = [m.start() for m in family.closes.finditer(text)]
    out: list[tuple[int, int]] = []
    j = 0
    for m in family.opens.finditer(text):
        start = m.start()
        if out and start < out[-1][1]:
            continue
        while j < len(closes) and closes[j] <= start:
            j += 1
        if j == len(closes):
            break
        k = bisect_right(breaks, start)
        if k == len(breaks) or closes[j] < breaks[k]:
            out.append((start, closes[j] + 1))
    return out


def _innermost(family: _Family, text: str, breaks: list[int]) -> list[tuple[int, int]]:
    """Each closing mark with the last opening mark before it, where no other mark of the
    family stands between them and the words between hold ``family.shortest`` to
    :data:`LONGEST` characters: an opening mark followed by another, by a stray mark, or by
    a closing mark too near or too far opens nothing (a mark far from the next is more
    often a stray than a long quotation's, and the next may open a quotation of its own).
    A mark that may do either closes where a quotation is open, and a break of the unit
    stops one."""
    opens = {m.start() for m in family.opens.finditer(text)}
    closes = {m.start() for m in family.closes.finditer(text)}
    strays: set[int] = set()
    if family.marks is not None and family.inner is not None:
        strays = {m.start() for m in family.marks.finditer(text)}
        strays -= {m.start() for m in family.inner.finditer(text)}
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for at in sorted(opens | closes | strays | set(breaks)):
        if open_at is not None and at in closes and family.shortest < at - open_at <= LONGEST + 1:
            out.append((open_at, at + 1))
            open_at = None
        elif at in opens:
            open_at = at
        else:
            open_at = None
    return out


class _Finder(NamedTuple):
    """One lean: where a unit of pairing ends, its families of marks, and how they pair."""

    unit: re.Pattern[str]
    families: tuple[_Family, ...]
    pairs: Callable[[_Family, str, list[int]], list[tuple[int, int]]]


#: A single mark that is an apostrophe inside a word ("it's") or in front of an elided
#: word ("send 'em back"): in the loose lean, one a quotation's words may hold.
_APOSTROPHE: Final = rf"['’](?:(?<=[^\s'‘’]['’])(?=\w)|(?={ELIDED}))"
_FINDERS: Final = {
    Lean.STRICT: _Finder(
        PARAGRAPH,
        (
            # straight doubles pair in order; one right after a digit is an inch mark
            _Family(re.compile(r'(?<!\d)"'), re.compile(r'(?<!\d)"')),
            _Family(re.compile(r"[“„]"), re.compile(r"”")),
            _Family(re.compile(r"«"), re.compile(r"»")),
            # curly singles: a ’ inside a word, or after an s, is an apostrophe
            _Family(
                re.compile(rf"‘(?!{ELIDED})", re.IGNORECASE),
                re.compile(r"(?<![sS])’(?![A-Za-z])"),
            ),
            # straight singles: one opens a word after a space, a bracket or a sentence's
            # punctuation, but not a year or a clipped word; one closes a word before a
            # space, punctuation or the end, but not a plural's or a clipped word's
            # apostrophe (the Smiths' house, nothin')
            _Family(
                re.compile(rf"(?:^|(?<=[\s(\[.,;:!?]))'(?=[^\s\d'])(?!{ELIDED})", re.IGNORECASE),
                re.compile(r"(?<=\S)(?<![sS])(?<!in)'(?=[\s.,;:!?)\]]|$)"),
            ),
        ),
        _pairs,
    ),
    Lean.LOOSE: _Finder(
        LINE,
        (
            # straight doubles: a doubled mark (""word"", as some exports write a
            # quotation) opens before the word and closes after it
            _Family(re.compile(r'"(?!")'), re.compile(r'"(?<!"")')),
            _Family(re.compile(r"[“„]"), re.compile(r"”")),
            _Family(re.compile(r"«"), re.compile(r"»")),
            # straight and curly singles as one family: one opens where no word or single
            # mark stands before it (and no elided word after it), one closes where none
            # follows, and the words between hold at least two characters and no single
            # mark but an apostrophe
            _Family(
                re.compile(rf"['‘](?<![\w'‘’].)(?!{ELIDED})", re.IGNORECASE),
                re.compile(r"['’](?![\w'’])"),
                2,
                re.compile(r"['‘’]"),
                re.compile(_APOSTROPHE, re.IGNORECASE),
            ),
        ),
        _innermost,
    ),
}


def quotation_spans(text: str, lean: Lean = Lean.STRICT) -> list[tuple[int, int]]:
    """The ``[begin, end)`` spans of ``text`` between paired quotation marks (marks
    included), by paragraph (:attr:`Lean.STRICT`) or line (:attr:`Lean.LOOSE`); sorted by
    ``begin``. A quotation nested in another of another family is a span of its own."""
    if not QUOTE_MARKS.search(text):
        return []
    finder = _FINDERS[lean]
    # Each family's marks are found in the whole text (a unit's break is whitespace, so a
    # mark reads the same beside it) and pair within a unit.
    breaks = [m.start() for m in finder.unit.finditer(text)]
    spans: list[tuple[int, int]] = []
    for family in finder.families:
        spans += finder.pairs(family, text, breaks)
    return sorted(spans)


def outermost(text: str) -> list[tuple[int, int]]:
    """The :attr:`Lean.LOOSE` quotations of ``text`` not inside another, in order and not
    overlapping: what a second reading cuts out or reads alone (:func:`words` gives their
    words)."""
    out: list[tuple[int, int]] = []
    for begin, end in quotation_spans(text, Lean.LOOSE):
        if not out or begin >= out[-1][1]:
            out.append((begin, end))  # else inside (or across) the quotation before it
    return out


def words(text: str, span: tuple[int, int]) -> str:
    """The words of the quotation at ``span`` (marks included): its text without them."""
    return text[span[0] + 1 : span[1] - 1]


class Quotations:
    """The quotations of one text, asked whether a range lies inside one."""

    def __init__(self, text: str, lean: Lean = Lean.STRICT) -> None:
        spans = quotation_spans(text, lean)
        #: The ``[begin, end)`` spans, marks included, sorted by ``begin``.
        self.spans = spans
        self._begins = [b for b, _ in spans]
        # the furthest end among the spans that begin at or before each one
        self._reach = list(accumulate((e for _, e in spans), max))

    def inside(self, begin: int, end: int) -> bool:
        """Whether ``[begin, end)`` lies inside a quotation (between its marks)."""
        i = bisect_left(self._begins, begin) - 1
        return i >= 0 and self._reach[i] >= end + 1
