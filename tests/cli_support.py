"""Running the real command line in a child process, as a user's shell would."""

from __future__ import annotations

import os
import subprocess
import sys


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
