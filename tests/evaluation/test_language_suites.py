"""The team's functional suites in German, French and Spanish: well formed, as many cases
per functionality as the English suite asks (10 each), and judged on decisions."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from threadguard.engine import Engine
from threadguard.evaluation.functional import load_suite
from threadguard.evaluation.languages import (
    SUITE_LANGUAGES,
    best_threshold,
    load_language_suite,
    run_language_suite,
)
from threadguard.moderation import Moderator


@pytest.mark.parametrize("language", SUITE_LANGUAGES)
def test_each_suite_covers_every_english_functionality_ten_times(language: str) -> None:
    cases = load_language_suite(language)
    english = {c.functionality for c in load_suite()}
    counts = Counter(c.functionality for c in cases)
    assert set(counts) == english
    assert min(counts.values()) >= 10
    assert all(c.decision is not None for c in cases)
    assert len({c.text for c in cases}) == len(cases)  # no duplicate sentence


def test_the_best_threshold_is_the_one_that_separates() -> None:
    y = np.array([0, 0, 0, 1, 1, 1])
    p = np.array([0.1, 0.2, 0.3, 0.6, 0.7, 0.8])
    t = best_threshold(y, p)
    assert 0.3 < t <= 0.6


def test_a_suite_run_reports_decisions_languages_and_bias(
    engine: Engine, moderator: Moderator
) -> None:
    cases = [
        c
        for c in load_language_suite("de")
        if c.functionality in ("dehumanisation", "positive_group_statement")
    ]
    run = run_language_suite(engine, moderator, "de", cases)
    assert run.result.overall.cases == len(cases)
    assert run.detected.get("de", 0) >= 0.9 * len(cases)
    groups = {b.group for b in run.bias}
    assert {"muslims", "jews", "women"} <= groups
    for b in run.bias:
        assert b.calm == 2 and b.attacks == 2


def test_the_languages_report_names_the_multilingual_tier_that_scored(
    engine: Engine, moderator: Moderator
) -> None:
    """Its title named the English model, which scores none of those languages."""
    from threadguard.evaluation.language_card import language_report, scored_by

    assert engine.languages is not None
    report = language_report(engine, moderator, None)
    title = report.splitlines()[0]
    assert title == f"# Languages beyond English: {engine.languages.tag}"
    assert engine.model.tag not in title
    for code in engine.languages.languages:
        assert f"{code} {engine.languages.model_tag(code)}" in report
    assert f"the English blind check by the English model {engine.model_version}" in report
    assert "blind checks below have no split: the same cases on dev and test" in report
    english_only = Engine(engine.model, None, engine.cascade, None)
    assert scored_by(english_only)[0] == "# Languages beyond English: no multilingual tier loaded"
