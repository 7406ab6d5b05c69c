"""``threadguard eval --suite adaptation``: the simulated site, on tiny files and a fake
engine (the real run's figures are in docs/adaptation.md, with the command)."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Sequence
from pathlib import Path

from threadguard.analysis import Analysis
from threadguard.engine import CommentInput
from threadguard.evaluation.adaptation import (
    Point,
    at_caught,
    at_scale,
    flag_ratio,
    render_lines,
    simulate,
    verdict_half,
)
from threadguard.evaluation.decision_sets import Item
from threadguard.moderation import load_policy
from threadguard.schema import ATTRIBUTES


def jitter(text: str) -> float:
    return hashlib.sha256(text.encode()).digest()[1] / 255 * 0.2


class SiteEngine:
    """Scores like an engine trained elsewhere: hostile comments and heated civil ones get
    the same high toxicity; only the insult score tells them apart."""

    model_version = "fake@1"

    def analyze(self, items: Sequence[CommentInput], *, spans: bool = True) -> list[Analysis]:
        out = []
        for item in items:
            scores = {a: 0.02 for a in ATTRIBUTES}
            j = jitter(item.text)
            if item.text.startswith(("hostile", "heated")):
                scores["toxicity"] = 0.65 + j
                scores["insult"] = (0.45 if item.text.startswith("hostile") else 0.1) + j
            else:
                scores["toxicity"] = 0.1 + j
            out.append(Analysis(None, scores, model=self.model_version))
        return out


def write_site(root: Path, n: int) -> None:
    folder = root / "unhealthy_conversations"
    folder.mkdir(parents=True)
    rows = [[f"hostile comment {i}", "0", "1"] for i in range(n)]
    rows += [[f"heated but civil comment {i}", "1", "0"] for i in range(n)]
    rows += [[f"calm comment {i}", "1", "0"] for i in range(n)]
    # the validation file holds other texts: a test row a training or dev row copies is
    # left out of every evaluation (threadguard.training.unseen)
    for name, suffix in (("test.csv", ""), ("val.csv", " (validation)")):
        with (folder / name).open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["comment", "healthy", "hostile"])
            w.writerows([[text + suffix, *labels] for text, *labels in rows])


def test_the_halves_are_fixed_by_the_text() -> None:
    texts = [f"comment {i}" for i in range(400)]
    first = [verdict_half(t) for t in texts]
    assert first == [verdict_half(t) for t in texts]
    assert 150 < sum(first) < 250


def test_equal_caught_scales_the_thresholds_to_the_same_abusive_count() -> None:
    items = [Item("a", "abusive"), Item("b", "abusive"), Item("c", "civil"), Item("d", "civil")]
    ratios = [1.5, 0.9, 1.2, 0.5]
    assert at_scale(ratios, items, 1.0) == Point(1, 1, 1.0)
    assert at_caught(ratios, items, 2) == Point(2, 1, 0.9)
    assert at_caught(ratios, items, 1) == Point(1, 0, 1.5)
    policy = load_policy()
    held = Analysis(None, {a: 0.0 for a in ATTRIBUTES} | {"threat": 0.9})
    assert flag_ratio(held, policy) == 0.9 / policy.flag_levels()["threat"]
    assert flag_ratio(Analysis(None, {}, language="xx"), policy) == float("inf")


def test_a_simulated_site_holds_fewer_civil_comments_at_equal_caught(tmp_path: Path) -> None:
    write_site(tmp_path, 130)
    report = simulate(SiteEngine(), tmp_path, split="test", resamples=3)
    assert report.refused is None
    approved, rejected = report.verdicts
    assert rejected >= 50 and approved >= 100
    assert sum(report.test) + approved + rejected == 390
    head, calibration = report.kinds
    assert (head.kind, head.version, calibration.version) == ("head", 1, 2)
    assert head.equal_caught is not None and head.equal_caught.caught >= report.before.caught
    assert head.reduction(report.before) > 0.5  # the insult score separates them here
    assert len(head.spread) == 3
    lines = render_lines(report)
    assert any("relative reduction" in line for line in lines)


def test_too_few_verdicts_are_reported_as_refused(tmp_path: Path) -> None:
    write_site(tmp_path, 40)
    report = simulate(SiteEngine(), tmp_path, split="dev", resamples=1)
    assert report.refused is not None and "at least 50 of each" in report.refused
    assert all(k.equal_caught is None for k in report.kinds)
    assert any("not fitted" in line for line in render_lines(report))
