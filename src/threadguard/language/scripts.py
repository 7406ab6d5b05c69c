"""Which writing systems a text's letters belong to, by Unicode block.

A comment mostly in Arabic, Cyrillic, Devanagari, Han or any other non-Latin script is in
a language of that script, whatever a word-based guesser would make of it: the script is
the strongest and cheapest evidence there is. Only letters count (digits, punctuation,
emoji and combining marks do not), and links, e-mail addresses and @mentions are taken out
first, so a Russian comment quoting a URL stays Russian.

A letter with no letter of its script beside it (combining marks do not part a word) is a
symbol, not a word, and does not count either: emoticons and formulas borrow letters of
scripts their writer does not write in ("¯\\_(ツ)_/¯" was Japanese, "ಠ_ಠ" Kannada, "π ≈
3.14159" and "Ω" Greek, and the comment was held or refused as a language no model covers).
A word has two letters or more ("Привет!", "バカ"); Han and kana are one script here, since
Japanese writes them side by side ("死ね"). Latin is the exception: its one-letter words
("l'", "e", "é", "y") are words of its languages, and a lone Latin letter weighs for the
script whose default is ``en`` anyway (taking them out cost 8 right answers of
``bench/language_id.py --min-chars 1``, all short French and Portuguese comments). The cost: a single Han character, kana or
Hangul syllable is no evidence of a language, and a text of nothing else is read as ``en``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from functools import cache
from typing import Final

from threadguard.normalize.unicode_fold import FOLD

#: The Unicode blocks (first and last code point) of each script that tells a language.
#: Script names are ISO 15924 codes; a letter in no block here counts as ``Zzzz``.
_BLOCKS: Final[dict[str, tuple[tuple[int, int], ...]]] = {
    # Basic Latin to Latin Extended-B, IPA, phonetic extensions (the letters of "(ᵔᴥᵔ)"),
    # Extended Additional (Vietnamese), C, D, full-width
    "Latn": ((0x41, 0x24F), (0x250, 0x2AF), (0x1D00, 0x1DBF), (0x1E00, 0x1EFF),
             (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xFF21, 0xFF5A)),
    "Grek": ((0x370, 0x3FF), (0x1F00, 0x1FFF)),
    "Cyrl": ((0x400, 0x52F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)),
    "Armn": ((0x530, 0x58F),),
    "Hebr": ((0x590, 0x5FF), (0xFB1D, 0xFB4F)),
    "Arab": ((0x600, 0x6FF), (0x750, 0x77F), (0x8A0, 0x8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "Syrc": ((0x700, 0x74F),), "Thaa": ((0x780, 0x7BF),), "Deva": ((0x900, 0x97F),),
    "Beng": ((0x980, 0x9FF),), "Guru": ((0xA00, 0xA7F),), "Gujr": ((0xA80, 0xAFF),),
    "Orya": ((0xB00, 0xB7F),), "Taml": ((0xB80, 0xBFF),), "Telu": ((0xC00, 0xC7F),),
    "Knda": ((0xC80, 0xCFF),), "Mlym": ((0xD00, 0xD7F),), "Sinh": ((0xD80, 0xDFF),),
    "Thai": ((0xE00, 0xE7F),), "Laoo": ((0xE80, 0xEFF),), "Tibt": ((0xF00, 0xFFF),),
    "Mymr": ((0x1000, 0x109F),), "Geor": ((0x10A0, 0x10FF), (0x1C90, 0x1CBF)),
    "Hang": ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)),
    "Ethi": ((0x1200, 0x139F),), "Khmr": ((0x1780, 0x17FF),), "Mong": ((0x1800, 0x18AF),),
    # Hiragana and Katakana, phonetic extensions, half-width Katakana
    "Kana": ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)),
    "Hani": ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F)),
}  # fmt: skip
_RANGES: Final[tuple[tuple[int, int, str], ...]] = tuple(
    sorted((first, last, script) for script, blocks in _BLOCKS.items() for first, last in blocks)
)
_STARTS: Final[list[int]] = [first for first, _, _ in _RANGES]

#: The language of a script that (in comment sections) writes one language.
SCRIPT_LANGUAGE: Final[dict[str, str]] = {
    "Grek": "el", "Armn": "hy", "Hebr": "he", "Syrc": "syr", "Thaa": "dv", "Beng": "bn",
    "Guru": "pa", "Gujr": "gu", "Orya": "or", "Taml": "ta", "Telu": "te", "Knda": "kn",
    "Mlym": "ml", "Sinh": "si", "Thai": "th", "Laoo": "lo", "Tibt": "bo", "Mymr": "my",
    "Geor": "ka", "Hang": "ko", "Ethi": "am", "Khmr": "km", "Mong": "mn", "Kana": "ja",
    "Hani": "zh",
}  # fmt: skip

#: What is not evidence of a language: links, e-mail addresses and @mentions.
_NOISE: Final = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+|@\w+")
#: A letter (not a digit, underscore or combining mark).
_WORD_LETTER: Final = re.compile(r"[^\W\d_]")


#: Letters restyled by "fancy text" generators: full-width, small capitals, circled and
#: squared, and the mathematical bold, italic, script, ... alphabets. They are Latin
#: letters in another dress; counted as they are, "𝐆𝐫𝐞𝐚𝐭 𝐚𝐫𝐭𝐢𝐜𝐥𝐞" was in no script's
#: block, so its language was undetermined and the comment held as unsupported.
_STYLED: Final = re.compile(
    "[\uff01-\uff5e\u1d00-\u1d2b\u24b6-\u24e9\U0001d400-\U0001d7ff\U0001f130-\U0001f189]"
)


def unstyled(text: str) -> str:
    """``text`` with restyled letters (:data:`_STYLED`) written plainly, as the
    normaliser reads them (its step 1); nothing else changes."""
    if text.isascii() or not _STYLED.search(text):
        return text
    return _STYLED.sub(lambda m: FOLD[ord(m.group())], text)


def without_noise(text: str) -> str:
    """The text without links, e-mail addresses and @mentions."""
    if "@" in text or "http" in text or "www." in text:
        return _NOISE.sub(" ", text)
    return text


@cache
def script_of(letter: str) -> str:
    """ISO 15924 code of a letter's script (``Zzzz`` when not in the table)."""
    point = ord(letter)
    i = bisect_right(_STARTS, point) - 1
    if i >= 0 and point <= _RANGES[i][1]:
        return _RANGES[i][2]
    return "Zzzz"


