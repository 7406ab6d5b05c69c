"""Which writing systems a text's letters belong to, by Unicode block.

A comment mostly in Arabic, Cyrillic, Devanagari, Han or any other non-Latin script is in
a language of that script, whatever a word-based guesser would make of it: the script is
the strongest and cheapest evidence there is. Only letters count (digits, punctuation,
emoji and combining marks do not), and links, e-mail addresses and @mentions are taken out
first, so a Russian comment quoting a URL stays Russian.

A lone letter (no letter of its script beside it; combining marks do not part a word) is a
word of one letter where text parts it from the rest: spaces and sentence punctuation
("好！", "是！是！是！", "헐!", "हाँ", "х у й", "操 你 妈": spacing abuse out is an
ordinary dodge, and each was read as English and approved when lone letters were all taken
for symbols). Inside an emoticon it is a stroke of the drawing and counts for no language:
emoticons borrow letters of scripts their writer does not write in ("¯\\_(ツ)_/¯" was
Japanese, "ಠ_ಠ" Kannada, and the comment was held or refused as a language no model
covers). A lone letter is inside an emoticon when the run of characters between spaces and
sentence punctuation it stands in has a symbol or a bracket in it (``_ ( ) ‿ ¯ \\ / ; ☞ •
՞``, the IPA letters ``ᴥ ʖ``: :func:`_frames`), or when such characters are the nearest on
both sides of it past the spaces ("ᕕ( ᐛ )ᕗ"); the letters of a script outside the table
("ᗒᗣᗕ") are strokes there even as a run. Kana's sound marks (ー, ﾟ) are part of the word
they follow and no letter alone ("(ﾟーﾟ)", "(ーー;)"). Han and kana are one script when
telling a word ("死ね"). Two exceptions: a lone Greek letter or letterlike symbol is a
formula's symbol wherever it stands ("π ≈ 3.14159", "Δt = 5 s", "Ω", "5 ℓ": a Greek text
has words of two letters or more);
and a lone Latin letter always counts ("l'", "e", "é", "y" are words of its languages, and
taking them out cost 8 right answers of ``bench/language_id.py --min-chars 1``, all short
French and Portuguese comments). The cost: a real one-letter word inside brackets or beside
a symbol ("(笑)", "操_你") counts for no language.
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
#: Kana's sound marks (the prolonged ー, the half-width voiced and semi-voiced marks): part
#: of the word they follow ("コーヒー"), never a letter on their own, so "(ﾟーﾟ)" and
#: "(ーー;)" have no letter and "(☞ﾟヮﾟ)☞" one lone ヮ.
_SOUND_MARKS: Final = frozenset("ーｰﾞﾟ")
#: Every ASCII byte but the letters: deleting them leaves the letters to count.
_ASCII_NON_LETTERS: Final = bytes(b for b in range(128) if not chr(b).isalpha())
#: What parts words in running text, and so never makes an emoticon's frame: sentence
#: punctuation, quotation marks, dashes, the asterisk of a censored word and the hash of a
#: tag, in their Latin, CJK, Arabic and Indic forms ("好！", "是，是", "х-у-й", "「操」").
_TEXT_PUNCTUATION: Final = frozenset(
    ".,!?:'\"-*~#…‐‑–—‘’‚“”„«»‹›¡¿。、，！？：．～・･「」『』【】《》〈〉〔〕＂＇،؛؟।॥"
)
#: A run of characters between spaces and sentence punctuation: a word, or an emoticon.
_CHUNK: Final = re.compile(
    "[^\\s" + "".join(re.escape(c) for c in sorted(_TEXT_PUNCTUATION)) + "]+"
)
#: Latin letters that are the strokes of emoticons rather than letters of a text: IPA and
#: the phonetic extensions ("ʕ•ᴥ•ʔ", "( ͡° ͜ʖ ͡°)").
_STROKE_LATIN: Final = ((0x250, 0x2AF), (0x1D00, 0x1DBF))


@cache
def _frames(c: str) -> bool:
    """Whether ``c`` is an emoticon's stroke, framing a letter it touches: a symbol or
    punctuation mark outside :data:`_TEXT_PUNCTUATION` (``_ ( ) ‿ ¯ \\ / ; ☞ • ՞``), or
    an IPA letter (``ᴥ ʖ``). Not a letter, digit, combining mark or space, and not an
    emoji of the pictographic planes ("赞👍" is a word and its emoji)."""
    point = ord(c)
    if any(first <= point <= last for first, last in _STROKE_LATIN):
        return True
    if c in _TEXT_PUNCTUATION or point >= 0x1F000:
        return False
    return unicodedata.category(c)[0] in "PS"


class _Framing:
    """Which letters of a text stand inside an emoticon: the chunk (:data:`_CHUNK`) a
    letter is in has a stroke (:func:`_frames`: "ಠ_ಠ", "(ノಠ益ಠ)ノ"), or the nearest
    characters past the spaces on both sides of its chunk are strokes ("ᕕ( ᐛ )ᕗ"). Built
    the first time a text has a lone letter to ask about, each chunk read once: linear in
    the text however many lone letters it has."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [m.span() for m in _CHUNK.finditer(text)]
        self.starts = [b for b, _ in self.spans]
        self.known: dict[int, bool] = {}

    def framed(self, at: int) -> bool:
        """Whether the letter at ``at`` is inside an emoticon."""
        i = bisect_right(self.starts, at) - 1
        if i not in self.known:
            self.known[i] = self._chunk_framed(*self.spans[i])
        return self.known[i]

    def _chunk_framed(self, b: int, e: int) -> bool:
        text = self.text
        if any(_frames(c) for c in text[b:e]):
            return True
        left = b - 1
        while left >= 0 and text[left].isspace():
            left -= 1
        right = e
        while right < len(text) and text[right].isspace():
            right += 1
        return left >= 0 and right < len(text) and _frames(text[left]) and _frames(text[right])


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


