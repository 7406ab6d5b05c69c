"""A file read only in part costs the exit status and is named in the manifest, as a row
left out or a file not read does. An operator's tryout: a Disqus export cut after 1,500
bytes was read up to the break (2 of its 9 comments), and ``batch`` exited 0 with
``left_out: 0, unread_files: 0`` where ``scan`` exits 2 on the same file."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_support import DISQUS_EXPORT, archive_rows

from threadguard.batch.inputs import describe
from threadguard.batch.plan import Reading, lost_input, read_units
from threadguard.thread import Problem

#: The export cut inside the third post's message, as ``head -c`` cuts it.
CUT_DISQUS = DISQUS_EXPORT[: DISQUS_EXPORT.index("pathetic")]


def _read(path: Path, tmp_path: Path) -> tuple[Reading, list[str]]:
    inputs = describe([path])
    reading = Reading(total_bytes=inputs[0].size)
    units = list(read_units(inputs, reading, tmp_path / "work"))
    return reading, [c.text for u in units for c in u.thread.comments]


def test_a_truncated_disqus_export_is_read_in_part_and_that_loses_input(tmp_path: Path) -> None:
    path = tmp_path / "trunc.xml"
    path.write_text(CUT_DISQUS, encoding="utf-8")
    reading, texts = _read(path, tmp_path)
    assert texts == ["Only post here", "Great news, about time."]
    [problem] = reading.problems
    assert problem.message.endswith(
        "everything before this point was read, anything after it is lost"
    )
    assert reading.partly_read == {str(path): f"{problem.location}: {problem.message}"}
    counts = reading.counts()
    assert (counts["left_out"], counts["unread_files"], counts["partly_read_files"]) == (0, 0, 1)
    assert lost_input(counts)


def _cut_parquet(path: Path) -> Path:
    table = pa.Table.from_pylist(archive_rows(2, 3))
    pq.write_table(table, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])  # the footer is lost: nothing can be read
    return path


def _parquet_broken_after(rows: int, path: Path) -> Path:
    """A Parquet file whose second row group (after ``rows`` rows) has a bad block."""
    table = pa.table(
        {"id": [f"c{i}" for i in range(rows + 4)], "text": ["hello there"] * (rows + 4)}
    )
    pq.write_table(table, path, row_group_size=rows, compression="zstd")
    chunk = pq.read_metadata(path).row_group(1).column(1)  # the texts after ``rows``
    data = bytearray(path.read_bytes())
    start = chunk.dictionary_page_offset or chunk.data_page_offset  # its first page header
    data[start : start + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    return path


def test_a_parquet_file_broken_part_way_is_read_up_to_the_break(tmp_path: Path) -> None:
    path = _parquet_broken_after(4096, tmp_path / "broken.parquet")
    reading, texts = _read(path, tmp_path)
    assert len(texts) == 4096
    [problem] = reading.problems
    assert problem.location == "row 4097" and problem.message.endswith("; reading stopped")
    assert list(reading.partly_read) == [str(path)] and reading.unread_files == 0
    assert lost_input(reading.counts())


def test_the_csv_readers_reading_stopped_is_a_file_read_in_part() -> None:
    """The CSV reader's words when the csv module gives up part-way (its rows before are
    kept, the rest of the file is lost), counted once per file."""
    reading = Reading(total_bytes=0)
    stopped = "CSV error: field larger than field limit (131072); reading stopped"
    reading.note([Problem("a.csv", "document", stopped), Problem("a.csv", "document", stopped)])
    assert reading.partly_read == {"a.csv": f"document: {stopped}"}
    assert reading.counts()["partly_read_files"] == 1 and lost_input(reading.counts())


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _damaged(name: str, folder: Path) -> Path:
    """An input of every kind, truncated or broken as a copy cut short or a wrong file is."""
    lines = "".join(json.dumps(r) + "\n" for r in archive_rows(1, 3))
    document = json.dumps({"comments": archive_rows(1, 3)})
    if name == "disqus cut":
        return _write(folder / "t.xml", CUT_DISQUS)
    if name == "csv cut in a quoted field":
        return _write(folder / "c.csv", 'id,text\n1,"first\nline"\n2,"second\nline\nand mo')
    if name == "json document cut":
        return _write(folder / "t.json", document[: document.index("t0-c2")])
    if name == "json lines cut":
        return _write(folder / "t.jsonl", lines[: lines.index("t0-c2")])
    if name == "parquet cut":
        return _cut_parquet(folder / "t.parquet")
    if name == "parquet broken part-way":
        return _parquet_broken_after(4096, folder / "b.parquet")
    if name == "jsonl of binary bytes":
        (folder / "b.jsonl").write_bytes(b"\x00\x01\x02" * 100)
        return folder / "b.jsonl"
    assert name == "csv with no text column"
    return _write(folder / "h.csv", "a,b\n1,2\n")


#: What each damaged input costs: rows left out, a file not read, a file read in part.
#: Every one of them is input lost, so exit 2.
DAMAGED = {
    "disqus cut": "partly_read_files",
    "csv cut in a quoted field": "left_out",
    "json document cut": "unread_files",
    "json lines cut": "left_out",
    "parquet cut": "unread_files",
    "parquet broken part-way": "partly_read_files",
    "jsonl of binary bytes": "unread_files",
    "csv with no text column": "unread_files",
}


@pytest.mark.parametrize("name", list(DAMAGED))
def test_every_truncated_or_unreadable_input_counts_as_input_lost(
    name: str, tmp_path: Path
) -> None:
    reading, _ = _read(_damaged(name, tmp_path), tmp_path)
    counts = reading.counts()
    found = {k for k in ("left_out", "unread_files", "partly_read_files") if counts[k]}
    assert found == {DAMAGED[name]}, [str(p) for p in reading.problems]
    assert counts["unread_files"] + counts["partly_read_files"] <= 1  # one file, once
    assert lost_input(counts)


def test_a_row_file_that_cannot_be_read_at_all_says_so(tmp_path: Path) -> None:
    """A Parquet file without its footer, a binary .jsonl and a CSV with no text column were
    problems that cost nothing in the counts (exit 0): nothing of them was read."""
    names = ("parquet cut", "jsonl of binary bytes", "csv with no text column")
    paths = [_damaged(name, tmp_path) for name in names]
    inputs = describe(paths)
    reading = Reading(total_bytes=0)
    assert list(read_units(inputs, reading, tmp_path / "work")) == []
    assert [p.source for p in reading.problems] == [str(p) for p in paths]
    assert all(p.message.endswith("; the file was not read") for p in reading.problems)
    assert reading.unread_files == 3 and reading.partly_read == {}


def test_problems_that_lose_nothing_are_no_input_lost() -> None:
    reading = Reading(total_bytes=0)
    reading.note(
        [
            Problem("a.jsonl", "line 2", "parent 'gone' not found; read as a top-level comment"),
            Problem("a.xml", "post 3", "post names no thread; read into thread 'unknown'"),
        ]
    )
    assert reading.partly_read == {} and not lost_input(reading.counts())
