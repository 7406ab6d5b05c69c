"""The model registry: shipped versions with their cards, and where a new model goes.

A training run must never overwrite what users score with by accident: the new model
gets the next version number and a folder of its own unless the shipped one is named
for replacement on purpose.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from service_support import THREADGUARD, free_port
from typer.testing import CliRunner

import threadguard.engine as engine_module
from threadguard.batch.manifest import folder_sha256, models_used
from threadguard.cli import app
from threadguard.engine import Engine
from threadguard.schema import Tier
from threadguard.scoring import registry
from threadguard.scoring.linear import ModelError
from threadguard.scoring.registry import (
    WORK_MODELS,
    ModelChoiceError,
    RegistryError,
    next_version,
    shipped_model,
    shipped_model_dir,
    shipped_models,
    tier_of,
    training_target,
)
from threadguard.training.language_tier import language_target


def _meta(tier: str) -> dict[str, object]:
    text = (shipped_model_dir(tier) / "model.json").read_text(encoding="utf-8")
    meta: dict[str, object] = json.loads(text)
    return meta


def _fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_every_tier_ships_one_version_with_its_tag_folder_and_card() -> None:
    models = shipped_models()
    assert [m.tier for m in models] == [Tier.FAST, Tier.DEEP]
    for m in models:
        meta = _meta(m.tier)
        assert m.tag == f"{meta['name']}@{meta['version']}"
        assert m.folder == shipped_model_dir(m.tier)
        assert m.card == m.folder / "MODEL_CARD.md"
        assert m.card.is_file()


def test_the_engine_loads_the_registry_s_shipped_fast_model(engine: Engine) -> None:
    assert engine_module.shipped_model_dir is registry.shipped_model_dir
    fast = shipped_model(Tier.FAST)
    assert fast is not None
    assert engine.model.tag == fast.tag


def test_a_new_model_is_numbered_one_past_the_shipped_version() -> None:
    for tier in (Tier.FAST, Tier.DEEP):
        assert next_version(tier) == int(str(_meta(tier)["version"])) + 1


def test_by_default_train_writes_the_next_version_to_a_work_folder() -> None:
    target = training_target("fast", None, None)
    n = next_version("fast")
    assert (target.folder, target.version, target.replaces_shipped) == (
        WORK_MODELS / f"fast@{n}",
        n,
        False,
    )
    shipped = next_version("deep") - 1
    deep = training_target("deep", None, shipped + 7)
    assert (deep.folder, deep.version) == (WORK_MODELS / f"deep@{shipped + 7}", shipped + 7)


def test_a_candidate_is_never_written_over_and_a_new_one_gets_the_next_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each run wrote the shipped version + 1 over the last candidate, under one tag."""
    monkeypatch.chdir(tmp_path)
    first = training_target("fast", None, None)
    first.folder.mkdir(parents=True)
    (first.folder / "model.json").write_text("{}", encoding="utf-8")
    second = training_target("fast", None, None)
    assert second.version == first.version + 1
    assert second.folder == WORK_MODELS / f"fast@{first.version + 1}"
    with pytest.raises(RegistryError, match="already holds a model"):
        training_target("fast", first.folder, None)
    with pytest.raises(RegistryError, match="the shipped fast tier's tag"):
        training_target("fast", tmp_path / "other", first.version - 1)
    assert training_target("fast", tmp_path / "other", 1).version == 1  # an older version


def test_the_languages_tier_is_refused_the_shipped_folders_and_old_candidates(
    tmp_path: Path,
) -> None:
    """`train --tier languages --out src/threadguard/models/fast` wrote over the shipped
    English fast tier's model card."""
    for folder in (
        shipped_model_dir("fast"),
        shipped_model_dir("deep"),
        shipped_model_dir("fast").parent,
        shipped_model_dir("fast-xx") / "de",
    ):
        with pytest.raises(RegistryError, match="shipped models live"):
            language_target(folder, None)
    done = tmp_path / "xx"
    done.mkdir()
    (done / "languages.json").write_text("{}", encoding="utf-8")
    with pytest.raises(RegistryError, match="already holds a model"):
        language_target(done, None)


