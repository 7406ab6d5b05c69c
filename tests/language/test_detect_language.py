"""Telling a comment's language: the script first, then the language within it, with
English the answer only where the evidence is English or too thin to tell."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threadguard.language import detect_language, identifier
from threadguard.language.english import plainly_english
from threadguard.language.scripts import letters_by_script, main_script

#: One comment per script, each written for these tests.
SCRIPTS = {
    "ar": "أنت غبي وحقير ويجب أن تموت",
    "ru": "Ты тупой идиот, убирайся отсюда",
    "uk": "Дякую за статтю, дуже цікаво",
    "hi": "तुम बेवकूफ हो, मैं तुम्हें मार दूंगा",
    "zh": "你是个白痴，我要杀了你",
    "ja": "お前は馬鹿だ、記事をありがとう",
    "ko": "너는 바보야, 기사 감사합니다",
    "he": "אתה אידיוט מטומטם",
    "el": "Είσαι ηλίθιος, ευχαριστώ για το άρθρο",
    "th": "คุณมันโง่ ขอบคุณสำหรับบทความ",
    "ka": "შენ სულელი ხარ",
    "hy": "Դու հիմար ես",
}

LATIN = {
    "de": [
        "Halt die Fresse, du Idiot",
        "Du bist ein Arschloch",
        "Ich bringe dich um",
        "Alle Ausländer raus",
        "Die Regierung hat wieder einmal versagt, das ist doch nicht zu glauben.",
    ],
    "fr": ["Je ne suis pas du tout d'accord avec vous, le gouvernement a tort."],
    "es": ["Vete a la mierda, imbécil", "Gracias por el artículo, muy interesante."],
    "it": ["Grazie per l'articolo, molto interessante"],
    "pt": ["Obrigado pelo artigo, achei muito interessante e bem escrito."],
    "nl": ["Je bent een idioot", "Bedankt voor het artikel, erg interessant."],
    "pl": ["Jesteś idiotą", "Dziękuję za artykuł, bardzo ciekawy"],
    "tr": ["Sen tam bir aptalsın, defol git buradan", "Makale için teşekkürler, çok ilginç."],
    "sv": ["Tack för artikeln, mycket intressant"],
}

ENGLISH = [
    "You are an idiot",
    "Thanks for the clear article about the ferry timetable.",
    "die troll, die.",
    "Dalton McGuinty.",
    "Bannon is Goebbels.",
    "Ciao bella",
    "FAKE NEWS",
    "hahahahahahahaha",
    "XXXXXXXXXXXXXXXXXXXX",
    "Je suis Charlie? No thanks, I have my own opinion on this.",
    'In Hindi, it is "janavādi gaṇarājya", so China is "janavādi gaṇarājya cīn".',
    "The temple in Kyōto is called Kinkaku-ji and it is beautiful",
]


@pytest.mark.parametrize(("code", "text"), SCRIPTS.items())
def test_a_comment_in_another_script_is_in_a_language_of_that_script(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    ("code", "text"), [(code, text) for code, texts in LATIN.items() for text in texts]
)
def test_latin_script_languages_are_told_apart(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ENGLISH)
def test_english_names_laughter_and_mixed_english_stay_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_too_little_evidence_is_the_scripts_default() -> None:
    assert detect_language("") == "en"
    assert detect_language("12345 !!! 😀😀") == "en"
    assert detect_language("Hallo") == "en"  # five Latin letters: too few to tell
    assert detect_language("Danke") == "de"  # ... unless a marker word tells (.markers)
    assert detect_language("Да") == "ru"  # two Cyrillic letters: never English
    assert detect_language("لا") == "ar"


def test_the_script_with_most_letters_decides() -> None:
    url = "https://example.com/a-very-long-english-looking-path/with-many-latin-letters"
    assert detect_language(f"Ты тупой идиот {url} @someone_with_a_long_name") == "ru"
    assert detect_language("Привет! This comment is mostly written in English, really.") == "en"
    # A tie is not "mostly English".
    assert main_script(letters_by_script("abcd абвг")) == "Cyrl"


def test_an_unknown_script_is_undetermined_never_english() -> None:
    assert detect_language("ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏍᎦᏯ") == "und"  # Cherokee


def test_japanese_is_told_from_chinese_by_its_kana() -> None:
    assert main_script(letters_by_script("東京都知事選挙の結果")) == "Kana"
    assert main_script(letters_by_script("东京都知事选举结果")) == "Hani"


def test_only_the_start_of_a_long_comment_is_read() -> None:
    english = "This is a long comment and it is written in plain English. " * 30
    assert detect_language(english + "Ты тупой идиот, убирайся отсюда " * 50) == "en"


def test_the_english_fast_path_takes_no_german_polish_or_dutch() -> None:
    def words(text: str) -> list[str]:
        return text.lower().replace(",", " ").split()

    assert plainly_english(words("I think you are right about that"))
    for text in (
        "Das ist so, was will er denn noch",
        "To jest to, a on i ja do domu",
        "Dit is een test of het werkt in de praktijk, ik was daar",
    ):
        assert not plainly_english(words(text)), text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_code(text: str) -> None:
    code = detect_language(text)
    assert code == "und" or (len(code) in (2, 3) and code.isalpha() and code.islower())


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh cache folder, and the model loaded anew (and again after the test)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    identifier._identifier.cache_clear()
    yield tmp_path
    identifier._identifier.cache_clear()


def test_the_model_is_cached_uncompressed_and_read_back_the_same(cache_home: Path) -> None:
    text = "Halt die Fresse, du Idiot, das ist doch nicht zu glauben"
    first = identifier.scores(text)
    [folder] = (cache_home / "threadguard").iterdir()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{name}.npy" for name in identifier._ARRAYS
    )
    identifier._identifier.cache_clear()
    assert identifier.scores(text) == first
    assert set(first) == set(identifier._ALL)


def test_a_broken_or_unwritable_cache_is_only_slower(cache_home: Path) -> None:
    text = "Dziękuję za artykuł, bardzo ciekawy"
    expected = identifier.scores(text)
    [folder] = (cache_home / "threadguard").iterdir()
    np.save(folder / "classes.npy", np.array(["xx"]))
    identifier._identifier.cache_clear()
    assert identifier.scores(text) == expected
    (cache_home / "threadguard").rename(cache_home / "elsewhere")
    (cache_home / "threadguard").write_text("a file where the folder should be")
    identifier._identifier.cache_clear()
    assert identifier.scores(text) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("𝐆𝐫𝐞𝐚𝐭 𝐚𝐫𝐭𝐢𝐜𝐥𝐞, 𝐭𝐡𝐚𝐧𝐤 𝐲𝐨𝐮 𝐟𝐨𝐫 𝐭𝐡𝐞 𝐫𝐞𝐩𝐨𝐫𝐭𝐢𝐧𝐠", "en"),
        ("𝑆𝑢𝑝𝑒𝑟 𝐴𝑟𝑡𝑖𝑘𝑒𝑙, 𝑣𝑖𝑒𝑙𝑒𝑛 𝐷𝑎𝑛𝑘 𝑓ü𝑟 𝑑𝑖𝑒 𝑔𝑢𝑡𝑒 𝐴𝑟𝑏𝑒𝑖𝑡 𝑢𝑛𝑑 𝑑𝑖𝑒 𝑍𝑎ℎ𝑙𝑒𝑛", "de"),
        ("ᴛʜᴀɴᴋꜱ ꜰᴏʀ ᴛʜᴇ ᴄʟᴇᴀʀ ᴀʀᴛɪᴄʟᴇ", "en"),
        ("Ｔｈａｎｋｓ ｆｏｒ ｔｈｅ ｃｌｅａｒ ａｒｔｉｃｌｅ", "en"),
    ],
)
def test_restyled_latin_letters_are_latin(text: str, language: str) -> None:
    """Fancy-text letters were in no script's block: the comment was undetermined and
    held as an unsupported language (Perspective refused it)."""
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("eu", "Ergelak zarete denak, isildu behingoz eta utzi gu bakean."),
        ("mt", "Intom ilkoll ħmir, agħlqu ħalqkom u ħalluna fil-paċi."),
        ("lv", "Jūs visi esat muļķi, aizveriet mutes un liekiet mūs mierā."),
        ("uz", "Hammangiz ahmoqsizlar, ogʻzingizni yuming va bizni tinch qoʻying."),
    ],
)
def test_languages_no_model_covers_are_told_not_taken_for_a_covered_one(
    code: str, text: str
) -> None:
    """Basque was taken for Turkish, Maltese and Uzbek for English: scored by a model of
    another language and published. Told apart, they get the rule for unsupported
    languages (written for this test)."""
    assert detect_language(text) == code


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("cy", "Diolch yn fawr am yr erthygl hon, mae hi'n bwysig iawn i'r gymuned leol."),
        ("cy", "Mae prisiau tai yn y pentref yn rhy uchel i bobl ifanc, dylai'r cyngor wrando."),
        ("ga", "Go raibh míle maith agat as an alt seo, tá sé an-tábhachtach don phobal."),
        ("ga", "Ba chóir don aire éirí as, tá sé náireach agus níl aon duine ag éisteacht."),
    ],
)
def test_welsh_and_irish_are_told_not_read_as_english(code: str, text: str) -> None:
    """A Welsh reader's thanks was read as English and held at toxicity 0.56 (session 50):
    held for a score the English models cannot give it. Told apart, Welsh and Irish get
    the site's rule for unsupported languages and an honest reason (written for this
    test)."""
    assert detect_language(text) == code
