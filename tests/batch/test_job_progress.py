"""The batch's progress, as the tryout watched it: '0/?' for 49 s, a total that jumped
(56,637 -> 46,314 -> 40,014 for 40,012), a rate and time left frozen for 35 s, and a
resume that counted the partitions already written as 57,079 comments/s. Times are given,
never measured: no test here depends on the machine's speed."""

from __future__ import annotations

import copy
import threading
from pathlib import Path

import pytest
from batch_support import archive_rows, write_jsonl

from threadguard.batch import BatchJob, Recipe, run_batch
from threadguard.batch.inputs import describe
from threadguard.batch.plan import Reading, count_comments, read_units
from threadguard.batch.progress import JobProgress, Rate
from threadguard.engine import CascadeSettings
from threadguard.moderation import load_policy, policy_text
from threadguard.schema import Tier


def test_the_speed_is_over_recent_work_and_the_time_left_counts_down() -> None:
    rate = Rate(window=60)
    rate.add(0, 0)
    assert rate.per_second() is None  # one sample: no speed yet
    rate.add(10, 1000)  # 100/s at first
    for t in range(20, 200, 10):
        rate.add(t, 1000 + (t - 10) * 10)  # then 10/s for three minutes
    assert rate.per_second() == pytest.approx(10, rel=0.01)  # not the old 100/s in it
    left_now = rate.seconds_left(600, 190)
    assert left_now == pytest.approx(60, rel=0.01)
    later = rate.seconds_left(600, 220)  # 30 s on, no partition finished since
    assert later is not None and later == pytest.approx(30, rel=0.02)
    assert rate.seconds_left(600, 1000) == 0


def test_the_line_says_what_the_job_does_and_keeps_already_done_out_of_the_speed() -> None:
    state = JobProgress()
    assert state.describe(0) == "starting the workers…"
    state.stage = "scoring"
    state.done_before = 16_329
    state.rate.add(100, 0)
    assert state.describe(100) == (
        "16,329 of ? (counting) comments · 16,329 already done · measuring speed"
    )
    state.scored = 4_000
    state.rate.add(120, 4_000)
    state.total = 40_012
    assert state.describe(120) == (
        "20,329 of 40,012 comments · 16,329 already done · 200 comments/s · 1:38 left"
    )
    assert state.describe(130) == (
        "20,329 of 40,012 comments · 16,329 already done · 200 comments/s · 1:28 left"
    )


def test_the_first_count_is_the_number_of_comments_the_job_scores(tmp_path: Path) -> None:
    """The total was a guess from the bytes read (41% over on the tryout's archive)."""
    jsonl = write_jsonl(tmp_path / "a.jsonl", archive_rows(6, 5))
    with (tmp_path / "a.jsonl").open("a", encoding="utf-8") as f:
        f.write("not json\n" + "x" * 5000 + "\n")  # long damaged lines: bytes, no comments
    csv = tmp_path / "b.csv"
    csv.write_text('id,thread_id,text\n1,t,"two\nlines"\n2,t,ok\n', encoding="utf-8")
    inputs = describe([jsonl, csv])
    total = count_comments(inputs, threading.Event())
    units = list(read_units(inputs, Reading(1), tmp_path / "work"))
    assert total == sum(u.size for u in units) == 32
    stopped = threading.Event()
    stopped.set()
    assert count_comments(inputs, stopped) is None


@pytest.mark.slow
def test_a_job_reports_its_stage_a_fixed_total_and_a_resume_as_already_done(
    tmp_path: Path,
) -> None:
    source = write_jsonl(tmp_path / "big.jsonl", archive_rows(20, 5))
    policy = load_policy()
    text = policy_text(policy)
    assert text is not None
    recipe = Recipe(None, CascadeSettings(tier=Tier.FAST), text, policy.source)
    out = tmp_path / "out"

    def job() -> BatchJob:
        return BatchJob([str(source)], out, recipe, workers=1, partition_comments=10)

    seen: list[JobProgress] = []
    run_batch(job(), lambda state: seen.append(copy.deepcopy(state)))
    assert seen[0].stage == "starting the workers" and seen[-1].done == 100
    totals = {s.total for s in seen if s.total is not None}
    assert totals == {100}  # counted once, never moved
    assert all(s.done_before == 0 for s in seen)

    for part in sorted((out / "comments").glob("part-*.parquet"))[5:]:
        part.unlink()  # as if killed half-way
    again: list[JobProgress] = []
    run_batch(job(), lambda state: again.append(copy.deepcopy(state)))
    last = again[-1]
    assert (last.done_before, last.scored, last.done) == (50, 50, 100)
    speeds = [s.rate.samples[-1][1] for s in again if s.rate.samples]
    assert max(speeds) == 50  # the rate's counts are this run's comments only
