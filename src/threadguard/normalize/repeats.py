"""Step 6 of the pipeline: runs of one repeated letter or punctuation character.

``fuuuuck`` becomes ``fuuck`` and ``!!!!!!`` becomes ``!!!``, so that every length of
stretching reads as one word; digit runs (``1000``) are numbers and stay.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.normalize.offsets import Edit
from threadguard.normalize.protected import overlaps

# Any run of three equal characters; which runs are collapsed is decided per run below
# (a plain "(.)\1\1" scan is several times faster than a pattern with character classes).
_RUN_RE: Final = re.compile(r"(.)\1{2,}", re.DOTALL)
_RUN_HINT_RE: Final = re.compile(r"(.)\1\1", re.DOTALL)
_LETTER_RE: Final = re.compile(r"[^\W\d_]")
_PUNCT_RE: Final = re.compile(r"[^\w\s]")


def run_edits(text: str, protected: list[tuple[int, int]]) -> list[Edit]:
    """Letter runs > 2 -> 2, punctuation/symbol runs > 3 -> 3; the last kept char maps to
    the rest of the run, so the word still maps back to all of its original characters.
    Digit runs ("1000") are numbers and stay."""
    if not _RUN_HINT_RE.search(text):
        return []
    edits: list[Edit] = []
    for m in _RUN_RE.finditer(text):
        a, b = m.span()
        c = text[a]
        if _LETTER_RE.match(c):
            pieces = [(c, a, a + 1), (c, a + 1, b)]
        elif b - a > 3 and _PUNCT_RE.match(c):
            pieces = [(c, a, a + 1), (c, a + 1, a + 2), (c, a + 2, b)]
        else:
            continue
        if protected and overlaps(a, b, protected):
            continue
        edits.append((a, b, pieces))
    return edits
