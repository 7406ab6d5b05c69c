"""What an archive's rows say is read as ``scan`` reads it (the batch tryout on a
40,000-comment archive): dates converted the same way, a stated language honoured, and
comments with no text named and left out of the results instead of counted as approved."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from batch_support import DISQUS_EXPORT

from threadguard.batch.inputs import describe
from threadguard.batch.plan import Reading, leaves_out_a_record, partitions, read_units
from threadguard.batch.rows import read_rows
from threadguard.batch.scoring import Scorer, score
from threadguard.engine import Engine
from threadguard.moderation import Moderator
from threadguard.readers import read_thread
from threadguard.thread import Problem

ISO = "2019-01-01T00:00:00Z"


def _read(path: Path, tmp_path: Path) -> tuple[list, Reading]:  # type: ignore[type-arg]
    inputs = describe([path])
    reading = Reading(total_bytes=sum(i.size for i in inputs))
    return list(read_units(inputs, reading, tmp_path / "work")), reading


def _dates(path: Path, tmp_path: Path) -> dict[str, str | None]:
    units, _ = _read(path, tmp_path)
    return {c.id: c.created_at for u in units for c in u.thread.comments}


def test_epoch_seconds_and_rfc_2822_dates_are_converted_as_scan_converts_them(
    tmp_path: Path,
) -> None:
    """The tryout's dates.jsonl: batch kept 1546300800 and the RFC 2822 date as written
    (scan gives 2019-01-01T00:00:00Z), and the report left 37% of the archive undated."""
    jsonl = tmp_path / "dates.jsonl"
    jsonl.write_text(
        '{"id":"a","thread_id":"t1","text":"Nice article.","created_at":1546300800}\n'
        '{"id":"b","thread_id":"t1","text":"Agreed.","created_at":"1546300800"}\n'
        '{"id":"c","thread_id":"t1","text":"Thanks.",'
        '"created_at":"Tue, 01 Jan 2019 00:00:00 +0000"}\n'
        '{"id":"d","thread_id":"t1","text":"Sure.","created_at":"2019-01-01T00:00:00Z"}\n',
        encoding="utf-8",
    )
    csv = tmp_path / "dates.csv"
    csv.write_text(
        "id,thread_id,text,created_at\n"
        "a,t1,Nice article.,1546300800\n"
        'c,t1,Thanks.,"Tue, 01 Jan 2019 00:00:00 +0000"\n',
        encoding="utf-8",
    )
    parquet = tmp_path / "dates.parquet"
    pq.write_table(
        pa.table({"id": ["a"], "thread_id": ["t1"], "text": ["Hi"], "created_at": [1546300800]}),
        parquet,
    )
    assert _dates(jsonl, tmp_path) == dict.fromkeys("abcd", ISO)
    assert _dates(csv, tmp_path) == dict.fromkeys("ac", ISO)
    assert _dates(parquet, tmp_path) == {"a": ISO}
    scanned = read_thread(jsonl).thread.comments
    assert {c.created_at for c in scanned} == {ISO}  # the same as scan's


def test_an_ambiguous_day_month_date_is_kept_and_named_without_costing_its_row(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dmy.jsonl"
    path.write_text(
        '{"id":"a","thread_id":"t","text":"Hi.","created_at":"01/02/2019"}\n'
        '{"id":"b","thread_id":"t","text":"Yo.","created_at":"yesterday"}\n'
        '{"id":"c","thread_id":"t","text":"Ok.","created_at":"2019-02-01"}\n',
        encoding="utf-8",
    )
    units, reading = _read(path, tmp_path)
    dates = [c.created_at for c in units[0].thread.comments]
    assert dates == ["01/02/2019", "yesterday", "2019-02-01"]
    assert [(p.location, p.message) for p in reading.problems] == [
        (
            "line 1",
            "created_at '01/02/2019' is no ISO 8601 date (day and month could be either way "
            "round); kept as written, and left out of the report's timeline",
        ),
        (
            "line 2",
            "created_at 'yesterday' is no ISO 8601 date (not a date ThreadGuard converts); "
            "kept as written, and left out of the report's timeline",
        ),
    ]
    assert reading.odd_dates == 2 and reading.left_out == 0


def test_a_stated_language_is_read_and_handed_to_the_engine(
    tmp_path: Path, engine: Engine, moderator: Moderator
) -> None:
    """scan and the thread upload honour a ``language`` field; batch ignored it, and
    read "Thanks" stated as French as English."""
    jsonl = tmp_path / "lang.jsonl"
    jsonl.write_text(
        '{"id":"a","thread_id":"t","text":"Thanks","language":"fr-CA"}\n'
        '{"id":"b","thread_id":"t","text":"Thanks","lang":"not a code!"}\n'
        '{"id":"c","thread_id":"t","text":"Thanks"}\n',
        encoding="utf-8",
    )
    csv = tmp_path / "lang.csv"
    csv.write_text("id,thread_id,text,language\na,t,Thanks,fr\n", encoding="utf-8")
    units, reading = _read(jsonl, tmp_path)
    assert [c.language for c in units[0].thread.comments] == ["fr", None, None]
    assert [p.location for p in reading.problems] == ["line 2"]
    assert "is not a language code" in reading.problems[0].message
    [part] = partitions(units)
    table = pq.read_table(pa.BufferReader(score(Scorer(engine, moderator), part).comments))
    assert table.column("language").to_pylist() == ["fr", "en", "en"]
    csv_units, _ = _read(csv, tmp_path)
    assert [c.language for c in csv_units[0].thread.comments] == ["fr"]


def test_comments_with_no_text_are_named_and_left_out_of_the_results(
    tmp_path: Path, engine: Engine, moderator: Moderator
) -> None:
    """78 deleted Disqus posts and an empty CSV text were scored as empty comments and
    counted as approved, with no problem listed."""
    deleted = DISQUS_EXPORT.replace(
        "<message><![CDATA[<p>Great news, about time.</p>]]></message>",
        "<message><![CDATA[<p>Great news, about time.</p>]]></message><isDeleted>true</isDeleted>",
    )
    assert deleted != DISQUS_EXPORT
    xml = tmp_path / "site.xml"
    xml.write_text(deleted, encoding="utf-8")
    csv = tmp_path / "c.csv"
    csv.write_text('id,thread_id,text\n1,t,Hello there\n2,t,""\n3,t,"   "\n', encoding="utf-8")
    for path, where, kept in (
        (xml, ["comment 2"], ["1", "3", "4", "5"]),
        (csv, ["line 3", "line 4"], ["1"]),
    ):
        units, reading = _read(path, tmp_path)
        named = [p for p in reading.problems if p.message.startswith("no text (a deleted post")]
        assert [p.location for p in named] == where, path
        assert reading.no_text == len(where) and reading.left_out == 0
        out = [score(Scorer(engine, moderator), part) for part in partitions(units)]
        tables = [pq.read_table(pa.BufferReader(s.comments)) for s in out]
        ids = [i for t in tables for i in t.column("id").to_pylist()]
        assert ids == kept, path
        assert sum(s.count for s in out) == len(kept)
        assert sum(sum(s.decisions.values()) for s in out) == len(kept)
        threads = [pq.read_table(pa.BufferReader(s.threads)) for s in out]
        assert sum(sum(t.column("comments").to_pylist()) for t in threads) == len(kept)


def test_a_reply_to_a_deleted_post_keeps_its_place_in_the_thread(tmp_path: Path) -> None:
    csv = tmp_path / "r.csv"
    csv.write_text("id,parent_id,thread_id,text\n1,,t,\n2,1,t,A reply\n", encoding="utf-8")
    units, reading = _read(csv, tmp_path)
    [reply] = [c for c in units[0].thread.comments if c.id == "2"]
    assert reply.parent == "1" and reply.depth == 1
    assert not any(leaves_out_a_record(p) for p in reading.problems)


def test_a_row_keeps_its_language_field(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"text": "Hallo", "language": "de"}\n', encoding="utf-8")
    [(number, row)] = list(read_rows(path, "jsonl"))
    assert not isinstance(row, Problem) and row["language"] == "de" and number == 1


def test_whole_float_ids_from_pandas_keep_replies_under_their_parents(tmp_path: Path) -> None:
    """pandas stores an integer column with a gap (top-level comments have no parent) as
    floats: the parent ids read '1.0' where the ids read '1', every reply was read as a
    top-level comment with a 'parent is not in the input' problem, and the exit code
    was 0."""
    parquet = tmp_path / "pandas.parquet"
    pq.write_table(
        pa.table(
            {
                "id": [1, 2, 3],
                "thread_id": [7.0, 7.0, 7.0],
                "parent_id": pa.array([None, 1.0, 2.0], pa.float64()),
                "text": ["Good piece.", "I disagree.", "Fair enough."],
            }
        ),
        parquet,
    )
    units, reading = _read(parquet, tmp_path)
    [unit] = units
    assert unit.thread.id == "7"
    assert [(c.id, c.parent, c.depth) for c in unit.thread.comments] == [
        ("1", None, 0),
        ("2", "1", 1),
        ("3", "2", 2),
    ]
    assert reading.problems == []


def test_a_nan_in_a_float_column_is_a_missing_value_not_text(tmp_path: Path) -> None:
    """NaN is a float column's missing value: a missing epoch date was kept as 'nan' and
    named as an odd date, a missing parent id became the parent 'nan'."""
    parquet = tmp_path / "nan.parquet"
    nan = float("nan")
    pq.write_table(
        pa.table(
            {
                "id": ["a", "b"],
                "thread_id": ["t", "t"],
                "parent_id": [nan, nan],
                "text": ["Hello.", "Hi."],
                "created_at": [1546300800.0, nan],
            }
        ),
        parquet,
    )
    units, reading = _read(parquet, tmp_path)
    comments = [c for u in units for c in u.thread.comments]
    assert [(c.id, c.parent, c.created_at) for c in comments] == [
        ("a", None, ISO),
        ("b", None, None),
    ]
    assert reading.problems == []


def test_problems_in_a_parquet_file_name_its_row_not_a_line(tmp_path: Path) -> None:
    """A Parquet file has no lines: an odd date or a missing parent in its second row was
    named 'line 2', where the reader's own problems in the same file say 'row 2'."""
    parquet = tmp_path / "rows.parquet"
    pq.write_table(
        pa.table(
            {
                "id": ["a", "b"],
                "thread_id": ["t", "t"],
                "parent_id": [None, "zz"],
                "text": ["Hello.", "Hi."],
                "created_at": ["2019-01-01", "01/02/2019"],
            }
        ),
        parquet,
    )
    _, reading = _read(parquet, tmp_path)
    assert [p.location for p in reading.problems] == ["row 2", "row 2"]
    assert "parent 'zz'" in reading.problems[0].message
    assert reading.problems[1].message.startswith("created_at '01/02/2019'")


def test_a_float_id_too_large_to_be_exact_keeps_its_float_text(tmp_path: Path) -> None:
    """Above 2**53 a float has already rounded the id (a snowflake id
    1234567890123456789 stored as a float): it read as the plausible, wrong id
    '1234567890123456768', a different comment's id, where its float text shows what it is."""
    parquet = tmp_path / "snowflake.parquet"
    big = 1234567890123456789.0
    pq.write_table(
        pa.table(
            {
                "id": pa.array([big, -big, 2.0**53 - 1], pa.float64()),
                "thread_id": ["t", "t", "t"],
                "text": ["Hello.", "Hi.", "Hey."],
            }
        ),
        parquet,
    )
    units, _ = _read(parquet, tmp_path)
    comments = [c for u in units for c in u.thread.comments]
    assert [c.id for c in comments] == [repr(big), repr(-big), str(2**53 - 1)]