def test_an_explicit_out_folder_is_used(tmp_path: Path) -> None:
    target = training_target("fast", tmp_path / "mine", None)
    assert target.folder == tmp_path / "mine"
    assert target.version == next_version("fast")


@pytest.mark.parametrize("tier", ["fast", "deep"])
def test_the_shipped_folders_are_refused_without_replace_shipped(tier: str) -> None:
    for folder in (
        shipped_model_dir(tier),
        shipped_model_dir(tier).parent,  # the models package itself
        shipped_model_dir("deep" if tier == "fast" else "fast"),  # the other tier's
        shipped_model_dir(tier) / "sub",
    ):
        with pytest.raises(RegistryError, match="--replace-shipped"):
            training_target(tier, folder, None)


def test_replace_shipped_writes_the_shipped_folder_and_nowhere_else(tmp_path: Path) -> None:
    target = training_target("deep", None, None, replace_shipped=True)
    assert (target.folder, target.version, target.replaces_shipped) == (
        shipped_model_dir("deep"),
        next_version("deep"),
        True,
    )
    same = training_target("deep", shipped_model_dir("deep"), 9, replace_shipped=True)
    assert (same.folder, same.version) == (shipped_model_dir("deep"), 9)
    with pytest.raises(RegistryError, match="drop --out"):
        training_target("deep", tmp_path, None, replace_shipped=True)


def test_bad_versions_and_tiers_are_refused() -> None:
    with pytest.raises(RegistryError, match="1 or more"):
        training_target("fast", None, 0)
    with pytest.raises(RegistryError, match="no model tier 'cascade'"):
        training_target("cascade", None, None)


def _candidate(tmp_path: Path, tier: str, version: int) -> Path:
    """A trained-looking copy of a shipped model: its files linked, its version changed."""
    folder = tmp_path / f"{tier}@{version}"
    folder.mkdir()
    for f in shipped_model_dir(tier).iterdir():
        if f.name != "model.json":
            (folder / f.name).symlink_to(f)
    (folder / "model.json").write_text(json.dumps({**_meta(tier), "version": version}))
    return folder


def test_a_model_folder_is_told_apart_by_its_format(tmp_path: Path) -> None:
    assert tier_of(shipped_model_dir(Tier.FAST)) is Tier.FAST
    assert tier_of(shipped_model_dir(Tier.DEEP)) is Tier.DEEP
    assert tier_of(tmp_path) is None  # no model.json
    (tmp_path / "model.json").write_text("{not json")
    assert tier_of(tmp_path) is None
    (tmp_path / "model.json").write_text(json.dumps({"format": "threadguard-other/9"}))
    assert tier_of(tmp_path) is None
    (tmp_path / "model.json").write_text("[]")
    assert tier_of(tmp_path) is None


def test_a_model_of_a_format_no_tier_reads_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "model.json").write_text(json.dumps({"format": "threadguard-encoder/2"}))
    with pytest.raises(ModelError, match="'threadguard-encoder/2', which no tier reads"):
        Engine.load(tmp_path)


def test_a_trained_deep_tier_given_as_the_model_replaces_only_the_deep_tier(
    tmp_path: Path,
) -> None:
    engine = Engine.load(_candidate(tmp_path, Tier.DEEP, 99))
    fast = shipped_model(Tier.FAST)
    assert fast is not None
    assert engine.model.tag == fast.tag
    assert engine.deep is not None and engine.deep.version == 99
    assert engine.model_version.endswith(f"+{fast.tag}+threadguard-deep@99")


