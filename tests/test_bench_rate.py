"""Each single-process stage of the bench counts its fastest of a few runs: one run on a
shared machine swung by up to 1.7x on unchanged code (session 29). A fake clock pins the
arithmetic; nothing here is timed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import threadguard.bench as bench


def _clocked(
    monkeypatch: pytest.MonkeyPatch, durations: list[float]
) -> tuple[Callable[[], None], list[float]]:
    """A stage whose n-th call takes ``durations[n]`` on a fake ``time.perf_counter``, and
    the list of the durations it has taken so far."""
    now = [0.0]
    taken: list[float] = []
    monkeypatch.setattr(bench.time, "perf_counter", lambda: now[0])

    def stage() -> None:
        step = durations[len(taken)]
        now[0] += step
        taken.append(step)

    return stage, taken


def test_the_rate_is_that_of_the_fastest_run(monkeypatch: pytest.MonkeyPatch) -> None:
    stage, taken = _clocked(monkeypatch, [2.0, 0.5, 1.0])
    assert bench._rate(stage, 100) == pytest.approx(200.0)
    assert taken == [2.0, 0.5, 1.0] and bench.REPEATS == 3


def test_one_repeat_times_one_run(monkeypatch: pytest.MonkeyPatch) -> None:
    stage, taken = _clocked(monkeypatch, [4.0])
    assert bench._rate(stage, 100, repeats=1) == pytest.approx(25.0)
    assert taken == [4.0]
