"""Text normalisation against obfuscation, with an offset map back to the original.

Comments written to dodge word filters (``𝐟𝐮𝐜𝐤``, ``f.u.c.k``, ``n1gg3r``, ``id\\u200biot``,
Cyrillic ``іdіоt``, ``fuuuuck``) defeat the fast tier's word and character n-gram models and
word-list matching unless they are first brought to one canonical form. The spans ThreadGuard
reports, however, are Unicode code-point offsets into the *original* text, so every character
of the canonical text carries the ``[begin, end)`` range of the original characters it came
from. :func:`normalize` returns the canonical text with that map; :func:`normalize_text`
returns only the text and is the fast path for feature extraction (it runs on every comment
and on every training row).

The pipeline (each step keeps the map):

1. Per character: Unicode NFKC where it is safe (fullwidth, ligatures, mathematical and
   circled letters, superscripts, small capitals); combining diacritics are dropped from
   Latin letters (``fúck`` -> ``fuck``) and standalone (Zalgo text); zero-width, invisible,
   bidi and control characters are deleted; every kind of whitespace becomes a space.
   Runs of whitespace collapse to one space and the ends are trimmed (this part of "step 6"
   runs first so that the later steps only ever see single spaces).
2. Homoglyphs: Cyrillic and Greek look-alikes become Latin inside words that also contain
   Latin letters, or whose letters are all look-alikes; genuine Russian or Greek words
   (with letters that look nothing like Latin ones) are left alone.
3. Case folding (``str.casefold``, re-folded by step 1), then step 2 once more.
4. Separators inserted inside a word (``f.u.c.k``, ``f u c k``, ``i-d-i-o-t``) are removed.
   This runs *before* the leetspeak step so that ``n.1.g.g.3.r`` is first joined, then
   de-leeted, which keeps the pipeline idempotent.
5. Leetspeak inside words that mix letters and look-alike digits or symbols (``sh!t``,
   ``b1tch``, ``@ss``); pure numbers, prices and ordinals are not touched.
6. Runs of one letter longer than two collapse to two (``fuuuuck`` -> ``fuuck``), runs of
   one punctuation or symbol character longer than three collapse to three.

URLs and e-mail addresses are protected from steps 4 to 6 (they are only case-folded).
Masked letters (``f*ck``, ``sh#t``) are kept: the models learn them; :data:`WORD_RE` is the
word pattern that keeps such tokens in one piece.

``normalize_text(normalize_text(x)) == normalize_text(x)`` for every input (the property
tests check it on arbitrary Unicode), so text normalised once at training time and again at
scoring time comes out the same.

Known limitations, accepted on purpose: Cyrillic/Greek words made only of look-alike
letters (Russian "а", "сор", all-capitals "НЕТ") are turned into Latin; accents on Latin
letters are lost (café -> cafe); ZWNJ is deleted even where it is orthographic (Persian);
acronyms with dots are joined (U.S.A. -> usa.); ``1`` always reads as ``i``, never ``l``;
a leetspeak digit that starts or ends a word is left alone except for the few patterns in
:func:`_deleet`, so "a55" is caught but "ki11" is not; a "!" between two letters is read as
an ``i`` even where a space was merely forgotten ("great!thanks").
"""

from __future__ import annotations

import re
import string
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

__all__ = [
    "WORD_RE",
    "Normalized",
    "bench_normalize",
    "normalize",
    "normalize_text",
    "words",
]


