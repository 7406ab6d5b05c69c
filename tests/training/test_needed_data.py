"""`threadguard train` checks every data file it will read before it trains: a folder
without one set (WikiMadlibs, read last by the model card) trained for minutes, then
stopped on a FileNotFoundError with a model folder and no card."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import threadguard.training.fast_tier as fast_tier
import threadguard.training.language_tier as language_tier
from threadguard.cli import app as cli
from threadguard.training.datasets import EVALUATION_SETS, TRAINING_SETS
from threadguard.training.datasets_multilingual import LANGUAGE_SETS
from threadguard.training.needed_data import DATA_FILES, missing_data, needed_sets
from threadguard.training.recipe import recording_reads


def test_the_table_lists_exactly_the_files_each_loader_reads(data_root: Path) -> None:
    loaders = {**TRAINING_SETS, **EVALUATION_SETS, **LANGUAGE_SETS}
    assert set(DATA_FILES) == set(loaders)
    for name, (load, *_) in loaders.items():
        with recording_reads() as reads:
            load(data_root)
        read = {p.relative_to(data_root).as_posix() for p in reads}
        assert read == set(DATA_FILES[name]), name


def _folder_without(root: Path, *left_out: str) -> Path:
    """A data folder holding an (empty) file for every set but ``left_out``."""
    for name, files in DATA_FILES.items():
        if name in left_out:
            continue
        for rel in files:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).touch()
    return root


def _never(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("training started before the data was checked")


def test_train_without_a_set_fails_at_once_naming_it_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fast_tier, "train_fast_tier", _never)
    monkeypatch.setattr(language_tier, "train_language_tier", _never)
    data = _folder_without(tmp_path / "data", "wikimadlibs", "mlma_fr")
    out = tmp_path / "model"
    result = CliRunner().invoke(cli, ["train", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 2, result.output
    text = " ".join(result.output.split())
    assert "wikimadlibs" in text and "nothing was trained or written" in text
    assert not out.exists()
    result = CliRunner().invoke(
        cli, ["train", "--tier", "languages", "--data", str(data), "--out", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert "mlma_fr" in result.output and "wikimadlibs" not in result.output
    assert not out.exists()


def test_each_tier_needs_its_own_sets(tmp_path: Path) -> None:
    assert "wikimadlibs" in needed_sets("fast")
    assert "wikimadlibs" not in needed_sets("deep")
    assert set(needed_sets("languages")) == set(LANGUAGE_SETS)
    data = _folder_without(tmp_path, "olid")
    (data / "hatexplain" / "preprocessed.csv").unlink()
    assert missing_data(data, needed_sets("fast")) == [
        f"hatexplain ({data / 'hatexplain' / 'preprocessed.csv'})",
        f"olid ({data / 'olid'}/)",
    ]
