"""The command's exit status and manifest for an input read only in part, or not at all
(the operator's tryout: ``head -c 1500 t.xml > trunc.xml; threadguard batch trunc.xml``
warned that everything after line 8 was lost, reported 2 of 9 comments, exited 0, and the
manifest said ``left_out: 0, unread_files: 0``)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_support import DISQUS_EXPORT, archive_rows, run_batch, write_jsonl

pytestmark = pytest.mark.slow

#: The export cut inside the third post's message, as ``head -c`` cuts it.
CUT_DISQUS = DISQUS_EXPORT[: DISQUS_EXPORT.index("pathetic")]


def _cut_parquet(path: Path) -> Path:
    pq.write_table(pa.Table.from_pylist(archive_rows(2, 3)), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def test_the_command_exits_2_and_the_manifest_names_the_file_read_in_part(
    tmp_path: Path,
) -> None:
    path = tmp_path / "trunc.xml"
    path.write_text(CUT_DISQUS, encoding="utf-8")
    proc = run_batch(path, out=tmp_path / "out")
    assert proc.returncode == 2, proc.stderr
    assert "2 comments in 2 threads" in proc.stdout and "Traceback" not in proc.stderr
    said = " ".join(proc.stderr.split())
    assert "anything after it is lost" in said
    assert "1 input file(s) read only in part" in said, said
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    counts = manifest["counts"]
    assert (counts["left_out"], counts["unread_files"], counts["partly_read_files"]) == (0, 0, 1)
    [entry] = manifest["inputs"]
    assert entry["partly_read"].endswith("anything after it is lost"), entry
    assert "error" not in entry


def test_the_command_exits_2_for_a_parquet_input_it_cannot_read(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", archive_rows(1, 2))
    bad = _cut_parquet(tmp_path / "cut.parquet")
    out = tmp_path / "out"
    proc = run_batch(good, bad, out=out)
    assert proc.returncode == 2, proc.stderr
    assert "2 comments in 1 threads" in proc.stdout
    assert "the file was not read" in " ".join(proc.stderr.split())
    counts = json.loads((out / "manifest.json").read_text())["counts"]
    assert (counts["unread_files"], counts["partly_read_files"]) == (1, 0)