# --------------------------------------------------------------------------------------------
# The result type
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Normalized:
    """Canonical text plus, for each of its characters, the original range it came from.

    ``starts[i]`` and ``ends[i]`` are code-point offsets into the original text: the
    canonical character ``text[i]`` was produced from ``original[starts[i]:ends[i]]``.
    Both tuples are non-decreasing. When several original characters became one canonical
    character it maps to their union; when one original character became several (``ﬁ`` ->
    ``fi``) each of them maps to that one character; deleted characters have no entry.
    Tuples keep the object immutable and hashable; spans are mapped a handful at a time, so
    the compactness of ``array`` would buy nothing measurable.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, begin: int, end: int) -> tuple[int, int]:
        """Map a ``[begin, end)`` range of the normalised text to the original text.

        A non-empty range maps to the smallest original range that covers every original
        character its characters came from. An empty range maps to an empty range at the
        corresponding original position. Raises ``ValueError`` for a range that is not
        inside the normalised text, since a caller passing one has a bug we should not hide.
        """
        n = len(self.text)
        if not 0 <= begin <= end <= n:
            raise ValueError(f"range [{begin}, {end}) is not inside the normalised text (0..{n})")
        if begin < end:
            return self.starts[begin], self.ends[end - 1]
        if begin < n:
            return self.starts[begin], self.starts[begin]
        pos = self.ends[-1] if n else 0
        return pos, pos


# An edit replaces current[a:b] with pieces; each piece (s, i, j) emits the string s made
# from current[i:j]. If len(s) == j - i the characters map one to one, otherwise every
# character of s maps to the union of the ranges of current[i:j].
_Piece = tuple[str, int, int]
_Edit = tuple[int, int, list[_Piece]]


# --------------------------------------------------------------------------------------------
# Step 1: per-character Unicode folding
# --------------------------------------------------------------------------------------------

# Invisible characters that are not of category Cc/Cf (those are dropped wholesale): the
# combining grapheme joiner, variation selectors, Hangul fillers used as "blank" names,
# and Khmer invisible vowels.
_INVISIBLE: Final = frozenset(
    ["\u034f", "\u115f", "\u1160", "\u17b4", "\u17b5", "\u3164", "\uffa0"]
    + [chr(c) for c in range(0xFE00, 0xFE10)]
    + [chr(c) for c in range(0xE0100, 0xE01F0)]
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

    Script-specific marks (Devanagari vowel signs, Arabic harakat, kana voicing marks) are
    not generic and are kept, since deleting them would garble genuine text.
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
    if ch in _INVISIBLE or _is_generic_mark(ch):
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


class _FoldTable(dict[int, str]):
    """``str.translate`` table for step 1: code point -> folded string."""

    def __missing__(self, key: int) -> str:
        value = _fold(chr(key))
        if len(self) < _CACHE_LIMIT:
            self[key] = value
        return value


class _CasefoldTable(dict[int, str]):
    """``str.translate`` table for step 3: code point -> case-folded, re-folded string."""

    def __missing__(self, key: int) -> str:
        value = _casefold(chr(key))
        if len(self) < _CACHE_LIMIT:
            self[key] = value
        return value


_FOLD: Final = _FoldTable()
_CASEFOLD: Final = _CasefoldTable()
for _code in range(128):  # warm the common case
    _FOLD[_code]
    _CASEFOLD[_code]
del _code

# ASCII control characters that step 1 deletes (whitespace controls become spaces instead).
_ASCII_CONTROL_RE: Final = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")


# Step 1 on ASCII text without the controls it deletes: one character for one, so the map
# is the identity and str.translate does the work (a per-character loop is the slow part
# of building a map, and most comments are ASCII).
_ASCII_FOLD: Final = {
    c: _FOLD[c] for c in range(128) if not _ASCII_CONTROL_RE.match(chr(c)) and _FOLD[c] != chr(c)
}
assert all(len(v) == 1 for v in _ASCII_FOLD.values())


def _fold_mapped(text: str) -> tuple[str, list[int], list[int]]:
    """Step 1 with the map; the identity map on the original text is built here."""
    if text.isascii() and not _ASCII_CONTROL_RE.search(text):
        return text.translate(_ASCII_FOLD), list(range(len(text))), list(range(1, len(text) + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    fold = _FOLD
    for i, ch in enumerate(text):
        r = fold[ord(ch)]
        if len(r) == 1:
            out.append(r)
            starts.append(i)
            ends.append(i + 1)
        elif r:
            out.append(r)
            starts.extend([i] * len(r))
            ends.extend([i + 1] * len(r))
    return "".join(out), starts, ends


def _casefold_mapped(
    text: str, starts: list[int], ends: list[int]
) -> tuple[str, list[int], list[int]]:
    """Step 3 with the map (casefolding can change lengths: ß -> ss)."""
    if text.isascii():
        return text.lower(), starts, ends
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    table = _CASEFOLD
    for i, ch in enumerate(text):
        r = table[ord(ch)]
        out.append(r)
        new_starts.extend([starts[i]] * len(r))
        new_ends.extend([ends[i]] * len(r))
    return "".join(out), new_starts, new_ends


_SPACE_RUN_RE: Final = re.compile(r"^ +| +$| {2,}")


def _space_edits(text: str) -> list[_Edit]:
    """Whitespace runs -> one space (mapped to the whole run); leading/trailing -> gone."""
    edits: list[_Edit] = []
    n = len(text)
    for m in _SPACE_RUN_RE.finditer(text):
        a, b = m.span()
        edits.append((a, b, [] if a == 0 or b == n else [(" ", a, b)]))
    return edits


# --------------------------------------------------------------------------------------------
# Step 2: homoglyphs
# --------------------------------------------------------------------------------------------

# Lower-case (case-folded) Cyrillic and Greek letters that look like Latin ones. Letters
# that only look Latin in upper case (Н, М, Т, К, В) are in _UPPER_LOOKALIKES, so that
# common Russian words such as "как" or "нет" are not all-look-alike words.
_LOWER_LOOKALIKES: Final[dict[str, str]] = {
    # Cyrillic
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "һ": "h",
    "ӏ": "l",
    "ԛ": "q",
    "ԝ": "w",
    "ү": "y",
    "ѵ": "v",
    # Greek
    "α": "a",
    "ε": "e",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
}

# Upper-case look-alikes whose lower case does not look Latin (or looks like another letter).
_UPPER_LOOKALIKES: Final[dict[str, str]] = {
    "В": "b",
    "Н": "h",
    "М": "m",
    "Т": "t",
    "К": "k",
    "Ӏ": "i",
    "Β": "b",
    "Η": "h",
    "Μ": "m",
    "Ν": "n",
    "Ζ": "z",
    "Υ": "y",
}


# The blocks look-alikes are taken from: Greek, Cyrillic (with its supplements and
# extensions) and Greek Extended. Only characters in them are ever mapped.
_LOOKALIKE_HINT_RE: Final = re.compile(
    "[\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1f00-\u1fff\ua640-\ua69f]"
)


class _LookalikeTable(dict[int, str]):
    """``str.translate`` table for step 2: look-alike -> Latin, everything else -> itself.

    A character is a look-alike when it is listed in upper case, or when its case-folded
    form is a listed lower-case look-alike (so Α, α and ϲ-style variants all count).
    Step 2 runs before case folding, where the upper-case shapes are still visible (Н looks
    like H, its lower case н does not), and once more after it, because case folding can
    reveal new look-alikes (ᾳ folds to α + ι); the second run is what makes the step
    idempotent.
    """

    def __missing__(self, key: int) -> str:
        ch = chr(key)
        value = ch
        if _LOOKALIKE_HINT_RE.match(ch):
            value = _UPPER_LOOKALIKES.get(ch) or _LOWER_LOOKALIKES.get(_CASEFOLD[key], ch)
        if len(self) < _CACHE_LIMIT:
            self[key] = value
        return value


_LOOKALIKE: Final = _LookalikeTable()

# A word for steps 2 and 5: letters and digits, plus the symbols that leetspeak uses.
_TOKEN_RE: Final = re.compile(r"(?:[^\W_]|[@$!|])+")
_TOKEN_SYMBOLS: Final = frozenset("@$!|")
_ASCII_LETTER_RE: Final = re.compile(r"[A-Za-z]")


def _tokens_at(text: str, hits: Iterator[re.Match[str]]) -> Iterator[tuple[int, int]]:
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


def _homoglyph_edits(text: str) -> list[_Edit]:
    """Map look-alikes to Latin in words that contain Latin letters or only look-alikes."""
    if text.isascii():
        return []
    table = _LOOKALIKE
    edits: list[_Edit] = []
    for a, b in _tokens_at(text, _LOOKALIKE_HINT_RE.finditer(text)):
        token = text[a:b]
        mapped = token.translate(table)
        if mapped == token:
            continue
        if not _ASCII_LETTER_RE.search(token) and any(
            c.isalpha() and table[ord(c)] == c for c in token
        ):
            continue  # a genuine Cyrillic/Greek word: it has letters that look nothing Latin
        edits.append((a, b, [(mapped, a, b)]))
    return edits


# --------------------------------------------------------------------------------------------
# Protected spans: URLs and e-mail addresses
# --------------------------------------------------------------------------------------------

_URL_RE: Final = re.compile(r"(?:https?://|www\.)\S+")
# E-mail addresses are found from their "@" (a literal-led pattern is fast), then the local
# part is extended backwards over these characters.
_EMAIL_DOMAIN_RE: Final = re.compile(r"@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+")
_EMAIL_LOCAL: Final = frozenset(string.ascii_letters + string.digits + "_.+-")


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans that steps 4-6 must not touch: URLs and e-mail addresses (unsorted)."""
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text:
        spans.extend(m.span() for m in _URL_RE.finditer(text))
    if "@" in text:
        for m in _EMAIL_DOMAIN_RE.finditer(text):
            at = a = m.start()
            while a > 0 and text[a - 1] in _EMAIL_LOCAL:
                a -= 1
            if a < at:
                spans.append((a, m.end()))
    return spans


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


