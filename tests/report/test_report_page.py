"""``threadguard report``: one self-contained, escaped HTML page from a batch output."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_support import archive_rows, finish, scored_output

from threadguard.report import ReportError, read_report, render_report, write_report
from threadguard.report.data import _authors, _rows

HOSTILE_SCRIPT = "<script>alert('x')</script> shut up you fucking stupid worthless idiot moron"


@pytest.fixture(scope="module")
def batch_folder(tmp_path_factory: pytest.TempPathFactory, engine, moderator) -> Path:
    """A batch output made in this process (the scoring of a worker, without Dask)."""
    root = tmp_path_factory.mktemp("report")
    rows = archive_rows(8, 6)
    rows[3]["text"] = HOSTILE_SCRIPT
    rows[3]["author"] = "<b>troll</b>"
    return finish(*scored_output(rows, root, engine, moderator, 10), moderator)


def test_the_figures_add_up(batch_folder: Path) -> None:
    data = read_report(batch_folder)
    assert data.totals.comments == 48
    assert sum(data.decisions.values()) == 48
    assert sum(r.comments for r in data.over_time) + data.undated == 48
    assert data.period == "month" and data.over_time[0].label == "2024-01"
    assert sum(r.comments for r in data.articles) == 48  # 8 articles, all shown
    assert data.authors and data.authors[0].rejected >= data.authors[-1].rejected
    assert data.heated and data.heated[0].tree
    assert any(ex.text == HOSTILE_SCRIPT for exs in data.examples.values() for ex in exs)


def test_the_page_is_self_contained_escaped_and_blurs_abuse(
    batch_folder: Path, tmp_path: Path
) -> None:
    page = tmp_path / "report.html"
    write_report(batch_folder, page)
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html  # no script at all, and the comment's one is escaped
    assert "&lt;script&gt;alert(" in html
    assert "&lt;b&gt;troll&lt;/b&gt;" in html
    # the article table's held column counts rejections too, and says so
    assert '<th class="n">Held or rejected</th><th class="n">Rejected</th>' in html
    assert all(row.held >= row.rejected for row in read_report(batch_folder).articles)
    assert not re.search(r"(src|href)=['\"]?https?:", html)  # nothing fetched
    assert html.count("<svg") >= 5
    blurred = re.findall(
        r"<details class=\"comment\"><summary><span class=\"text\">(.*?)</span>", html
    )
    assert any("worthless idiot" in b for b in blurred)
    assert "filter: blur(" in html
    for heading in (
        "Over time",
        "By article",
        "By kind of abuse",
        "Who is targeted",
        "The most heated threads",
        "Authors with the most rejected comments",
        "How these figures were made",
    ):
        assert heading in html
    assert "threadguard-test" in html


def test_the_command_writes_the_page_and_refuses_a_folder_that_is_not_a_batch(
    batch_folder: Path, tmp_path: Path
) -> None:
    run = [sys.executable, "-m", "threadguard", "report"]
    done = subprocess.run(
        [*run, str(batch_folder), "--out", str(tmp_path / "r.html")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "r.html").stat().st_size > 10_000
    bad = subprocess.run(
        [*run, str(tmp_path), "--out", str(tmp_path / "x.html")], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "not a batch output" in bad.stderr
    assert json.loads((batch_folder / "manifest.json").read_text())["status"] == "complete"


def test_the_command_never_writes_over_the_batch_or_a_file_that_is_no_report(
    batch_folder: Path, tmp_path: Path
) -> None:
    # A hardening review: `report OUT --out OUT/manifest.json` left the batch unreadable and
    # unresumable, and `--out archive.jsonl` replaced an input archive with HTML.
    run = [sys.executable, "-m", "threadguard", "report", str(batch_folder), "--out"]
    manifest = (batch_folder / "manifest.json").read_text()
    archive = tmp_path / "archive.jsonl"
    archive.write_text('{"text": "keep me"}\n')
    for target, said in (
        (batch_folder / "manifest.json", "inside the batch output"),
        (archive, "not a web page"),
    ):
        done = subprocess.run([*run, str(target)], capture_output=True, text=True)
        assert done.returncode == 2 and said in done.stderr, done.stderr
    assert (batch_folder / "manifest.json").read_text() == manifest
    assert archive.read_text() == '{"text": "keep me"}\n'
    # an earlier report, inside a copy of the folder or beside it, is written over (the
    # module's folder is shared: a copy keeps it as the other tests expect)
    copy = tmp_path / "copy"
    shutil.copytree(batch_folder, copy)
    for folder, target in ((copy, copy / "report.html"), (batch_folder, tmp_path / "r.html")):
        target.write_text("old")
        done = subprocess.run(
            [*run[:-2], str(folder), "--out", str(target)], capture_output=True, text=True
        )
        assert done.returncode == 0 and target.stat().st_size > 10_000, done.stderr


def test_a_report_that_cannot_be_written_or_a_broken_manifest_names_the_file(
    batch_folder: Path, tmp_path: Path
) -> None:
    with pytest.raises(ReportError, match=r"x\.html: cannot write the report: No such file"):
        write_report(batch_folder, tmp_path / "missing" / "x.html")
    with pytest.raises(ReportError, match="cannot write the report: Is a directory"):
        write_report(batch_folder, tmp_path)
    copy = tmp_path / "copy"
    shutil.copytree(batch_folder, copy)
    (copy / "manifest.json").write_text('{"status": "comp', encoding="utf-8")
    with pytest.raises(ReportError, match=r"copy/manifest\.json: unreadable manifest"):
        read_report(copy)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_report_the_disk_cannot_take_exits_1_a_wrong_path_2(
    batch_folder: Path, tmp_path: Path
) -> None:
    # a full disk exited 2, as if the command line were wrong (README: 1 for the rest)
    run = [sys.executable, "-m", "threadguard", "report", str(batch_folder), "--out"]
    full = subprocess.run([*run, "/dev/full"], capture_output=True, text=True)
    assert (full.returncode, full.stderr) == (
        1,
        "error: /dev/full: cannot write the report: No space left on device\n",
    )
    missing = subprocess.run(
        [*run, str(tmp_path / "no" / "r.html")], capture_output=True, text=True
    )
    assert missing.returncode == 2 and "No such file or directory" in missing.stderr


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("policy", None, "'policy' must be an object, found null"),
        ("models", ["fast"], "'models' must be an object, found a list"),
        ("settings", "none", "'settings' must be an object, found the string \"none\""),
        ("inputs", {"a": 1}, "'inputs' must be a list, found an object"),
        ("started_at", 5, "'started_at' must be a string, found the number 5"),
    ],
)
def test_a_manifest_field_of_the_wrong_type_is_refused_naming_the_file_and_field(
    batch_folder: Path, tmp_path: Path, field: str, value: object, problem: str
) -> None:
    # each ended `threadguard report` in a template's error (UndefinedError: 'None' has
    # no attribute 'sha256'), exit 1, naming neither the manifest nor the field
    copy = tmp_path / "copy"
    shutil.copytree(batch_folder, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest[field] = value
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        read_report(copy)
    assert str(caught.value) == f"{copy / 'manifest.json'}: unreadable manifest: {problem}"


def _report_with_manifest(
    batch_folder: Path, copy: Path, out: Path, change: Callable[[dict[str, Any]], None]
) -> subprocess.CompletedProcess[str]:
    """``threadguard report`` on a copy of the batch whose manifest ``change`` edited."""
    shutil.copytree(batch_folder, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    change(manifest)
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "threadguard", "report", str(copy), "--out", str(out)],
        capture_output=True,
        text=True,
    )


def test_a_manifest_input_size_given_as_text_is_refused_by_the_command(
    batch_folder: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    done = _report_with_manifest(
        batch_folder, copy, tmp_path / "r.html", lambda m: m["inputs"][0].update(bytes="1024")
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"error: {copy / 'manifest.json'}: unreadable manifest: 'inputs[0].bytes' must be a "
        'whole number, found the string "1024"'
    ]


def test_an_unfinished_batch_is_reported_as_such_not_as_the_whole_archive(
    batch_folder: Path, tmp_path: Path
) -> None:
    finished = tmp_path / "finished.html"
    write_report(batch_folder, finished)
    assert "Unfinished batch" not in finished.read_text(encoding="utf-8")
    # a batch interrupted (or still running)
    done = _report_with_manifest(
        batch_folder, tmp_path / "copy", tmp_path / "u.html", lambda m: m.update(status="running")
    )
    assert done.returncode == 0, done.stderr
    assert "the batch has not finished" in done.stderr
    html = (tmp_path / "u.html").read_text(encoding="utf-8")
    assert "Unfinished batch" in html and "cover only the\n48 comments scored so far" in html


def test_a_users_own_file_beside_the_partitions_is_no_part_of_the_report(
    batch_folder: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(batch_folder, copy)
    pq.write_table(pa.table({"unrelated": [1, 2, 3]}), copy / "comments" / "mydata.parquet")
    pq.write_table(pa.table({"unrelated": [1]}), copy / "threads" / "mine.parquet")
    assert read_report(copy).totals.comments == 48


def test_the_report_says_how_many_input_problems_and_rows_were_left_out(
    batch_folder: Path, tmp_path: Path
) -> None:
    clean = tmp_path / "clean.html"
    write_report(batch_folder, clean)
    assert "Input problems" not in clean.read_text(encoding="utf-8")
    copy = tmp_path / "copy"
    shutil.copytree(batch_folder, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["counts"] |= {
        "problems": 280,
        "left_out": 270,
        "unread_files": 1,
        "partly_read_files": 2,
    }
    manifest["problems_file"] = "problems.jsonl"
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    page = tmp_path / "r.html"
    write_report(copy, page)
    text = " ".join(page.read_text(encoding="utf-8").split())
    assert "The batch met 280 problems in its input: 270 comments (lines or rows)" in text
    assert "are left out of these figures, and 1 input file could not be read at all" in text
    assert "2 input files were read only in part (cut short or broken)" in text
    assert "<code>problems.jsonl</code>" in text


def test_threads_with_an_id_but_no_title_are_named_by_id_and_unrejected_authors_left_out(
    tmp_path: Path,
) -> None:
    """CSV threads with a thread_id and no title showed '(none)' by article, and authors
    with 0 rejections were listed under 'the most rejected' when nothing was rejected."""
    table = pa.table(
        {
            "id": ["1", "2", "3", "4"],
            "article": ["t-1", "t-1", "t-2", "titled"],
            "thread_title": ["", "", None, "A title"],
            "author": ["ann", "bob", "ann", "cat"],
            "hostile": [1, 0, 0, 0],
            "held": [1, 0, 1, 0],
            "rejected": [0, 0, 0, 0],
        }
    )
    labels = {r.label: r.comments for r in _rows(table, "article", "thread_title")}
    assert labels == {"t-1": 2, "t-2": 1, "A title": 1}
    assert _authors(table) == []
    rejected = table.set_column(6, "rejected", pa.array([0, 0, 1, 0]))
    assert [(r.label, r.rejected) for r in _authors(rejected)] == [("ann", 1)]


def test_the_page_says_no_comment_was_rejected_rather_than_list_authors(
    batch_folder: Path, tmp_path: Path
) -> None:
    data = read_report(batch_folder)
    data.authors = []
    page = " ".join(render_report(data).split())
    assert f"No comment was rejected ({data.totals.held:,} held for review)." in page


def test_the_timeline_leaves_out_impossible_dates() -> None:
    """An archive's "0000-00-00" and "2019-13-45" were charted as months."""
    from threadguard.report.data import _over_time

    table = pa.table(
        {
            "created_at": [
                "2019-03-05T10:00:00Z",
                "2019-04-01",
                "0000-00-00 00:00:00",
                "2019-13-45T99:00:00Z",
                "03/05/2019 10:00",
                None,
            ],
            "id": [str(i) for i in range(6)],
            "hostile": [0] * 6,
            "held": [0] * 6,
            "rejected": [0] * 6,
        }
    )
    period, rows, undated = _over_time(table)
    assert period == "month" and [r.label for r in rows] == ["2019-03", "2019-04"]
    assert undated == 4


