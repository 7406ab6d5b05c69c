"""Test rows that a training or dev row copies are not evaluated (training.unseen)."""

from __future__ import annotations

from pathlib import Path

from data_support import write_csv

from threadguard.evaluation.decision_sets import DATA_SETS, data_items
from threadguard.evaluation.report import EvalReport, copies_line
from threadguard.training.datasets import LabelledRows
from threadguard.training.unseen import evaluated_rows, held_out_rows, read_keys, unseen

UNHEALTHY = ["comment", "healthy", "hostile"]


def _unhealthy(root: Path, val: list[list[str]], test: list[list[str]]) -> None:
    write_csv(root / "unhealthy_conversations" / "val.csv", UNHEALTHY, val)
    write_csv(root / "unhealthy_conversations" / "test.csv", UNHEALTHY, test)


def test_a_test_row_a_training_row_copies_up_to_case_and_punctuation_is_left_out(
    tmp_path: Path,
) -> None:
    _unhealthy(
        tmp_path,
        val=[["Fine  COMMENT!!", "1", "0"], ["You are scum.", "0", "1"]],
        test=[
            ["fine comment", "1", "0"],
            ["A fine comment too", "1", "0"],
            ["you are SCUM", "0", "1"],
            ["You lot are vermin", "0", "1"],
        ],
    )
    spec = {s.key: s for s in DATA_SETS}["unhealthy"]
    items = data_items(spec, tmp_path, "test", None)
    assert [(it.text, it.kind) for it in items] == [
        ("A fine comment too", "civil"),
        ("You lot are vermin", "abusive"),
    ]


def test_a_copy_in_another_training_set_counts_too(tmp_path: Path) -> None:
    _unhealthy(tmp_path, val=[], test=[["The mayor should resign.", "1", "0"], ["ok", "1", "0"]])
    header = ["comment_id", "post_id", "offensiveness_score", "post_title", "comment_body"]
    # Ruddit has no split of its own: every row lands in the seeded train/dev/test split,
    # so write the copy many times under distinct ids; most land in train or dev.
    rows = [[str(i), "p", "0.0", "A post", f"the mayor should resign{'.' * i}"] for i in range(30)]
    write_csv(tmp_path / "ruddit" / "ruddit_with_text.csv", header, rows)
    spec = {s.key: s for s in DATA_SETS}["unhealthy"]
    assert [it.text for it in data_items(spec, tmp_path, "test", None)] == ["ok"]


def test_dev_rows_are_read_whole_and_test_rows_filtered() -> None:
    block = LabelledRows("x")
    for text, split in [
        ("Hello there", "train"),
        ("hello, there!", "dev"),
        ("HELLO THERE", "test"),
    ]:
        block.add(text, split, {})
    block.add("something else", "test", {})
    keys = read_keys([block])
    assert unseen(block.select("test"), keys).texts == ["something else"]
    assert evaluated_rows(block, "dev", Path("/nonexistent")).texts == ["hello, there!"]


def test_without_any_training_set_in_the_folder_nothing_is_left_out(tmp_path: Path) -> None:
    block = LabelledRows("x")
    block.add("a test row", "test", {})
    assert held_out_rows(block, tmp_path).texts == ["a test row"]


def test_the_report_says_how_many_rows_were_left_out_per_set() -> None:
    report = EvalReport("v", "cascade", True, None, copies_left_out={"sfu": 20, "olid": 0})
    line = copies_line(report)
    assert "sfu 20" in line and "olid" not in line
    assert "none" in copies_line(EvalReport("v", "cascade", True, None))


def test_the_languages_report_leaves_out_a_copied_test_tweet_and_counts_it(
    tmp_path: Path,
) -> None:
    from threadguard.engine import Engine
    from threadguard.evaluation.languages import evaluate_block
    from threadguard.training.datasets_multilingual import load_germeval2018

    d = tmp_path / "germeval2018"
    d.mkdir()
    train = [f"Das ist ein ganz normaler Satz Nummer {i}\tOTHER\tOTHER" for i in range(60)]
    train += [f"Du bist ein Idiot und Vollpfosten {i}\tOFFENSE\tINSULT" for i in range(60)]
    train.append("Der Zug kommt heute wieder zu spät!\tOTHER\tOTHER")
    (d / "germeval2018.training.txt").write_text("\n".join(train) + "\n", encoding="utf-8")
    test = [
        "der zug kommt heute wieder zu spät\tOTHER\tOTHER",
        "Schöner Tag am See heute\tOTHER\tOTHER",
        "Halt die Klappe, du Trottel\tOFFENSE\tINSULT",
    ]
    (d / "germeval2018.test.txt").write_text("\n".join(test) + "\n", encoding="utf-8")
    block = load_germeval2018(tmp_path)
    row = evaluate_block(Engine.load(), block, "test", tmp_path)
    assert (row.rows, row.copies_left_out) == (2, 1)
    assert evaluate_block(Engine.load(), block, "test").rows == 3


def test_the_per_attribute_tables_leave_out_copied_test_rows(tmp_path: Path) -> None:
    """evaluate_all reads what eval's per-attribute table and the fast tier's card print."""
    import numpy as np

    from threadguard.training.datasets import HEADS
    from threadguard.training.evaluate import evaluate_all

    val = [[f"A copied comment number {i}!", "1", "0"] for i in range(20)]
    test = [[f"a copied comment number {i}", "1", "0"] for i in range(20)]
    test += [[f"a comment of the test file only {i}", "1", "0"] for i in range(30)]
    test += [[f"a hostile comment of the test file {i}", "0", "1"] for i in range(30)]
    _unhealthy(tmp_path, val=val, test=test)
    seen: list[int] = []

    def predict(block: LabelledRows) -> np.ndarray:
        seen.append(len(block))
        return np.full((len(block), len(HEADS)), 0.5, dtype=np.float32)

    rows = evaluate_all(predict, tmp_path, names=["unhealthy"])
    assert seen == [60]
    assert {r.rows for r in rows if r.head == "toxicity"} == {60}