# --------------------------------------------------------------------------------------------
# Step 4: separators inside a word
# --------------------------------------------------------------------------------------------

# A unit is one letter, or one leetspeak digit (n.1.g.g.3.r); it must stand alone, i.e. not
# touch another letter or digit. Space-separated runs need four units, others three.
_UNIT: Final = r"(?:[^\W\d_]|[013457])"
# Cheap pre-checks: every joinable run contains "s u s" with one separator, or " u u ".
# (Two searches starting with a literal or a class are much faster than one alternation.)
_JOIN_HINT_RE: Final = re.compile(r"([.\-_*])[^\W_]\1")
_JOIN_SPACE_HINT_RE: Final = re.compile(r" [^\W_] [^\W_] ")
_JOIN_RE: Final = re.compile(
    rf"(?<![^\W_])(?:{_UNIT}(?: {_UNIT}){{3,}}|{_UNIT}([.\-_*]){_UNIT}(?:\1{_UNIT})+)(?![^\W_])"
)


def _join_edits(text: str, protected: list[tuple[int, int]]) -> list[_Edit]:
    """Join ``f.u.c.k`` / ``f u c k`` / ``f-u-c-k`` / ``f_u_c_k`` / ``f*u*c*k``.

    Requires at least three single letters with a dot, dash, underscore or asterisk, and at
    least four with a space, because "i am a" style single-letter words are common in
    ordinary English but four in a row are not.
    """
    if not (_JOIN_HINT_RE.search(text) or _JOIN_SPACE_HINT_RE.search(text)):
        return []
    edits: list[_Edit] = []
    for m in _JOIN_RE.finditer(text):
        seg = m.group()
        units = seg[0::2]
        letters = sum(1 for c in units if c.isalpha())
        if letters < (4 if seg[1] == " " else 3):
            continue
        a, b = m.span()
        if protected and _overlaps(a, b, protected):
            continue
        edits.append((a, b, [(seg[k], a + k, a + k + 1) for k in range(0, len(seg), 2)]))
    return edits


