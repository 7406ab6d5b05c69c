"""Step 2 of the pipeline: Cyrillic and Greek look-alikes become Latin letters.

``іdіоt`` written with Cyrillic і and о must read as ``idiot``, but a genuine Russian or
Greek word must stay as it is. A token is mapped when it also contains Latin letters, or
when all of its letters are look-alikes; a word with a letter that looks nothing like a
Latin one is left alone.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.normalize.offsets import Edit
from threadguard.normalize.tokens import ASCII_LETTER_RE, tokens_at
from threadguard.normalize.unicode_fold import CASEFOLD, LazyTable

# Lower-case (case-folded) Cyrillic and Greek letters that look like Latin ones. Letters
# that only look Latin in upper case (Н, М, Т, К, В) are in _UPPER_LOOKALIKES, so that
# common Russian words such as "как" or "нет" are not all-look-alike words.
_LOWER_LOOKALIKES: Final[dict[str, str]] = {
    **dict(zip("аеорсухіјѕԁһӏԛԝүѵ", "aeopcyxijsdhlqwyv", strict=True)),  # Cyrillic
    **dict(zip("αεικνορτυχ", "aeikvoptux", strict=True)),  # Greek
}

# Upper-case look-alikes whose lower case does not look Latin (or looks like another letter).
_UPPER_LOOKALIKES: Final[dict[str, str]] = {
    **dict(zip("ВНМТКӀ", "bhmtki", strict=True)),  # Cyrillic
    **dict(zip("ΒΗΜΝΖΥ", "bhmnzy", strict=True)),  # Greek
}


# The blocks look-alikes are taken from: Greek, Cyrillic (with its supplements and
# extensions) and Greek Extended. Only characters in them are ever mapped.
_LOOKALIKE_HINT_RE: Final = re.compile(
    "[\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1f00-\u1fff\ua640-\ua69f]"
)


def _lookalike(ch: str) -> str:
    """Step 2 for one character: look-alike -> Latin, everything else -> itself.

    A character is a look-alike when it is listed in upper case, or when its case-folded
    form is a listed lower-case look-alike (so Α, α and ϲ-style variants all count).
    Step 2 runs before case folding, where the upper-case shapes are still visible (Н looks
    like H, its lower case н does not), and once more after it, because case folding can
    reveal new look-alikes (ᾳ folds to α + ι); the second run is what makes the step
    idempotent.
    """
    if _LOOKALIKE_HINT_RE.match(ch):
        return _UPPER_LOOKALIKES.get(ch) or _LOWER_LOOKALIKES.get(CASEFOLD[ord(ch)], ch)
    return ch


_LOOKALIKE: Final = LazyTable(_lookalike)


def homoglyph_edits(text: str) -> list[Edit]:
    """Map look-alikes to Latin in words that contain Latin letters or only look-alikes."""
    if text.isascii():
        return []
    table = _LOOKALIKE
    edits: list[Edit] = []
    for a, b in tokens_at(text, _LOOKALIKE_HINT_RE.finditer(text)):
        token = text[a:b]
        mapped = token.translate(table)
        if mapped == token:
            continue
        if not ASCII_LETTER_RE.search(token) and any(
            c.isalpha() and table[ord(c)] == c for c in token
        ):
            continue  # a genuine Cyrillic/Greek word: it has letters that look nothing Latin
        edits.append((a, b, [(mapped, a, b)]))
    return edits
