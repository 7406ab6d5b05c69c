"""Step 4 of the pipeline: separators inside a word (``f.u.c.k``, ``f u c k``, ``i-d-i-o-t``).

It runs before the leetspeak step, so that ``n.1.g.g.3.r`` is first joined, then
de-leeted, which keeps the pipeline idempotent.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.normalize.offsets import Edit
from threadguard.normalize.protected import overlaps

# A unit is one letter, or one leetspeak digit (n.1.g.g.3.r); it must stand alone, i.e. not
# touch another letter or digit. Space-separated runs need four units, others three.
_UNIT: Final = r"(?:[^\W\d_]|[013457])"
# Emoji (and other pictographs) used as separators: "c😀u😀n😀t", one to three of them.
_EMOJI: Final = "\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
# A separator: one of . - _ * (alone, or . and * with a space either side: "i . d . i . o . t")
# or a few emoji; the same separator must repeat through the run.
_SEP: Final = rf"[.\-_*]| [.*] |[{_EMOJI}]{{1,3}}"
# Cheap pre-checks: every joinable run contains "s u s" with one separator, or " u u ".
# (Searches starting with a literal or a class are much faster than one alternation.)
_JOIN_HINT_RE: Final = re.compile(r"([.\-_*])[^\W_]\1")
_JOIN_SPACE_HINT_RE: Final = re.compile(r" [^\W_] [^\W_] ")
_JOIN_SPACED_SEP_HINT_RE: Final = re.compile(r" [.*] [^\W_] [.*] ")
_JOIN_EMOJI_HINT_RE: Final = re.compile(rf"[{_EMOJI}][^\W_][{_EMOJI}]")
_JOIN_RE: Final = re.compile(
    rf"(?<![^\W_])(?:{_UNIT}(?: {_UNIT}){{3,}}|{_UNIT}({_SEP}){_UNIT}(?:\1{_UNIT})+)(?![^\W_])"
)
_UNITS_RE: Final = re.compile(_UNIT)
# Words after which a single "a" starting a spaced-out run is the article, not the word's
# first letter: "you are a w h o r e" is "a whore", not "awhore".
_BEFORE_ARTICLE: Final = frozenset(
    [
        "are",
        "is",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "r",
        "ur",
        "u",
        "what",
        "such",
        "quite",
        "like",
        "as",
        "its",
        "it's",
        "you're",
        "youre",
        "he's",
        "hes",
        "she's",
        "shes",
        "that's",
        "thats",
        "called",
        "call",
        "calling",
        "just",
        "only",
        "total",
        "and",
        "or",
        "than",
    ]
)
_ALPHABET: Final = "abcdefghijklmnopqrstuvwxyz"


def _previous_word(text: str, a: int) -> str:
    """The word that ends one space before ``a`` ("" at the start of the text)."""
    if a < 2 or text[a - 1] != " ":
        return ""
    k = text.rfind(" ", 0, a - 1)
    return text[k + 1 : a - 1]


def join_edits(text: str, protected: list[tuple[int, int]]) -> list[Edit]:
    """Join ``f.u.c.k`` / ``f u c k`` / ``f-u-c-k`` / ``f_u_c_k`` / ``f*u*c*k`` /
    ``f . u . c . k`` / ``f😀u😀c😀k``.

    Requires at least three single letters with a separator, and at least four with a
    space, because "i am a" style single-letter words are common in ordinary English but
    four in a row are not. A run of consecutive letters of the alphabet ("a b c d") is a
    list and stays; a leading "a" after a word such as "are" or "what" is the article and
    stays a word of its own when at least three letters follow.
    """
    if not (
        _JOIN_HINT_RE.search(text)
        or _JOIN_SPACE_HINT_RE.search(text)
        or _JOIN_SPACED_SEP_HINT_RE.search(text)
        or (not text.isascii() and _JOIN_EMOJI_HINT_RE.search(text))
    ):
        return []
    edits: list[Edit] = []
    for m in _JOIN_RE.finditer(text):
        seg = m.group()
        a, b = m.span()
        spaced = m.group(1) is None
        units = [(u.start() + a, u.group()) for u in _UNITS_RE.finditer(seg)]
        least = 4 if spaced else 3
        if (
            spaced
            and len(units) >= 4
            and units[0][1] == "a"
            and _previous_word(text, a) in _BEFORE_ARTICLE
            and units[1][1] != units[2][1]
        ):
            units = units[1:]
            a = units[0][0]
            least = 3
        letters = "".join(u for _, u in units if u.isalpha())
        if len(letters) < least:
            continue
        if len(letters) >= 3 and letters in _ALPHABET:
            continue  # "a b c d": a list of letters
        if protected and overlaps(a, b, protected):
            continue
        edits.append((a, b, [(u, i, i + 1) for i, u in units]))
    return edits