# --------------------------------------------------------------------------------------------
# Step 5: leetspeak
# --------------------------------------------------------------------------------------------

_LEET: Final[dict[str, str]] = {
    "0": "o",
    "1": "i",
    "3": "e",
    "4": "a",
    "5": "s",
    "7": "t",
    "@": "a",
    "$": "s",
    "!": "i",
    "|": "l",
}
_LEET_TABLE: Final = str.maketrans(_LEET)
# Cheap pre-check. A "!" after a letter is ordinary punctuation unless a letter follows,
# which the second alternative catches, so "wow!" does not trigger the token scan.
# The pattern starts with a character class so that the regex engine can skip ahead fast.
_LEET_HINT_RE: Final = re.compile(r"[013457@$!|](?:(?<=[a-z][013457@$|])|(?=[a-z]))")
_LEET_RUN_RE: Final = re.compile(r"[013457@$!|]+")
_OTHER_DIGIT_RE: Final = re.compile(r"[2689]")
# What may follow a single leading digit without it being leetspeak ("5mins", "3days").
_NUMBER_SUFFIXES: Final = frozenset(
    [
        "min",
        "mins",
        "hr",
        "hrs",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "yrs",
        "sec",
        "secs",
        "ms",
        "kms",
        "kgs",
        "lbs",
        "mph",
        "kph",
        "ghz",
        "mhz",
        "way",
        "ways",
        "ish",
        "star",
        "stars",
        "times",
        "pack",
        "inch",
        "feet",
        "gen",
        "pm",
        "am",
        "ply",
        "der",
    ]
)


