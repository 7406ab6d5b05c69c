"""An empty input file is bad input to `scan` and to `batch` alike (exit 2, the file
named): an empty .jsonl was refused by scan and, by batch, counted as a run of no
comments with exit 0 (an empty .txt was an input problem, exit 2, to both)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run_cli

from threadguard.batch.inputs import UNREADABLE, describe

EMPTY = {"is empty": b"", "contains only whitespace": b"\xef\xbb\xbf\n  \n"}


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson", ".csv", ".tsv", ".parquet", ".txt"])
def test_batch_describes_an_empty_input_of_any_kind_as_not_read(
    tmp_path: Path, suffix: str
) -> None:
    for i, (reason, content) in enumerate(EMPTY.items()):
        path = tmp_path / f"e{i}{suffix}"
        path.write_bytes(content)
        (described,) = describe([path])
        assert (described.kind, described.error) == (UNREADABLE, reason), suffix


def test_scan_and_batch_both_exit_2_on_an_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    scanned = run_cli("scan", str(empty))
    assert scanned.returncode == 2 and "is empty" in scanned.stderr
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "1", "text": "Thanks for the article."}\n', encoding="utf-8")
    batched = run_cli("batch", str(good), str(empty), "--out", str(tmp_path / "out"), "--quiet")
    assert batched.returncode == 2, batched.stderr
    assert f"{empty}: file: is empty" in batched.stderr
    assert batched.stdout.startswith("1 comments in 1 threads")  # the other input is scored
