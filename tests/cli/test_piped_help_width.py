"""Help piped into a file or a pager is laid out wide enough for the option names: at Rich's
80 columns ``batch --help`` printed "--restart,--for…" and squeezed every help text into a
narrow column (news desks 66-68, session 50)."""

from __future__ import annotations

import os
import subprocess
import sys


def _help(*args: str, **env: str) -> str:
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "TERMINAL_WIDTH")}
    result = subprocess.run(
        [sys.executable, "-m", "threadguard", *args, "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**base, **env},
    )
    return result.stdout


def test_piped_help_names_every_option_whole() -> None:
    text = _help("batch")
    assert "--restart,--force" in text
    assert "--for…" not in text


def test_a_stated_width_is_kept() -> None:
    text = _help("batch", COLUMNS="80")
    assert max(len(line) for line in text.splitlines()) <= 80


def test_a_closed_standard_output_is_no_traceback() -> None:
    # A code review (session 50): the help width's terminal test crashed every command
    # when standard output was closed.
    result = subprocess.run(
        f"{sys.executable} -m threadguard --version >&-",
        shell=True,
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert "Traceback" not in result.stderr
