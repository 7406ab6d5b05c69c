"""Reading row inputs into whole threads and partitions, the same way on every run."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_support import archive_rows, write_jsonl

from threadguard.batch import BatchJob, Recipe
from threadguard.batch.grouping import group_rows
from threadguard.batch.inputs import InputError, describe, expand, kind_of
from threadguard.batch.output import OutputDir
from threadguard.batch.plan import Reading, partitions, read_units
from threadguard.batch.rows import read_rows
from threadguard.engine import CascadeSettings
from threadguard.readers import read_thread
from threadguard.schema import Tier
from threadguard.thread import Problem


def _units(
    path: Path, tmp_path: Path, size: int | None = None, problems: list[Problem] | None = None
) -> list:
    problems = [] if problems is None else problems
    kind = kind_of(path)
    rows = read_rows(path, kind)
    units = list(
        group_rows(rows, str(path), problems, size=size or 0, spill_dir=tmp_path / "spill")
    )
    return units


def test_interleaved_rows_become_whole_threads_in_memory_and_when_spilled(
    tmp_path: Path,
) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", archive_rows(7, 4))
    in_memory = _units(path, tmp_path)
    spilled = _units(path, tmp_path, size=10**9)  # as if huge: spread over buckets on disk
    for units in (in_memory, spilled):
        assert sorted(u.thread.id for u in units) == [f"t{i}" for i in range(7)]
        for u in units:
            assert [c.depth for c in u.thread.comments] == [0, 1, 2, 3]
            assert u.thread.title == f"Article {u.thread.id[1:]}"
    assert not (tmp_path / "spill").exists()  # buckets are removed afterwards


def test_csv_and_parquet_rows_read_like_json_lines(tmp_path: Path) -> None:
    rows = archive_rows(3, 3)
    with (tmp_path / "a.csv").open("w", newline="", encoding="utf-8") as f:
        fields = ["id", "thread_id", "title", "text", "author", "created_at", "parent_id"]
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    columns = {f: [r.get(f) for r in rows] for f in fields}  # a missing parent is null
    pq.write_table(pa.table(columns), tmp_path / "a.parquet")
    expected = {
        u.thread.id: u.thread for u in _units(write_jsonl(tmp_path / "a.jsonl", rows), tmp_path)
    }
    for name in ("a.csv", "a.parquet"):
        got = {u.thread.id: u.thread for u in _units(tmp_path / name, tmp_path)}
        assert got == expected, name


def test_score_lines_without_a_thread_are_threads_of_their_own_with_their_parent_text(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(
        '{"id": "a", "text": "I agree", "parent": "Immigrants are vermin"}\n'
        '{"text": "no id here"}\n'
        '{"id": 3\n',
        encoding="utf-8",
    )
    problems: list[Problem] = []
    units = _units(path, tmp_path, problems=problems)
    assert [u.size for u in units] == [1, 1]
    assert units[0].contexts == {"a": "Immigrants are vermin"}
    assert units[1].thread.comments[0].id == "L2"  # named by its line
    assert [p.location for p in problems] == ["line 3"]


def test_an_id_of_the_wrong_type_is_reported_and_dropped_as_scan_does(tmp_path: Path) -> None:
    # batch kept {"id": [1, 2]} as the id "[1, 2]" without a word, where scan reads the
    # same file giving the comment a new id: both now name the line and field and drop it
    path = tmp_path / "w.jsonl"
    path.write_text(
        '{"thread": {"id": {"n": 1}, "title": "T"}}\n'
        '{"id": [1, 2], "text": "first"}\n'
        '{"id": "b", "parent_id": [1, 2], "text": "second"}\n'
        '{"id": "c", "parent_id": "b", "text": "third"}\n',
        encoding="utf-8",
    )
    problems: list[Problem] = []
    [unit] = _units(path, tmp_path, problems=problems)
    assert unit.thread.title == "T" and unit.thread.id == ""
    assert [(c.id, c.parent) for c in unit.thread.comments] == [
        ("L2", None),
        ("b", None),
        ("c", "b"),
    ]
    must = "must be a string or an integer"
    expected = [
        ("line 1", f"'id' {must}, found dict; the thread's id was dropped"),
        ("line 2", f"'id' {must}, found list; the comment was given a new id"),
        ("line 3", f"'parent_id' {must}, found list; the parent link was dropped"),
    ]
    assert [(p.location, p.message) for p in problems] == expected
    scanned = read_thread(path)
    assert [(p.location, p.message) for p in scanned.problems] == expected


def test_a_repeated_id_keeps_no_parent_text_that_could_become_the_others(
    tmp_path: Path,
) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text(
        '{"thread_id": "t", "id": "x", "text": "Send them all back."}\n'
        '{"thread_id": "t", "id": "x", "text": "I disagree.", "parent": "Refugees"}\n'
        '{"thread_id": "t", "id": "y", "text": "Fine.", "parent": "The timetable"}\n',
        encoding="utf-8",
    )
    [unit] = _units(path, tmp_path)
    assert [c.id for c in unit.thread.comments] == ["x", "x~2", "y"]
    assert unit.contexts == {"y": "The timetable"}


def test_partitions_keep_threads_whole_and_are_numbered_the_same_each_time(
    tmp_path: Path,
) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", archive_rows(10, 3))
    inputs = describe(expand([str(tmp_path / "*.jsonl")]))

    def plan() -> list[tuple[str, tuple[str, ...]]]:
        reading = Reading(total_bytes=path.stat().st_size)
        units = read_units(inputs, reading, tmp_path / "work")
        return [(p.name, tuple(u.thread.id for u in p.units)) for p in partitions(units, 7)]

    first = plan()
    assert first == plan()
    assert [name for name, _ in first] == [f"part-{i:06d}" for i in range(5)]
    assert sorted(t for _, ts in first for t in ts) == sorted(f"t{i}" for i in range(10))
    assert all(len(ts) == 2 for _, ts in first)  # 3 + 3 <= 7 < 9


def test_a_folder_given_as_input_is_refused_with_the_pattern_to_use(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"is a folder; name its files \(say '.*/\*\.jsonl'\)"):
        expand([str(tmp_path)])
    with pytest.raises(InputError, match="no such file"):
        expand([str(tmp_path / "missing.jsonl")])


def test_a_default_jobs_settings_do_not_name_the_readings_switch(tmp_path: Path) -> None:
    # A job's identity must not change for a field that only measuring scripts set:
    # jobs started before CascadeSettings.readings_off existed resume as the same job.
    def settings(cascade: CascadeSettings) -> dict[str, object]:
        return BatchJob(["in.jsonl"], tmp_path, Recipe(None, cascade, "", "default")).settings()

    assert "readings_off" not in settings(CascadeSettings())
    off = settings(CascadeSettings(readings_off=frozenset({"frame", "quote"})))
    assert off["readings_off"] == ["frame", "quote"]


def test_a_reddit_page_larger_than_the_sniffed_sample_is_read_as_reddit(tmp_path: Path) -> None:
    """Its shape shows only once parsed whole: a 64 KiB cut used to read as a ThreadGuard
    JSON thread of nothing, and every comment was lost without an error."""
    import json

    comments = [
        {
            "kind": "t1",
            "data": {
                "id": f"r{i}",
                "name": f"t1_r{i}",
                "author": f"u{i}",
                "body": f"Comment {i} on the bike lane plan",
                "parent_id": "t3_p",
                "replies": "",
            },
        }
        for i in range(600)
    ]
    page = [
        {
            "kind": "Listing",
            "data": {"children": [{"kind": "t3", "data": {"id": "p", "title": "Post"}}]},
        },
        {"kind": "Listing", "data": {"children": comments}},
    ]
    path = tmp_path / "thread.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    assert path.stat().st_size > 64 * 1024
    assert kind_of(path) == "reddit"
    reading = Reading(total_bytes=path.stat().st_size)
    [unit] = read_units(describe([path]), reading, tmp_path)
    assert unit.size == 600 and reading.problems == []


def test_restart_removes_only_the_runs_own_partitions_and_manifest(tmp_path: Path) -> None:
    """--restart deleted every *.parquet* in --out/comments/, a user's own file too."""
    out = OutputDir(tmp_path / "out")
    out.prepare()
    out.write("part-000000", b"c", b"t")
    out.manifest.write_text("{}")
    comments = tmp_path / "out" / "comments"
    half = comments / "part-000001.parquet.123.tmp"
    mine = [comments / "mydata.parquet", comments / "notes.tmp", comments / "part-x.parquet"]
    for path in [half, *mine]:
        path.write_bytes(b"x")
    out.clear()
    assert sorted(p.name for p in comments.iterdir()) == sorted(p.name for p in mine)
    assert not out.manifest.exists() and not list((tmp_path / "out" / "threads").iterdir())
    out.prepare()  # a rerun's clean-up of half-written files spares them too
    assert all(p.exists() for p in mine)


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("policy", None, "'policy' must be an object, found null"),
        ("inputs", "archive.jsonl", "'inputs' must be a list, found the string \"archive.jsonl\""),
        ("models", ["fast"], "'models' must be an object, found a list"),
        ("started_at", 0, "'started_at' must be a string, found the number 0"),
    ],
)
def test_an_earlier_manifest_field_of_the_wrong_type_is_refused_naming_it(
    tmp_path: Path, field: str, value: object, problem: str
) -> None:
    """A rerun reads the earlier manifest to compare jobs: "policy": null ended it in
    "AttributeError: 'NoneType' object has no attribute 'get'", naming neither the file
    nor the field. --restart, which discards that job, does not read it."""
    import json

    from threadguard.batch.runner import JobRefused, prepare

    source = write_jsonl(tmp_path / "archive.jsonl", archive_rows(1, 2))
    out = tmp_path / "out"
    job = BatchJob([str(source)], out, Recipe(None, CascadeSettings(tier=Tier.FAST), "", "p"))
    prepare(job)
    manifest = out / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**data, field: value}), encoding="utf-8")
    with pytest.raises(JobRefused) as refused:
        prepare(job)
    assert str(refused.value).startswith(f"{manifest}: {problem}; ")
    assert "Pass --restart to discard it and start over" in str(refused.value)
    prepare(replace(job, restart=True))
    assert json.loads(manifest.read_text(encoding="utf-8"))["policy"]["source"] == "p"


def test_a_changed_setting_is_named_with_both_values_not_the_whole_settings() -> None:
    """A changed --partition-size printed the earlier job's whole settings dict."""
    from threadguard.batch.manifest import Manifest

    def manifest(settings: dict[str, object]) -> Manifest:
        return Manifest.new([], "m", {}, "policy", "default", settings)

    before = manifest({"tier": "fast", "spans": True, "partition_comments": 4096})
    now = manifest({"tier": "fast", "spans": True, "partition_comments": 100})
    assert now.differences(before) == ["the settings differ: --partition-size was 4096, now 100"]
    assert manifest({"tier": "deep"}).differences(before) == [
        "the settings differ: --partition-size was 4096, now (unset), spans was True, "
        "now (unset), tier was fast, now deep"
    ]
