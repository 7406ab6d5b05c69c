"""The calls suite: calls for violence or expulsion and threats, and their civil twins,
load and reach the decisions report."""

from __future__ import annotations

import pytest

from threadguard.evaluation.blind_check import parse_blind_check
from threadguard.evaluation.calls_suite import FUNCTIONALITIES, load_calls
from threadguard.evaluation.decision_sets import CALLS, SUITES, suite_items
from threadguard.evaluation.functional import SuiteError
from threadguard.schema import Verdict


def test_each_kind_has_its_cases_expecting_its_decision() -> None:
    cases = load_calls()
    counts = {}
    for name, decision in FUNCTIONALITIES.items():
        mine = [c for c in cases if c.functionality == name]
        assert {c.decision for c in mine} == {decision}
        counts[name] = len(mine)
    assert counts == {"call_or_threat": 78, "civil_twin": 79}


def test_a_case_expecting_the_other_decision_is_refused() -> None:
    line = '{"id": "a", "functionality": "civil_twin", "text": "t", "decision": "hold"}'
    with pytest.raises(SuiteError, match="civil_twin cases expect approve"):
        parse_blind_check([line], "calls_suite.jsonl", FUNCTIONALITIES)


def test_the_decisions_report_reads_twins_as_civil_and_calls_as_abusive() -> None:
    assert CALLS in SUITES
    items = suite_items(CALLS)
    texts = {c.text: c.decision for c in load_calls()}
    assert len(items) == len(texts) == 157
    for item in items:
        assert (item.kind == "civil") == (texts[item.text] is Verdict.APPROVE)