#: Letterlike Symbols, letters only to Unicode: the litre's ℓ, aleph, the ohm sign.
_LETTERLIKE: Final = (0x2100, 0x214F)
#: A letter of a run: its offset in the text, its script and its kind (:data:`_WORD_SCRIPT`).
_Letter = tuple[int, str, str]


def _one_script_word(run: str) -> list[str] | None:
    """The scripts of the letters of ``run`` when it is a word of two letters or more in
    one script (most runs are): the quick answer, None when the run needs reading letter by
    letter (:func:`_run_letters`)."""
    if run[0] in _SOUND_MARKS or not _STROKES.isdisjoint(run):
        return None
    letters = run if run.isalpha() else [c for c in run if c.isalpha()]
    scripts = ["Latn" if c.isascii() else script_of(c) for c in letters]
    kinds = [_WORD_SCRIPT.get(s, s) for s in scripts]
    if len(kinds) < 2 or kinds.count(kinds[0]) != len(kinds) or kinds[0] == "Zzzz":
        return None
    if kinds[0] == "Jpan" and len(kinds) - sum(map(run.count, _SOUND_MARKS)) < 2:
        return None  # "ﾟヮﾟ": one letter and its marks
    return scripts


def _run_letters(run: str, start: int) -> tuple[list[_Letter | None], dict[int, int]]:
    """The letters of ``run`` (at ``start`` in the text), with None where a sound mark
    parts them ("ﾟДﾟщ"), and how many sound marks follow each kana letter (part of its
    word, counted with it)."""
    letters: list[_Letter | None] = []
    marks: dict[int, int] = {}
    for i, c in enumerate(run):
        if c in _STROKES or not c.isalpha():
            continue  # a combining mark, or a number the pattern takes for a letter ("O₂", "Ⅳ")
        last = letters[-1] if letters else None
        if c not in _SOUND_MARKS:
            s = "Latn" if c.isascii() else script_of(c)
            letters.append((start + i, s, _WORD_SCRIPT.get(s, s)))
        elif last is not None and last[2] == "Jpan":
            marks[last[0]] = marks.get(last[0], 0) + 1
        else:
            letters.append(None)
    return letters, marks


def letters_by_script(text: str) -> dict[str, int]:
    """How many letters of each script the text's words have (a lone letter inside an
    emoticon, a lone Greek letter and a run of an unknown script inside an emoticon are
    symbols: see the module's docstring)."""
    if text.isascii():
        n = len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        return {"Latn": n} if n else {}
    # Latin letters always count, lone or not: a text of Latin letters only (accents,
    # umlauts: most non-ASCII comments) needs no reading word by word
    found = [c for c in _WORD_LETTER.findall(text) if c.isalpha()]
    if all(c.isascii() or script_of(c) == "Latn" for c in found):
        return {"Latn": len(found)} if found else {}
    counts: Counter[str] = Counter()
    framing: _Framing | None = None
    for m in _word_pattern().finditer(text):
        run = m.group()
        if run.isascii():
            counts["Latn"] += len(run)
            continue
        scripts = _one_script_word(run)
        if scripts is not None:
            counts.update(scripts)
            continue
        letters, marks = _run_letters(run, m.start())
        kinds = {x[2] if x else None for x in letters}
        if len(letters) > 1 and len(kinds) == 1 and None not in kinds:
            # a word of one script after all: its sound marks ("ﾀﾞﾒ"), or a script no
            # language is read from, whose letters inside an emoticon are strokes ("(ᗒᗣᗕ)՞")
            if "Zzzz" in kinds:
                framing = framing or _Framing(text)
                if framing.framed(m.start()):
                    continue
            counts.update(x[1] for x in letters if x)
            counts["Kana"] += sum(marks.values())
            continue
        for i, x in enumerate(letters):
            if x is None:
                continue
            at, script, kind = x
            near = (letters[i - 1] if i else None, letters[i + 1] if i + 1 < len(letters) else None)
            if script != "Latn" and all(y is None or y[2] != kind for y in near):
                # a lone letter: a formula's if Greek ("π ≈ 3.14159", "Δt = 5 s", "Ω") or
                # a letterlike symbol ("5 ℓ", "ℵ₀"), an emoticon's stroke inside one ("ಠ_ಠ",
                # "(ノಠ益ಠ)ノ"), else a one-letter word ("好！", "х у й", "हाँ")
                if script == "Grek" or _LETTERLIKE[0] <= ord(text[at]) <= _LETTERLIKE[1]:
                    continue
                framing = framing or _Framing(text)
                if framing.framed(at):
                    continue
            counts[script] += 1
            counts["Kana"] += marks.get(at, 0)
    return {s: n for s, n in counts.items() if n}


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
