"""The twin suites: harsh words at things beside the same at people, calls and threats
beside their civil twins, threats at one person beside their look-alikes; their cases load,
validate and reach the decisions report."""

from __future__ import annotations

import pytest

from threadguard.evaluation import decision_sets
from threadguard.evaluation.blind_check import parse_blind_check
from threadguard.evaluation.functional import SuiteError
from threadguard.evaluation.twin_suites import (
    CALLS,
    JUDGEMENTS,
    PERSON_THREATS,
    TwinSuite,
    load_twin_suite,
)
from threadguard.schema import Verdict

COUNTS = [
    (JUDGEMENTS, decision_sets.JUDGEMENTS, {"judgement_of_thing": 70, "judgement_of_person": 69}),
    (CALLS, decision_sets.CALLS, {"call_or_threat": 78, "civil_twin": 79}),
    (
        PERSON_THREATS,
        decision_sets.PERSON_THREATS,
        {"threat_at_person": 79, "threat_lookalike": 79},
    ),
]


@pytest.mark.parametrize(("suite", "key", "counts"), COUNTS)
def test_each_functionality_has_its_cases_expecting_its_decision(
    suite: TwinSuite, key: str, counts: dict[str, int]
) -> None:
    cases = load_twin_suite(suite)
    for name, decision in suite.functionalities.items():
        assert {c.decision for c in cases if c.functionality == name} == {decision}
    assert {n: sum(c.functionality == n for c in cases) for n in counts} == counts


@pytest.mark.parametrize(("suite", "key", "counts"), COUNTS)
def test_the_decisions_report_reads_twins_as_civil_and_the_rest_as_abusive(
    suite: TwinSuite, key: str, counts: dict[str, int]
) -> None:
    assert key in decision_sets.SUITES
    items = decision_sets.suite_items(key)
    texts = {c.text: c.decision for c in load_twin_suite(suite)}
    assert len(items) == len(texts) == sum(counts.values())
    for item in items:
        assert (item.kind == "civil") == (texts[item.text] is Verdict.APPROVE)


def test_a_case_of_another_suite_or_the_other_decision_is_refused() -> None:
    other = '{"id": "a", "functionality": "threat_direct", "text": "t", "decision": "hold"}'
    with pytest.raises(SuiteError, match="unknown"):
        parse_blind_check([other], JUDGEMENTS.file, JUDGEMENTS.functionalities)
    flipped = '{"id": "a", "functionality": "civil_twin", "text": "t", "decision": "hold"}'
    with pytest.raises(SuiteError, match="civil_twin cases expect approve"):
        parse_blind_check([flipped], CALLS.file, CALLS.functionalities)
