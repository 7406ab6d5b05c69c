"""The shipped fast tier against held-out rows of the shared data.

Every figure here is on rows the model never trained on (official test splits, or the
fixed seeded test split). The bar: clearly above the majority-class baseline, by the
margins stated in each test, so a broken model, feature change or label mapping fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from threadguard.engine import Engine
from threadguard.moderation import Moderator
from threadguard.training.datasets import load_davidson, load_hatexplain, load_olid
from threadguard.training.evaluate import evaluate_rows


def result(engine: Engine, block, head: str):
    rows = {r.head: r for r in evaluate_rows(engine.model, block.select("test"))}
    return rows[head]


def test_olid_offensive_beats_majority_baseline_by_020_macro_f1(
    engine: Engine, data_root: Path
) -> None:
    r = result(engine, load_olid(data_root), "toxicity")
    assert r.macro_f1 >= r.baseline_macro_f1 + 0.20, r
    assert r.auroc >= 0.75


def test_hatexplain_identity_attack_beats_baseline_by_025_macro_f1(
    engine: Engine, data_root: Path
) -> None:
    r = result(engine, load_hatexplain(data_root), "identity_attack")
    assert r.macro_f1 >= r.baseline_macro_f1 + 0.25, r
    assert r.auroc >= 0.80


def test_hatexplain_religion_target_is_found(engine: Engine, data_root: Path) -> None:
    r = result(engine, load_hatexplain(data_root), "target:religion")
    assert r.auroc >= 0.85, r


def test_davidson_offensive_language_auroc(engine: Engine, data_root: Path) -> None:
    r = result(engine, load_davidson(data_root), "toxicity")
    assert r.auroc >= 0.90, r


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("you are a pathetic moron", "insult"),
        ("shut the fuck up", "profanity"),
        ("i will find you and kill you", "threat"),
    ],
)
def test_plain_abuse_scores_high_on_its_attribute(
    engine: Engine, moderator: Moderator, text: str, attribute: str
) -> None:
    from threadguard.engine import CommentInput

    (a,) = engine.analyze([CommentInput(text)])
    assert a.scores[attribute] >= 0.5, a.scores
    assert moderator.decide(a, text).action in ("hold", "reject")


@pytest.mark.parametrize(
    "text",
    [
        "The ferry timetable changes on the first of June.",
        "Thanks for the clear write-up, very helpful.",
        "I disagree with the council, but I see why they voted this way.",
    ],
)
def test_civil_comments_are_approved(engine: Engine, moderator: Moderator, text: str) -> None:
    from threadguard.engine import CommentInput

    (a,) = engine.analyze([CommentInput(text)])
    assert moderator.decide(a, text).action == "approve", a.scores
