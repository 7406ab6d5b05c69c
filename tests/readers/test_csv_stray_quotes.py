"""A stray quote in a CSV costs its own row, named, and never the rows after it.

An operator's export had ``c4,"c1,Thanks for posting this.,,...`` on line 5: the quote
opened there ran on over the next rows, the record it made had the wrong field count and
was skipped, and the warning (``line 5: row has 2 fields ...``) hid that c5 and c6 went
with it (c5 the thread's only abusive comment). Inputs are built here, not read from
/work/shared.
"""

from __future__ import annotations

from collections.abc import Iterator

from threadguard.readers import read_thread
from threadguard.readers.csvfmt import iter_csv
from threadguard.thread import Problem, ReadResult

HEADER = "id,parent_id,author,text,created_at,language\n"


def read_csv(content: str) -> ReadResult:
    return read_thread(content.encode("utf-8"), name="badquote.csv")


def rows(result: ReadResult) -> list[tuple[str, str | None, str, str]]:
    return [(c.id, c.parent, c.author, c.text) for c in result.thread.comments]


def messages(result: ReadResult) -> list[str]:
    return [str(p) for p in result.problems]


#: The tryout's shape: nine comments, a quote opened on line 5 that the quote opening
#: line 7's text closes, making one row of 2 fields out of lines 5-7.
BADQUOTE = (
    HEADER
    + "c1,,ann,Great to see the lane finally approved.,2024-05-01T10:00:00Z,en\n"
    + "c2,c1,bob,Agreed.,2024-05-01T10:01:00Z,en\n"
    + "c3,,cat,Forty parking spaces gone for nothing.,2024-05-01T10:02:00Z,en\n"
    + 'c4,"c1,Thanks for posting this.,,2024-05-01T10:03:00Z,en\n'
    + "c5,c3,dan,You are a worthless idiot and everyone here knows it.,"
    + "2024-05-01T10:04:00Z,en\n"
    + 'c6,c3,eve,"Parking, sure. But safety first.",2024-05-01T10:05:00Z,en\n'
    + "c7,,fay,Will the market loading zone stay?,2024-05-01T10:06:00Z,en\n"
    + "c8,c7,gus,It stays.,2024-05-01T10:07:00Z,en\n"
    + "c9,,hal,Good news overall.,2024-05-01T10:08:00Z,en\n"
)


def test_rows_after_a_stray_quote_are_read_and_the_damaged_row_is_named() -> None:
    result = read_csv(BADQUOTE)
    assert rows(result) == [
        ("c1", None, "ann", "Great to see the lane finally approved."),
        ("c2", "c1", "bob", "Agreed."),
        ("c3", None, "cat", "Forty parking spaces gone for nothing."),
        ("c5", "c3", "dan", "You are a worthless idiot and everyone here knows it."),
        ("c6", "c3", "eve", "Parking, sure. But safety first."),
        ("c7", None, "fay", "Will the market loading zone stay?"),
        ("c8", "c7", "gus", "It stays."),
        ("c9", None, "hal", "Good news overall."),
    ]
    assert messages(result) == [
        "badquote.csv: line 5: a quoted field opened on this line is not closed on it and "
        "swallowed lines 6-7; row skipped (comment 'c4'), reading resumed at line 6"
    ]


def test_a_stray_quote_that_hid_rows_inside_the_text_no_longer_hides_them() -> None:
    """Text last: the runaway record's extra fields used to be joined into c4's text, so
    c5 and c6 were read as words of c4 (one warning about joined fields)."""
    data = (
        "id,parent_id,author,text\n"
        "c1,,ann,First.\n"
        'c4,c1,bob,"Thanks for this\n'
        "c5,c1,dan,You are a worthless idiot\n"
        'c6,c1,eve,"Seconded, thanks."\n'
        "c7,,fay,Last one.\n"
    )
    result = read_csv(data)
    assert rows(result) == [
        ("c1", None, "ann", "First."),
        ("c5", "c1", "dan", "You are a worthless idiot"),
        ("c6", "c1", "eve", "Seconded, thanks."),
        ("c7", None, "fay", "Last one."),
    ]
    assert messages(result) == [
        "badquote.csv: line 3: a quoted field opened on this line is not closed on it and "
        "swallowed lines 4-5; row skipped (comment 'c4'), reading resumed at line 4"
    ]


def test_a_quote_closed_mid_field_on_a_later_line_is_a_stray_one_too() -> None:
    """Right field count, but the quote closing the runaway is followed by more of the
    field (``"Seconded`` read as close-quote then ``Seconded``): no well-formed CSV
    record ends that way, and c5 used to vanish into c4's text without a word."""
    data = (
        "id,text,author\n"
        'c4,"Thanks for this,bob\n'
        "c5,You are a worthless idiot,dan\n"
        'c6,"Seconded",eve\n'
    )
    result = read_csv(data)
    assert rows(result) == [
        ("c5", None, "dan", "You are a worthless idiot"),
        ("c6", None, "eve", "Seconded"),
    ]
    assert [p.location for p in result.problems] == ["line 2"]
    assert "swallowed lines 3-4" in messages(result)[0]


