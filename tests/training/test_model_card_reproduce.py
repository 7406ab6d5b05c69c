"""The generated card says what its tables are: the raw fast tier, not `threadguard eval`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from threadguard.scoring.linear import LinearModel
from threadguard.training import model_card
from threadguard.training.fast_tier import TrainResult


def test_the_card_says_its_table_is_the_raw_fast_tiers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The card said "`threadguard eval` prints the results table again", but eval scores
    through the engine (OLID sexually_explicit AUROC 0.872 there, 0.973 in fast@4's card)."""
    from threadguard.scoring.registry import shipped_model_dir

    model = LinearModel.load(shipped_model_dir("fast"))
    scored_with: list[Any] = []

    def fake_evaluate_all(scorer: Any, data: Path, **_kw: Any) -> list[Any]:
        scored_with.append(scorer)
        return []

    monkeypatch.setattr(model_card, "evaluate_all", fake_evaluate_all)
    monkeypatch.setattr(model_card, "_bias_table", lambda predict, *_a: str(predict))
    model_card.write_model_card(TrainResult(model), tmp_path, tmp_path, log=lambda _m: None)
    card = (tmp_path / "MODEL_CARD.md").read_text(encoding="utf-8")
    # what the card claims is what it computes: the LinearModel itself, not an engine
    assert scored_with == [model]
    assert "prints the results table again" not in card
    flat = " ".join(card.split())
    assert "scores the raw fast tier (`training.evaluate.linear_predictor`" in flat
    assert "`threadguard eval --tier fast --model DIR` scores the same test rows" in flat
    assert "bias table scores the same raw tier on every WikiMadlibs sentence" in flat


def test_the_card_states_the_splits_and_the_copy_rules_the_loaders_follow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data scientist's tryout (session 42): the written card said every seeded split was
    80/10/10 and that only exact copies of test rows were dropped, neither of which is so."""
    from threadguard.scoring.registry import shipped_model_dir

    monkeypatch.setattr(model_card, "evaluate_all", lambda *_a, **_kw: [])
    monkeypatch.setattr(model_card, "_bias_table", lambda predict, *_a: "")
    model = LinearModel.load(shipped_model_dir("fast"))
    model_card.write_model_card(TrainResult(model), tmp_path, tmp_path, log=lambda _m: None)
    flat = " ".join((tmp_path / "MODEL_CARD.md").read_text(encoding="utf-8").split())
    assert "SFU 30/30/40" in flat
    assert "copy a test row up to case, spacing and punctuation" in flat
    assert "Stormfront sentence trains beside a test sentence of its own post" in flat
