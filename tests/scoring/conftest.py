"""Fixtures shared by the scoring tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from threadguard.engine import Engine


@pytest.fixture(scope="module")
def read_once(engine: Engine) -> Engine:
    """The shipped models reading every comment once, as written: no second readings
    (:mod:`threadguard.scoring.rereading`), to measure what they change."""
    return engine.with_cascade(replace(engine.cascade, second_readings=False))
