"""The Ruddit, HatEval 2019 and SFU loaders read their files' traps as MANIFEST.md says.

Every file here is written by the test, in each source's layout, with made-up sentences:
no data is copied into the repository.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest

from threadguard.training.datasets import (
    HEADS,
    LabelledRows,
    load_hateval,
    load_ruddit,
    load_sfu,
    seeded_split,
)

TOX = HEADS.index("toxicity")
IA = HEADS.index("identity_attack")


def _write_csv(path: Path, header: list[str], rows: list[list[str]], bom: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def _row(block: LabelledRows, text: str) -> int:
    return block.texts.index(text)


# ------------------------------------------------------------------------------ Ruddit


@pytest.fixture
def ruddit(tmp_path: Path) -> LabelledRows:
    header = ["comment_id", "post_id", "offensiveness_score", "post_title", "comment_body"]
    rows = [
        ["c1", "p1", "-0.4", "Budget vote tonight", "Thanks for the clear summary."],
        ["c2", "p1", "0.0", "Budget vote tonight", "I read it differently,\nbut fair point."],
        ["c3", "p1", "0.3", "Budget vote tonight", "That is a pretty dumb take."],
        ["c4", "p2", "0.5", "Match thread", "You are a worthless clown."],
        ["c5", "p2", "0.9", "Match thread", "Go and rot, you absolute vermin."],
        ["c6", "p2", "0.7", "Match thread", "[deleted]"],
        ["c7", "p2", "-0.2", "Match thread", "[removed]"],
    ]
    _write_csv(tmp_path / "ruddit" / "ruddit_with_text.csv", header, rows)
    return load_ruddit(tmp_path)


def test_ruddit_drops_deleted_and_removed_bodies(ruddit: LabelledRows) -> None:
    assert len(ruddit) == 5
    assert "[deleted]" not in ruddit.texts and "[removed]" not in ruddit.texts


def test_ruddit_cut_offs_civil_abusive_and_the_middle_unknown(ruddit: LabelledRows) -> None:
    m = ruddit.matrix()
    civil = _row(ruddit, "Thanks for the clear summary.")
    zero = _row(ruddit, "I read it differently,\nbut fair point.")  # multi-line body kept whole
    middle = _row(ruddit, "That is a pretty dumb take.")
    at_half = _row(ruddit, "You are a worthless clown.")
    assert m[civil, TOX] == 0.0 and m[civil, IA] == 0.0
    assert m[zero, TOX] == 0.0, "0 is the neutral point: civil"
    assert math.isnan(m[middle, TOX]), "between the cut-offs the label is unknown"
    assert m[at_half, TOX] == 1.0
    assert ruddit.gold[at_half] == "0.5"
    assert ruddit.titles[civil] == "Budget vote tonight"


def test_ruddit_split_is_seeded_on_the_text(ruddit: LabelledRows) -> None:
    assert ruddit.splits == [seeded_split(t) for t in ruddit.texts]


# ------------------------------------------------------------------------------ HatEval


@pytest.fixture
def hateval(tmp_path: Path) -> LabelledRows:
    d = tmp_path / "hateval2019_en"
    damaged = ["id", "text", "HS", "TR", "AG", "", "", "", "", ""]
    train = [
        ["101", "Lovely weather for the parade today", "0", "0", "0", *[""] * 5],
        ["102", "Send every one of them back on the next boat", "1", "0", "1", *[""] * 5],
        # a tweet split at a line break: the tail lands in a row of its own
        ["103", "First half of a tweet that", "", "", "", *[""] * 5],
        ["continues here", "1", "0", "0", "", *[""] * 5],
        # labels shifted one column to the right
        ["104", "Shifted labels row", "", "1", "0", "0", "", "", "", ""],
        # a stray value in an extra column
        ["105", "Stray extra value row", "0", "0", "0", "", "x", "", "", ""],
        # also in test (same letters and digits once lower-cased): dropped from train
        ["106", "THE SAME tweet, twice!", "0", "0", "0", *[""] * 5],
    ]
    _write_csv(d / "hateval2019_en_train.csv", damaged, train, bom=True)
    header = ["id", "text", "HS", "TR", "AG"]
    _write_csv(
        d / "hateval2019_en_dev.csv",
        header,
        [["201", "A calm dev tweet", "0", "0", "0"], ["202", "A hateful dev tweet", "1", "1", "1"]],
        bom=True,
    )
    _write_csv(
        d / "hateval2019_en_test.csv",
        header,
        [
            ["301", "the same tweet twice", "0", "0", "0"],
            ["302", "A hateful test one", "1", "0", "0"],
        ],
        bom=True,
    )
    return load_hateval(tmp_path)


def test_hateval_keeps_only_well_formed_train_rows(hateval: LabelledRows) -> None:
    train = hateval.select("train")
    assert train.texts == [
        "Lovely weather for the parade today",
        "Send every one of them back on the next boat",
    ]


def test_hateval_drops_train_texts_found_in_test(hateval: LabelledRows) -> None:
    assert "THE SAME tweet, twice!" not in hateval.texts
    assert "the same tweet twice" in hateval.select("test").texts


def test_hateval_official_splits_labels_and_gold(hateval: LabelledRows) -> None:
    assert hateval.splits.count("dev") == 2 and hateval.splits.count("test") == 2
    m = hateval.matrix()
    hateful = _row(hateval, "A hateful dev tweet")
    calm = _row(hateval, "A calm dev tweet")
    assert (m[hateful, TOX], m[hateful, IA]) == (1.0, 1.0)
    assert m[calm, IA] == 0.0 and math.isnan(m[calm, TOX]), "not hateful may still be rude"
    assert hateval.gold[hateful] == "111" and hateval.gold[calm] == "000"


def test_hateval_reads_the_byte_order_mark(hateval: LabelledRows) -> None:
    # With the BOM left in, the first header would be "\ufeffid" and no row would load.
    assert len(hateval) == 6


# ------------------------------------------------------------------------------ SFU

SFU_HEADER = [
    "_unit_id",
    "_golden",
    "is_constructive",
    "is_toxic_popular_answer_1",
    "is_toxic_popular_answer_2",
    "comment",
    "title",
]


@pytest.fixture
def sfu(tmp_path: Path) -> LabelledRows:
    rows = [
        [
            "1",
            "TRUE",
            "yes",
            "1",
            "",
            "A careful point about pensions.\n\nWith a second paragraph.",
            "Pensions",
        ],
        ["2", "FALSE", "no", "2", "1", "Mildly rude, perhaps.", "Pensions"],
        ["3", "FALSE", "no", "3", "4", "Toxic remark about the author.", "Transit"],
        ["4", "FALSE", "no", "4", "3", "Very toxic remark about the author.", "Transit"],
        ["5", "FALSE", "yes", "", "", "No toxicity answer at all.", "Transit"],
        ["6", "FALSE", "yes", "1", "2", "   ", "Transit"],
    ]
    _write_csv(tmp_path / "sfu_ctc" / "SFU_constructiveness_toxicity.csv", SFU_HEADER, rows)
    return load_sfu(tmp_path)


def test_sfu_levels_map_to_civil_unknown_and_toxic(sfu: LabelledRows) -> None:
    assert len(sfu) == 4, "rows without a level or without text are dropped"
    m = sfu.matrix()
    by_gold = {g: m[i] for i, g in enumerate(sfu.gold)}
    assert by_gold["1"][TOX] == 0.0 and by_gold["1"][IA] == 0.0
    assert np.isnan(by_gold["2"][TOX])
    assert by_gold["3"][TOX] == 1.0 and by_gold["4"][TOX] == 1.0


def test_sfu_keeps_multi_line_comments_and_the_article_title(sfu: LabelledRows) -> None:
    i = sfu.gold.index("1")
    assert sfu.texts[i] == "A careful point about pensions.\n\nWith a second paragraph."
    assert sfu.titles[i] == "Pensions"


def test_sfu_split_gives_dev_and_test_a_quarter_each(sfu: LabelledRows) -> None:
    assert sfu.splits == [seeded_split(t, dev=0.25, test=0.25) for t in sfu.texts]
    texts = [f"comment number {i}" for i in range(2000)]
    splits = [seeded_split(t, dev=0.25, test=0.25) for t in texts]
    assert 0.2 < splits.count("test") / 2000 < 0.3
    assert 0.2 < splits.count("dev") / 2000 < 0.3