def test_groups_the_moderator_only_inferred_are_not_counted_as_attacked(tmp_path: Path) -> None:
    # Desk 69 (session 50): a civil rebuttal, its group inferred from the thread, was
    # counted under "Groups that comments attack, as the models name them".
    from threadguard.batch.table import COMMENTS_SCHEMA
    from threadguard.report.data import _groups

    targets = COMMENTS_SCHEMA.field("targets").type
    (tmp_path / "comments").mkdir()
    rows = [
        [{"group": "muslims", "score": 0.8, "inferred": False}],
        [{"group": "asians", "score": 0.45, "inferred": True}],
        [{"group": "muslims", "score": 0.74, "inferred": False}],
    ]
    table = pa.table({"targets": pa.array(rows, type=targets)})
    pq.write_table(table, tmp_path / "comments" / "part-000000.parquet")
    assert [(r.label, r.comments) for r in _groups(tmp_path)] == [("muslims", 2)]


def test_partitions_with_and_without_the_inferred_field_are_read_together(tmp_path: Path) -> None:
    # A code review (session 50): a batch resumed across the upgrade had an older partition
    # first, whose schema dropped the newer ones' `inferred`, and inferred groups counted.
    from threadguard.batch.table import COMMENTS_SCHEMA
    from threadguard.report.data import _groups

    (tmp_path / "comments").mkdir()
    old = pa.list_(pa.struct([("group", pa.string()), ("score", pa.float64())]))
    older = pa.table({"targets": pa.array([[{"group": "jews", "score": 0.8}]], type=old)})
    pq.write_table(older, tmp_path / "comments" / "part-000000.parquet")
    new = COMMENTS_SCHEMA.field("targets").type
    rows = [[{"group": "asians", "score": 0.45, "inferred": True}]]
    pq.write_table(
        pa.table({"targets": pa.array(rows, type=new)}),
        tmp_path / "comments" / "part-000001.parquet",
    )
    assert [(r.label, r.comments) for r in _groups(tmp_path)] == [("jews", 1)]


