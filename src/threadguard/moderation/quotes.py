"""Where a comment quotes someone: the spans between paired quotation marks.

A phrase inside a quotation is reported speech ("the defendant shouted 'I will kill you'",
a sign that read "No Jews allowed"), which a news comment names to report or condemn.
Only *paired* marks count, within one paragraph: a lone mark (an inch sign, a quote never
closed) quotes nothing, so a stray mark before a threat cannot excuse it. Double quotes
(straight and curly, „ « ») pair in order; curly single quotes pair an opening ‘ with the
next ’ that ends a word; straight single quotes count only where one opens a word after a
space, a bracket or a sentence's punctuation and a later one closes a word before a space,
punctuation or the end, so the apostrophes of "don't" and "the Smiths' house" quote
nothing.

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
_DOUBLE: Final = re.compile(r"[\"“”„«»]")
_CURLY_OPEN: Final = re.compile(r"‘")
_CURLY_CLOSE: Final = re.compile(r"’(?![A-Za-z])")
_SINGLE_OPEN: Final = re.compile(r"(?:^|(?<=[\s(\[.,;:!?]))'(?=\S)")
_SINGLE_CLOSE: Final = re.compile(r"(?<=\S)'(?=[\s.,;:!?)\]]|$)")


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
        doubles = [m.start() for m in _DOUBLE.finditer(para)]
        found = list(zip(doubles[::2], [d + 1 for d in doubles[1::2]], strict=False))
        for opener, closer in ((_CURLY_OPEN, _CURLY_CLOSE), (_SINGLE_OPEN, _SINGLE_CLOSE)):
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
        self._begins = [b for b, _ in spans]
        # the furthest end among the spans that begin at or before each one
        self._reach = list(accumulate((e for _, e in spans), max))

    def inside(self, begin: int, end: int) -> bool:
        """Whether ``[begin, end)`` lies inside a quotation (between its marks)."""
        i = bisect_left(self._begins, begin) - 1
        return i >= 0 and self._reach[i] >= end + 1
