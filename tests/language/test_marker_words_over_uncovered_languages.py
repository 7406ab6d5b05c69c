"""A short comment with a covered language's marker words is not taken for a language no
model covers."""

from __future__ import annotations

import pytest

from threadguard.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # session 34's multilingual tryout: fi and ro, held only as unsupported languages
        ("Stai zitta puttana", "it"),
        ("Sua puta, cala a boca.", "pt"),
    ],
)
def test_marker_words_win_over_an_uncovered_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Tack för artikeln, mycket bra skrivet.", "sv"),
        ("Mulțumesc pentru articol, foarte bun.", "ro"),
        ("Kiitos artikkelista, hyvä juttu.", "fi"),
        # one word of it ("du") is a German marker: not enough to make it German
        ("Jag ska döda dig, din jävla idiot, du förtjänar att dö", "sv"),
    ],
)
def test_uncovered_languages_without_marker_words_stay_themselves(text: str, language: str) -> None:
    assert detect_language(text) == language
