"""Fixtures shared by the scoring tests."""

from __future__ import annotations

from dataclasses import replace

import pytest
from scoring_support import ReadTwice

from threadguard.analysis import Analysis
from threadguard.engine import CommentInput, Engine


@pytest.fixture(scope="module")
def read_once(engine: Engine) -> Engine:
    """The shipped models reading every comment once, as written: no second readings
    (:mod:`threadguard.scoring.rereading`), to measure what they change."""
    return engine.with_cascade(replace(engine.cascade, second_readings=False))


@pytest.fixture(scope="module")
def read_twice(engine: Engine, read_once: Engine) -> ReadTwice:
    """``text -> (once, twice)``: the shipped models' analysis of a comment read once as
    written and read as the engine reads it, with its second readings."""

    def both(text: str) -> tuple[Analysis, Analysis]:
        (once,) = read_once.analyze([CommentInput(text)], spans=False)
        (twice,) = engine.analyze([CommentInput(text)], spans=False)
        return once, twice

    return both
