"""The shipped model: small, versioned, documented, and never unpickled."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from threadguard.engine import shipped_model_dir
from threadguard.scoring.linear import LinearModel, ModelError
from threadguard.training.datasets import HEADS

MAX_BYTES = 20 * 1024 * 1024


def test_shipped_model_is_small_and_has_a_card() -> None:
    d = shipped_model_dir()
    total = sum(p.stat().st_size for p in d.iterdir())
    assert total <= MAX_BYTES
    card = (d / "MODEL_CARD.md").read_text(encoding="utf-8")
    for section in (
        "Training data and licences",
        "Results on the held-out test splits",
        "Known weaknesses",
        "Bias",
    ):
        assert section in card


def test_shipped_model_is_versioned_and_has_every_head() -> None:
    m = LinearModel.load(shipped_model_dir())
    assert m.tag == f"{m.name}@{m.version}"
    assert m.heads == HEADS


def test_save_and_load_round_trip_within_quantisation_error(tmp_path: Path) -> None:
    m = LinearModel.load(shipped_model_dir())
    m.save(tmp_path / "copy")
    again = LinearModel.load(tmp_path / "copy")
    texts = ["you are a moron", "lovely weather for the parade", "go back to your country"]
    assert np.allclose(m.predict(texts), again.predict(texts), atol=0.02)


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "m"
    shutil.copytree(shipped_model_dir(), target)
    return target


def test_pickled_weights_are_refused(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    np.savez(
        d / "weights.npz",
        weights=np.array([object()], dtype=object),
        scale=np.ones(1),
        idf=np.ones(1),
    )
    with pytest.raises(ModelError, match="cannot load model"):
        LinearModel.load(d)


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    meta = json.loads((d / "model.json").read_text())
    meta["format"] = "something-else/9"
    (d / "model.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="not a threadguard-linear/1 model"):
        LinearModel.load(d)


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot load model"):
        LinearModel.load(tmp_path / "absent")
