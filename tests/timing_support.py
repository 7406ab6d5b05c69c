"""Timing a run on a shared machine: the best of three, since one run may be slowed, and a
budget set against a plain scan of the same text timed in the same test, since a machine
under load (CI beside other jobs) slows both alike."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

_WORDS = re.compile(r"\w+")


def fastest(run: Callable[[], object], tries: int = 3) -> float:
    """The best of ``tries`` runs' seconds."""
    best = float("inf")
    for _ in range(tries):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def linear_budget(text: str, seconds: float = 0.25, factor: float = 20.0) -> float:
    """How long a pattern may take over ``text``: ``seconds``, or ``factor`` times a plain
    word scan of it timed now, whichever is longer. Backtracking that is not linear takes
    seconds over 100,000 characters, far past either; an idle machine scans 100,000
    characters in a few milliseconds, so the budget stays near ``seconds`` there. (0.05 s
    was too tight for a linear entry with many alternatives on a slower CPU: the
    "spastics" entry read 99,000 spaces in 0.14-0.16 s, doubling with the length, against
    a budget of 0.145 s.)"""
    return max(seconds, factor * fastest(lambda: list(_WORDS.finditer(text))))
