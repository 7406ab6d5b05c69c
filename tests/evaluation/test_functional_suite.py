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

from threadguard.analysis import Analysis
from threadguard.engine import CommentInput
from threadguard.evaluation.blind_check import load_blind_check
from threadguard.evaluation.civil_news import load_civil_news, load_group_mentions
from threadguard.evaluation.functional import (
    FUNCTIONALITIES,
    Case,
    SuiteError,
    judge,
    judge_decisions,
    load_suite,
    parse_suite,
    run_suite,
    run_suite_decisions,
)
from threadguard.evaluation.twin_suites import CALLS, JUDGEMENTS, PERSON_THREATS, load_twin_suite
from threadguard.moderation import Moderator
from threadguard.normalize import normalize_text
from threadguard.schema import ATTRIBUTES, Verdict
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
    kinds: dict[str, set[tuple[str, bool, Verdict | None]]] = {}
    for c in suite:
        kinds.setdefault(c.functionality, set()).add((c.attribute, c.expected, c.decision))
    assert {f: k for f, k in kinds.items() if len(k) != 1} == {}


def test_every_packaged_case_expects_a_decision(suite: list[Case]) -> None:
    assert [c.id for c in suite if c.decision not in (Verdict.APPROVE, Verdict.HOLD)] == []
    # Counter-speech must be published and threats stopped: the file says so, not a default.
    by_id = {c.id: c for c in suite}
    assert by_id["cq-01"].decision is Verdict.APPROVE
    assert by_id["th-01"].decision is Verdict.HOLD


def test_only_the_cases_needing_context_carry_a_parent(suite: list[Case]) -> None:
    with_parent = {c.functionality for c in suite if c.parent}
    assert with_parent == {"hate_needing_context"}
    assert all(c.parent for c in suite if c.functionality == "hate_needing_context")


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
    """Exact match after the model's own normalisation: what the fast tier would see. The
    civil news sentences are checked too; a reply that needs its parent is a case only
    with that parent ("Good." alone is everywhere), so such replies are not."""
    keys = {normalize_text(c.text): c.id for c in suite if not c.parent}
    keys |= {normalize_text(s.text): s.id for s in load_civil_news()}
    keys |= {normalize_text(s.text): s.id for s in load_group_mentions()}
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
        (GOOD.replace("x-01", "x-02").replace("}", ', "decision": "reject"}'), "decision must"),
        (GOOD.replace("x-01", "x-02").replace("}", ', "parent": 7}'), "parent must be a str"),
        (GOOD, "already used on line 1"),
    ],
)
def test_a_malformed_line_is_refused_naming_the_line(bad: str, message: str) -> None:
    with pytest.raises(SuiteError, match=f"suite.jsonl line 3: .*{message}"):
        parse_suite([GOOD, "", bad], source="suite.jsonl")


def test_blank_lines_are_skipped_and_line_numbers_kept() -> None:
    (case,) = parse_suite(["", GOOD])
    assert case.line == 2 and case.expected is True and case.target is None
    assert case.decision is None and case.parent == ""


def test_decision_and_parent_are_read() -> None:
    line = GOOD.replace("}", ', "decision": "hold", "parent": "A new mosque opens."}')
    (case,) = parse_suite([line])
    assert case.decision is Verdict.HOLD and case.parent == "A new mosque opens."


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


def _analysis(**scores: float) -> Analysis:
    return Analysis(None, {a: scores.get(a, 0.01) for a in ATTRIBUTES})


class FakeAnalyzer:
    """Returns a fixed analysis per text and records the inputs (parents included)."""

    def __init__(self, table: dict[str, Analysis]) -> None:
        self.table = table
        self.items: list[CommentInput] = []

    def analyze(self, items: Sequence[CommentInput], *, spans: bool = True) -> list[Analysis]:
        self.items.extend(items)
        return [self.table[it.text] for it in items]


def test_decisions_are_judged_through_the_moderator_with_parents_as_context() -> None:
    cases = [
        # expects approve; toxicity 0.75 crosses the default hold (0.70): a decision failure
        # although identity_attack is "right" on scores.
        Case("d-1", "civil_disagreement", "a", "identity_attack", False, decision=Verdict.APPROVE),
        Case("d-2", "civil_disagreement", "b", "identity_attack", False, decision=Verdict.APPROVE),
        # expects hold: a reject passes too.
        Case(
            "h-1",
            "hate_needing_context",
            "c",
            "identity_attack",
            True,
            decision=Verdict.HOLD,
            parent="A family moved in next door.",
        ),
        Case("h-2", "hate_needing_context", "d", "identity_attack", True, decision=Verdict.HOLD),
        Case("s-1", "threat", "e", "threat", True),  # no decision: scores only
    ]
    engine = FakeAnalyzer(
        {
            "a": _analysis(toxicity=0.75),
            "b": _analysis(toxicity=0.30),
            "c": _analysis(identity_attack=0.95, toxicity=0.9),
            "d": _analysis(identity_attack=0.20),
            "e": _analysis(threat=0.9),
        }
    )
    report = run_suite_decisions(engine, Moderator(), cases)
    assert [it.parent for it in engine.items] == ["", "", "A family moved in next door.", "", ""]
    rows = {r.functionality: r for r in report.decisions.functionalities}
    assert rows["civil_disagreement"].failures == ("d-1",)
    assert rows["hate_needing_context"].failures == ("h-2",)
    assert "threat" not in rows  # judged on scores only
    assert (report.decisions.overall.cases, report.decisions.overall.correct) == (4, 2)
    assert report.scores.overall.cases == 5
    assert {r.functionality: r.correct for r in report.scores.functionalities} == {
        "civil_disagreement": 2,
        "hate_needing_context": 1,
        "threat": 1,
    }


