"""The labels' own raters beside the policy (``eval --suite decisions``): a random rater's
civil held and caught, read from the exports' agreement figures, on the very rows the
policy is judged on."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from pathlib import Path

import pytest
from data_support import write_csv
from rich.console import Console

from threadguard.analysis import Analysis
from threadguard.engine import CommentInput
from threadguard.evaluation.decision_sets import Item
from threadguard.evaluation.decisions import run_decisions
from threadguard.evaluation.decisions_report import grids, raters_grid, render, to_markdown
from threadguard.evaluation.raters import rater_point, sfu_share, unhealthy_shares
from threadguard.schema import ATTRIBUTES

UNHEALTHY = ["comment", "healthy", "hostile", "hostile:confidence"]


def test_a_rater_holds_each_comment_with_the_share_of_raters_who_called_it_hostile() -> None:
    items = [
        Item("calm", "civil"),
        Item("borderline", "civil"),
        Item("rude", "abusive"),
        Item("split", "abusive"),
        Item("unknown to the export", "civil"),
    ]
    shares = {"calm": 0.0, "borderline": 0.4, "rude": 1.0, "split": 0.6}
    flagged = [False, True, True, False, True]  # the last, unknown to the export, left out
    point = rater_point(items, shares, flagged)
    assert (point.civil, point.abusive) == (2, 2)
    assert point.civil_held == pytest.approx(0.2)
    assert point.caught == pytest.approx(0.8)
    assert (point.policy_civil_held, point.policy_caught) == (0.5, 0.5)
    empty = rater_point([Item("calm", "civil")], {}, [True])
    assert (empty.civil, empty.abusive) == (0, 0) and math.isnan(empty.caught)
    assert math.isnan(empty.policy_civil_held)


def test_unhealthy_shares_read_the_confidence_as_agreement_with_the_majority(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "unhealthy_conversations"
    write_csv(
        folder / "test.csv",
        UNHEALTHY,
        [["a", "1", "0", "0.8"], ["b", "0", "1", "0.6"], ["twice", "1", "0", "1"]],
    )
    write_csv(
        folder / "val.csv",
        UNHEALTHY,
        [["twice", "1", "0", "0.6"], ["no agreement given", "0", "1", ""]],
    )
    shares = unhealthy_shares(tmp_path)
    # a row without a confidence is no rater who agreed perfectly (a code review)
    assert "no agreement given" not in shares
    assert shares["a"] == pytest.approx(0.2)  # healthy by 80%: a fifth said hostile
    assert shares["b"] == pytest.approx(0.6)
    assert shares["twice"] == pytest.approx(0.2)  # a text in both files: the mean of 0 and 0.4


@pytest.mark.parametrize(
    ("first", "c1", "second", "c2", "share"),
    [
        ("1", "1", "", "", 0.0),
        ("1", "0.7", "3", "0.3", 0.3),
        ("3", "0.5", "4", "0.4", 0.9),
        ("2", "0.6", "1", "0.4", 0.0),
        ("4", "0.55", "2", "0.45", 0.55),
    ],
)
def test_an_sfu_rater_holds_levels_three_and_four(
    first: str, c1: str, second: str, c2: str, share: float
) -> None:
    row = {
        "is_toxic_popular_answer_1": first,
        "is_toxic:confidence_answer1": c1,
        "is_toxic_popular_answer_2": second,
        "is_toxic:confidence_answer2": c2,
    }
    assert sfu_share(row) == pytest.approx(share)


def test_an_sfu_row_without_levels_or_with_a_broken_confidence_has_no_share() -> None:
    assert sfu_share({"is_toxic_popular_answer_1": ""}) is None
    broken = {"is_toxic_popular_answer_1": "3", "is_toxic:confidence_answer1": "lots"}
    assert sfu_share(broken) is None


class WordEngine:
    """Holds what says "idiot"; everything else scores low."""

    model_version = "threadguard-test"

    def analyze(self, items: Sequence[CommentInput], *, spans: bool = True) -> list[Analysis]:
        return [
            Analysis(None, {a: 0.95 if "idiot" in it.text else 0.01 for a in ATTRIBUTES})
            for it in items
        ]


def test_the_report_sets_the_raters_point_beside_the_policys_on_the_same_rows(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "unhealthy_conversations"
    rows = [[f"a calm remark number {i}", "1", "0", "1"] for i in range(8)]
    rows += [["a calm remark a rater disliked", "1", "0", "0.5"]]
    rows += [["you idiot", "0", "1", "1"], ["a snide aside", "0", "1", "0.6"]]
    rows += [["another idiot, no agreement given", "0", "1", ""]]
    write_csv(folder / "test.csv", UNHEALTHY, rows)
    write_csv(folder / "val.csv", UNHEALTHY, [])
    report = run_decisions(WordEngine(), tmp_path, split="test")
    unhealthy = next(r for r in report.sets if r.key == "unhealthy")
    assert unhealthy.raters is not None
    assert (unhealthy.raters.civil, unhealthy.raters.abusive) == (9, 2)
    assert unhealthy.raters.civil_held == pytest.approx(0.5 / 9)
    assert unhealthy.raters.caught == pytest.approx(0.8)
    grid = raters_grid(report)
    assert grid is not None and [row[0] for row in grid.rows] == [unhealthy.name]
    # both columns on the two abusive rows with an agreement (the third, held too, is in
    # neither: on all rows the policy would read 66.7% caught)
    assert grid.rows[0][3:] == ("5.6% / 80.0%", "0.0% / 50.0%")
    assert unhealthy.abusive == 3 and unhealthy.caught_share() == pytest.approx(2 / 3)
    assert grids(report)[2] == grid
    assert "lower bounds" not in " ".join(grid.notes)  # no SFU rows: no SFU note
    assert "a majority they were part of" in to_markdown(report)


def test_without_a_set_that_says_how_its_raters_split_there_is_no_raters_table() -> None:
    report = run_decisions(WordEngine(), None, split="dev")
    assert raters_grid(report) is None
    assert all(r.raters is None for r in report.sets)
    assert len(grids(report)) == 3


def test_the_terminal_keeps_the_no_split_mark_rich_would_read_as_a_tag() -> None:
    report = run_decisions(WordEngine(), None, split="dev")
    out = io.StringIO()
    render(report, Console(file=out, width=400, color_system=None))
    text = out.getvalue()
    assert "Civil news sentences (team-written) [no split]" in text
    assert "[no split]: a team's suite" in text
