"""`threadguard train` and `eval`: a setting that cannot work is refused before the work."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from threadguard.cli import app as cli


def test_a_bad_c_or_an_out_that_is_a_file_fails_at_once(tmp_path: Path) -> None:
    # an empty data folder: had the arguments passed, reading it would fail instead
    data = tmp_path / "data"
    data.mkdir()
    afile = tmp_path / "afile"
    afile.write_text("x")
    for args, message in [
        (["-C", "0"], "-C must be a number above 0"),
        (["-C", "-1"], "-C must be a number above 0"),
        (["--out", str(afile)], "is a file, not a folder to write the model in"),
    ]:
        result = CliRunner().invoke(cli, ["train", "--data", str(data), *args])
        assert result.exit_code == 2, result.output
        assert message in result.output


def test_eval_names_a_missing_data_file_and_checks_out_before_scoring(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(cli, ["eval", "--data", str(empty), "--quick", "--no-peers"])
    assert result.exit_code == 2, result.output
    assert "no such file; is --data" in result.output
    for args, message in [
        (["--suite", "functional", "--out", str(tmp_path / "f.md")], "only prints its tables"),
        (["--suite", "decisions", "--out", str(tmp_path)], "not a file in an existing folder"),
    ]:
        result = CliRunner().invoke(cli, ["eval", *args])
        assert result.exit_code == 2 and message in result.output, result.output


def test_eval_help_says_which_suites_take_out() -> None:
    """`eval --suite functional --out F` is refused; --help now says so before a run."""
    result = CliRunner().invoke(cli, ["eval", "--help"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    help_text = " ".join(result.output.replace("│", " ").split())
    assert "Not with --suite functional or context, which only print their tables" in help_text


def test_deep_training_without_the_training_extra_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without torch, `train --tier deep` loaded the data, then died on an ImportError."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a)
    )
    data = tmp_path / "data"
    data.mkdir()
    result = CliRunner().invoke(cli, ["train", "--tier", "deep", "--data", str(data)])
    assert result.exit_code == 2, result.output
    text = " ".join(result.output.split())
    assert 'pip install -e ".[train]"' in text and "missing: torch" in text
    assert result.exception is None or isinstance(result.exception, SystemExit)
