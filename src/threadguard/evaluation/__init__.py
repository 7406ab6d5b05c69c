"""Evaluation that needs no labelled data folder: the team's functional hard-case suite.

Data-set evaluation (test splits of ``../shared/data``) lives with the trainers in
``threadguard.training``; what is here ships inside the package so that anyone can run
``threadguard eval --suite functional`` on a fresh install.
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
