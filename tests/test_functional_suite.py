"""The functional hard-case suite: a valid diagnostic, kept apart from the training data.

The suite only means something if it is well formed (every functionality has enough
cases, each id names one sentence), if it is scored the way its docstring says, and if
no sentence in it was ever seen in training. These tests check all three, plus the
``threadguard eval --suite functional`` command that reports it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from threadguard.engine import CommentInput
from threadguard.evaluation.functional import (
    FUNCTIONALITIES,
    Case,
    SuiteError,
    judge,
    load_suite,
    parse_suite,
    run_suite,
)
from threadguard.normalize import normalize_text
from threadguard.schema import ATTRIBUTES
from threadguard.training.datasets import TRAINING_SETS

MIN_CASES = 20


@pytest.fixture(scope="module")
def suite() -> list[Case]:
    return load_suite()


def test_the_packaged_suite_loads_and_validates(suite: list[Case]) -> None:
    assert suite
    assert all(c.attribute in ATTRIBUTES for c in suite)


@pytest.mark.parametrize("functionality", FUNCTIONALITIES)
def test_every_functionality_has_at_least_20_cases(suite: list[Case], functionality: str) -> None:
    count = sum(c.functionality == functionality for c in suite)
    assert count >= MIN_CASES, f"{functionality}: {count} cases"


def test_each_functionality_tests_one_attribute_and_one_verdict(suite: list[Case]) -> None:
    # A functionality mixing verdicts would average two behaviours into one number.
    kinds: dict[str, set[tuple[str, bool]]] = {}
    for c in suite:
        kinds.setdefault(c.functionality, set()).add((c.attribute, c.expected))
    assert {f: k for f, k in kinds.items() if len(k) != 1} == {}


def test_ids_are_unique(suite: list[Case]) -> None:
    repeated = [i for i, n in Counter(c.id for c in suite).items() if n > 1]
    assert repeated == []


def test_no_two_cases_share_a_text(suite: list[Case]) -> None:
    keys = Counter(" ".join(c.text.casefold().split()) for c in suite)
    assert [t for t, n in keys.items() if n > 1] == []


@pytest.mark.slow
@pytest.mark.parametrize("name", list(TRAINING_SETS))
def test_no_suite_text_is_in_the_training_data(
    suite: list[Case], data_root: Path, name: str
) -> None:
    """Exact match after the model's own normalisation: what the fast tier would see."""
    keys = {normalize_text(c.text): c.id for c in suite}
    loader = TRAINING_SETS[name][0]
    leaked = sorted(
        {keys[k] for k in (normalize_text(t) for t in loader(data_root).texts) if k in keys}
    )
    assert leaked == [], f"suite cases found in training set {name}: {leaked}"


# --- validation -------------------------------------------------------------------------

GOOD = (
    '{"id": "x-01", "functionality": "threat", "text": "watch your back", '
    '"attribute": "threat", "expected": true, "target": null}'
)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"id": "x-02", "functionality": "threat"}', "missing field"),
        (
            GOOD.replace("x-01", "x-02").replace('"threat", "text"', '"threats", "text"'),
            "unknown functionality",
        ),
        (
            GOOD.replace("x-01", "x-02").replace('"attribute": "threat"', '"attribute": "hate"'),
            "attribute",
        ),
        (GOOD.replace("x-01", "x-02").replace("true", '"yes"'), "expected must be a bool"),
        (GOOD.replace("x-01", "x-02").replace("null", '"martians"'), "target"),
        (GOOD.replace("x-01", "x-02").replace("}", ', "colour": "red"}'), "unknown field"),
        (GOOD, "already used on line 1"),
    ],
)
def test_a_malformed_line_is_refused_naming_the_line(bad: str, message: str) -> None:
    with pytest.raises(SuiteError, match=f"suite.jsonl line 3: .*{message}"):
        parse_suite([GOOD, "", bad], source="suite.jsonl")


def test_blank_lines_are_skipped_and_line_numbers_kept() -> None:
    (case,) = parse_suite(["", GOOD])
    assert case.line == 2 and case.expected is True and case.target is None


# --- scoring ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FakeAnalysis:
    scores: Mapping[str, float]


class FakeEngine:
    """Scores each text from a table; records how it was called."""

    def __init__(self, table: dict[str, dict[str, float]]) -> None:
        self.table = table
        self.calls: list[int] = []

    def analyze(self, items: Sequence[CommentInput], *, spans: bool = True) -> list[FakeAnalysis]:
        self.calls.append(len(items))
        return [FakeAnalysis(self.table[it.text]) for it in items]


