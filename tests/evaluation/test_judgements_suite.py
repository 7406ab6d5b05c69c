"""The judgements suite: harsh words at things and at people load, and reach the
decisions report."""

from __future__ import annotations

import pytest

from threadguard.evaluation.blind_check import parse_blind_check
from threadguard.evaluation.decision_sets import JUDGEMENTS, SUITES, suite_items
from threadguard.evaluation.functional import SuiteError
from threadguard.evaluation.judgements import FUNCTIONALITIES, load_judgements
from threadguard.schema import Verdict


def test_each_kind_has_its_cases_expecting_its_decision() -> None:
    cases = load_judgements()
    counts = {}
    for name, decision in FUNCTIONALITIES.items():
        mine = [c for c in cases if c.functionality == name]
        assert {c.decision for c in mine} == {decision}
        counts[name] = len(mine)
    assert counts == {"judgement_of_thing": 70, "judgement_of_person": 69}


def test_a_case_of_the_blind_checks_kind_is_refused() -> None:
    line = '{"id": "a", "functionality": "threat_direct", "text": "t", "decision": "hold"}'
    with pytest.raises(SuiteError, match="unknown"):
        parse_blind_check([line], "judgements_suite.jsonl", FUNCTIONALITIES)


def test_the_decisions_report_reads_things_as_civil_and_people_as_abusive() -> None:
    assert JUDGEMENTS in SUITES
    items = suite_items(JUDGEMENTS)
    texts = {c.text: c.decision for c in load_judgements()}
    assert len(items) == len(texts) == 139
    for item in items:
        assert (item.kind == "civil") == (texts[item.text] is Verdict.APPROVE)
