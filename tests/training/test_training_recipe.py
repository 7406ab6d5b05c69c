"""The recipe a trained model carries in model.json: data hashes, settings, seed, commit.

Trained here on a few hundred made-up rows with a small feature space (seconds), never
on the shared data: what is checked is what the model says about its own making.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

import pytest

from threadguard.scoring.features import FeatureConfig
from threadguard.scoring.linear import LinearModel
from threadguard.training.datasets import load_davidson
from threadguard.training.deep_tier import encoder_metadata
from threadguard.training.fast_tier import train_fast_tier
from threadguard.training.recipe import (
    code_commit,
    data_hashes,
    note_read,
    recording_reads,
)

SMALL = FeatureConfig(word_bits=10, char_bits=10)

_CALM = ("what a lovely {} today", "thanks for the {} update", "i enjoyed the {} a lot")
_RUDE = ("you stupid {} idiot", "shut up you {} moron", "what a dumb {} loser")
_WORDS = ("garden", "match", "concert", "recipe", "article", "photo", "train", "market")


@pytest.fixture
def fake_data(tmp_path: Path) -> Path:
    """A data folder holding a made-up Davidson file in its real column layout."""
    root = tmp_path / "data"
    (root / "davidson").mkdir(parents=True)
    with (root / "davidson" / "labeled_data.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["", "count", "hate_speech", "offensive_language", "neither", "class", "tweet"])
        for i in range(240):
            rude = i % 2 == 1
            template = (_RUDE if rude else _CALM)[i % 3]
            text = f"{template.format(_WORDS[i % len(_WORDS)])} {i}"
            w.writerow([i, 3, 0, 3 if rude else 0, 0 if rude else 3, 1 if rude else 2, text])
    return root


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_loaders_report_each_file_they_read_with_its_hash(fake_data: Path) -> None:
    path = fake_data / "davidson" / "labeled_data.csv"
    with recording_reads() as reads:
        load_davidson(fake_data)
        load_davidson(fake_data)  # read twice, listed once
    assert reads == {path: _sha256(path)}
    assert data_hashes(fake_data, reads) == {"davidson": {"labeled_data.csv": _sha256(path)}}


def test_reads_outside_a_recording_are_not_collected(fake_data: Path) -> None:
    note_read(fake_data / "davidson" / "labeled_data.csv")  # no recording open: nothing
    with recording_reads() as reads:
        pass
    assert reads == {}


def test_data_hashes_keep_paths_relative_to_the_data_folder(tmp_path: Path) -> None:
    reads = {
        tmp_path / "olid" / "labels-levela.csv": "a",
        tmp_path / "olid" / "sub" / "x.tsv": "b",
        tmp_path / "top.json": "c",
        Path("/elsewhere/file.csv"): "d",
    }
    assert data_hashes(tmp_path, reads) == {
        "olid": {"labels-levela.csv": "a", "sub/x.tsv": "b"},
        "": {"top.json": "c", "/elsewhere/file.csv": "d"},
    }


def test_code_commit_is_a_commit_or_unknown(tmp_path: Path) -> None:
    commit = code_commit()
    assert commit == "unknown" or re.fullmatch(r"[0-9a-f]{40}(\+dirty)?", commit)
    assert code_commit(tmp_path) == "unknown"  # not a git checkout


def test_code_commit_says_dirty_when_the_code_changed_since(tmp_path: Path) -> None:
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "m.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("n\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "one")
    assert re.fullmatch(r"[0-9a-f]{40}", code_commit(tmp_path))
    (tmp_path / "notes.txt").write_text("changed\n", encoding="utf-8")
    assert not code_commit(tmp_path).endswith("+dirty")  # only src and bench count
    (tmp_path / "src" / "m.py").write_text("x = 2\n", encoding="utf-8")
    assert code_commit(tmp_path).endswith("+dirty")


def test_the_fast_tier_writes_its_recipe_into_model_json(fake_data: Path, tmp_path: Path) -> None:
    result = train_fast_tier(
        fake_data, datasets=["davidson"], version=7, c=2.0, config=SMALL, seed=5, log=lambda _: None
    )
    out = tmp_path / "fast@7"
    result.model.save(out)
    meta = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert meta["version"] == 7
    recipe = meta["recipe"]
    data_file = fake_data / "davidson" / "labeled_data.csv"
    assert recipe["tier"] == "fast"
    assert recipe["data"] == {"davidson": {"labeled_data.csv": _sha256(data_file)}}
    assert recipe["seed"] == 5
    settings = recipe["hyperparameters"]
    assert settings["c"] == 2.0
    assert settings["datasets"] == ["davidson"]
    assert settings["features"] == SMALL.to_json()
    assert recipe["code_commit"] == code_commit()
    assert LinearModel.load(out).metadata["recipe"] == recipe


def test_the_recipe_names_changed_data(fake_data: Path) -> None:
    def hashes() -> dict[str, dict[str, str]]:
        model = train_fast_tier(
            fake_data, datasets=["davidson"], config=SMALL, log=lambda _: None
        ).model
        data: dict[str, dict[str, str]] = model.metadata["recipe"]["data"]
        return data

    before = hashes()
    with (fake_data / "davidson" / "labeled_data.csv").open("a", encoding="utf-8") as fh:
        fh.write("999,3,0,0,3,2,one more calm row\n")
    assert hashes() != before


def test_the_deep_tier_metadata_carries_the_recipe_it_is_given() -> None:
    recipe = {"tier": "deep", "seed": 13, "data": {}, "hyperparameters": {"epochs": 2.0}}
    meta = encoder_metadata(4, recipe)
    assert (meta["name"], meta["version"], meta["recipe"]) == ("threadguard-deep", 4, recipe)
    assert "recipe" not in encoder_metadata(4)
