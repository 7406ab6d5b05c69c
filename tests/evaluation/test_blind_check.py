"""The blind check: its cases load, validate, and reach the decisions report."""

from __future__ import annotations

import pytest

from threadguard.evaluation.blind_check import (
    BLIND_LANGUAGES,
    FUNCTIONALITIES,
    BlindCase,
    judge_blind_check,
    load_blind_check,
    parse_blind_check,
)
from threadguard.evaluation.decision_sets import BLIND_CHECK, SUITES, suite_items
from threadguard.evaluation.functional import SuiteError
from threadguard.schema import Verdict


def test_the_packaged_cases_cover_every_functionality() -> None:
    cases = load_blind_check()
    for name, decision in FUNCTIONALITIES.items():
        mine = [c for c in cases if c.functionality == name]
        assert len(mine) >= 19
        assert {c.decision for c in mine} == {decision}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 1: not valid JSON"),
        ('{"id": "a", "functionality": "x", "text": "t", "decision": "hold"}', "unknown"),
        (
            '{"id": "a", "functionality": "threat_direct", "text": "t", "decision": "approve"}',
            "threat_direct cases expect hold",
        ),
        ('{"id": "a", "text": "t", "decision": "hold"}', "exactly the fields"),
    ],
)
def test_a_malformed_line_is_refused_naming_it(line: str, message: str) -> None:
    with pytest.raises(SuiteError, match=message):
        parse_blind_check([line], "f.jsonl")


def test_a_repeated_text_is_refused() -> None:
    line = '{{"id": "{i}", "functionality": "threat_direct", "text": "{t}", "decision": "hold"}}'
    with pytest.raises(SuiteError, match="line 2: id or text already used"):
        parse_blind_check([line.format(i="a", t="Same"), line.format(i="b", t="same")])


def test_the_decisions_report_reads_both_kinds() -> None:
    assert BLIND_CHECK in SUITES
    items = suite_items(BLIND_CHECK)
    holds = sum(c.decision is Verdict.HOLD for c in load_blind_check())
    assert sum(it.kind == "abusive" for it in items) == holds == 58
    assert sum(it.kind == "civil" for it in items) == len(items) - holds == 78


def test_judging_counts_a_published_approve_and_a_held_or_rejected_hold_as_right() -> None:
    cases = [
        BlindCase("a", "threat_direct", "t1", Verdict.HOLD),
        BlindCase("b", "threat_direct", "t2", Verdict.HOLD),
        BlindCase("c", "swearing_no_target", "t3", Verdict.APPROVE),
    ]
    judged = judge_blind_check(cases, [Verdict.REJECT, Verdict.APPROVE, Verdict.HOLD])
    assert judged == {"swearing_no_target": (0, 1), "threat_direct": (1, 2)}
    assert list(judged) == [n for n in FUNCTIONALITIES if n in judged]  # report order
    with pytest.raises(ValueError, match="3 cases but 1 decisions"):
        judge_blind_check(cases, [Verdict.HOLD])


@pytest.mark.parametrize("language", BLIND_LANGUAGES)
def test_each_language_has_a_blind_check_of_every_functionality(language: str) -> None:
    cases = load_blind_check(language)
    assert {c.functionality for c in cases} == set(FUNCTIONALITIES)
    assert all(c.id.startswith(f"{language}-") for c in cases)
    assert len(cases) >= 60
