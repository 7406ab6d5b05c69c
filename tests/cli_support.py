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


def rescores_audited(url: str) -> int:
    """How many ``comment.rescore`` entries the audit log of the store at ``url`` holds."""
    from sqlalchemy import func, select

    from threadguard.storage import Store
    from threadguard.storage.models import AuditEntry

    store = Store.open(url, migrate=False)
    try:
        with store.sessions.read() as s:
            counted = s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "comment.rescore")
            )
            return int(counted or 0)
    finally:
        store.close()
