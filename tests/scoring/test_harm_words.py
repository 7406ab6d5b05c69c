"""A comment that names a way to hurt someone goes to the deep tier, whatever the fast tier
scores; one that names none is routed by the fast tier alone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from threadguard.engine import CommentInput, Engine
from threadguard.normalize import normalize_text
from threadguard.scoring.harm_words import names_harm


@pytest.mark.parametrize(
    "text",
    [
        "I'll be waiting at the training ground with a bat.",
        "Hope his car gets torched.",
        "Somebody should find out where he lives.",
        "That ref needs his legs broken.",
        "W4tch your back.",
    ],
)
def test_a_word_of_harm_is_found(text: str) -> None:
    assert names_harm(normalize_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the new bus lanes on Tuesday.",
        "Batting order changes again, the selectors have lost the plot.",
        "Skilled workers are leaving the region.",
    ],
)
def test_a_comment_without_one_is_not(text: str) -> None:
    assert not names_harm(normalize_text(text))


def test_a_calm_comment_naming_harm_is_read_by_the_deep_tier(engine: Engine) -> None:
    # fast@4 scores it under the band on every attribute (0.15; it scores "The lads will be
    # at the station with bricks." 0.68, having read the threat templates)
    text = "See you at the station with bricks."
    for route, read in ((True, 1), (False, 0)):
        routed = engine.with_cascade(replace(engine.cascade, route_on_harm=route))
        _, before = routed.routing.totals()
        routed.analyze([CommentInput(text)], spans=False)
        _, after = routed.routing.totals()
        assert after - before == read, route
