"""A damaged output partition costs that partition only. An operator's tryout overwrote
``part-000003.parquet`` with garbage: the rerun of the same ``batch`` command failed with
``error: ArrowInvalid: ... Parquet magic bytes not found`` (exit 1), ``report`` the same,
and only ``--restart`` (which discards everything) got out of it. Now a rerun names the
partition, scores it again from its input rows and keeps the rest; ``report`` names it and
says to rerun the batch command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_support import archive_rows, scored_output, write_jsonl

from threadguard.batch.output import OutputDir
from threadguard.report import ReportError, read_report


def _garbage(path: Path) -> None:
    path.write_bytes(b"not parquet at all \x00\xff" * 20)


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _scramble_decisions(path: Path) -> None:
    """Bytes overwritten inside the decisions' data, the footer left whole (a bad disk
    block in the middle of the file)."""
    metadata = pq.read_metadata(path).row_group(0)
    [chunk] = [
        metadata.column(i)
        for i in range(metadata.num_columns)
        if metadata.column(i).path_in_schema == "decision"
    ]
    data = bytearray(path.read_bytes())
    start = chunk.data_page_offset + 20  # past the page header: the page's data
    data[start : start + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))


def _table_bytes(rows: int) -> bytes:
    import io

    sink = io.BytesIO()
    pq.write_table(pa.table({"decision": ["approve"] * rows}), sink)
    return sink.getvalue()


def test_a_partition_whose_files_cannot_be_read_is_found_and_why(tmp_path: Path) -> None:
    out = OutputDir(tmp_path)
    out.prepare()
    for name in ("part-000000", "part-000001", "part-000002", "part-000003"):
        out.write(name, _table_bytes(3), _table_bytes(1))
    _garbage(out.comments("part-000001"))
    _truncate(out.threads("part-000002"))
    out.threads("part-000003").unlink()
    assert out.fault("part-000000") is None
    assert "Parquet magic bytes not found" in (out.fault("part-000001") or "")
    assert (out.fault("part-000002") or "").startswith(f"{out.threads('part-000002')}: ")
    assert out.fault("part-000003") == f"{out.threads('part-000003')}: the file is missing"


@pytest.fixture
def scored_folder(tmp_path: Path, engine, moderator) -> OutputDir:
    """A batch output of 4 partitions made in this process (a worker's scoring, no Dask)."""
    out, _ = scored_output(archive_rows(4, 30), tmp_path, engine, moderator, 30)
    out.manifest.write_text(json.dumps({"status": "complete", "counts": {}}), encoding="utf-8")
    return out


@pytest.mark.parametrize(
    ("damage", "where"),
    [(_garbage, "comments"), (_truncate, "threads"), (_scramble_decisions, "comments")],
)
def test_the_report_names_an_unreadable_partition_and_says_to_rerun_the_batch(
    scored_folder: OutputDir, damage, where: str
) -> None:
    assert read_report(scored_folder.root).totals.comments == 120
    path = scored_folder.root / where / "part-000002.parquet"
    damage(path)
    with pytest.raises(ReportError) as raised:
        read_report(scored_folder.root)
    message = str(raised.value)
    assert message.startswith(f"{path}: this partition cannot be read ("), message
    assert message.endswith(
        "run the same `threadguard batch` command again to repair it: it scores this "
        "partition again from its input and keeps the others"
    ), message


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "threadguard", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_a_rerun_scores_the_damaged_partitions_again_and_keeps_the_rest(
    tmp_path: Path,
) -> None:
    source = write_jsonl(tmp_path / "archive.jsonl", archive_rows(6, 5))
    out = tmp_path / "out"
    batch = ["batch", str(source), "--out", str(out), "--workers", "1", "--tier", "fast"]
    batch += ["--partition-size", "5", "--quiet"]
    first = _run(batch)
    assert first.returncode == 0, first.stderr
    comments, threads = out / "comments", out / "threads"
    assert len(list(comments.glob("part-*.parquet"))) == 6
    before = {p: p.read_bytes() for p in (*comments.iterdir(), *threads.iterdir())}

    _garbage(comments / "part-000003.parquet")  # the tryout's case
    _truncate(comments / "part-000001.parquet")
    _truncate(threads / "part-000004.parquet")
    damaged = [
        comments / "part-000001.parquet",
        comments / "part-000003.parquet",
        threads / "part-000004.parquet",
    ]

    report = _run(["report", str(out), "--out", str(tmp_path / "r.html")])
    assert report.returncode == 2, report.stderr
    said = " ".join(report.stderr.split())
    assert said.startswith(f"error: {damaged[0]}: this partition cannot be read ("), said
    assert "run the same `threadguard batch` command again to repair it" in said
    assert "ArrowInvalid" not in said and "Traceback" not in said

    rerun = _run(batch)
    assert rerun.returncode == 0, rerun.stderr
    assert "Traceback" not in rerun.stderr and "ArrowInvalid" not in rerun.stderr
    assert "30 comments in 6 threads, 6 partitions (3 written, 3 already done)" in rerun.stdout
    said = " ".join(rerun.stderr.split())
    for path in damaged:
        assert f"{path}: " in said, said
    assert said.count("cannot be read") == 3 and said.count("scored again from its input") == 3
    table = pq.read_table(comments, columns=["id"])
    assert sorted(table.column("id").to_pylist()) == sorted(
        f"t{t}-c{i}" for t in range(6) for i in range(5)
    )
    kept = [p for p in before if p.stem in ("part-000000", "part-000002", "part-000005")]
    assert len(kept) == 6 and all(p.read_bytes() == before[p] for p in kept)
    manifest = json.loads((out / "manifest.json").read_text())
    assert [r["partition"] for r in manifest["repaired"]] == [
        "part-000001",
        "part-000003",
        "part-000004",
    ]
    assert manifest["counts"]["comments"] == 30 and manifest["counts"]["repaired_partitions"] == 3

    again = _run(["report", str(out), "--out", str(tmp_path / "r.html")])
    assert again.returncode == 0, again.stderr
