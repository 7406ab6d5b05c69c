"""`threadguard eval`: an option is honoured by the suite it is given to, or refused at
once; none is dropped silently (--out and --quick on the dev splits were, and --split on
the functional suite, which has none)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from threadguard.cli import app as cli


def _text(output: str) -> str:
    return " ".join(output.replace("│", " ").split())


def test_the_dev_splits_take_quick_and_out(data_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "dev.md"
    args = ["eval", "--data", str(data_root), "--split", "dev", "--tier", "fast", "--quick"]
    result = CliRunner().invoke(cli, [*args, "--out", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    report = out.read_text(encoding="utf-8")
    assert report.startswith("# ") and "on the dev splits, quick: ≤300 rows per split" in report
    rows = [line.split(" | ") for line in report.splitlines() if line.startswith("| ")][1:]
    assert len(rows) > 10
    assert all(0 < int(cells[2]) <= 300 for cells in rows), rows
    assert "Toxic Spans trial split (dev, quick" in report


def test_quick_is_refused_by_the_suites_that_read_every_row(tmp_path: Path) -> None:
    for suite in ("functional", "context", "targets", "languages", "adaptation"):
        result = CliRunner().invoke(
            cli, ["eval", "--suite", suite, "--quick", "--data", str(tmp_path)]
        )
        assert result.exit_code == 2, (suite, result.output)
        assert f"--quick: --suite {suite} has no quick sample" in _text(result.output)


def test_the_functional_suite_says_it_has_no_split() -> None:
    result = CliRunner().invoke(
        cli,
        ["eval", "--suite", "functional", "--split", "dev", "--tier", "fast"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    text = _text(result.output)
    assert (
        "the functional suite has no split; these are the same cases as with --split test" in text
    )
    assert "(no split: the same cases on dev and test)" in text
