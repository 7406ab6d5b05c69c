"""The exit code says whether input was lost, as the README's exit codes have it, and an
interrupted run still leaves its problem list (the batch tryout's minor defects)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_support import run_batch

from threadguard.batch.output import PROBLEMS, OutputDir
from threadguard.thread import Problem


def test_an_interrupted_run_writes_the_problems_it_met(tmp_path: Path) -> None:
    """Ctrl-C or a lost scheduler wrote no problems.jsonl at all."""
    out = OutputDir(tmp_path)
    out.prepare()
    with pytest.raises(KeyboardInterrupt), out.problem_log() as record:
        record(Problem("a.jsonl", "line 3", "invalid JSON: Expecting value; line skipped"))
        raise KeyboardInterrupt
    listed = [json.loads(line) for line in out.problems.read_text().splitlines()]
    assert listed == [
        {
            "source": "a.jsonl",
            "location": "line 3",
            "message": "invalid JSON: Expecting value; line skipped",
        }
    ]
    assert not list(tmp_path.glob(f"{PROBLEMS}.*.tmp"))


def test_a_killed_runs_temporary_problem_list_is_removed_by_the_next_run(tmp_path: Path) -> None:
    stale = tmp_path / f"{PROBLEMS}.4242.tmp"
    stale.write_text("{}\n")
    OutputDir(tmp_path).prepare()
    assert not stale.exists()


@pytest.mark.slow
def test_problems_that_lose_no_row_exit_0_and_the_uncounted_comments_are_named(
    tmp_path: Path,
) -> None:
    """The tryout's orphan.jsonl (one missing parent, repaired) exited 2: a script could
    not tell lost rows from repaired ones. 0 now; 2 only when a row was left out."""
    path = tmp_path / "orphan.jsonl"
    path.write_text(
        '{"id": "a", "thread_id": "t", "text": "Hello", "created_at": "01/02/2019"}\n'
        '{"id": "b", "thread_id": "t", "text": "Hi", "parent_id": "gone"}\n'
        '{"id": "c", "thread_id": "t", "text": ""}\n',
        encoding="utf-8",
    )
    proc = run_batch(path, out=tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert "2 comments in 1 threads" in proc.stdout and "3 input problem(s)" in proc.stdout
    assert "1 comment(s) with no text" in proc.stderr
    assert "1 comment(s) have a created_at that is no ISO 8601 date" in proc.stderr
    counts = json.loads((tmp_path / "out" / "manifest.json").read_text())["counts"]
    assert (counts["left_out"], counts["no_text"], counts["odd_dates"]) == (0, 1, 1)
    # --quiet turns off the bar only, as for score and scan: the problems are still said
    assert "orphan.jsonl: line 2: parent 'gone'" in " ".join(proc.stderr.split()), proc.stderr
