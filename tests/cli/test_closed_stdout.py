"""Standard output closed outright (``threadguard scan FILE >&-``) is named in one line on
standard error, exit 1 (before: Python had no ``sys.stdout``, so ``scan`` printed its tree
to nothing and exited 0, and ``score`` said ``error: AttributeError: 'NoneType' object
has no attribute 'write'``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CLOSED = "error: cannot write standard output: it is closed (or open for reading only)\n"

COMMANDS = [
    pytest.param(["scan", "{thread}", "--tier", "fast"], id="scan-tree"),
    pytest.param(["scan", "{thread}", "--tier", "fast", "--format", "json"], id="scan-json"),
    pytest.param(["score", "{lines}", "--tier", "fast", "-q"], id="score"),
    pytest.param(["policy", "show"], id="policy-show"),
    pytest.param(["--help"], id="help"),
]


def _close_standard_output() -> None:
    os.close(1)


def _run_closed(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, *args],
        preexec_fn=_close_standard_output,  # after the child's redirections: `>&-`
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        **kwargs,
    )


@pytest.mark.parametrize("args", COMMANDS)
def test_a_closed_standard_output_is_named_and_exits_1(
    args: list[str], example_thread: Path, tmp_path: Path
) -> None:
    lines = tmp_path / "lines.jsonl"
    lines.write_text('{"id": "c1", "text": "You are a pathetic idiot"}\n', encoding="utf-8")
    named = [a.format(thread=example_thread, lines=lines) for a in args]
    result = _run_closed(["-m", "threadguard", *named])
    assert (result.returncode, result.stderr) == (1, CLOSED)


def test_no_file_opened_later_takes_the_closed_descriptor(tmp_path: Path) -> None:
    # a file the command opens (or a worker process it starts) would otherwise be given
    # descriptor 1, and take whatever is written to "standard output" for its own
    script = (
        "import os, sys\n"
        "from threadguard.cli import stdout\n"
        "stdout.guard()\n"
        f"fd = os.open({str(tmp_path / 'f')!r}, os.O_WRONLY | os.O_CREAT)\n"
        "print(fd, file=sys.stderr)\n"
    )
    result = _run_closed(["-c", script])
    assert result.returncode == 0, result.stderr
    assert int(result.stderr) > 2
