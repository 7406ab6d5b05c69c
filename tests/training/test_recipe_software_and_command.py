"""A recipe identifies its run: software versions, the command's options, template rows."""

from __future__ import annotations

import json
import math
import platform
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

from threadguard.cli.training import _recorded
from threadguard.scoring.registry import shipped_model_dir
from threadguard.training.datasets import HEADS
from threadguard.training.fast_tier import train_fast_tier
from threadguard.training.recipe import recipe, rows_sha256, training_command

from .test_training_recipe import SMALL, fake_data  # noqa: F401 (the fixture)


def _row(text: str, toxic: float) -> tuple[str, np.ndarray]:
    labels = np.full(len(HEADS), math.nan)
    labels[0] = toxic
    return text, labels


def test_the_fast_recipe_records_software_command_and_template_rows(
    fake_data: Path,  # noqa: F811
) -> None:
    extra = [_row("you utter clown of a referee", 1.0), _row("a calm word on the match", 0.0)]

    def train(rows: list[tuple[str, np.ndarray]]) -> dict[str, Any]:
        with training_command({"tier": "fast", "model_version": 9, "out": "work/x"}):
            model = train_fast_tier(
                fake_data, datasets=["davidson"], config=SMALL, extra=rows, log=lambda _: None
            ).model
        made: dict[str, Any] = model.metadata["recipe"]
        return made

    made = train(extra)
    assert made["software"]["python"] == platform.python_version()
    assert made["software"]["numpy"] == version("numpy")
    assert made["software"]["scikit-learn"] == version("scikit-learn")
    assert made["command"] == {"tier": "fast", "model_version": 9, "out": "work/x"}
    settings = made["hyperparameters"]
    assert settings["extra_rows"] == 2 and settings["extra_rows_sha256"] == rows_sha256(extra)
    # one label changed in a template row: the recipe says the training data differ
    changed = train([extra[0], _row("a calm word on the match", 1.0)])
    assert changed["hyperparameters"]["extra_rows_sha256"] != settings["extra_rows_sha256"]
    # outside a training command, no command is claimed
    outside = recipe(tier="fast", data_root=fake_data, reads={}, hyperparameters={}, seed=0)
    assert "command" not in outside


def test_rows_sha256_reads_unsaid_labels_and_order() -> None:
    a, b = _row("one", 1.0), _row("two", 0.0)
    assert rows_sha256([a, b]) == rows_sha256([_row("one", 1.0), _row("two", 0.0)])
    assert rows_sha256([a, b]) != rows_sha256([b, a])
    assert rows_sha256([a]) != rows_sha256([_row("one", math.nan)])


def test_the_train_command_records_its_options() -> None:
    seen: list[dict[str, Any]] = []

    def command(**_options: Any) -> None:
        seen.append(recipe(tier="deep", data_root=Path("."), reads={}, hyperparameters={}, seed=0))

    _recorded(command)(data=Path("/my/data"), out=Path("work/m"), model_version=12, tier="deep")
    assert seen[0]["command"] == {"out": "work/m", "model_version": 12, "tier": "deep"}
    assert "torch" in seen[0]["software"] or "onnxruntime" in seen[0]["software"]


def test_the_shipped_fast_model_names_the_commit_that_reproduces_it() -> None:
    meta = json.loads((shipped_model_dir("fast") / "model.json").read_text(encoding="utf-8"))
    assert meta["recipe"]["reproduced_at"]["commit"] == "e681424ee964076780e8ac4b150aacb2f5591a57"
    card = (shipped_model_dir("fast") / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "`e681424`" in card
