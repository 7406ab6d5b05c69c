"""``threadguard eval --suite targets``: which rows say whom a comment attacks, and what a
moderator would see named on them (the models' groups, the lists' groups, none)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from list_support import CALM

from threadguard.analysis import Analysis, Target
from threadguard.evaluation.targets import TargetCase, cases_of, count, suite_cases
from threadguard.moderation import Moderator
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import all_clear, no_target, target_labels

HATEFUL = Analysis(
    None, {**dict.fromkeys(ATTRIBUTES, 0.02), "identity_attack": 0.95, "toxicity": 0.95}
)


def test_rows_count_where_annotators_said_whom_a_comment_attacks_or_that_it_is_civil() -> None:
    rows = LabelledRows("toy")
    rows.add("attacks muslims", "dev", {"toxicity": 1.0, **target_labels({"muslims"})})
    rows.add("civil", "dev", all_clear())
    rows.add("offensive, no group", "dev", {"toxicity": 1.0, **no_target()})
    rows.add("hateful, groups unknown", "dev", {"toxicity": 1.0, "identity_attack": 1.0})
    rows.add("another split", "test", all_clear())
    cases = {c.text: c for c in cases_of(rows, "dev")}
    assert set(cases) == {"attacks muslims", "civil", "offensive, no group"}
    assert cases["attacks muslims"].groups == {"muslims", "religion"}
    assert not cases["attacks muslims"].civil
    assert cases["civil"].civil and cases["civil"].known and not cases["civil"].groups
    offensive = cases["offensive, no group"]
    assert offensive.known and not offensive.civil and not offensive.groups


def test_counts_separate_the_models_groups_from_the_lists() -> None:
    moderator = Moderator()
    cases = [
        # held by the dehumanising phrase only: named by the lists, not the models
        TargetCase(
            "Muslims are a cancer on this country.", frozenset({"muslims", "religion"}), True, False
        ),
        # held on its scores, the models name the right coarse group
        TargetCase("x", frozenset({"religion"}), True, False),
        # held on its scores, the models name another group
        TargetCase("y", frozenset({"gender"}), True, False),
        # held, nothing named
        TargetCase("z", frozenset({"jews", "religion"}), True, False),
        # an attack the policy publishes: counted, not held
        TargetCase("w", frozenset({"women", "gender"}), True, False),
        # civil, and a civil comment named all the same
        TargetCase("The mosque's open day drew a big crowd.", frozenset(), True, True),
        TargetCase("v", frozenset(), True, True),
        # labelled with no group, where the lists find one
        TargetCase("Migrants are vermin.", frozenset(), True, False),
    ]
    analyses = [
        CALM,
        Analysis(None, HATEFUL.scores, targets=(Target("muslims", 0.8),)),
        Analysis(None, HATEFUL.scores, targets=(Target("black_people", 0.8),)),
        HATEFUL,
        CALM,
        CALM,
        Analysis(None, CALM.scores, targets=(Target("jews", 0.6),)),
        CALM,
    ]
    assert [moderator.decide(a, c.text).action for a, c in zip(analyses, cases)][:5] == [
        Verdict.HOLD,
        Verdict.REJECT,
        Verdict.REJECT,
        Verdict.REJECT,
        Verdict.APPROVE,
    ]
    got = count("toy", cases, analyses, moderator)
    assert (got.attacks, got.held) == (5, 4)
    assert (got.named_by_models, got.named, got.wrong_only, got.unnamed) == (1, 2, 1, 1)
    assert (got.civil, got.civil_named) == (2, 1)
    assert (got.listed, got.listed_right) == (2, 1)


def test_the_functional_suite_gives_attacks_with_their_group_and_civil_cases() -> None:
    cases = suite_cases()
    attacks = [c for c in cases if c.groups]
    civil = [c for c in cases if c.civil]
    assert len(attacks) >= 300 and len(civil) >= 250
    assert all(c.known for c in cases)
    assert not any(c.groups for c in civil)


def test_eval_targets_without_data_reports_the_functional_suite(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "THREADGUARD_DATA"}
    env["COLUMNS"] = "200"
    out = tmp_path / "targets.md"
    proc = subprocess.run(
        [sys.executable, "-m", "threadguard", "eval", "--suite", "targets", "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert "the functional suite only" in proc.stderr
    (row,) = [ln for ln in proc.stdout.splitlines() if "functional suite" in ln]
    assert " of " in row
    table = out.read_text(encoding="utf-8")
    assert table.startswith("## ") and "| functional suite |" in table
