"""Emoticons, kaomoji and formulas borrow letters of scripts their writers do not write in:
a letter with no letter of its script beside it is a symbol, and decides no language.

The shrug was read as Japanese and "ಠ_ಠ" as Kannada, so Perspective refused them (400,
unsupported language) and OpenAI flagged them with every category false (the compat
tryout). Real short words keep their language."""

from __future__ import annotations

import pytest

from threadguard.language import detect_language
from threadguard.language.scripts import letters_by_script

#: Common emoticons and kaomoji, each with letters of some script in it, and formulas.
SYMBOLS = [
    "¯\\_(ツ)_/¯",
    "ಠ_ಠ",
    "ಠ‿ಠ",
    "ʕ•ᴥ•ʔ",
    "(ᵔᴥᵔ)",
    "ʘ‿ʘ",
    "( ͡° ͜ʖ ͡°)",
    "(ノಠ益ಠ)ノ彡┻━┻",
    "ლ(ಠ益ಠლ)",
    "凸(`⌒´メ)凸",
    "(ﾉ◕ヮ◕)ﾉ*:･ﾟ✧",
    "(づ｡◕‿‿◕｡)づ",
    "ヽ(´▽`)/",
    "ᕕ( ᐛ )ᕗ",
    "(ง'̀-'́)ง",
    "π ≈ 3.14159",
    "Ω",
    "λ",
    "Δt = 5 s",
    "∑ xᵢ",
    "Thanks! ¯\\_(ツ)_/¯",
    "ಠ_ಠ seriously?",
]

#: Short words of their language, which must keep it.
WORDS = {
    "Привет!": "ru",
    "バカ": "ja",
    "死ね": "ja",
    "猫は好き": "ja",
    "ㅋㅋㅋ": "ko",
    "क्या": "hi",
    "สวัสดี": "th",
    "שלום": "he",
    "Γεια σου": "el",
    "ΣΥΡΙΖΑ": "el",
    "东京都知事选举结果": "zh",
}


@pytest.mark.parametrize("text", SYMBOLS)
def test_emoticons_and_formulas_are_english_the_default(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(("text", "language"), sorted(WORDS.items()))
def test_short_words_keep_their_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_lone_letter_is_not_counted_but_a_word_is() -> None:
    assert letters_by_script("¯\\_(ツ)_/¯") == {}
    assert letters_by_script("ಠ_ಠ") == {}
    assert letters_by_script("π ≈ 3.14") == {}
    assert letters_by_script("バカ ツ") == {"Kana": 2}
    # combining marks do not part a word: Devanagari's vowel signs sit between its letters
    assert letters_by_script("क्या") == {"Deva": 2}


def test_latin_one_letter_words_still_count() -> None:
    """Latin's one-letter words are words ("l'attardé", "e", "é"): they told short French
    and Portuguese comments apart from English in bench/language_id.py."""
    assert letters_by_script("ok l'attardé") == {"Latn": 10}
    assert letters_by_script("porra é essa") == {"Latn": 10}
    assert detect_language("porra é essa") == "pt"
