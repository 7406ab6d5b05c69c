"""Damaged rows cost themselves only, and are read as ``scan`` reads them: a row no model
can score is reported and left out (never its partition), a field that is not Unicode text
is dropped, and CSV goes through the CSV thread reader's own rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from threadguard.batch.grouping import group_rows
from threadguard.batch.inputs import describe
from threadguard.batch.plan import Reading, leaves_out_a_record, read_units
from threadguard.batch.rows import read_rows
from threadguard.batch.units import Unit
from threadguard.readers import read_thread
from threadguard.thread import Problem
from threadguard.validation import MAX_TEXT_CHARS

SURROGATE = "\ud800"

#: The QA tryout's broken CSV: extra fields, a short row, a quote never closed.
BROKEN_CSV = (
    "id,parent_id,author,text\n"
    "1,,ann,hello everyone\n"
    "2,1,bob,you are an idiot,extra,cols\n"
    "3,1,cat\n"
    '4,,dan,"unterminated quote\n'
    "5,,eve,last comment here\n"
)


def units_of(path: Path, tmp_path: Path, *, spill: bool = False) -> tuple[list[Unit], list[str]]:
    problems: list[Problem] = []
    kind = describe([path])[0].kind
    rows = read_rows(path, kind)
    size = 10**9 if spill else 0  # as if huge: rows go through bucket files on disk
    units = list(group_rows(rows, str(path), problems, size=size, spill_dir=tmp_path / "spill"))
    return units, [str(p) for p in problems]


def write_lines(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("spill", [False, True])
def test_a_row_whose_text_has_a_lone_surrogate_is_reported_and_left_out(
    tmp_path: Path, spill: bool
) -> None:
    path = write_lines(
        tmp_path / "sur.jsonl",
        [
            {"id": "g1", "thread_id": "t", "text": "a good comment"},
            {"id": "g2", "thread_id": "t", "text": f"bad {SURROGATE} here"},
            {"id": "g3", "thread_id": "t", "text": "another good one", "parent_id": "g2"},
            {"id": "g4", "text": SURROGATE},  # alone: its thread would be empty
        ],
    )
    units, problems = units_of(path, tmp_path, spill=spill)
    assert [[(c.id, c.parent) for c in u.thread.comments] for u in units] == [
        [("g1", None), ("g3", None)]
    ]
    assert sorted(problems) == sorted(
        [
            f"{path}: line 2: text contains a lone surrogate (U+D800) at offset 4, "
            "which is not Unicode text; comment skipped",
            f"{path}: line 3: parent 'g2' of comment 'g3' was skipped; read as a top-level comment",
            f"{path}: line 4: text contains a lone surrogate (U+D800) at offset 0, "
            "which is not Unicode text; comment skipped",
        ]
    )


@pytest.mark.parametrize("spill", [False, True])
def test_other_fields_that_are_not_unicode_are_dropped_and_the_row_kept(
    tmp_path: Path, spill: bool
) -> None:
    path = write_lines(
        tmp_path / "fields.jsonl",
        [
            {"id": "a", "title": f"T{SURROGATE}", "author": SURROGATE, "text": "hi"},
            {"id": "b", "title": f"T{SURROGATE}", "parent": SURROGATE, "text": "yes"},
        ],
    )
    [unit], problems = units_of(path, tmp_path, spill=spill)
    assert unit.thread.title == ""
    assert [(c.id, c.author, c.text) for c in unit.thread.comments] == [
        ("a", "", "hi"),
        ("b", "", "yes"),
    ]
    assert unit.contexts == {}
    assert [p.split(" contains")[0] for p in problems] == [
        f"{path}: line 1: author",
        f"{path}: line 2: parent",
        f"{path}: line 1: title",
    ]


def test_a_row_longer_than_score_accepts_is_left_out_and_a_huge_number_costs_its_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text(
        json.dumps({"id": "a", "thread_id": "t", "text": "x" * (MAX_TEXT_CHARS + 1)})
        + "\n"
        + '{"id": '
        + "9" * 5000
        + "}\n"
        + json.dumps({"id": "b", "thread_id": "t", "text": "ok"})
        + "\n",
        encoding="utf-8",
    )
    [unit], problems = units_of(path, tmp_path)
    assert [c.id for c in unit.thread.comments] == ["b"]
    assert problems[0].startswith(f"{path}: line 2: invalid JSON: Exceeds the limit")
    assert problems[1] == (
        f"{path}: line 1: text is {MAX_TEXT_CHARS + 1} characters; "
        f"the limit is {MAX_TEXT_CHARS}; comment skipped"
    )


def test_a_broken_csv_is_read_as_scan_reads_it_with_the_same_problems(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(BROKEN_CSV, encoding="utf-8")
    scanned = read_thread(path)
    [unit], problems = units_of(path, tmp_path)
    assert problems == [str(p) for p in scanned.problems]
    assert len(problems) == 3  # joined fields, a short row, a quote never closed
    # a parent id links rows of one file: they are one thread, as scan reads them, so
    # the reply keeps its parent (each row used to stand alone, its parent "not in the input")
    assert unit.thread.comments == scanned.thread.comments
    assert [(c.id, c.parent, c.text) for c in unit.thread.comments] == [
        ("1", None, "hello everyone"),
        ("2", "1", "you are an idiot,extra,cols"),
        ("5", None, "last comment here"),
    ]


def test_a_csv_without_parent_ids_still_gives_a_thread_per_row(tmp_path: Path) -> None:
    path = tmp_path / "flat.csv"
    path.write_text("id,text\n1,one\n2,two\n", encoding="utf-8")
    units, problems = units_of(path, tmp_path)
    assert [[c.id for c in u.thread.comments] for u in units] == [["1"], ["2"]]
    assert problems == []


def test_a_windows_1252_csv_with_crlf_endings_is_decoded_as_scan_decodes_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "w.csv"
    path.write_bytes(
        "id,thread_id,text\r\n1,t,Caf\u00e9 \u201cok\u201d\r\n2,t,fine\r\n".encode("cp1252")
    )
    [unit], problems = units_of(path, tmp_path)
    assert [c.text for c in unit.thread.comments] == ["Caf\u00e9 \u201cok\u201d", "fine"]
    assert problems == [str(p) for p in read_thread(path).problems]
    assert "line 2: not valid UTF-8" in problems[0]


def test_a_csv_with_no_text_column_is_one_problem_naming_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "nt.csv"
    path.write_text("id,author\n1,ann\n", encoding="utf-8")
    units, problems = units_of(path, tmp_path)
    assert units == []
    # nothing of the file is read: the problem says so, and the job counts it unread
    assert problems == [
        f"{path}: line 1: no text column: expected one of text, comment, body, comment_text; "
        "found columns: 'id', 'author'; the file was not read"
    ]


def test_a_thread_file_with_a_lone_surrogate_loses_only_that_comment(tmp_path: Path) -> None:
    path = tmp_path / "sur.json"
    path.write_text(
        json.dumps({"comments": [{"id": "a", "text": "hi"}, {"id": "b", "text": SURROGATE}]}),
        encoding="utf-8",
    )
    inputs = describe([path])
    reading = Reading(total_bytes=path.stat().st_size)
    [unit] = list(read_units(inputs, reading, tmp_path / "work"))
    assert [c.id for c in unit.thread.comments] == ["a"]
    assert [p.location for p in reading.problems] == ["comments[1]"]


def test_a_byte_order_mark_does_not_turn_line_one_into_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_text('\ufeff{"id": "x1", "text": "hello"}\n', encoding="utf-8")
    [(number, row)] = list(read_rows(path, "jsonl"))
    assert number == 1 and isinstance(row, dict)
    assert (row["id"], row["text"]) == ("x1", "hello")


def test_a_utf16_jsonl_file_is_read_as_utf16(tmp_path: Path) -> None:
    """Read as UTF-8 it was three rows of zero-byte text, in three threads, ids lost."""
    path = tmp_path / "wide.jsonl"
    data = '{"id": "x1", "text": "hello"}\r\n{"id": "x2", "text": "caf\u00e9"}\r\n'
    path.write_bytes(data.encode("utf-16"))
    rows = list(read_rows(path, "jsonl"))
    assert [(n, r["id"], r["text"]) for n, r in rows if isinstance(r, dict)] == [
        (1, "x1", "hello"),
        (2, "x2", "caf\u00e9"),
    ]
    assert len(rows) == 2


def test_bytes_that_are_not_utf8_are_read_as_windows_1252_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"id": "x1", "text": "caf\xe9"}\n{"id": "x2", "text": "cr\xe8me"}\n')
    rows = list(read_rows(path, "jsonl"))
    texts = [r["text"] for _, r in rows if isinstance(r, dict)]
    problems = [(n, p.location) for n, p in rows if isinstance(p, Problem)]
    assert texts == ["caf\u00e9", "cr\u00e8me"]
    assert problems == [(1, "line 1")]  # the first place, once


def test_a_line_that_is_no_json_object_is_a_bad_row_as_scan_reads_json_lines(
    tmp_path: Path,
) -> None:
    """The tryout's line 639, ``just some plain words not json {``, was scored as comment
    ``L639``, approved and counted, with no problem: scan reports it, and so does batch."""
    path = tmp_path / "lists.jsonl"
    path.write_text(
        '[{"id": "x1", "text": "hello"}]\n'
        "[Update] The ferry is late.\n"
        "just some plain words not json {\n"
        "42\n"
        '{"id": "ok", "text": "fine"}\n'
    )
    rows = list(read_rows(path, "jsonl"))
    got = [(n, str(r)) for n, r in rows if isinstance(r, Problem)]
    plain = 'not a JSON object with a "text" field; line skipped'
    assert got == [
        (
            1,
            f'{path}: line 1: expected a JSON object with a "text" field, got a list; line skipped',
        ),
        (2, f"{path}: line 2: {plain}"),
        (3, f"{path}: line 3: {plain}"),
        (4, f"{path}: line 4: {plain}"),
    ]
    assert [r["id"] for _, r in rows if isinstance(r, dict)] == ["ok"]
    assert all(leaves_out_a_record(p) for _, p in rows if isinstance(p, Problem))


def test_a_nul_in_one_csv_row_costs_no_file_and_no_other_input(tmp_path: Path) -> None:
    """One NUL byte used to make the whole CSV "binary data", and abort the whole job
    (every other input too): it is now removed from its line, named, and the rest read."""
    good = tmp_path / "good.csv"
    good.write_text("id,thread_id,text\n1,b,Good morning\n", encoding="utf-8")
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"id,thread_id,text\n1,a,Hello\x00World\n2,a,After nul\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    inputs = describe([good, nul, empty])
    reading = Reading(total_bytes=sum(i.size for i in inputs))
    units = list(read_units(inputs, reading, tmp_path / "work"))
    assert [[c.text for c in u.thread.comments] for u in units] == [
        ["Good morning"],
        ["HelloWorld", "After nul"],
    ]
    assert [str(p) for p in reading.problems] == [
        f"{nul}: line 2: NUL character (U+0000) removed; the rest of the line read",
        f"{empty}: file: is empty; the file was not read",
    ]


def test_a_nul_in_a_json_line_far_into_the_file_costs_that_line_at_most(tmp_path: Path) -> None:
    rows = [{"id": f"g{i}", "text": f"good line {i} " + "x" * 3000} for i in range(5)]
    path = write_lines(tmp_path / "late.jsonl", rows)
    with path.open("ab") as f:
        f.write(b'{"id": "n", "text": "a raw \x00 nul"}\n{"id": "after", "text": "read"}\n')
    read = list(read_rows(path, "jsonl"))
    ids = [r["id"] for _, r in read if isinstance(r, dict)]
    assert ids == ["g0", "g1", "g2", "g3", "g4", "n", "after"]
    assert [(n, p.location) for n, p in read if isinstance(p, Problem)] == [(6, "line 6")]
    # near the start too (the file is then decoded whole)
    small = write_lines(tmp_path / "early.jsonl", rows[:1])
    with small.open("ab") as f:
        f.write(b'{"id": "n", "text": "a raw \x00 nul"}\n')
    assert [r["text"] for _, r in read_rows(small, "jsonl") if isinstance(r, dict)][1] == (
        "a raw  nul"
    )


def test_a_csv_with_excels_sep_line_is_read_by_batch_too(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("sep=;\nid;thread_id;text\n1;a;Hello, world\n2;a;Bye\n", encoding="utf-8")
    [unit], problems = units_of(path, tmp_path)
    assert [c.text for c in unit.thread.comments] == ["Hello, world", "Bye"]
    assert problems == []


def test_a_parquet_file_with_no_text_column_is_one_problem_naming_the_columns(
    tmp_path: Path,
) -> None:
    """A Parquet export whose text column is called ``content`` gave one 'missing "text"'
    problem per row (20,000 lines of warnings for 20,000 rows), and the file was not
    counted as unread; a CSV with the same columns is one problem that names them."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "content.parquet"
    pq.write_table(pa.table({"id": ["1", "2", "3"], "content": ["a", "b", "c"]}), path)
    units, problems = units_of(path, tmp_path)
    assert units == []
    assert problems == [
        f"{path}: columns: no text column: expected one of text, comment, body, "
        "comment_text, message; found columns: 'id', 'content'; the file was not read"
    ]


def test_a_parquet_text_column_of_numbers_is_one_problem_not_one_per_row(
    tmp_path: Path,
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "ints.parquet"
    pq.write_table(pa.table({"id": ["1", "2"], "text": [10, 20]}), path)
    units, problems = units_of(path, tmp_path)
    assert units == []
    assert problems == [
        f"{path}: columns: the text column 'text' holds int64, not strings; the file was not read"
    ]
    # a text column with some nulls is still read, row by row
    pq.write_table(pa.table({"id": ["1", "2"], "text": ["hello", None]}), path)
    units, problems = units_of(path, tmp_path)
    assert [c.text for u in units for c in u.thread.comments] == ["hello"]
    assert problems == [f'{path}: row 2: missing "text"; row skipped']