#: Scripts that count as one when telling a word from a lone letter: Japanese writes kanji
#: and kana in one word ("死ね", "猫は好き").
_WORD_SCRIPT: Final[dict[str, str]] = {"Hani": "Jpan", "Kana": "Jpan"}
#: Han characters that emoticons use as strokes, never as words ("(ノಠ益ಠ)ノ彡┻━┻").
_STROKES: Final = frozenset("彡")
#: Every ASCII byte but the letters: deleting them leaves the letters to count.
_ASCII_NON_LETTERS: Final = bytes(b for b in range(128) if not chr(b).isalpha())


@cache
def _word_pattern() -> re.Pattern[str]:
    """A run of letters and the combining marks between them (Devanagari's vowel signs,
    Thai's tone marks: without them "क्या" was three lone letters)."""
    marks = [c for c in range(0x300, 0x10000) if unicodedata.category(chr(c)).startswith("M")]
    ranges: list[list[int]] = []
    for c in marks:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    cls = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
    return re.compile(f"[^\\W\\d_](?:[^\\W\\d_]|[{cls}])*")


def letters_by_script(text: str) -> dict[str, int]:
    """How many letters of each script the text's words have (letters with no letter of
    their script beside them are symbols: see the module's docstring)."""
    if text.isascii():
        letters = len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        return {"Latn": letters} if letters else {}
    counts: Counter[str] = Counter()
    for run in _word_pattern().findall(text):
        if run.isascii():
            counts["Latn"] += len(run)
            continue
        scripts = [
            "Latn" if c.isascii() else script_of(c)
            for c in _WORD_LETTER.findall(run)
            if c not in _STROKES
        ]
        kinds = [_WORD_SCRIPT.get(s, s) for s in scripts]
        if len(kinds) > 1 and kinds.count(kinds[0]) == len(kinds):
            counts.update(scripts)  # a word in one script, as most are
            continue
        last = len(kinds) - 1
        counts.update(
            s
            for i, (s, k) in enumerate(zip(scripts, kinds, strict=True))
            if s == "Latn" or (i > 0 and kinds[i - 1] == k) or (i < last and kinds[i + 1] == k)
        )
    return dict(counts)


def main_script(counts: dict[str, int]) -> str:
    """The script most of the letters are in (on a tie, not Latin: half a comment in
    another script is not an English comment).

    Han and kana count together (Japanese writes kana between its kanji), and any kana
    among them makes the writing Japanese: Chinese writes no kana.
    """
    if len(counts) == 1:
        return next(iter(counts))
    merged = dict(counts)
    kana = merged.pop("Kana", 0)
    if kana:
        merged["Kana"] = kana + merged.pop("Hani", 0)
    return max(merged, key=lambda s: (merged[s], s != "Latn"))
