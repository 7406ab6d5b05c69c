"""Step 4b of the pipeline: upside-down text (``"you are an ıpıoʇ"``).

Flip-text generators write each letter as its 180-degree turn (``ɐ ǝ ɹ ʇ ʎ``...), which no
model or word list recognises. A word that is mostly such letters, with at least one that
is not an ``i`` (the Turkish dotless ı has already become ``i`` in step 1, and ``1``/``!``
may still read as ``i``), is mapped back letter by letter; its ASCII letters read as their
turn too (``p`` -> ``d``, ``u`` -> ``n``, ``q`` -> ``b``). Generators also reverse the
text: when every letter of the text is in such words, the text is reversed too
(``"ʇoıpı"`` -> ``idiot``); a flipped word among ordinary ones keeps its order, as written.

It runs on the canonical text after the separators are joined (``ʇ.ɐ.ʇ`` is one word by
then) and before leetspeak, which keeps the pipeline idempotent: a mapped word has no
turned letter left, and a word left alone has no more turned letters the second time.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.normalize.offsets import Edit
from threadguard.normalize.protected import overlaps

# Turned letters (case-folded: capitals that fold to these are covered) -> their reading.
_FLIP: Final[dict[str, str]] = {
    **dict(zip("ɐɔǝɟƃᵷɥᴉɾʞɯɹʇʌʍʎ", "acefgghijkmrtvwy", strict=True)),
    **dict(zip("∀ꓭᗡℲ⅁˥ꟽꓕ⊥∩⅄", "abdfglmttuy", strict=True)),
}
_FLIP_ASCII: Final = str.maketrans("dpbqnu1!", "pdqbunii")
# Letters a flipped word may hold that read the same either way, and the leetspeak
# characters step 5 turns into letters: counted as neither turned nor plain, so a word is
# judged the same before step 5 and after it (a review, session 37: counted only in its
# length, "ʇ0qʍɯʎs$5" was left alone, shortened by step 5 to "ʇoqʍɯʎss", then flipped).
_WEAK: Final = frozenset("i1!03457@$|")
_TURNED: Final = "".join(sorted(_FLIP))
_HINT_RE: Final = re.compile(f"[{_TURNED}]")
# A word runs through the leetspeak characters too (step 5 makes letters of them): "I0ʇ"
# read as the words "i" and "ʇ" was left alone, became "ioʇ" in step 5, and a second pass
# flipped it (hypothesis found it); read as one word it is judged once, as the whole.
_WORD_RE: Final = re.compile(f"(?:[^\\W\\d_]|[013457@$!|{_TURNED}])+")
_LETTER_RE: Final = re.compile(f"[^\\W\\d_]|[{_TURNED}]")
_MIRROR: Final = dict(zip("()[]{}<>«»", ")(][}{><»«", strict=True))


def _flipped(word: str) -> bool:
    strong = sum(1 for c in word if c in _FLIP)
    weak = sum(1 for c in word if c in _WEAK)
    return strong >= 1 and strong + weak >= 2 and 2 * (strong + weak) >= len(word)


def _unflip(word: str) -> str:
    return "".join(_FLIP.get(c) or c.translate(_FLIP_ASCII) for c in word)


def flip_edits(text: str, protected: list[tuple[int, int]]) -> list[Edit]:
    """Map upside-down words back; reverse the text when all of its words are flipped."""
    if text.isascii() or not _HINT_RE.search(text):
        return []
    words = [
        m.span()
        for m in _WORD_RE.finditer(text)
        if _HINT_RE.search(m.group()) and _flipped(m.group())
    ]
    if protected:
        words = [(a, b) for a, b in words if not overlaps(a, b, protected)]
    if not words:
        return []
    # a "word" of digits and signs alone ("5", "2024", "$$$") is not writing to turn: it
    # neither counts against reversing a text whose every word is flipped nor is flipped
    letters = sum(len(m.group()) for m in _WORD_RE.finditer(text) if _LETTER_RE.search(m.group()))
    if sum(b - a for a, b in words) == letters:
        chars = list(text)
        for a, b in words:
            chars[a:b] = _unflip(text[a:b])
        n = len(text)
        pieces = [(_MIRROR.get(chars[k], chars[k]), k, k + 1) for k in range(n - 1, -1, -1)]
        return [(0, n, pieces)]
    return [(a, b, [(_unflip(text[a:b]), a, b)]) for a, b in words]
