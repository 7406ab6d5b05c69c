"""``--help`` reflows each paragraph of a command's description to the terminal's width:
printed with the docstring's own line breaks, it read as a second, broken wrap at 80
columns (a fifteenth news desk)."""

from __future__ import annotations

from typer.testing import CliRunner

from threadguard.cli import app


def test_a_descriptions_paragraph_is_one_line_on_a_wide_terminal() -> None:
    result = CliRunner().invoke(app, ["eval", "--help"], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    lines = [line.strip() for line in result.output.splitlines()]
    # one paragraph of the docstring, written over two lines there, is one line here
    assert any(
        line.startswith("On the test splits (the default): the per-attribute table, then one")
        and "benchmark table (each task's official metric" in line
        for line in lines
    ), result.output