def case(
    cid: str, functionality: str, text: str, expected: bool, attribute: str = "identity_attack"
) -> Case:
    return Case(cid, functionality, text, attribute, expected)


def test_accuracy_and_failures_per_functionality_with_a_fake_engine() -> None:
    cases = [
        case("n-1", "negated_hate", "a", False),  # 0.10 < 0.5: correct
        case("n-2", "negated_hate", "b", False),  # 0.50 counts as flagged: wrong
        case("n-3", "negated_hate", "c", False),  # 0.49: correct
        case("t-1", "threat", "d", True, "threat"),  # threat 0.20: wrong
        case("q-1", "hate_as_question", "e", True),  # 0.90: correct
    ]
    engine = FakeEngine(
        {
            "a": {"identity_attack": 0.10},
            "b": {"identity_attack": 0.50},
            "c": {"identity_attack": 0.49},
            "d": {"identity_attack": 0.99, "threat": 0.20},
            "e": {"identity_attack": 0.90},
        }
    )
    result = run_suite(engine, cases)
    assert engine.calls == [5], "all cases are scored in one batch"
    rows = {r.functionality: r for r in result.functionalities}
    # Report order follows FUNCTIONALITIES, not the order of the cases.
    assert [r.functionality for r in result.functionalities] == [
        "negated_hate",
        "threat",
        "hate_as_question",
    ]
    assert (rows["negated_hate"].cases, rows["negated_hate"].correct) == (3, 2)
    assert rows["negated_hate"].accuracy == pytest.approx(2 / 3)
    assert rows["negated_hate"].failures == ("n-2",)
    assert rows["threat"].accuracy == 0.0 and rows["threat"].failures == ("t-1",)
    assert rows["hate_as_question"].accuracy == 1.0
    assert (result.overall.cases, result.overall.correct) == (5, 3)
    assert result.overall.accuracy == pytest.approx(0.6)
    assert result.overall.failures == ("n-2", "t-1")


def test_judge_refuses_mismatched_or_missing_scores() -> None:
    cases = [case("a-1", "threat", "x", True, "threat")]
    with pytest.raises(ValueError, match="1 cases but 0"):
        judge(cases, [])
    with pytest.raises(ValueError, match="no threat score"):
        judge(cases, [{"toxicity": 0.9}])


# --- command line -------------------------------------------------------------------------


def threadguard(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI away from the checkout, with no data folder anywhere in reach."""
    env = {**os.environ, "THREADGUARD_DATA": str(tmp_path / "no-data"), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "threadguard", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )


def test_eval_functional_prints_a_row_per_functionality(tmp_path: Path, suite: list[Case]) -> None:
    proc = threadguard(tmp_path, "eval", "--suite", "functional")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    counts = Counter(c.functionality for c in suite)
    for functionality in FUNCTIONALITIES:
        row = [ln for ln in lines if f" {functionality} " in ln]
        assert len(row) == 1, f"no single row for {functionality}:\n{proc.stdout}"
        assert f" {counts[functionality]} " in row[0]
        assert "%" in row[0]
    (overall,) = [ln for ln in lines if " overall " in ln]
    assert f" {len(suite)} " in overall


def test_eval_rejects_an_unknown_suite(tmp_path: Path) -> None:
    proc = threadguard(tmp_path, "eval", "--suite", "bogus")
    assert proc.returncode == 2
    assert "--suite must be data, functional, context or decisions" in proc.stderr


def test_eval_on_data_still_needs_the_data_folder(tmp_path: Path) -> None:
    proc = threadguard(tmp_path, "eval")
    assert proc.returncode == 2
    assert "no such data folder" in proc.stderr


def _word_runs(text: str, n: int) -> set[tuple[str, ...]]:
    words = normalize_text(text).replace(".", " ").replace(",", " ").split()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_no_suite_case_is_close_to_a_training_template(suite: list[Case]) -> None:
    """The team's training templates share no sentence and no run of five words with the
    suite: the suite measures whether a behaviour generalises, not whether it was copied."""
    from threadguard.training.augment import template_rows

    generated = [t for t, _ in template_rows()]
    texts = {normalize_text(t) for t in generated}
    runs: set[tuple[str, ...]] = set()
    for t in generated:
        runs |= _word_runs(t, 5)
    exact = [c.id for c in suite if normalize_text(c.text) in texts]
    close = [c.id for c in suite if _word_runs(c.text, 5) & runs]
    assert exact == []
    assert close == [], f"suite cases sharing five words in a row with a template: {close}"
