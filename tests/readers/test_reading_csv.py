"""Reading comments from CSV and TSV files."""

from __future__ import annotations

import pytest

from threadguard.readers import ReaderError, read_thread
from threadguard.thread import ReadResult


def read_csv(content: str, name: str = "comments.csv") -> ReadResult:
    return read_thread(content.encode("utf-8"), name=name)


def test_columns_are_found_by_name_in_any_order_and_case() -> None:
    result = read_csv(
        "Author,ID,Parent_ID,Created_At,Article,Comment_Text\n"
        "ann,1,,2024-05-01,Ferry timetable,First!\n"
        'bo,2,1,2024-05-02,Ferry timetable,"Reply, with a comma"\n'
    )
    assert result.format == "csv"
    assert result.problems == []
    thread = result.thread
    assert thread.title == "Ferry timetable"
    assert [(c.id, c.parent, c.depth, c.author, c.text) for c in thread.comments] == [
        ("1", None, 0, "ann", "First!"),
        ("2", "1", 1, "bo", "Reply, with a comma"),
    ]
    assert thread.comments[1].created_at == "2024-05-02"


@pytest.mark.parametrize("alias", ["text", "comment", "body", "comment_text", "TEXT"])
def test_any_text_column_alias_works(alias: str) -> None:
    result = read_csv(f"id,{alias}\n1,hello\n")
    assert [c.text for c in result.thread.comments] == ["hello"]


@pytest.mark.parametrize(("delimiter", "name"), [(";", "c.csv"), ("\t", "c.tsv"), ("\t", "c.csv")])
def test_semicolon_and_tab_delimiters_are_sniffed(delimiter: str, name: str) -> None:
    result = read_csv(f"id{delimiter}text\n1{delimiter}a, b; c\n", name=name)
    assert [c.text for c in result.thread.comments] == ["a, b; c"]


def test_quoted_multi_line_text_is_one_comment_and_line_numbers_stay_right() -> None:
    result = read_csv('text,id\n"line one\nline two",1\nbroken,2,extra\nok,3\n')
    assert [c.text for c in result.thread.comments] == ["line one\nline two", "ok"]
    assert [str(p) for p in result.problems] == [
        "comments.csv: line 4: row has 3 fields, the header has 2; row skipped"
    ]


def test_a_row_with_a_bad_field_count_is_reported_and_the_rest_read() -> None:
    result = read_csv("id,author,text,created_at\n1,ann\n2,bo,fine,2024\n")
    assert [c.text for c in result.thread.comments] == ["fine"]
    assert len(result.problems) == 1
    assert str(result.problems[0]).startswith("comments.csv: line 2: row has 2 fields")


def test_unquoted_commas_in_a_last_text_column_are_joined_back() -> None:
    result = read_csv("id,text\n1,well, actually, no\n2,ok\n")
    assert [c.text for c in result.thread.comments] == ["well, actually, no", "ok"]
    assert "extra fields were joined into the text" in result.problems[0].message
    assert result.problems[0].location == "line 2"


def test_an_unclosed_quote_does_not_swallow_the_rest_of_the_file() -> None:
    result = read_csv('id,text\n1,"never closed\n2,second\n3,third\n')
    assert [c.text for c in result.thread.comments] == ["second", "third"]
    assert "line 2: a quoted field is never closed" in str(result.problems[0])


def test_a_quote_the_last_line_never_closes_is_named_and_its_row_kept() -> None:
    """Nothing after it was swallowed, so the row stays; a script still learns of the
    damage (it used to be read without a word)."""
    for ending in ("\n", ""):
        result = read_csv(f'id,text\n1,fine\n2,"I agree{ending}')
        assert [c.text.strip() for c in result.thread.comments] == ["fine", "I agree"]
        [problem] = result.problems
        assert str(problem).endswith(
            "line 3: a quoted field is never closed; read to the end of the file"
        )
    assert read_csv('id,text\n1,"He said ""no"""\n').problems == []


def test_a_missing_text_column_is_an_error_naming_the_columns_found() -> None:
    with pytest.raises(ReaderError) as info:
        read_csv("id,author,message_html\n1,ann,hi\n")
    message = str(info.value)
    assert message.startswith("comments.csv: line 1: no text column")
    assert "'id', 'author', 'message_html'" in message


def test_a_field_far_over_the_csv_modules_own_limit_is_read_whole() -> None:
    big = "x" * 900_000  # the csv module stops at 128 KiB unless told otherwise
    result = read_csv(f'id,text\n1,"{big}"\n2,small\n')
    assert result.problems == []
    assert [len(c.text) for c in result.thread.comments] == [900_000, 5]


def test_rows_naming_different_articles_are_reported() -> None:
    result = read_csv("article,text\nA,1\nB,2\n")
    assert result.thread.title == "A"
    assert len(result.thread.comments) == 2
    assert "2 different articles" in result.problems[0].message


@pytest.mark.parametrize("sep_line", ["sep=;", '"sep=;"', "SEP=;"])
def test_excels_sep_line_names_the_delimiter_and_the_header_follows_it(sep_line: str) -> None:
    """Excel's "CSV (semicolon)" starts with 'sep=;': every row was lost ('line 1: no text
    column ... found columns: 'sep=', ''')."""
    data = f"{sep_line}\r\nid;author;text\r\n1;ann;Hello, world\r\n2;bob;Second; with more\r\n"
    for name in ("excel.csv", "upload"):  # by extension, and by content
        result = read_thread(data.encode("utf-8"), name=name)
        assert result.format == "csv"
        assert [(c.author, c.text) for c in result.thread.comments] == [
            ("ann", "Hello, world"),
            ("bob", "Second; with more"),
        ]
        assert [p.location for p in result.problems] == ["line 4"]  # the joined extra field
