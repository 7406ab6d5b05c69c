"""A batch job on a real ``distributed.LocalCluster`` (one worker process): the output,
resuming, refusing a changed job, and exactly-once after ``kill -9``."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from batch_support import DISQUS_EXPORT, archive_rows, write_jsonl

from threadguard.batch import BatchJob, JobRefused, Recipe, run_batch
from threadguard.engine import CascadeSettings
from threadguard.moderation import load_policy, policy_text
from threadguard.schema import ATTRIBUTES, Tier

pytestmark = pytest.mark.slow
FAST = CascadeSettings(tier=Tier.FAST)


def _recipe() -> Recipe:
    policy = load_policy()
    text = policy_text(policy)
    assert text is not None
    return Recipe(None, FAST, text, policy.source)


def _job(inputs: list[Path], out: Path, **kw: object) -> BatchJob:
    return BatchJob([str(p) for p in inputs], out, _recipe(), workers=1, **kw)  # type: ignore[arg-type]


def _ids(out: Path) -> list[tuple[str, str]]:
    table = pq.read_table(out / "comments", columns=["thread_id", "id"])
    return list(zip(*(table.column(c).to_pylist() for c in ("thread_id", "id")), strict=True))


def test_a_job_writes_every_comment_with_its_scores_decision_and_thread_signals(
    tmp_path: Path, archive: Path, example_thread: Path, engine, moderator
) -> None:
    disqus = tmp_path / "site.xml"
    disqus.write_text(DISQUS_EXPORT, encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch(_job([archive, example_thread, disqus], out, partition_comments=8))

    comments = pq.read_table(out / "comments").to_pylist()
    # the example thread's 15 comments include two with no text (c5, c10): named as
    # problems and left out of the results, not counted as approved
    assert len(comments) == 30 + 13 + 5 == result.counts["comments"]
    assert result.counts["no_text"] == 2
    assert result.counts["threads"] == 6 + 1 + 2
    for column in (
        "id",
        "thread_id",
        "thread_title",
        "author",
        "created_at",
        "text",
        *ATTRIBUTES,
        "targets",
        "spans",
        "decision",
        "reasons",
        "model",
    ):
        assert column in comments[0]
    # the example thread is decided as `scan` decides it (same core, same context)
    fast = engine.with_cascade(FAST)
    from threadguard.readers import read_thread

    thread = read_thread(example_thread).thread
    decided = moderator.moderate_thread(fast, thread)
    expected = [m.decision.action.value for m in decided if m.comment.text.strip()]
    got = [c["decision"] for c in comments if c["source"] == str(example_thread)]
    assert got == expected
    # both Disqus threads are there, not only the largest
    assert {c["thread_title"] for c in comments if c["source"] == str(disqus)} == {
        "Quiet thread",
        "Ferry timetable",
    }
    threads = pq.read_table(out / "threads").to_pylist()
    assert sum(t["comments"] for t in threads) == len(comments)
    assert all(json.loads(t["signals"])["health"] for t in threads)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "complete"
    assert manifest["inputs"][0]["sha256"] == hashlib.sha256(archive.read_bytes()).hexdigest()
    assert manifest["model"] == comments[0]["model"]
    assert manifest["counts"]["comments"] == len(comments)

    # a rerun finds everything done, writes nothing and counts the same
    again = run_batch(_job([archive, example_thread, disqus], out, partition_comments=8))
    assert again.written == 0 and again.skipped == result.written
    assert again.counts == result.counts


def test_a_changed_input_or_setting_is_refused_unless_restarted(
    tmp_path: Path, archive: Path
) -> None:
    out = tmp_path / "out"
    run_batch(_job([archive], out))
    with pytest.raises(JobRefused) as refused:
        run_batch(_job([archive], out, partition_comments=3))
    assert "holds another job: the settings differ: --partition-size was 4096, now 3. " in str(
        refused.value
    )
    write_jsonl(archive, archive_rows(6, 6))
    with pytest.raises(JobRefused, match="changed since"):
        run_batch(_job([archive], out))
    # --restart, on a cluster that was already running (--scheduler ADDRESS)
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:
        job = _job([archive], out, restart=True, scheduler=cluster.scheduler_address)
        result = run_batch(job)
    assert result.counts["comments"] == 36 and len(_ids(out)) == 36


def test_kill_9_then_rerun_gives_every_comment_exactly_once(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "big.jsonl", archive_rows(60, 10))
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "threadguard",
        "batch",
        str(source),
        "--out",
        str(out),
        "--workers",
        "1",
        "--tier",
        "fast",
        "--partition-size",
        "20",
        "--quiet",
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        command, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    while not list((out / "comments").glob("part-*.parquet")):
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert time.monotonic() < deadline, "no partition landed"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the command, its cluster and its workers
    proc.wait()
    landed = len(list((out / "comments").glob("part-*.parquet")))
    assert landed < 30, "the job finished before it could be killed"

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{landed} already done" in rerun.stdout or "already done" in rerun.stdout
    ids = _ids(out)
    assert len(ids) == len(set(ids)) == 600
    assert set(ids) == {(f"t{t}", f"t{t}-c{i}") for t in range(60) for i in range(10)}
    assert not list(out.rglob("*.tmp"))


def test_a_row_no_model_can_read_is_reported_and_its_partition_still_written(
    tmp_path: Path,
) -> None:
    # a lone surrogate ("\ud800" in the file) used to fail the whole partition on the worker
    path = tmp_path / "sur.jsonl"
    path.write_text(
        '{"id": "g1", "text": "a good comment"}\n'
        '{"id": "g2", "text": "bad \\ud800 here"}\n'
        '{"id": "g3", "text": "another good one"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_batch(_job([path], out))
    assert [i for _, i in _ids(out)] == ["g1", "g3"]
    assert result.counts["threads"] == 2
    assert result.problems == [
        f"{path}: line 2: text contains a lone surrogate (U+D800) at offset 4, "
        "which is not Unicode text; comment skipped"
    ]


def test_the_command_exits_2_when_rows_were_left_out_and_says_how_many(tmp_path: Path) -> None:
    """Every readable row is written, and the exit code tells a pipeline the run lost
    some input (bad input: 2, as for `score` and `scan`); the manifest lists them."""
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "g1", "text": "a good comment"}\n{"id": "g2", "text": \n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "threadguard", "batch", str(path), "--out", str(out)]
    proc = subprocess.run(
        [*command, "--workers", "1", "--tier", "fast", "--quiet"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 2, proc.stderr
    assert "1 input problem(s)" in proc.stdout and "Traceback" not in proc.stderr
    assert [i for _, i in _ids(out)] == ["g1"]


def test_every_input_problem_is_listed_in_problems_jsonl_and_the_message_says_where(
    tmp_path: Path,
) -> None:
    """The manifest keeps 100 problems and the command printed '... more (see
    manifest.json)': the rest were recorded nowhere."""
    path = tmp_path / "many.jsonl"
    good = [json.dumps({"id": f"g{i}", "text": "a good comment"}) for i in range(3)]
    bad = [f'{{"id": "b{i}", "text": ' for i in range(130)]
    path.write_text("\n".join(good + bad) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "threadguard", "batch", str(path), "--out", str(out)]
    proc = subprocess.run(
        [*command, "--workers", "1", "--tier", "fast"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 2, proc.stderr
    assert f"120 more; every problem is listed in {out / 'problems.jsonl'}" in proc.stderr
    listed = [json.loads(line) for line in (out / "problems.jsonl").read_text().splitlines()]
    assert [p["location"] for p in listed] == [f"line {n}" for n in range(4, 134)]
    assert listed[0] == {
        "source": str(path),
        "location": "line 4",
        "message": "invalid JSON at column 21: Expecting value; line skipped",
    }
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["problems"]) == 100 and manifest["problems_file"] == "problems.jsonl"
    assert manifest["counts"]["problems"] == manifest["counts"]["left_out"] == 130


def test_bad_usage_and_an_unreachable_or_lost_scheduler_are_one_clear_line(
    tmp_path: Path, archive: Path
) -> None:
    """--out naming a file was 'NotADirectoryError' (exit 1), '--scheduler localhost'
    'ValueError: missing port number', a lost scheduler 40 lines of traceback."""
    import logging
    import threading

    from distributed import LocalCluster

    from threadguard.batch.runner import SchedulerError

    taken = tmp_path / "afile"
    taken.write_text("mine")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "threadguard", "batch", str(archive), "--tier", "fast"]
    for extra, message in (
        (["--out", str(taken)], f"--out {taken}: is a file"),
        (
            ["--out", str(tmp_path / "o"), "--scheduler", "localhost"],
            "--scheduler localhost: not a scheduler address (missing port number",
        ),
    ):
        proc = subprocess.run([*command, *extra], env=env, capture_output=True, text=True)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.startswith(f"error: {message}") and len(proc.stderr.splitlines()) <= 2
    assert taken.read_text() == "mine"

    nobody = _job([archive], tmp_path / "o1", scheduler="tcp://127.0.0.1:9", connect_timeout=1)
    with pytest.raises(SchedulerError, match=r"cannot reach the Dask scheduler at tcp://127\.0"):
        run_batch(nobody)

    # a scheduler with no workers, closed while the job waits on it
    cluster = LocalCluster(
        n_workers=0, processes=False, dashboard_address=None, silence_logs=logging.CRITICAL
    )
    job = _job([archive], tmp_path / "o2", scheduler=cluster.scheduler_address)
    threading.Timer(2, cluster.close).start()
    with pytest.raises(SchedulerError) as lost:
        run_batch(job)
    assert str(lost.value).startswith(f"lost the Dask scheduler at {cluster.scheduler_address}")
    assert str(lost.value).endswith(
        f"the 0 partitions finished are kept in {tmp_path / 'o2'}: run the same command "
        "again to continue"
    )
