"""A threat's offsets cover its words, never the spaces a pattern anchored at a sentence's
start takes before them (a sixth news-desk tryout: "Someone should pay him a visit" was
stored from the space before it, in the scan, the upload and the stored comment)."""

from __future__ import annotations

import pytest

from threadguard.moderation.threats import match_threats


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "His car is the red Corsa on Cromwell Road, everyone knows it. "
            "Someone should pay him a visit.",
            "Someone should pay him a visit",
        ),
        ("Nice piece.   Someone should pay her a visit!", "Someone should pay her a visit"),
        ("Someone should pay him a visit.", "Someone should pay him a visit"),
    ],
)
def test_a_phrase_at_a_sentences_start_begins_at_its_first_word(text: str, phrase: str) -> None:
    (found,) = match_threats(text)
    assert found.phrase == phrase
    assert text[found.begin : found.end] == phrase
    assert found.reason().count(phrase[:10]) == 1
