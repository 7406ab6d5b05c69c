"""Inputs no reader can use are refused with a message naming the file and the fault."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threadguard.readers import FORMATS, ReaderError, read_thread


def test_an_empty_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ReaderError, match=r"empty\.txt: is empty$"):
        read_thread(path)


def test_a_whitespace_only_upload_is_an_error() -> None:
    with pytest.raises(ReaderError, match=r"upload\.csv: contains only whitespace"):
        read_thread(b" \r\n\t\n", name="upload.csv")


def test_a_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.json"
    with pytest.raises(ReaderError, match=r"nowhere\.json: cannot read the file"):
        read_thread(path)


def test_binary_garbage_is_refused_as_binary(tmp_path: Path) -> None:
    rng = random.Random(1234)
    garbage = bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00"
    path = tmp_path / "photo.txt"
    path.write_bytes(garbage)
    with pytest.raises(ReaderError, match=r"photo\.txt: looks like binary data"):
        read_thread(path)


def test_control_characters_without_nuls_are_refused_as_binary() -> None:
    data = bytes(range(1, 32)) * 50
    with pytest.raises(ReaderError, match="looks like binary data"):
        read_thread(data, name="blob")


def test_truncated_json_names_the_line_and_column() -> None:
    document = json.dumps({"comments": [{"id": "a", "text": "hi"}]}, indent=2)
    truncated = document[: document.index('"hi"') + 3]
    with pytest.raises(ReaderError) as info:
        read_thread(truncated.encode(), name="thread.json")
    assert str(info.value).startswith("thread.json: line 5, column 15: invalid JSON:")
    assert info.value.location == "line 5, column 15"
    # the decoder's "Unterminated string starting at" without its dangling "at" (desk 15)
    assert str(info.value).endswith("invalid JSON: Unterminated string")


def test_windows_1252_text_is_read_with_a_problem_naming_the_line() -> None:
    dump = "Caf\u00e9 reopens\n\n  \u2022 ann\n\n    \u201cLovely\u201d \u2013 finally.\n"
    data = dump.replace("\u2022", "*").encode("cp1252")
    result = read_thread(data, format="text", name="legacy.txt")
    assert result.thread.title == "Café reopens"
    assert result.thread.comments[0].text == "“Lovely” – finally."
    assert str(result.problems[0]).startswith("legacy.txt: line 1: not valid UTF-8")


def test_a_stray_windows_1252_byte_does_not_garble_the_utf8_around_it() -> None:
    data = "id,text\n1,“ok”\n".encode() + b"2,caf\xe9\n"
    result = read_thread(data, name="mixed.csv")
    assert [c.text for c in result.thread.comments] == ["“ok”", "café"]
    assert result.problems[0].location == "line 3"


def test_a_utf8_byte_order_mark_is_dropped() -> None:
    result = read_thread("\ufeffid,text\n1,hi\n".encode(), name="bom.csv")
    assert result.problems == []
    assert [c.id for c in result.thread.comments] == ["1"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_text_from_spreadsheets_is_decoded(encoding: str) -> None:
    data = "id\ttext\n1\tcafé\n".encode(encoding)
    result = read_thread(data, name="export.tsv")
    assert [c.text for c in result.thread.comments] == ["café"]


# --- property: whatever the bytes, a reader returns a result or raises ReaderError --------

_PIECES = st.sampled_from(
    [
        *'{}[]",:\n\r\t •*-<>/&;a1é',
        '"text"',
        '"id"',
        '"parent"',
        '"kind"',
        '"Listing"',
        '"t1"',
        '"more"',
        '"data"',
        '"children"',
        '"replies"',
        "<post>",
        "</post>",
        "<disqus>",
        '<thread dsq:id="1">',
        "<![CDATA[",
        "]]>",
        "text,id\n",
        "\x00",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    content=st.lists(_PIECES, max_size=60).map("".join),
    format=st.sampled_from([None, *FORMATS]),
)
def test_any_input_is_read_or_refused_with_a_reader_error(content: str, format: str | None) -> None:
    try:
        result = read_thread(content.encode(), format=format, name="fuzz")
    except ReaderError as exc:
        assert str(exc).startswith("fuzz: ")
    else:
        assert all(p.source == "fuzz" for p in result.problems)
        assert [c.position for c in result.thread.comments] == list(
            range(len(result.thread.comments))
        )


def test_a_stray_nul_in_text_is_removed_and_named_by_line_not_taken_for_binary() -> None:
    result = read_thread(b"id,text\n1,Hello\x00World\n2,After\n", name="nul.csv")
    assert [c.text for c in result.thread.comments] == ["HelloWorld", "After"]
    assert [str(p) for p in result.problems] == [
        "nul.csv: line 2: NUL character (U+0000) removed; the rest of the line read"
    ]
    with pytest.raises(ReaderError, match="looks like binary data"):
        read_thread(b"id,text\n" + b"\x00\x01" * 200, name="blob.csv")


@pytest.mark.parametrize(
    ("given", "read"),
    [
        (1546300800, "2019-01-01T00:00:00Z"),
        ("1546300800", "2019-01-01T00:00:00Z"),
        ("1546300800000", "2019-01-01T00:00:00Z"),
        ("Tue, 05 Mar 2019 10:00:00 +0000", "2019-03-05T10:00:00Z"),
        ("2024-05-01T12:30:00Z", "2024-05-01T12:30:00Z"),
        ("03/05/2019 10:00", "03/05/2019 10:00"),  # day or month first? kept as written
        ("12345", "12345"),
        ("  ", None),
    ],
)
def test_epoch_seconds_and_rfc_2822_dates_are_read_as_iso(given: object, read: str | None) -> None:
    """An archive's created_at "1546300800" was kept raw, and the report counted it undated."""
    from threadguard.readers.values import as_timestamp

    assert as_timestamp(given) == read