def _deleet(token: str) -> str:
    """De-leet one token (letters, digits and @$!|); return it unchanged when unsure.

    Rules, chosen to leave numbers, prices, ordinals and product names alone:
    * a token with a digit that is never leetspeak here (2, 6, 8, 9) is left alone
      ("b2b", "h264", "gr8"), as is one without an ASCII letter ("$20", "100");
    * a run of leet characters between two letters is converted ("n1gg3r", "sh!t",
      "a$$hole");
    * a single leading 0/1/3/5/7/$ is converted when at least three characters follow and
      they are not a unit ("5hit", "$lut", but not "1st", "5mins"); a leading 4 reads as
      "for" ("4ever") and is kept; a leading @ is converted only before two s-like
      characters ("@ss", "@$$hole"), so that @mentions survive;
    * a trailing run is converted only when it is two or more of $ and 5 ("a$$", "a55").
    """
    if _OTHER_DIGIT_RE.search(token) or not _ASCII_LETTER_RE.search(token):
        return token
    n = len(token)
    out = token
    for m in _LEET_RUN_RE.finditer(token):
        i, j = m.span()
        run = m.group()
        before = token[i - 1].isalpha() if i > 0 else False
        after = token[j].isalpha() if j < n else False
        if before and after:
            convert = True
        elif i == 0 and after:
            rest = token[j:]
            if run[0] == "@":
                convert = all(c in "s$5" for c in (run + rest)[1:3]) and len(run + rest) >= 3
            else:
                convert = len(run) == 1 and run in "01357$" and len(rest) >= 3
                convert = convert and rest not in _NUMBER_SUFFIXES
        elif j == n and before:
            convert = len(run) >= 2 and all(c in "$5" for c in run)
        else:
            convert = False
        if convert:
            out = out[:i] + run.translate(_LEET_TABLE) + out[j:]
    return out


def _leet_edits(text: str, protected: list[tuple[int, int]]) -> list[_Edit]:
    """Leetspeak in words where a look-alike digit or symbol touches an ASCII letter."""
    edits: list[_Edit] = []
    for a, b in _tokens_at(text, _LEET_HINT_RE.finditer(text)):
        token = text[a:b]
        new = _deleet(token)
        if new == token:
            continue
        if protected and _overlaps(a, b, protected):
            continue
        edits.append((a, b, [(new, a, b)]))
    return edits


# --------------------------------------------------------------------------------------------
# Step 6: repeated letters and punctuation
# --------------------------------------------------------------------------------------------

# Any run of three equal characters; which runs are collapsed is decided per run below
# (a plain "(.)\1\1" scan is several times faster than a pattern with character classes).
_RUN_RE: Final = re.compile(r"(.)\1{2,}", re.DOTALL)
_RUN_HINT_RE: Final = re.compile(r"(.)\1\1", re.DOTALL)
_LETTER_RE: Final = re.compile(r"[^\W\d_]")
_PUNCT_RE: Final = re.compile(r"[^\w\s]")


def _run_edits(text: str, protected: list[tuple[int, int]]) -> list[_Edit]:
    """Letter runs > 2 -> 2, punctuation/symbol runs > 3 -> 3; the last kept char maps to
    the rest of the run, so the word still maps back to all of its original characters.
    Digit runs ("1000") are numbers and stay."""
    if not _RUN_HINT_RE.search(text):
        return []
    edits: list[_Edit] = []
    for m in _RUN_RE.finditer(text):
        a, b = m.span()
        c = text[a]
        if _LETTER_RE.match(c):
            pieces = [(c, a, a + 1), (c, a + 1, b)]
        elif b - a > 3 and _PUNCT_RE.match(c):
            pieces = [(c, a, a + 1), (c, a + 1, a + 2), (c, a + 2, b)]
        else:
            continue
        if protected and _overlaps(a, b, protected):
            continue
        edits.append((a, b, pieces))
    return edits


# --------------------------------------------------------------------------------------------
# Applying edits
# --------------------------------------------------------------------------------------------


