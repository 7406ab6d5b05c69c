"""Emoticons, kaomoji and formulas borrow letters of scripts their writers do not write in:
a lone letter inside an emoticon (and a lone Greek letter, a formula's) is a symbol, and
decides no language.

The shrug was read as Japanese and "ಠ_ಠ" as Kannada, so Perspective refused them (400,
unsupported language) and OpenAI flagged them with every category false (the compat
tryout). Real short words keep their language, and so do letters that only spaces or
sentence punctuation part: when every lone letter was a symbol, "操 你 妈", "х у й" and
"씨 발" (abuse spaced out) and "好！", "헐!", "हाँ" were read as English and approved (review
35); kaomoji with ﾟ and ー ("(☞ﾟヮﾟ)☞", "(ーー;)") stayed Japanese."""

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
    "5 ℓ",
    "O₂",
    "Ⅳ",
    "Thanks! ¯\\_(ツ)_/¯",
    "ಠ_ಠ seriously?",
    # kana's sound marks are no letters alone; a script outside the table draws too
    "(☞ﾟヮﾟ)☞",
    "(ーー;)",
    "(ﾟーﾟ)",
    "(ﾉ´ｰ`)ﾉ",
    "(ᗒᗣᗕ)՞",
    "щ（ﾟДﾟщ）",
    # letters framed past a space
    "ᕕ( ᐛ )ᕗ",
    "༼ つ ◕_◕ ༽つ",
    "(ㆆ _ ㆆ)",
    "(눈_눈)",
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
    "コーヒー": "ja",
}

#: One-letter words, alone or parted by spaces or sentence punctuation: abuse spaced out
#: (an ordinary dodge) and real short answers, each in its own language (review 35).
SPACED = {
    "操 你 妈": "zh",
    "傻 逼": "zh",
    "去 死": "zh",
    "滚！": "zh",
    "操！": "zh",
    "死 ね": "ja",
    "バ カ": "ja",
    "개 새 끼": "ko",
    "씨 발": "ko",
    "х у й": "ru",
    "ك ل ب": "ar",
    "ม ึ ง": "th",
    "好！": "zh",
    "是！是！是！": "zh",
    "헐!": "ko",
    "네.": "ko",
    "हाँ": "hi",
    "ना!": "hi",
    "中 国": "zh",
    "赞👍": "zh",
    "操 你 妈 :)": "zh",
    "「操」": "zh",
}


@pytest.mark.parametrize("text", SYMBOLS)
def test_emoticons_and_formulas_are_english_the_default(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(("text", "language"), sorted(WORDS.items()))
def test_short_words_keep_their_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(("text", "language"), sorted(SPACED.items()))
def test_letters_parted_by_spaces_or_punctuation_keep_their_language(
    text: str, language: str
) -> None:
    assert detect_language(text) == language


def test_a_lone_letter_is_not_counted_but_a_word_is() -> None:
    assert letters_by_script("¯\\_(ツ)_/¯") == {}
    assert letters_by_script("ಠ_ಠ") == {}
    assert letters_by_script("π ≈ 3.14") == {}
    assert letters_by_script("バカ ¯\\_(ツ)_/¯") == {"Kana": 2}
    # a lone letter outside an emoticon is a one-letter word
    assert letters_by_script("バ カ") == {"Kana": 2}
    assert letters_by_script("操 (你) 妈") == {"Hani": 2}
    # a sound mark is part of the kana word it follows, and no letter alone
    assert letters_by_script("コーヒー") == {"Kana": 4}
    assert letters_by_script("(ﾟーﾟ)") == {}
    # combining marks do not part a word: Devanagari's vowel signs sit between its letters
    assert letters_by_script("क्या") == {"Deva": 2}


def test_latin_one_letter_words_still_count() -> None:
    """Latin's one-letter words are words ("l'attardé", "e", "é"): they told short French
    and Portuguese comments apart from English in bench/language_id.py."""
    assert letters_by_script("ok l'attardé") == {"Latn": 10}
    assert letters_by_script("porra é essa") == {"Latn": 10}
    assert detect_language("porra é essa") == "pt"
