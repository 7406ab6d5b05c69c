"""The best published figure for each benchmark row, and where it comes from.

The figures are data, kept in ``resources/published_figures.toml`` apart from the
metrics that compute ThreadGuard's side of each row
(:mod:`threadguard.evaluation.benchmarks`): a new paper changes that file only.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Published:
    """The best published figure for one (data set, task, metric), with where it is from.

    ``value`` is None where we know of no comparable figure: a blank beats a guess.
    ``uncertain`` marks figures quoted from memory of the paper that could not be
    re-checked against the text while writing this table.
    """

    value: float | None
    citation: str
    source: str
    uncertain: bool = False

    def short(self) -> str:
        """``0.687 (Mathew et al. 2021, AAAI)``, ``n/a``, or a ``?`` for uncertain ones."""
        if self.value is None:
            return "n/a"
        mark = "?" if self.uncertain else ""
        return f"{self.value:.3f}{mark} ({self.citation})"


def _load() -> dict[tuple[str, str, str], Published]:
    text = resources.files("threadguard.resources").joinpath("published_figures.toml")
    rows: list[dict[str, Any]] = tomllib.loads(text.read_text(encoding="utf-8"))["figure"]
    return {
        (r["dataset"], r["task"], r["metric"]): Published(
            r.get("value"), r.get("citation", ""), r["source"], r.get("uncertain", False)
        )
        for r in rows
    }


#: (data set key, task, metric) -> best published figure. Keys match ``benchmarks.TASKS``.
PUBLISHED: dict[tuple[str, str, str], Published] = _load()