def _apply_text(text: str, edits: list[_Edit]) -> str:
    if not edits:
        return text
    parts: list[str] = []
    pos = 0
    for a, b, pieces in edits:
        parts.append(text[pos:a])
        parts.extend(p[0] for p in pieces)
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def _apply_mapped(
    text: str, starts: list[int], ends: list[int], edits: list[_Edit]
) -> tuple[str, list[int], list[int]]:
    if not edits:
        return text, starts, ends
    parts: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for a, b, pieces in edits:
        parts.append(text[pos:a])
        new_starts.extend(starts[pos:a])
        new_ends.extend(ends[pos:a])
        for s, i, j in pieces:
            parts.append(s)
            if len(s) == j - i:
                new_starts.extend(starts[i:j])
                new_ends.extend(ends[i:j])
            else:
                new_starts.extend([starts[i]] * len(s))
                new_ends.extend([max(ends[i:j])] * len(s))
        pos = b
    parts.append(text[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return "".join(parts), new_starts, new_ends


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def normalize(text: str) -> Normalized:
    """Canonical form of ``text`` with the map of each canonical character to the original.

    Use this where spans must be reported; use :func:`normalize_text` where only the text
    is needed (it gives the same text, faster).
    """
    t, starts, ends = _fold_mapped(text)
    t, starts, ends = _apply_mapped(t, starts, ends, _space_edits(t))
    t, starts, ends = _apply_mapped(t, starts, ends, _homoglyph_edits(t))
    t, starts, ends = _casefold_mapped(t, starts, ends)
    t, starts, ends = _apply_mapped(t, starts, ends, _homoglyph_edits(t))
    t, starts, ends = _apply_mapped(t, starts, ends, _join_edits(t, _protected(t)))
    t, starts, ends = _apply_mapped(t, starts, ends, _leet_edits(t, _protected(t)))
    t, starts, ends = _apply_mapped(t, starts, ends, _run_edits(t, _protected(t)))
    return Normalized(t, tuple(starts), tuple(ends))


def normalize_known(text: str, canonical: str) -> Normalized:
    """:func:`normalize` of ``text`` when its canonical form (``normalize_text(text)``) is
    already known: most comments are only lower-cased, and then the map is the identity,
    which costs nothing to build. Otherwise the full mapped normalisation runs.
    """
    if len(canonical) == len(text) and canonical == text.lower():
        n = len(text)
        return Normalized(canonical, tuple(range(n)), tuple(range(1, n + 1)))
    return normalize(text)


def normalize_text(text: str) -> str:
    """The canonical text only: ``normalize(text).text``, without building the map.

    Shares every decision with :func:`normalize` (the same edit functions produce the
    changes), and takes shortcuts only where they are exact: pure-ASCII text skips the
    Unicode and homoglyph steps, and whitespace is collapsed with ``str.split``.
    """
    if text.isascii():
        if _ASCII_CONTROL_RE.search(text):
            text = _ASCII_CONTROL_RE.sub("", text)
        t = " ".join(text.split()).lower()
    else:
        t = " ".join(text.translate(_FOLD).split())
        t = _apply_text(t, _homoglyph_edits(t))
        t = t.translate(_CASEFOLD)
        t = _apply_text(t, _homoglyph_edits(t))
    t = _apply_text(t, _join_edits(t, _protected(t)))
    t = _apply_text(t, _leet_edits(t, _protected(t)))
    return _apply_text(t, _run_edits(t, _protected(t)))


# A word of normalised text for tokenisers downstream: masked words ("f*ck", "f**k",
# "sh#t", "f***") and contractions stay one token.
WORD_RE: Final = re.compile(r"[^\W_]+(?:(?:[*#]+|')[^\W_]+)*[*#]*")


def words(text: str) -> list[str]:
    """The words of already-normalised text, by :data:`WORD_RE`."""
    return WORD_RE.findall(text)


# --------------------------------------------------------------------------------------------
# Benchmark
# --------------------------------------------------------------------------------------------

_BENCH_TEXTS: Final = (
    "I paid $20 for 3 tickets and the show was great, thanks for the review!",
    "This article is spot on. The council should have acted years ago.",
    "you are a f.u.c.k.i.n.g idiot and everyone here knows it",
    "Go back to where you came from, we don't want your kind here!!!!!!",
    "What a stuuuupid take. Did the author even read the report?",
    "sh!t like this is why nobody trusts the media anymore",
    "Totally agree with the previous commenter.\n\nWell said.",
    "ｉｄｉｏｔ moderators deleting every comment they don't like",
    "Interesting. Source: https://example.com/report-2024?page=3",
    "Those p3ople are n0t welcome here, they are @ss clowns",
    "Ι соmрlеtеlу dіsаgrее with this",
    "Great piece 👍 my grandmother lived through exactly this in 1956.",
)


def bench_normalize(n: int = 20000) -> float:
    """Throughput of :func:`normalize_text` in texts per second on a mix of short comments.

    Used by ``threadguard bench``; the mix is mostly plain English with some obfuscated and
    non-ASCII comments, about 60 characters each.
    """
    texts = [_BENCH_TEXTS[i % len(_BENCH_TEXTS)] for i in range(n)]
    t0 = time.perf_counter()
    for t in texts:
        normalize_text(t)
    elapsed = time.perf_counter() - t0
    return n / elapsed if elapsed > 0 else float("inf")