def test_judge_decisions_refuses_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="1 cases but 0 decisions"):
        judge_decisions([case("a-1", "threat", "x", True, "threat")], [])


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
    assert "decision pass" in proc.stdout
    assert overall.count("%") == 2, "accuracy on scores and the decision pass rate"


def test_eval_rejects_an_unknown_suite(tmp_path: Path) -> None:
    proc = threadguard(tmp_path, "eval", "--suite", "bogus")
    assert proc.returncode == 2
    message = proc.stderr
    assert "--suite must be" in message
    for suite in (
        "data",
        "functional",
        "context",
        "decisions",
        "adaptation",
        "targets",
        "languages",
    ):
        assert suite in message, f"{suite} not named in: {message}"


def test_eval_on_data_still_needs_the_data_folder(tmp_path: Path) -> None:
    proc = threadguard(tmp_path, "eval")
    assert proc.returncode == 2
    assert "no such data folder" in proc.stderr


def _word_runs(text: str, n: int) -> set[tuple[str, ...]]:
    words = normalize_text(text).replace(".", " ").replace(",", " ").split()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _template_texts() -> list[str]:
    """Every text the team's templates train on: the rows both tiers add, and the replies
    and parents of the context templates."""
    from threadguard.training.augment import context_rows, template_rows

    texts = [t for t, _ in template_rows()]
    for reply, parent, _ in context_rows():
        texts += [reply, parent]
    return texts


def _evaluation_texts(suite: list[Case]) -> dict[str, str]:
    """Every sentence of the team's evaluation material, by id: the functional cases (and
    their parents), the civil news sentences, the friendly mentions of groups, the
    blind check, the judgements of things and people and the calls suite."""
    out = {c.id: c.text for c in suite}
    out |= {f"{c.id}:parent": c.parent for c in suite if c.parent}
    out |= {s.id: s.text for s in load_civil_news()}
    out |= {s.id: s.text for s in load_group_mentions()}
    out |= {f"blind:{c.id}": c.text for c in load_blind_check()}
    for suite in (JUDGEMENTS, CALLS, PERSON_THREATS):
        out |= {f"{suite.file}:{c.id}": c.text for c in load_twin_suite(suite)}
    return out


def test_no_evaluation_sentence_is_close_to_a_training_template(suite: list[Case]) -> None:
    """The team's training templates share no sentence and no run of five words with the
    functional suite (cases and parents) or the civil news sentences: they measure whether
    a behaviour generalises, not whether it was copied."""
    generated = _template_texts()
    texts = {normalize_text(t) for t in generated}
    runs: set[tuple[str, ...]] = set()
    for t in generated:
        runs |= _word_runs(t, 5)
    evaluation = _evaluation_texts(suite)
    exact = [i for i, t in evaluation.items() if normalize_text(t) in texts]
    close = [i for i, t in evaluation.items() if _word_runs(t, 5) & runs]
    assert exact == []
    assert close == [], f"evaluation sentences sharing five words in a row with a template: {close}"


def test_the_overlap_check_sees_the_news_templates_and_the_civil_sentences(
    suite: list[Case],
) -> None:
    """Guard the guard: the check above reads every kind of material it claims to."""
    from threadguard.training.templates_news import news_template_rows

    generated = set(_template_texts())
    assert {t for t, _ in news_template_rows()} <= generated
    evaluation = _evaluation_texts(suite)
    assert any(k.endswith(":parent") for k in evaluation)
    assert sum(k.startswith("cn-") for k in evaluation) >= 200
    assert sum(k.startswith("blind:") for k in evaluation) == len(load_blind_check())
    for suite in (JUDGEMENTS, CALLS, PERSON_THREATS):
        mine = sum(k.startswith(f"{suite.file}:") for k in evaluation)
        assert mine == len(load_twin_suite(suite))


def test_a_mistyped_or_empty_data_folder_is_an_error_for_every_suite(tmp_path: Path) -> None:
    """``--suite languages`` took a mistyped folder for none (the team's suites only, exit
    0), and ``--suite decisions`` an empty one; ``train`` said "cannot train" with exit 1."""
    empty = tmp_path / "empty"
    empty.mkdir()
    typo = threadguard(tmp_path, "eval", "--suite", "languages", "--data", str(tmp_path / "dta"))
    assert typo.returncode == 2 and "no such data folder" in typo.stderr
    none = threadguard(
        tmp_path, "eval", "--suite", "decisions", "--quick", "--split", "dev", "--data", str(empty)
    )
    assert none.returncode == 2
    assert "none of the data sets is in this folder" in " ".join(none.stderr.split())
    train = threadguard(tmp_path, "train", "--data", str(empty), "--out", str(tmp_path / "m"))
    assert train.returncode == 2
    assert "is missing" in " ".join(train.stderr.split())