def test_a_swallowed_row_whose_own_text_spans_lines_is_read_whole() -> None:
    """The first row the runaway swallowed is quoted text over two lines: it lines up
    with the header only read whole, past where the runaway ended."""
    data = (
        "id,parent_id,author,text,created_at\n"
        'c1,,ann,"Thanks for this,2024\n'
        'c2,c1,bob,"You are an idiot.\n'
        'Everyone knows it.",2024\n'
        "c3,,cat,Last.,2024\n"
    )
    result = read_csv(data)
    assert rows(result) == [
        ("c2", None, "bob", "You are an idiot.\nEveryone knows it."),
        ("c3", None, "cat", "Last."),
    ]
    assert messages(result) == [
        "badquote.csv: line 2: a quoted field opened on this line is not closed on it and "
        "swallowed line 3; row skipped (comment 'c1'), reading resumed at line 3",
        "badquote.csv: line 3: parent 'c1' of comment 'c2' is not in the input; "
        "read as a top-level comment",
    ]


def test_a_stray_quote_on_the_second_line_of_a_row_costs_that_row_only() -> None:
    """The row's text spans lines 2-3, and the stray quote opens on line 3 (its last
    field): the row is lines 2-3, and reading resumes at line 4."""
    data = (
        "id,parent_id,author,text,created_at\n"
        'c1,,ann,"Two\n'
        'lines",",2024\n'
        'c2,,bob,"You are an idiot, and you know it.",2024\n'
        "c3,,cat,Last.,2024\n"
    )
    result = read_csv(data)
    assert rows(result) == [
        ("c2", None, "bob", "You are an idiot, and you know it."),
        ("c3", None, "cat", "Last."),
    ]
    assert messages(result) == [
        "badquote.csv: line 2: a quoted field opened in this row is not closed in it and "
        "swallowed line 4; row (lines 2-3) skipped (comment 'c1'), reading resumed at line 4"
    ]


def test_quoted_text_that_really_spans_lines_reads_as_before() -> None:
    data = (
        "id,parent_id,author,text\n"
        'c1,,ann,"First paragraph.\n'
        "\n"
        "c9,,x,a line that only looks like a row\n"
        'He said ""hi"", then left."\n'
        'c2,c1,bob,"One\n'
        'two, three"\n'
        "c3,,cat,plain\n"
    )
    result = read_csv(data)
    assert result.problems == []
    assert rows(result) == [
        (
            "c1",
            None,
            "ann",
            'First paragraph.\n\nc9,,x,a line that only looks like a row\nHe said "hi", then left.',
        ),
        ("c2", "c1", "bob", "One\ntwo, three"),
        ("c3", None, "cat", "plain"),
    ]


def test_multi_line_text_in_a_row_short_of_a_field_is_one_skipped_row_as_before() -> None:
    """Nothing in the swallowed lines lines up with the header, so they are the row's own
    text: one warning, and no fragment of it read as a comment."""
    data = (
        "id,parent_id,author,text,created_at\n"
        'c1,,ann,"Para one,\n'
        "para two, with commas\n"
        'end",2024-05-01,extra\n'
        "c2,,bob,fine,2024-05-02\n"
    )
    result = read_csv(data)
    assert rows(result) == [("c2", None, "bob", "fine")]
    assert messages(result) == [
        "badquote.csv: line 2: row has 6 fields, the header has 5; row skipped"
    ]


def test_line_numbers_stay_right_after_a_stray_quote() -> None:
    data = (
        "id,text,author\n"
        'c1,"oops,ann\n'
        'c2,"fine",bob\n'
        "c3,too,many,fields\n"
        'c4,"two\n'
        'lines",cat\n'
        "c5,short\n"
        "c6,last,dan\n"
    )
    result = read_csv(data)
    assert [c.id for c in result.thread.comments] == ["c2", "c4", "c6"]
    assert [p.location for p in result.problems] == ["line 2", "line 4", "line 7"]
    assert result.thread.comments[1].text == "two\nlines"


def test_batch_reading_streams_the_same_rows_and_problems() -> None:
    """``threadguard batch`` reads through :func:`iter_csv` from lines it opens: the rows
    after a stray quote are read again from those already read, the file opened once for
    the header and once for the rows."""
    lines = BADQUOTE.splitlines(keepends=True)
    opened: list[int] = []

    def open_lines(start: int) -> Iterator[str]:
        opened.append(start)
        yield from lines[start:]

    problems: list[Problem] = []
    records = list(iter_csv(open_lines, "badquote.csv", problems, size=len(BADQUOTE)))
    assert [(line, record["id"]) for line, record in records] == [
        (2, "c1"),
        (3, "c2"),
        (4, "c3"),
        (6, "c5"),
        (7, "c6"),
        (8, "c7"),
        (9, "c8"),
        (10, "c9"),
    ]
    assert [str(p) for p in problems] == messages(read_csv(BADQUOTE))[:1]
    assert opened == [0, 0]


def test_a_quote_never_closed_still_names_its_row_and_reads_on() -> None:
    result = read_csv('id,text\n1,"never closed\n2,second\n3,third\n')
    assert [c.text for c in result.thread.comments] == ["second", "third"]
    assert messages(result) == [
        "badquote.csv: line 2: a quoted field is never closed; row skipped (comment '1'), "
        "reading resumed at line 3"
    ]
