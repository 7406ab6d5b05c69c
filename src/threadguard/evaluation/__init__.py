"""How well the models do: everything ``threadguard eval`` reports.

``functional`` is the team's hard-case suite; it ships inside the package, so anyone can
run ``threadguard eval --suite functional`` on a fresh install (re-exported here). The
rest reads the labelled data folder: ``report`` makes one pass over its test splits for
the per-attribute table, the benchmarks beside published figures (``benchmarks``,
``published``), identity bias (``bias``), peers (``peers``) and throughput
(``throughput``); ``context`` compares scoring with and without thread context.

Layers: this package imports ``threadguard.training`` (the data-set loaders and the
per-attribute evaluation the model card also uses) and ``threadguard.metrics``;
``training`` never imports this package.
"""

from __future__ import annotations

from threadguard.evaluation.functional import (
    FUNCTIONALITIES,
    Case,
    FunctionalityResult,
    SuiteError,
    SuiteResult,
    judge,
    load_suite,
    parse_suite,
    run_suite,
)

__all__ = [
    "FUNCTIONALITIES",
    "Case",
    "FunctionalityResult",
    "SuiteError",
    "SuiteResult",
    "judge",
    "load_suite",
    "parse_suite",
    "run_suite",
]
