"""The loaders of the sets added for news calibration, on tiny files written here.

Each file imitates its data set's layout and traps (MANIFEST.md): HatEval's damaged train
file, Ruddit's deleted bodies, the Jigsaw sample's missing header, SFU's toxicity levels.
No text comes from the data sets themselves.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from threadguard.training.datasets import (
    HEADS,
    LabelledRows,
    load_hateval_en,
    load_jigsaw_sample,
    load_ruddit,
    load_sfu_news,
)

TOX = HEADS.index("toxicity")
IA = HEADS.index("identity_attack")


def _write(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)


def _hateval(root: Path) -> None:
    d = root / "hateval2019_en"
    _write(
        d / "hateval2019_en_train.csv",
        "\ufeffid,text,HS,TR,AG,,,,,\n"
        "1,they all should go home,1,0,1,,,,,\n"
        "2,nice weather for a walk,0,0,0,,,,,\n"
        '3,"a tweet split\n'
        'at a line break",1,,,,,,,\n'  # labels missing: dropped
        "4,stray value in an extra column,0,0,0,,x,,,\n"  # dropped
        "x5,not a numeric id,0,0,0,,,,,\n"  # dropped
        "6,The Same Text As In Test!,1,1,1,,,,,\n",  # also in test: dropped
    )
    _write(d / "hateval2019_en_dev.csv", "\ufeffid,text,HS,TR,AG\n7,a calm dev tweet,0,0,0\n")
    _write(
        d / "hateval2019_en_test.csv", "\ufeffid,text,HS,TR,AG\n8,the same text as in test,1,1,1\n"
    )


def test_hateval_keeps_clean_train_rows_and_drops_texts_that_recur_in_test(
    tmp_path: Path,
) -> None:
    _hateval(tmp_path)
    block = load_hateval_en(tmp_path)
    assert list(zip(block.texts, block.splits, strict=True)) == [
        ("they all should go home", "train"),
        ("nice weather for a walk", "train"),
        ("a calm dev tweet", "dev"),
        ("the same text as in test", "test"),
    ]
    assert block.gold == ["101", "000", "000", "111"]


def test_hateval_hateful_is_an_identity_attack_and_not_hateful_leaves_toxicity_unsaid(
    tmp_path: Path,
) -> None:
    _hateval(tmp_path)
    m = load_hateval_en(tmp_path).matrix()
    assert m[0, TOX] == 1.0 and m[0, IA] == 1.0
    assert math.isnan(m[1, TOX]) and m[1, IA] == 0.0
    assert m[1, HEADS.index("target:nationality_migration")] == 0.0


def test_ruddit_drops_deleted_bodies_and_cuts_the_score(tmp_path: Path) -> None:
    _write(
        tmp_path / "ruddit" / "ruddit_with_text.csv",
        "comment_id,post_id,offensiveness_score,post_title,comment_body\n"
        "a,p,0.75,Title,you are a clown\n"
        'b,p,-0.40,Title,"thanks, that helped"\n'
        "c,p,0.30,Title,blunt but fair\n"
        "d,p,0.90,Title,[deleted]\n"
        "e,p,0.10,Title,[removed]\n",
    )
    block = load_ruddit(tmp_path)
    assert block.texts == ["you are a clown", "thanks, that helped", "blunt but fair"]
    tox = block.matrix()[:, TOX]
    assert tox[0] == 1.0 and tox[1] == 0.0 and math.isnan(tox[2])
    assert block.titles == ["Title"] * 3
    assert set(block.splits) <= {"train", "dev", "test"}


def test_jigsaw_sample_reads_the_first_line_as_a_comment_and_keeps_repeats_once(
    tmp_path: Path,
) -> None:
    _write(
        tmp_path / "jigsaw_toxic_robtest" / "test.csv",
        'first comment is data,0\n"quoted, with a comma",1\nfirst comment is data,0\n',
    )
    block = load_jigsaw_sample(tmp_path)
    assert block.texts == ["first comment is data", "quoted, with a comma"]
    assert block.matrix()[:, TOX].tolist() == [0.0, 1.0]


def test_sfu_levels_map_to_civil_unsaid_and_toxic(tmp_path: Path) -> None:
    rows = [("1", "calm"), ("2", "mildly rude"), ("3", "rude"), ("4", "very rude")]
    body = "".join(f'{level},"{text}",Article\n' for level, text in rows)
    _write(
        tmp_path / "sfu_ctc" / "SFU_constructiveness_toxicity.csv",
        "is_toxic_popular_answer_1,comment,title\n" + body,
    )
    block = load_sfu_news(tmp_path)
    m = block.matrix()
    assert block.gold == ["1", "2", "3", "4"]
    assert m[0, TOX] == 0.0 and np.all(m[0] == 0.0)  # civil: every attribute and target 0
    assert math.isnan(m[1, TOX])
    assert m[2, TOX] == 1.0 and m[3, TOX] == 1.0
    assert block.titles == ["Article"] * 4


def test_unhealthy_training_rows_carry_the_share_of_raters_who_said_hostile(
    tmp_path: Path,
) -> None:
    from threadguard.training.datasets import load_unhealthy, seeded_split

    header = "comment,healthy,healthy:confidence,hostile,hostile:confidence\n"
    # (healthy, hostile, hostile confidence) -> the share of raters who said hostile
    cases = [("1", "0", "1.0", 0.0), ("1", "0", "0.6667", 0.3333), ("0", "1", "0.6", 0.6)]
    picked: dict[str, list[str]] = {"train": [], "dev": []}
    body = ""
    for split in picked:
        for k, (healthy, hostile, conf, _) in enumerate(cases):
            text = next(
                t for i in range(200) if seeded_split(t := f"remark {k} {i}", 0.5, 0.0) == split
            )
            picked[split].append(text)
            body += f"{text},{healthy},1.0,{hostile},{conf}\n"
    _write(tmp_path / "unhealthy_conversations" / "val.csv", header + body)
    _write(tmp_path / "unhealthy_conversations" / "test.csv", header + "a test row,1,1.0,1,0.6\n")
    rows = load_unhealthy(tmp_path)
    train, dev, test = (rows.select(s) for s in ("train", "dev", "test"))
    assert train.texts == picked["train"] and dev.texts == picked["dev"]
    assert np.allclose(train.matrix()[:, TOX], [c[3] for c in cases], atol=1e-4)
    # dev and test keep the majority label: calibration and the decisions suite read it
    assert dev.matrix()[:, TOX].tolist() == [0.0, 0.0, 1.0]
    assert test.matrix()[:, TOX].tolist() == [1.0]


def test_a_block_takes_rows_in_the_order_asked_repeats_included() -> None:
    block = LabelledRows("t")
    for n, split in enumerate(["train", "test", "dev", "test"]):
        block.add(f"row {n}", split, {"toxicity": float(n % 2)}, parent=f"p{n}", gold=str(n))
    assert block.select("test").texts == ["row 1", "row 3"]
    again = block.take([3, 0, 3])
    assert again.texts == ["row 3", "row 0", "row 3"]
    assert again.parents == ["p3", "p0", "p3"] and again.gold == ["3", "0", "3"]
    assert again.matrix()[:, 0].tolist() == [1.0, 0.0, 1.0]
