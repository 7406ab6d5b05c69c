"""Progress bars: on standard error when it is a terminal, never otherwise, off with --quiet."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

TG = [sys.executable, "-m", "threadguard"]


def _stderr(args: list[str], terminal: bool) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    if terminal:
        env["FORCE_COLOR"] = "1"  # Rich then treats standard error as a terminal
    done = subprocess.run([*TG, *args], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stderr


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("progress") / "lines.jsonl"
    path.write_text("".join(f'{{"id": "{i}", "text": "comment {i}"}}\n' for i in range(600)))
    return path


def test_score_shows_count_rate_and_time_left_on_a_terminal_only(lines: Path) -> None:
    shown = _stderr(["score", "--tier", "fast", str(lines)], terminal=True)
    assert "600/600" in shown and "comments/s" in shown and "left" in shown
    assert _stderr(["score", "--tier", "fast", str(lines)], terminal=False) == ""
    assert _stderr(["score", "--tier", "fast", "--quiet", str(lines)], terminal=True) == ""


def test_scan_shows_progress_on_a_terminal_only(example_thread: Path) -> None:
    args = ["scan", "--tier", "fast", "--format", "json", str(example_thread)]
    assert "comments/s" in _stderr(args, terminal=True)
    assert _stderr(args, terminal=False) == ""


def test_the_bar_says_which_time_is_elapsed_and_which_is_left(lines: Path) -> None:
    """'0:00:26 left 0:00:03' read as 26 s left; the elapsed time was the first."""
    shown = _stderr(["score", "--tier", "fast", str(lines)], terminal=True)
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)
    assert re.search(r"elapsed \d+:\d\d:\d\d · (\d+:\d\d:\d\d|-:--:--) left", plain), plain


def test_scan_on_a_terminal_scores_every_language_as_it_does_piped(tmp_path: Path) -> None:
    """The bar wraps the loaded engine whole: built again from the English tiers alone, it
    approved Turkish abuse on a terminal that the Turkish tier rejects when piped."""
    thread = tmp_path / "languages.jsonl"
    thread.write_text(
        '{"id": "t1", "text": "Sen tam bir aptalsın, defol git buradan"}\n'
        '{"id": "d1", "text": "Du bist ein dummes Arschloch und ein Vollidiot"}\n'
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    outputs = []
    for terminal in (True, False):
        run_env = {**env, "FORCE_COLOR": "1"} if terminal else env
        done = subprocess.run(
            [*TG, "scan", "--format", "json", str(thread)],
            capture_output=True,
            text=True,
            env=run_env,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    on_terminal, piped = outputs
    assert "fast-tr@" in piped and "fast-de@" in piped
    assert on_terminal == piped
