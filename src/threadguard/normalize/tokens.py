"""Word patterns: the tokens the pipeline's word steps look at, and the words of its output.

Steps 2 and 5 (homoglyphs, leetspeak) edit whole tokens that contain a cheap regex hit;
:data:`WORD_RE` is what tokenisers downstream take as one word of the canonical text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

# A word for steps 2 and 5: letters and digits, plus the symbols that leetspeak uses.
_TOKEN_RE: Final = re.compile(r"(?:[^\W_]|[@$!|])+")
_TOKEN_SYMBOLS: Final = frozenset("@$!|")
ASCII_LETTER_RE: Final = re.compile(r"[A-Za-z]")


def tokens_at(text: str, hits: Iterator[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """The distinct tokens (by :data:`_TOKEN_RE`) that contain a hit, in order.

    Steps 2 and 5 only look at words around a cheap regex hit instead of at every word,
    which keeps the common case (nothing to do) fast. ``[^\\W_]`` is exactly
    ``str.isalnum``, so the backward scan agrees with the regex.
    """
    last_end = -1
    for hit in hits:
        i = hit.start()
        if i < last_end:
            continue
        a = i
        while a > 0 and (text[a - 1].isalnum() or text[a - 1] in _TOKEN_SYMBOLS):
            a -= 1
        m = _TOKEN_RE.match(text, a)
        if m is None or m.end() <= i:
            continue  # the hit is not a word character
        last_end = m.end()
        yield a, last_end


# A word of normalised text for tokenisers downstream: masked words ("f*ck", "f**k",
# "sh#t", "f***") and contractions stay one token.
WORD_RE: Final = re.compile(r"[^\W_]+(?:(?:[*#]+|')[^\W_]+)*[*#]*")


def words(text: str) -> list[str]:
    """The words of already-normalised text, by :data:`WORD_RE`."""
    return WORD_RE.findall(text)
