"""A comment written letter by letter is detected in the language of its joined words."""

from __future__ import annotations

import pytest

from threadguard.engine import CommentInput, Engine
from threadguard.language import detect_language, unspaced
from threadguard.moderation import Moderator


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # session 34's news-desk tryout: read as pl, pl, sq and ca
        ("k i l l  a l l  j e w s", "en"),
        ("i h o p e y o u d i e", "en"),
        ("k i l l  y o u r s e l f", "en"),
        ("K I L L  A L L  M U S L I M S", "en"),
        ("v e r p i s s  d i c h", "de"),
    ],
)
def test_spaced_out_letters_are_read_as_their_words(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_words_apart_by_two_spaces_stay_words() -> None:
    assert unspaced("k i l l  a l l  j e w s") == "kill  all  jews"


@pytest.mark.parametrize("text", ["I am a b c d happy", "Plan A or plan B, not C.", "x y"])
def test_ordinary_text_with_a_few_single_letters_is_left_alone(text: str) -> None:
    assert unspaced(text) == text or detect_language(text) == "en"


def test_a_spaced_out_call_to_kill_is_not_published(engine: Engine, moderator: Moderator) -> None:
    (analysis,) = engine.analyze([CommentInput("k i l l  a l l  j e w s")], spans=False)
    assert analysis.language == "en"
    assert moderator.on_scores(analysis).action.value != "approve"
