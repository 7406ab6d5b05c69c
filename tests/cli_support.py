"""Running the real command line in a child process, as a user's shell would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m threadguard ARGS`` with ``stdin``, extra environment ``env``; never raises."""
    return subprocess.run(
        [sys.executable, "-m", "threadguard", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def invoke_in(data_dir: Path, *args: str) -> tuple[int, str]:
    """The command line in this process (Typer's runner) with its data folder at
    ``data_dir``: its exit code and output."""
    from typer.testing import CliRunner

    from threadguard.cli import app

    result = CliRunner().invoke(app, list(args), env={"THREADGUARD_DATA_DIR": str(data_dir)})
    return result.exit_code, result.output
