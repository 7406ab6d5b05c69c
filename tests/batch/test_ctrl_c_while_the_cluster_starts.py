"""Ctrl-C while `threadguard batch` starts its local cluster stops the command at once, with
the one line a Ctrl-C later in the batch prints, exit 130, and no worker process left
(before: it took effect only once every worker was up, 8.6 s for 8 workers on two cores,
with nothing said meanwhile).

The workers are made to take five minutes to start (a ``sitecustomize`` that sleeps in
every process multiprocessing spawns), so that the Ctrl-C lands while they start however
slow the machine, and a command that waited for them could not pass."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SLOW_START = """\
import os, sys, time
if "--multiprocessing-fork" in sys.argv:  # a process multiprocessing spawned: a worker
    open(os.path.join({folder!r}, "started-%d" % os.getpid()), "w").close()
    time.sleep(300)
"""


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_ctrl_c_while_the_workers_start_stops_the_batch_at_once(tmp_path: Path) -> None:
    slow = tmp_path / "slow"
    slow.mkdir()
    (slow / "sitecustomize.py").write_text(SLOW_START.format(folder=str(slow)), encoding="utf-8")
    lines = tmp_path / "in.jsonl"
    lines.write_text('{"id": "a", "thread_id": "t", "text": "Hello there"}\n', encoding="utf-8")
    out = tmp_path / "out"
    path = os.pathsep.join(p for p in (str(slow), os.environ.get("PYTHONPATH")) if p)
    command = [sys.executable, "-m", "threadguard", "batch", str(lines), "--out", str(out)]
    batch = subprocess.Popen(
        [*command, "--workers", "2", "--tier", "fast", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a group of its own, as a terminal's job: Ctrl-C goes to all
        env={**os.environ, "PYTHONPATH": path},
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 180  # the command loads its models first
        while not workers and batch.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
            workers = [int(p.name.split("-")[1]) for p in slow.glob("started-*")]
        assert workers, f"no worker started (exit {batch.poll()})"
        interrupted = time.monotonic()
        os.killpg(batch.pid, signal.SIGINT)  # what Ctrl-C in the terminal sends
        try:
            stdout, stderr = batch.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail("Ctrl-C did not stop the batch while its workers started")
        took = time.monotonic() - interrupted
        assert batch.returncode == 130
        assert (stdout, stderr) == (
            "",
            f"interrupted: the partitions written to {out} are kept; run the same command "
            "again to go on from there\n",
        )
        assert took < 30  # about half a second; the workers would take 300
        workers = [int(p.name.split("-")[1]) for p in slow.glob("started-*")]
        gone_by = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < gone_by:
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        for pid in [batch.pid, *workers]:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        batch.wait()
