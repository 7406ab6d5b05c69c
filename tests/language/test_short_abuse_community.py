"""Short abuse a community head found read as English now takes its language by marker
words ("Tyfushoer, rot op" nl, "Vai se foder" pt); short English stays English."""

from __future__ import annotations

import pytest

from threadguard.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Tyfushoer, rot op", "nl"),
        ("Kanker op, mongool", "nl"),
        ("Vai se foder", "pt"),
        ("Tout à fait.", "fr"),
    ],
)
def test_short_abuse_takes_its_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["Rot in hell", "Cancer research", "Go away", "Fair enough"])
def test_short_english_stays_english(text: str) -> None:
    assert detect_language(text) == "en"
