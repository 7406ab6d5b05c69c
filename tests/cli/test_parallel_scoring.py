"""`threadguard score` on every core: the same lines out, in the same order, as one process."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from threadguard.engine import CascadeSettings, Engine
from threadguard.moderation import Moderator
from threadguard.parallel import SERIAL_LINES, EngineRecipe, score_lines

TEXTS = [
    "Thanks for the article, very informative.",
    "you are a complete idiot and everyone here knows it",
    "Go back to where you came from, nobody wants your kind here.",
    "Interesting, but what about the people who lost their jobs?",
]


def make_lines(n: int, bad_at: int) -> list[str]:
    lines = []
    for i in range(1, n + 1):
        if i == bad_at:
            lines.append('{"id": "broken", "text": 5}')
        elif i % 97 == 0:
            lines.append("   ")  # blank: skipped, but still counted for line numbers
        else:
            lines.append(json.dumps({"id": f"c{i}", "text": TEXTS[i % len(TEXTS)] + f" #{i}"}))
    return lines


def test_workers_give_the_same_output_in_the_same_order(engine: Engine) -> None:
    fast = engine.with_cascade(CascadeSettings(tier="fast"))
    recipe = EngineRecipe(cascade=CascadeSettings(tier="fast"))
    n = SERIAL_LINES + 1500  # long enough for the pool to start
    bad_at = SERIAL_LINES + 1234
    lines = make_lines(n, bad_at)
    serial = list(score_lines(fast, Moderator(), recipe, lines, workers=1))
    parallel = list(score_lines(fast, Moderator(), recipe, lines, workers=2))
    assert parallel == serial
    assert len(serial) == n - n // 97
    errors = [json.loads(line) for line, ok in serial if not ok]
    assert errors == [
        {"id": "broken", "error": {"line": bad_at, "message": '"text" must be a string, got int'}}
    ]


def test_a_small_input_is_scored_in_process(engine: Engine) -> None:
    fast = engine.with_cascade(CascadeSettings(tier="fast"))
    # Workers given this recipe would fail to load: the output shows none was started.
    recipe = EngineRecipe(
        model_dir=Path("/nonexistent/model"), cascade=CascadeSettings(tier="fast")
    )
    out = list(score_lines(fast, Moderator(), recipe, make_lines(50, bad_at=7), workers=8))
    assert len(out) == 50
    assert [ok for _, ok in out].count(False) == 1


def test_no_spans_gives_the_same_scores_with_empty_spans(engine: Engine) -> None:
    fast = engine.with_cascade(CascadeSettings(tier="fast"))
    recipe = EngineRecipe(cascade=CascadeSettings(tier="fast"))
    lines = make_lines(300, bad_at=5)
    with_spans = [
        json.loads(line) for line, _ in score_lines(fast, Moderator(), recipe, lines, workers=1)
    ]
    without = [
        json.loads(line)
        for line, _ in score_lines(fast, Moderator(), recipe, lines, workers=1, spans=False)
    ]
    assert any(d.get("spans") for d in with_spans)
    assert all(d.get("spans", []) == [] for d in without)
    strip = [{k: v for k, v in d.items() if k != "spans"} for d in with_spans]
    assert strip == [{k: v for k, v in d.items() if k != "spans"} for d in without]


def test_leaving_the_output_half_read_ends_every_worker(engine: Engine) -> None:
    # A hardening review: Ctrl-C while the pool ran could hang at exit for ever, the
    # workers waiting on a queue the parent no longer fed. A generator dropped half way
    # (as an interrupt leaves it) ends them now.
    import multiprocessing

    fast = engine.with_cascade(CascadeSettings(tier="fast"))
    recipe = EngineRecipe(cascade=CascadeSettings(tier="fast"))
    lines = make_lines(SERIAL_LINES + 3000, bad_at=0)
    out = score_lines(fast, Moderator(), recipe, lines, workers=2)
    for _ in range(SERIAL_LINES + 10):  # past the serial head: the pool is running
        next(out)
    assert multiprocessing.active_children()
    out.close()  # GeneratorExit at its yield, as an interrupt's unwinding gives it
    # ended, not left waiting on the pool's queue: within the time stop() gives them (a
    # loaded CI machine saw one still being reaped at the first look)
    deadline = time.monotonic() + 15
    while [p for p in multiprocessing.active_children() if p.is_alive()]:
        assert time.monotonic() < deadline, multiprocessing.active_children()
        time.sleep(0.1)


def test_leaving_the_output_half_read_ends_the_pools_own_thread(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `score | head`: 1 run in 25 ended with "Exception ignored ... OSError: [Errno 9] Bad
    # file descriptor" at exit, Python's exit hook writing to the pipe that wakes the
    # executor's thread while that thread closed it. Once the pool is stopped the thread
    # has ended, its pipe closed, and the hook leaves it alone.
    from concurrent.futures import process

    ending = process._ExecutorManagerThread.join_executor_internals

    def slow_end(thread: process._ExecutorManagerThread) -> None:
        time.sleep(0.5)  # as a loaded machine may take: the race's window, held open
        ending(thread)

    monkeypatch.setattr(process._ExecutorManagerThread, "join_executor_internals", slow_end)
    fast = engine.with_cascade(CascadeSettings(tier="fast"))
    recipe = EngineRecipe(cascade=CascadeSettings(tier="fast"))
    out = score_lines(fast, Moderator(), recipe, make_lines(SERIAL_LINES + 3000, 0), workers=2)
    for _ in range(SERIAL_LINES + 10):  # past the serial head: the pool is running
        next(out)
    out.close()
    running = [t for t in threading.enumerate() if isinstance(t, process._ExecutorManagerThread)]
    assert running == []


@pytest.mark.parametrize("command", ["score", "batch"])
def test_more_workers_than_the_machine_takes_are_cut_down_with_a_warning_not_refused(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`batch --workers 100000` spent ten minutes starting a local Dask cluster for one
    comment on two cores (and `score` forks as many processes, each loading the models);
    refusing it (exit 2) broke scripts whose `--workers 9` would have started none."""
    from typer.testing import CliRunner

    import threadguard.batch
    import threadguard.parallel
    from threadguard.batch import JobRefused
    from threadguard.cli import app

    monkeypatch.setattr(threadguard.parallel, "default_workers", lambda: 2)
    asked: list[int] = []

    def run_batch(job: threadguard.batch.BatchJob, *args: object) -> None:
        asked.append(job.workers)
        raise JobRefused("stopped here")

    def score_lines(*args: object, **kwargs: object) -> list[tuple[str, bool]]:
        asked.append(int(args[4]))  # type: ignore[call-overload]
        return [("{}", True)]

    monkeypatch.setattr(threadguard.batch, "run_batch", run_batch)
    monkeypatch.setattr(threadguard.parallel, "score_lines", score_lines)
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "c1", "text": "hello"}\n', encoding="utf-8")
    args = [str(source)] + (["--out", str(tmp_path / "out")] if command == "batch" else [])
    result = CliRunner().invoke(app, [command, *args, "--workers", "9", "--tier", "fast"])
    assert asked == [8], result.output
    assert result.exit_code == (2 if command == "batch" else 0), result.output
    assert "warning: --workers 9: using 8 (4 per core, 2 cores;" in result.output
    assert result.output.count("--workers") == 1


def test_batch_on_a_remote_scheduler_does_not_check_or_warn_about_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--workers is not used with --scheduler: `--workers 16` on a small machine was refused."""
    from typer.testing import CliRunner

    import threadguard.batch
    import threadguard.parallel
    from threadguard.batch import JobRefused
    from threadguard.cli import app

    monkeypatch.setattr(threadguard.parallel, "default_workers", lambda: 2)
    asked: list[str | None] = []

    def run_batch(job: threadguard.batch.BatchJob, *args: object) -> None:
        asked.append(job.scheduler)
        raise JobRefused("stopped here")

    monkeypatch.setattr(threadguard.batch, "run_batch", run_batch)
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "c1", "text": "hello"}\n', encoding="utf-8")
    remote = ["--scheduler", "tcp://host:8786", "--workers", "16"]
    result = CliRunner().invoke(
        app, ["batch", str(source), "--out", str(tmp_path / "out"), *remote]
    )
    assert asked == ["tcp://host:8786"], result.output
    assert "--workers" not in result.output
    assert "stopped here" in result.output
