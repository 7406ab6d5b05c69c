"""Which writing systems a text's letters belong to, by Unicode block.

A comment mostly in Arabic, Cyrillic, Devanagari, Han or any other non-Latin script is in
a language of that script, whatever a word-based guesser would make of it: the script is
the strongest and cheapest evidence there is. Only letters count (digits, punctuation,
emoji and combining marks do not), and links, e-mail addresses and @mentions are taken out
first, so a Russian comment quoting a URL stays Russian.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cache
from typing import Final

#: ``(first, last, script)`` code-point ranges of the scripts that tell a language.
#: Script names are ISO 15924 codes; blocks not listed here count as ``Zzzz`` (unknown).
_RANGES: Final[tuple[tuple[int, int, str], ...]] = tuple(
    sorted(
        [
            (0x0041, 0x024F, "Latn"),  # Basic Latin letters to Latin Extended-B
            (0x1E00, 0x1EFF, "Latn"),  # Latin Extended Additional (Vietnamese)
            (0x2C60, 0x2C7F, "Latn"),
            (0xA720, 0xA7FF, "Latn"),
            (0xFF21, 0xFF5A, "Latn"),  # full-width Latin
            (0x0370, 0x03FF, "Grek"),
            (0x1F00, 0x1FFF, "Grek"),
            (0x0400, 0x052F, "Cyrl"),
            (0x1C80, 0x1C8F, "Cyrl"),
            (0x2DE0, 0x2DFF, "Cyrl"),
            (0xA640, 0xA69F, "Cyrl"),
            (0x0530, 0x058F, "Armn"),
            (0x0590, 0x05FF, "Hebr"),
            (0xFB1D, 0xFB4F, "Hebr"),
            (0x0600, 0x06FF, "Arab"),
            (0x0750, 0x077F, "Arab"),
            (0x08A0, 0x08FF, "Arab"),
            (0xFB50, 0xFDFF, "Arab"),
            (0xFE70, 0xFEFF, "Arab"),
            (0x0700, 0x074F, "Syrc"),
            (0x0780, 0x07BF, "Thaa"),
            (0x0900, 0x097F, "Deva"),
            (0x0980, 0x09FF, "Beng"),
            (0x0A00, 0x0A7F, "Guru"),
            (0x0A80, 0x0AFF, "Gujr"),
            (0x0B00, 0x0B7F, "Orya"),
            (0x0B80, 0x0BFF, "Taml"),
            (0x0C00, 0x0C7F, "Telu"),
            (0x0C80, 0x0CFF, "Knda"),
            (0x0D00, 0x0D7F, "Mlym"),
            (0x0D80, 0x0DFF, "Sinh"),
            (0x0E00, 0x0E7F, "Thai"),
            (0x0E80, 0x0EFF, "Laoo"),
            (0x0F00, 0x0FFF, "Tibt"),
            (0x1000, 0x109F, "Mymr"),
            (0x10A0, 0x10FF, "Geor"),
            (0x1C90, 0x1CBF, "Geor"),
            (0x1100, 0x11FF, "Hang"),
            (0x3130, 0x318F, "Hang"),
            (0xAC00, 0xD7AF, "Hang"),
            (0x1200, 0x139F, "Ethi"),
            (0x1780, 0x17FF, "Khmr"),
            (0x1800, 0x18AF, "Mong"),
            (0x3040, 0x30FF, "Kana"),  # Hiragana and Katakana
            (0x31F0, 0x31FF, "Kana"),
            (0xFF66, 0xFF9F, "Kana"),  # half-width Katakana
            (0x3400, 0x4DBF, "Hani"),
            (0x4E00, 0x9FFF, "Hani"),
            (0xF900, 0xFAFF, "Hani"),
            (0x20000, 0x3134F, "Hani"),
        ]
    )
)
_STARTS: Final[list[int]] = [first for first, _, _ in _RANGES]

#: The language of a script that (in comment sections) writes one language.
SCRIPT_LANGUAGE: Final[dict[str, str]] = {
    "Grek": "el",
    "Armn": "hy",
    "Hebr": "he",
    "Syrc": "syr",
    "Thaa": "dv",
    "Beng": "bn",
    "Guru": "pa",
    "Gujr": "gu",
    "Orya": "or",
    "Taml": "ta",
    "Telu": "te",
    "Knda": "kn",
    "Mlym": "ml",
    "Sinh": "si",
    "Thai": "th",
    "Laoo": "lo",
    "Tibt": "bo",
    "Mymr": "my",
    "Geor": "ka",
    "Hang": "ko",
    "Ethi": "am",
    "Khmr": "km",
    "Mong": "mn",
    "Kana": "ja",
    "Hani": "zh",
}

#: What is not evidence of a language: links, e-mail addresses and @mentions.
_NOISE: Final = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+|@\w+")
#: A letter (not a digit, underscore or combining mark).
_WORD_LETTER: Final = re.compile(r"[^\W\d_]")
#: Every ASCII byte but the letters: deleting them leaves the letters to count.
_ASCII_NON_LETTERS: Final = bytes(b for b in range(128) if not chr(b).isalpha())


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


def letters_by_script(text: str) -> Counter[str]:
    """How many letters of each script the text has."""
    counts: Counter[str] = Counter()
    if text.isascii():
        ascii_letters = len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        if ascii_letters:
            counts["Latn"] = ascii_letters
        return counts
    counts.update("Latn" if c.isascii() else script_of(c) for c in _WORD_LETTER.findall(text))
    return counts


def main_script(counts: Counter[str]) -> str:
    """The script most of the letters are in (on a tie, not Latin: half a comment in
    another script is not an English comment).

    Han and kana count together (Japanese writes kana between its kanji), and any kana
    among them makes the writing Japanese: Chinese writes no kana.
    """
    merged = Counter(counts)
    kana = merged.pop("Kana", 0)
    if kana:
        merged["Kana"] = kana + merged.pop("Hani", 0)
    return max(merged, key=lambda s: (merged[s], s != "Latn"))
