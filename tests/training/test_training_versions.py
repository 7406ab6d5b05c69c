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
