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


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("version", "four", "'version' must be a whole number, found the string \"four\""),
        ("name", ["fast"], "'name' must be a string, found a list"),
        ("heads", {"toxicity": 0}, "'heads' must be a list, found an object"),
        ("features", [18, 18], "'features' must be an object, found a list"),
        ("bias", None, "'bias' must be a list, found null"),
        ("platt_a", [1.0], "'platt_a' has 1 numbers, one per head expected (22 heads)"),
        ("spans", [0.1], "'spans' must be an object, found a list"),
    ],
)
def test_a_model_json_field_of_the_wrong_type_is_refused_naming_the_file_and_field(
    tmp_path: Path, field: str, value: object, problem: str
) -> None:
    # each was a Python type error naming neither (ValueError: invalid literal for int()),
    # and a null bias loaded: every comment scored NaN, and approved
    d = _copy(tmp_path)
    meta = json.loads((d / "model.json").read_text())
    meta[field] = value
    (d / "model.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError) as refused:
        LinearModel.load(d)
    assert str(refused.value) == f"{d / 'model.json'}: {problem}"


def test_a_model_json_number_that_is_not_finite_is_refused(tmp_path: Path) -> None:
    # a code review: NaN passed the type check, and `score` printed "toxicity": NaN
    d = _copy(tmp_path)
    meta = json.loads((d / "model.json").read_text())
    meta["bias"] = [float("nan")] * len(meta["bias"])
    (d / "model.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match=r"'bias\[0\]': Input should be a finite number"):
        LinearModel.load(d)


def test_a_nested_model_json_field_is_named_by_its_path(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    meta = json.loads((d / "model.json").read_text())
    meta["features"]["word_bits"] = "18"
    (d / "model.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match=r"'features\.word_bits' must be a whole number"):
        LinearModel.load(d)
    (d / "model.json").write_text("[]")
    with pytest.raises(ModelError, match=r"model\.json: not a JSON object \(found a list\)"):
        LinearModel.load(d)


def test_a_model_folder_with_a_bad_field_exits_2_with_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    d = _copy(tmp_path)
    meta = json.loads((d / "model.json").read_text())
    meta["version"] = None
    (d / "model.json").write_text(json.dumps(meta))
    done = subprocess.run(
        [sys.executable, "-m", "threadguard", "score", "--model", str(d), "--tier", "fast"],
        input="hello\n",
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(
        f"error: {d / 'model.json'}: 'version' must be a whole number, found null"
    )


def test_the_deep_and_multilingual_tiers_refuse_a_bad_field_naming_it(tmp_path: Path) -> None:
    """The other two readers of a model.json check it the same way (the deep tier's before
    its encoder is loaded, the multilingual tier's when its index is read)."""
    from threadguard.scoring.encoder import EncoderModel
    from threadguard.scoring.languages import INDEX, LanguageModels

    deep = tmp_path / "deep"
    deep.mkdir()
    meta = json.loads((shipped_model_dir("deep") / "model.json").read_text())
    (deep / "model.json").write_text(json.dumps({**meta, "max_tokens": "256"}))
    with pytest.raises(ModelError) as refused:
        EncoderModel.load(deep)
    expected = f"{deep / 'model.json'}: 'max_tokens' must be a whole number, found the string"
    assert str(refused.value).startswith(expected)

    shipped = shipped_model_dir("fast-xx")
    languages = tmp_path / "fast-xx"
    shutil.copytree(shipped, languages, ignore=shutil.ignore_patterns("*.npz"))
    meta = json.loads((languages / "de" / "model.json").read_text())
    meta["calibration"]["de"]["platt_b"] = {"toxicity": 0.1}
    (languages / "de" / "model.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError) as refused:
        LanguageModels.load(languages)
    assert str(refused.value) == (
        f"{languages / 'de' / 'model.json'}: 'calibration.de.platt_b' must be a list, "
        "found an object"
    )
    index = json.loads((shipped / INDEX).read_text())
    (languages / INDEX).write_text(json.dumps({**index, "version": "7"}))
    with pytest.raises(ModelError, match=r"languages\.json: 'version' must be a whole number"):
        LanguageModels.load(languages)