def test_a_report_the_disk_fills_under_keeps_the_earlier_one_whole(
    batch_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An on-call night: a nightly `report --out` on a full disk emptied the page the
    # newsroom reads, or left the head of the new one, cut off
    page = tmp_path / "report.html"
    page.write_text("<html>last night's report</html>")

    def full_disk(descriptor: int) -> None:  # the new file's data could not all be stored
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ReportError, match="cannot write the report: No space left on device"):
        write_report(batch_folder, page)
    monkeypatch.undo()
    assert page.read_text() == "<html>last night's report</html>"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    write_report(batch_folder, page)
    assert page.stat().st_size > 10_000


def test_the_command_writes_the_page_into_a_pipe_named_as_dev_stdout(
    batch_folder: Path,
) -> None:
    # A code review: `report DIR --out /dev/stdout | wc -c` failed "cannot write: No such
    # file or directory": /dev/stdout resolved to the pipe's name, which is no file
    done = subprocess.run(
        [sys.executable, "-m", "threadguard", "report", str(batch_folder), "--out", "/dev/stdout"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip().lower().startswith("<!doctype html")
    assert len(done.stdout) > 10_000
    # the line saying what was written goes to standard error, not after the page
    assert done.stdout.rstrip().endswith("</html>")
    assert "/dev/stdout: report on" in done.stderr
