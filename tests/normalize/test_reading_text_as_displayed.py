"""Text read as its readers see it: right-to-left overrides, spaced, dotted and
emoji-separated letters, no-break spaces inside words and upside-down letters (a security
tryout found each approved by the default policy)."""

from __future__ import annotations

import time

import pytest

from threadguard.normalize import normalize, normalize_text


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("\u202eregg\u0131n a era uoy", "you are a nigger"),
        ("you are a \u202etoidi\u202c", "you are a idiot"),
        (
            "\u202e.uoy llik lliw I dna evil uoy erehw wonk I",
            "i know where you live and i will kill you.",
        ),
        ("you are a w h o r e", "you are a whore"),
        ("you are a s l u t", "you are a slut"),
        ("you are a t w a t", "you are a twat"),
        ("you are an i . d . i . o . t", "you are an idiot"),
        ("you are a m . o . r . o . n", "you are a moron"),
        ("you are a c😀u😀n😀t", "you are a cunt"),
        ("you are a s💩l💩u💩t", "you are a slut"),
        ("you are a sl\u00a0ut", "you are a slut"),
        ("you are an ıpıoʇ", "you are an idiot"),
        ("ʇoıpı", "idiot"),
        # numbers and signs among flipped words do not stop the text reading in order
        ("ʞɔnɟ 5 ʇoıpı", "idiot 5 fuck"),
        ("ʇoıpı $$$", "$$$ idiot"),
    ],
)
def test_hidden_abuse_reads_as_displayed(original: str, expected: str) -> None:
    assert normalize_text(original) == expected
    assert normalize(original).text == expected
    assert normalize_text(expected) == expected


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("U.S.A. and e.g. i.e. 9 a.m.", "usa. and e.g. i.e. 9 a.m."),
        ("J. R. R. Tolkien", "j. r. r. tolkien"),
        ("Options A B C D are open", "options a b c d are open"),
        ("pi is 3.14159", "pi is 3.14159"),
        ("I love 😀 you 😀 so", "i love 😀 you 😀 so"),
        ("x * y * z", "x * y * z"),
        ("you are an a s s h o l e", "you are an asshole"),
        ("New\u00a0York, Mr\u00a0Smith, 10\u00a0km", "new york, mr smith, 10 km"),
        ("שלום \u2067abc\u2069 עולם", "שלום abc עולם"),  # an isolate does not reverse
        ("مرحبا \u202eعالم\u202c", "مرحبا عالم"),  # an override of Arabic changes nothing
        ("kırmızı ılık", "kirmizi ilik"),  # Turkish dotless i is not upside-down text
        ("https://example.com/a.b.c.d", "https://example.com/a.b.c.d"),
    ],
)
def test_civil_text_keeps_its_meaning(original: str, expected: str) -> None:
    assert normalize_text(original) == expected
    assert normalize(original).text == expected


@pytest.mark.parametrize(
    ("original", "word", "source"),
    [
        ("you are a \u202etoidi\u202c", "idiot", "toidi"),
        ("you are an ıpıoʇ", "idiot", "ıpıoʇ"),
        ("you are a c😀u😀n😀t", "cunt", "c😀u😀n😀t"),
        ("you are a sl\u00a0ut", "slut", "sl\u00a0ut"),
    ],
)
def test_spans_point_at_the_original_characters(original: str, word: str, source: str) -> None:
    n = normalize(original)
    i = n.text.index(word)
    begin, end = n.to_original(i, i + len(word))
    assert original[begin:end] == source


def test_a_sites_watched_words_see_the_reversed_slur() -> None:
    from threadguard.moderation.watchlist import WatchRule, match_watchlist

    text = "\u202eregg\u0131n a era uoy"
    hits = match_watchlist([WatchRule.of("nigger*", "block")], text)
    assert [h.to_json()["pattern"] for h in hits] == ["nigger*"]


@pytest.mark.parametrize(
    "adversarial",
    [
        "\u202e" + "ab " * 33_000,
        "a\u00a0" * 50_000,
        "ʇ" * 100_000,
        "a😀" * 50_000,
        "a . " * 25_000,
        "a " * 50_000,
    ],
)
def test_adversarial_input_normalises_in_linear_time(adversarial: str) -> None:
    t0 = time.perf_counter()
    normalize_text(adversarial)
    assert time.perf_counter() - t0 < 3.0  # quadratic work on 100k characters takes minutes


def test_the_language_is_detected_on_the_displayed_text() -> None:
    # Read backwards with a dotless i, the override slur was sent to the Turkish model.
    from threadguard.language import detect_language
    from threadguard.normalize import displayed

    text = "\u202eregg\u0131n a era uoy"
    assert detect_language(displayed(text)) == "en"
