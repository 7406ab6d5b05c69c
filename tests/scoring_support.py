"""Types shared by the scoring tests and their fixtures (``tests/scoring/conftest.py``)."""

from __future__ import annotations

from collections.abc import Callable

from threadguard.analysis import Analysis

#: Scores a comment as written (no second readings) and as the engine reads it:
#: ``text -> (once, twice)``.
ReadTwice = Callable[[str], tuple[Analysis, Analysis]]