def test_a_deep_tier_with_the_fast_tier_alone_is_refused_not_ignored(tmp_path: Path) -> None:
    candidate = _candidate(tmp_path, Tier.DEEP, 99)
    with pytest.raises(ModelChoiceError, match="fast tier alone never reads"):
        Engine.load(candidate, cascade=engine_module.CascadeSettings(tier=Tier.FAST))
    with pytest.raises(ModelChoiceError, match="a deep tier is given too"):
        Engine.load(candidate, deep_dir=shipped_model_dir(Tier.DEEP))


# --- command line -------------------------------------------------------------------------


def test_a_batch_manifest_records_each_folder_under_its_own_tier(tmp_path: Path) -> None:
    candidate = _candidate(tmp_path, Tier.DEEP, 99)
    used = models_used(candidate, Tier.CASCADE)
    assert used == {
        "fast": folder_sha256(shipped_model_dir(Tier.FAST)),
        "deep": folder_sha256(candidate),
    }
    assert models_used(None, Tier.FAST) == {"fast": folder_sha256(shipped_model_dir(Tier.FAST))}
    with pytest.raises(ModelChoiceError):
        models_used(candidate, Tier.FAST)


def test_score_and_eval_take_a_trained_deep_tier_as_the_model(tmp_path: Path) -> None:
    candidate = str(_candidate(tmp_path, Tier.DEEP, 99))
    scored = CliRunner().invoke(app, ["score", "--model", candidate], input='{"text": "hi"}\n')
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.stdout)["model"].endswith("+threadguard-deep@99")
    evaluated = CliRunner().invoke(app, ["eval", "--suite", "functional", "--model", candidate])
    assert evaluated.exit_code == 0, evaluated.output
    assert "threadguard-deep@99 on the functional hard-case suite" in evaluated.stdout
    refused = CliRunner().invoke(app, ["score", "--model", candidate, "--tier", "fast"])
    assert refused.exit_code == 2
    assert "fast tier alone never reads" in refused.output
    assert "Traceback" not in refused.output


def test_models_lists_each_shipped_version_with_its_card() -> None:
    result = CliRunner().invoke(app, ["models"])
    assert result.exit_code == 0, result.output
    for m in shipped_models():
        assert m.tag in result.output
        assert str(m.card) in result.output


def test_train_refuses_the_shipped_folder_before_reading_any_data(tmp_path: Path) -> None:
    before = _fingerprint(shipped_model_dir())
    result = CliRunner().invoke(
        app, ["train", "--data", str(tmp_path), "--out", str(shipped_model_dir())]
    )
    assert result.exit_code == 2
    assert "--replace-shipped" in result.output
    assert _fingerprint(shipped_model_dir()) == before


def test_train_without_data_says_how_to_give_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THREADGUARD_DATA", raising=False)
    result = CliRunner().invoke(app, ["train"])
    assert result.exit_code == 2
    assert "pass --data DIR or set THREADGUARD_DATA" in result.output


def test_bench_without_data_runs_its_synthetic_part_and_skips_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("THREADGUARD_DATA", raising=False)
    result = CliRunner().invoke(app, ["bench", "-n", "200"])
    assert result.exit_code == 0, result.output
    assert "fast tier with spans" in result.output
    assert "data part skipped" in result.output


def test_bench_with_a_missing_data_folder_is_bad_usage(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", "-n", "200", "--data", str(tmp_path / "absent")])
    assert result.exit_code == 2
    assert "no such data folder" in result.output


def test_serve_refuses_a_deep_tier_it_would_not_read_before_it_listens(tmp_path: Path) -> None:
    candidate = str(_candidate(tmp_path, Tier.DEEP, 99))
    # two workers: each would load the engine after the socket is bound, die and respawn
    command = [*THREADGUARD, "serve", "--model", candidate, "--tier", "fast", "--workers", "2"]
    options = ["--port", str(free_port()), "--data-dir", str(tmp_path / "data")]
    # a server that started instead would run until the timeout fails the test
    done = subprocess.run([*command, *options], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "fast tier alone never reads" in done.stderr
    assert "Traceback" not in done.stderr
