"""Timing a run on a shared machine: the best of three, since one run may be slowed."""

from __future__ import annotations

import time
from collections.abc import Callable


def fastest(run: Callable[[], object], tries: int = 3) -> float:
    """The best of ``tries`` runs' seconds."""
    best = float("inf")
    for _ in range(tries):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best
