"""Standard output that cannot be written: a full disk is named in one line (exit 1); a
reader that went away (``| head``) ends the command quietly with 141, as SIGPIPE ends
``cat`` (before: ``error: OSError: [Errno 28] ...``, and exit 1 or an "Exception ignored
... BrokenPipeError" for a closed pipe, by timing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from threadguard.cli.stdout import BROKEN_PIPE_EXIT

COMMANDS = [
    pytest.param(["scan", "{thread}", "--tier", "fast", "--format", "json"], id="scan-json"),
    pytest.param(["scan", "{thread}", "--tier", "fast"], id="scan-tree"),
    pytest.param(["policy", "show"], id="policy-show"),
    pytest.param(["--version"], id="version"),
    pytest.param(["--help"], id="help"),
]


def _run(args: list[str], thread: Path, stdout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "threadguard", *(a.format(thread=thread) for a in args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("args", COMMANDS)
def test_a_full_standard_output_is_named_in_one_line(args: list[str], example_thread: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = _run(args, example_thread, full.fileno())
    assert result.returncode == 1
    assert result.stderr == "error: cannot write standard output: No space left on device\n"


@pytest.mark.parametrize("args", COMMANDS)
def test_a_reader_that_went_away_ends_the_command_quietly(
    args: list[str], example_thread: Path
) -> None:
    read, write = os.pipe()
    os.close(read)  # gone before the first byte: the first write fails, whatever the timing
    try:
        result = _run(args, example_thread, write)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (BROKEN_PIPE_EXIT, "")


def test_a_reader_that_went_away_ends_a_parallel_score_quietly(tmp_path: Path) -> None:
    # past the serial head (4,096 lines): the scoring pool is running when the write fails
    lines = tmp_path / "lines.jsonl"
    lines.write_text(
        "".join(f'{{"id": "c{i}", "text": "Good point number {i}."}}\n' for i in range(5000)),
        encoding="utf-8",
    )
    read, write = os.pipe()
    os.close(read)
    try:
        args = ["score", str(lines), "--tier", "fast", "--workers", "2", "-q"]
        result = _run(args, tmp_path, write)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (BROKEN_PIPE_EXIT, "")
