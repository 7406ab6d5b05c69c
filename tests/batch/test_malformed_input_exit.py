"""``threadguard batch`` exits 2 when an input had a problem, as ``scan`` does on the same
file (docs/using.md's exit codes: where only part of an input is malformed, the rest is
written and the exit code is 2), except for the problems that lose nothing
(docs/archives.md: a repaired parent, a Reddit "load more" stub, a deleted post, an odd
date), which leave it 0.

A desk's tryout: a text dump with no comment bullet line ("read as an article only")
made ``scan`` exit 2 and ``batch`` 0, with the problem only in ``problems.jsonl``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_support import archive_rows, run_batch, write_jsonl

from threadguard.batch.plan import Reading, bad_input, loses_nothing
from threadguard.thread import Problem

#: An article pasted without its comments' bullets: no comment can be read from it.
ARTICLE_ONLY = (
    "Council approves bike lane on Harbor Street\n\n"
    "The council voted 7-2 on Tuesday to build the lane.\n\n"
    "cyclist_anna: Finally. I've been riding that stretch for years.\n"
)


def test_problems_that_lose_nothing_leave_the_exit_code_and_the_others_set_it() -> None:
    harmless = [
        Problem(
            "a.jsonl",
            "line 2",
            "parent 'gone' of comment 'b' is not in the input; read as a top-level comment",
        ),
        Problem(
            "a.json",
            "comment c",
            "parent links form a loop (c → d → c); comment 'c' read as a top-level comment",
        ),
        Problem(
            "a.json",
            "comment d",
            "depth 3 stated, but the parent links put comment "
            "'d' at depth 1; the parent links were used",
        ),
        Problem(
            "r.json",
            "comments",
            "4 comments were not included in the download "
            "(1 'load more' stubs); fetch them separately to moderate them",
        ),
        Problem(
            "a.jsonl",
            "line 3",
            "no text (a deleted post, or an empty field); left out of the results",
        ),
        Problem(
            "a.jsonl",
            "line 4",
            "created_at '01/02/2019' is no ISO 8601 date (day and "
            "month either way round); kept as written, and left out of the report's "
            "timeline",
        ),
    ]
    malformed = [
        Problem("t.txt", "document", "no comment bullet lines found; read as an article only"),
        Problem(
            "t.txt",
            "line 9",
            "comment bullet indented 6 columns where 4 were expected; read as a top-level comment",
        ),
        Problem("a.jsonl", "line 2", "NUL character (U+0000) removed; the rest of the line read"),
        Problem("a.xml", "post 3", "post names no thread; read into thread 'unknown'"),
    ]
    assert all(loses_nothing(p) for p in harmless)
    assert not any(loses_nothing(p) for p in malformed)
    reading = Reading(total_bytes=0)
    reading.note(harmless)
    assert reading.counts()["malformed"] == 0 and not bad_input(reading.counts())
    for problem in malformed:
        one = Reading(total_bytes=0)
        one.note([problem])
        assert one.counts()["malformed"] == 1 and bad_input(one.counts()), problem


@pytest.mark.slow
def test_a_text_dump_read_as_an_article_only_exits_2_and_the_rest_is_written(
    tmp_path: Path,
) -> None:
    dump = tmp_path / "article.txt"
    dump.write_text(ARTICLE_ONLY, encoding="utf-8")
    good = write_jsonl(tmp_path / "good.jsonl", archive_rows(1, 3))
    out = tmp_path / "out"
    proc = run_batch(good, dump, out=out)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    said = " ".join(proc.stderr.split())
    assert "no comment bullet lines found; read as an article only" in said
    assert "exit code 2" in said
    assert "3 comments in 2 threads" in proc.stdout  # the other input is written whole
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["malformed"] == 1 and manifest["counts"]["comments"] == 3
    listed = [json.loads(line) for line in (out / "problems.jsonl").read_text().splitlines()]
    assert [p["source"] for p in listed] == [str(dump)]
    assert list((out / "comments").glob("part-*.parquet"))
