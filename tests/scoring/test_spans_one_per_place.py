"""A place in a comment is marked once per attribute, however the normalised text maps back."""

from __future__ import annotations

import pytest

from threadguard.analysis import Span
from threadguard.engine import CommentInput, Engine
from threadguard.scoring.deep_spans import one_per_place


@pytest.mark.parametrize("text", ["ʇoıpı", "\u202e(toidi)", "\u202eto\u0301idi\u202c"])
def test_a_word_read_backwards_or_upside_down_is_marked_once(engine: Engine, text: str) -> None:
    (analysis,) = engine.analyze([CommentInput(text)])
    places = [(s.begin, s.end, s.attribute) for s in analysis.spans]
    assert any(a == "insult" for _, _, a in places)
    assert len(places) == len(set(places))


def test_one_per_place_keeps_the_higher_score_in_the_order_found() -> None:
    spans = [
        Span(0, 5, "insult", 0.9806),
        Span(6, 9, "toxicity", 0.5),
        Span(0, 5, "insult", 0.9845),
    ]
    assert one_per_place(spans) == [Span(0, 5, "insult", 0.9845), Span(6, 9, "toxicity", 0.5)]
