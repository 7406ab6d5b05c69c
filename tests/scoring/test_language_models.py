"""The multilingual fast tier's folder: an index naming a model per language, each language
with its own calibration over shared weights; a bad index is refused, not half-read."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from threadguard.scoring.features import FeatureConfig, Featurizer
from threadguard.scoring.languages import INDEX, INDEX_FORMAT, LanguageModels
from threadguard.scoring.linear import LinearModel, ModelError

HEADS = ("toxicity", "identity_attack")


def _model(calibration: dict[str, dict[str, list[float]]]) -> LinearModel:
    config = FeatureConfig(word_bits=4, char_bits=4)
    rng = np.random.default_rng(0)
    return LinearModel(
        name="threadguard-fast-t",
        version=1,
        heads=HEADS,
        featurizer=Featurizer(config),
        weights=rng.normal(size=(config.size, len(HEADS))).astype(np.float32),
        bias=np.zeros(len(HEADS), dtype=np.float32),
        platt_a=np.ones(len(HEADS), dtype=np.float32),
        platt_b=np.zeros(len(HEADS), dtype=np.float32),
        metadata={
            "calibration": calibration,
            "labelled_heads": {"de": ["toxicity", "identity_attack"]},
            "fitted_heads": ["toxicity"],
        },
    )


def _tier(tmp_path: Path, models: dict[str, str]) -> Path:
    cal = {
        "de": {"platt_a": [2.0, 1.0], "platt_b": [0.5, 0.0], "own": ["toxicity"]},
        "nl": {"platt_a": [1.0, 1.0], "platt_b": [0.0, 0.0], "own": []},
    }
    _model(cal).save(tmp_path / "m")
    index = {"format": INDEX_FORMAT, "name": "threadguard-fast-xx", "version": 3, "models": models}
    (tmp_path / INDEX).write_text(json.dumps(index))
    return tmp_path


def test_each_language_gets_its_calibration_over_the_same_weights(tmp_path: Path) -> None:
    tier = LanguageModels.load(_tier(tmp_path, {"de": "m", "nl": "m"}))
    assert tier.languages == {"de", "nl"} and tier.tag == "threadguard-fast-xx@3"
    assert tier.model_tag("de") == "threadguard-fast-t@1"
    assert not tier._models  # weights are read when a language first needs them
    de, nl = tier.view("de"), tier.view("nl")
    assert de.weights is nl.weights  # shared, not copied
    assert de.platt_a.tolist() == [2.0, 1.0] and nl.platt_a.tolist() == [1.0, 1.0]
    texts = ["das ist ja unglaublich"]
    assert not np.allclose(de.predict(texts), nl.predict(texts))
    assert tier.labelled_heads("de") == {"toxicity"}  # labelled but not fitted: not served
    assert tier.labelled_heads("nl") == frozenset()
    with pytest.raises(KeyError):
        tier.view("sv")


@pytest.mark.parametrize(
    "models",
    [{"de": "../m"}, {"de": "missing"}, {"sv": "m"}],
    ids=["outside the folder", "no such model", "no calibration for the language"],
)
def test_a_bad_index_is_refused(tmp_path: Path, models: dict[str, str]) -> None:
    with pytest.raises(ModelError):
        LanguageModels.load(_tier(tmp_path, models))


def test_an_index_of_another_format_is_refused(tmp_path: Path) -> None:
    (tmp_path / INDEX).write_text(json.dumps({"format": "something/9"}))
    with pytest.raises(ModelError, match="not a threadguard-languages/1 index"):
        LanguageModels.load(tmp_path)
