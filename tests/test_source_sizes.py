"""No Python source file under ``src/`` is longer than 700 lines: the project's rule.

A module that long is a sign of a room doing two jobs (the team's stop-hook words it so):
it is read, reviewed and tested as one thing while it holds two, and the next change is
made where it is easiest, not where it belongs. The rule was only a warning at the end of a
session (``wc -l`` over ``src/*.py``), and a tryout found ``engine.py`` at exactly 700
lines with ``cli/training.py`` and ``training/deep_tier.py`` close behind, so the next
change would have broken it unseen; this test fails where the change is made. Split a
module by the jobs it does before it passes the limit; never squeeze lines to stay under.

Data files under ``src/`` (lexicons, template tables, suites in ``resources/``) are not
source and may be as long as their data.
"""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
MAX_LINES = 700


def _lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


def test_no_source_file_is_over_700_lines() -> None:
    sources = sorted(SRC.rglob("*.py"))
    assert len(sources) > 100  # the source tree was found
    over = [
        f"{path.relative_to(SRC.parent)}: {count} lines"
        for path in sources
        if (count := _lines(path)) > MAX_LINES
    ]
    assert not over, f"source files over {MAX_LINES} lines (split each by its jobs):\n" + (
        "\n".join(over)
    )


def test_every_line_counts_the_last_one_too(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text("a\n\nb\n", encoding="utf-8")
    assert _lines(path) == 3
    path.write_text("a\nb", encoding="utf-8")  # without its newline (wc -l would say 1)
    assert _lines(path) == 2
