"""Steps 1 and 3 of the pipeline: per-character Unicode folding and case folding.

Step 1 brings look-alike code points to one form (NFKC where it is safe, accents dropped
from Latin letters, invisible and control characters deleted, all whitespace a space, runs
of spaces collapsed); step 3 case-folds and re-folds. Both work one character at a time
through ``str.translate`` tables filled lazily, so each code point is worked out once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Final

from threadguard.normalize.offsets import Edit

# Invisible characters that are not of category Cc/Cf (those are dropped wholesale): the
# combining grapheme joiner, variation selectors, Hangul fillers used as "blank" names,
# and Khmer invisible vowels.
_INVISIBLE: Final = frozenset(
    ["\u034f", "\u115f", "\u1160", "\u17b4", "\u17b5", "\u3164", "\uffa0"]
    + [chr(c) for c in range(0xFE00, 0xFE10)]
    + [chr(c) for c in range(0xE0100, 0xE01F0)]
)
# Arabic tatweel (a stretch of the baseline: "حقـــير" is "حقير") and the harakat and
# Quranic marks, which everyday Arabic leaves out and the training sets nearly never have:
# written in, they hid abuse from the Arabic model ("أنت حقـــير وكلـــب" toxicity 0.14
# against 0.84 without the tatweel; "اُخْرُسْ يَا حِمَارُ" approved, rejected unvowelled).
_ARABIC_MARKS: Final = frozenset(
    ["\u0640", "\u0670"]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + [chr(c) for c in (0x06E7, 0x06E8, 0x06EA, 0x06EB, 0x06EC, 0x06ED)]
)

# Look-alikes that NFKC does not fold: small capitals and other Latin-script letter
# variants from "fancy text" generators, negative circled/squared and parenthesised
# letters, and typographic quotes and dashes (so that n-grams see one apostrophe).
_EXTRA: Final[dict[str, str]] = {
    **dict(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz", strict=True)),
    "ɑ": "a",
    "ɡ": "g",
    "ı": "i",
    "ȷ": "j",
    "ɩ": "i",
    **{chr(0x1F150 + k): chr(ord("a") + k) for k in range(26)},  # negative circled
    **{chr(0x1F170 + k): chr(ord("a") + k) for k in range(26)},  # negative squared
    **{chr(0x249C + k): chr(ord("a") + k) for k in range(26)},  # parenthesised (a)
    **dict.fromkeys("‘’‚‛′", "'"),
    **dict.fromkeys("“”„‟″", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "\u2800": " ",  # braille blank, a popular "invisible" filler
}

_MAX_EXPANSION: Final = 4  # NFKC results longer than this (ﷺ -> 18 chars) are not "safe"


def _is_generic_mark(ch: str) -> bool:
    """True for script-neutral combining marks: the ones used for accents and Zalgo text.

    Script-specific marks (Devanagari vowel signs, kana voicing marks) are not generic and
    are kept, since deleting them would garble genuine text (Arabic harakat are optional
    in everyday Arabic and go: :data:`_ARABIC_MARKS`).
    """
    o = ord(ch)
    return (
        0x0300 <= o <= 0x036F
        or 0x1AB0 <= o <= 0x1AFF
        or 0x1DC0 <= o <= 0x1DFF
        or 0x20D0 <= o <= 0x20FF
        or 0xFE20 <= o <= 0xFE2F
    )


def _is_latin(s: str) -> bool:
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in s)


def _fold_once(ch: str) -> str:
    """One round of step 1 for one character (see :func:`_fold`)."""
    if ch.isspace():
        return " "
    if ch in _INVISIBLE or ch in _ARABIC_MARKS or _is_generic_mark(ch):
        return ""
    if unicodedata.category(ch) in ("Cc", "Cf"):
        return ""
    extra = _EXTRA.get(ch)
    if extra is not None:
        return extra
    if ch.isascii():
        return ch
    decomposed = unicodedata.normalize("NFKD", ch)
    stripped = "".join(c for c in decomposed if not _is_generic_mark(c))
    if len(stripped) < len(decomposed) and stripped and _is_latin(stripped):
        # Accents on Latin letters go (fúck -> fuck); on Cyrillic or Greek they stay (й, ά),
        # since there they distinguish letters rather than decorate them.
        candidate = unicodedata.normalize("NFC", stripped)
    else:
        candidate = unicodedata.normalize("NFKC", ch)
    if len(candidate) > _MAX_EXPANSION or any(c.isspace() for c in candidate):
        # Not safe: a whole phrase (ﷺ) or a spacing accent that NFKC turns into
        # space + mark (´ in "don´t" would split the word).
        return ch
    return candidate


def _fold(ch: str) -> str:
    """Step 1 for one character, iterated to a fixed point so that it is idempotent."""
    result = _fold_once(ch)
    for _ in range(4):
        again = "".join(_fold_once(c) for c in result)
        if again == result:
            break
        result = again
    return result


def _casefold(ch: str) -> str:
    """Step 3 for one character: casefold, then re-fold (İ casefolds to i + U+0307)."""
    result = ch
    for _ in range(4):
        again = "".join(_fold(c) for c in unicodedata.normalize("NFC", result.casefold()))
        if again == result:
            break
        result = again
    return result


# Per-character tables are filled lazily (Unicode is too big to precompute at import) and
# stop growing at this size, so that a stream of text in every script cannot make them eat
# memory without bound; characters past the limit are simply recomputed each time.
_CACHE_LIMIT: Final = 50_000


class LazyTable(dict[int, str]):
    """``str.translate`` table: code point -> ``compute(character)``, worked out on first use.

    Looking up a code point already seen is a plain dict hit inside ``str.translate``; only
    a miss calls back into Python.
    """

    def __init__(self, compute: Callable[[str], str]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: int) -> str:
        value = self._compute(chr(key))
        if len(self) < _CACHE_LIMIT:
            self[key] = value
        return value


#: Step 1: code point -> folded string.
FOLD: Final = LazyTable(_fold)
#: Step 3: code point -> case-folded, re-folded string.
CASEFOLD: Final = LazyTable(_casefold)
for _code in range(128):  # warm the common case
    FOLD[_code]
    CASEFOLD[_code]
del _code

# ASCII control characters that step 1 deletes (whitespace controls become spaces instead).
ASCII_CONTROL_RE: Final = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")


# Step 1 on ASCII text without the controls it deletes: one character for one, so the map
# is the identity and str.translate does the work (a per-character loop is the slow part
# of building a map, and most comments are ASCII).
_ASCII_FOLD: Final = {
    c: FOLD[c] for c in range(128) if not ASCII_CONTROL_RE.match(chr(c)) and FOLD[c] != chr(c)
}
assert all(len(v) == 1 for v in _ASCII_FOLD.values())


def fold_mapped(text: str) -> tuple[str, list[int], list[int]]:
    """Step 1 with the map; the identity map on the original text is built here."""
    n = len(text)
    if text.isascii() and not ASCII_CONTROL_RE.search(text):
        return text.translate(_ASCII_FOLD), list(range(n)), list(range(1, n + 1))
    return _translate_mapped(text, FOLD, range(n), range(1, n + 1))


def fold_indexed(text: str, index: list[int]) -> tuple[str, list[int], list[int]]:
    """Step 1 with the map, for text whose characters came from ``index`` in the original
    (step 0's reordering, :mod:`.display`)."""
    return _translate_mapped(text, FOLD, index, [i + 1 for i in index])


def casefold_mapped(
    text: str, starts: list[int], ends: list[int]
) -> tuple[str, list[int], list[int]]:
    """Step 3 with the map (casefolding can change lengths: ß -> ss)."""
    if text.isascii():
        return text.lower(), starts, ends
    return _translate_mapped(text, CASEFOLD, starts, ends)


def _translate_mapped(
    text: str, table: LazyTable, starts: Sequence[int], ends: Sequence[int]
) -> tuple[str, list[int], list[int]]:
    """``text.translate(table)`` with the map: each character's result maps to where that
    character came from (a deleted character leaves no entry)."""
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    for ch, start, end in zip(text, starts, ends, strict=True):
        r = table[ord(ch)]
        if len(r) == 1:
            out.append(r)
            new_starts.append(start)
            new_ends.append(end)
        elif r:
            out.append(r)
            new_starts.extend([start] * len(r))
            new_ends.extend([end] * len(r))
    return "".join(out), new_starts, new_ends


_SPACE_RUN_RE: Final = re.compile(r"^ +| +$| {2,}")


def space_edits(text: str) -> list[Edit]:
    """Whitespace runs -> one space (mapped to the whole run); leading/trailing -> gone."""
    edits: list[Edit] = []
    n = len(text)
    for m in _SPACE_RUN_RE.finditer(text):
        a, b = m.span()
        edits.append((a, b, [] if a == 0 or b == n else [(" ", a, b)]))
    return edits
