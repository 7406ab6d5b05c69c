"""`threadguard train`'s version: past every tag the shipped model or the docs use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from threadguard.cli import app as cli
from threadguard.scoring.registry import RegistryError
from threadguard.training.versions import (
    USED_VERSIONS,
    checked_version,
    default_version,
    shipped_version,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_default_is_past_the_shipped_and_every_reported_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fast@5 is docs/evaluation.md's session-27 model, measured and not shipped: `train`
    gave a new model that same tag."""
    monkeypatch.chdir(tmp_path)  # no candidates in work/models
    assert shipped_version("fast") == 4 and 5 in USED_VERSIONS["fast"]
    assert default_version("fast") == 6
    assert checked_version("fast", None) == 6
    assert default_version("deep") == max(shipped_version("deep"), *USED_VERSIONS["deep"]) + 1
    assert default_version("fast-xx") == shipped_version("fast-xx") + 1


def test_every_unshipped_tag_the_docs_report_is_listed() -> None:
    text = (DOCS / "evaluation.md").read_text(encoding="utf-8")
    for name in ("fast", "deep"):
        reported = {int(n) for n in re.findall(rf"\b{name}@(\d+)", text)}
        above = {n for n in reported if n > shipped_version(name)}
        assert above <= set(USED_VERSIONS[name]), (name, above)


def test_a_version_at_or_below_the_shipped_one_is_refused_unless_forced() -> None:
    for version in (3, 4, 5):
        with pytest.raises(RegistryError, match="--force"):
            checked_version("fast", version)
        assert checked_version("fast", version, force=True) == version
    assert checked_version("fast", 7) == 7


def test_train_refuses_an_old_version_before_reading_data(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["train", "--data", str(tmp_path), "--model-version", "3"])
    assert result.exit_code == 2
    assert "at or below the shipped fast@4" in result.output, result.output
    result = CliRunner().invoke(
        cli, ["train", "--tier", "languages", "--data", str(tmp_path), "--model-version", "1"]
    )
    assert result.exit_code == 2 and "shipped fast-xx@" in result.output, result.output


def _candidate(folder: Path, tag: str) -> None:
    (folder / tag).mkdir(parents=True)
    (folder / tag / "model.json").write_text("{}", encoding="utf-8")


def test_the_default_counts_the_candidates_beside_the_new_model_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default version read ./work/models whatever --out said: the same command gave
    fast@10 from one folder and fast@6 from another, for a model written to the same place."""
    import threadguard.training.augment as augment
    import threadguard.training.fast_tier as fast_tier
    from threadguard.training.needed_data import DATA_FILES

    class Started(Exception):
        pass

    versions: list[int] = []

    def started(*_args: object, version: int, **_kwargs: object) -> None:
        versions.append(version)
        raise Started

    monkeypatch.setattr(fast_tier, "train_fast_tier", started)
    monkeypatch.setattr(augment, "template_rows", lambda: [])
    data = tmp_path / "data"
    for rel in (r for files in DATA_FILES.values() for r in files):
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).touch()
    caller = tmp_path / "caller"
    _candidate(caller / "work" / "models", "fast@9")
    elsewhere = tmp_path / "elsewhere"
    _candidate(elsewhere, "fast@7")
    monkeypatch.chdir(caller)
    for out, expected in [
        (tmp_path / "new" / "model", 6),  # nothing beside it: past the shipped and docs' tags
        (elsewhere / "model", 8),  # past the candidate beside it, not ./work/models' fast@9
        (None, 10),  # into ./work/models: past fast@9 there
    ]:
        args = ["train", "--data", str(data), *(["--out", str(out)] if out else [])]
        result = CliRunner().invoke(cli, args)
        assert isinstance(result.exception, Started), result.output
        assert versions.pop() == expected, out
        assert expected > shipped_version("fast")
    assert default_version("fast", elsewhere) == 8


def test_train_help_states_the_version_rule() -> None:
    result = CliRunner().invoke(cli, ["train", "--help"], env={"COLUMNS": "300"})
    text = " ".join(result.output.replace("│", " ").split())
    assert "every TIER@N model in the folder it is written into: --out's parent folder" in text
    assert "never at or below the shipped version without --force" in text
