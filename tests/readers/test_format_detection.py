"""Choosing the reader: the caller's format, else the extension, else the content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from threadguard.readers import FORMATS, ReaderError, detect_format, read_thread

DUMP = "Title\n\nBody.\n\n  • ann\n\n    Hi.\n"
DOCUMENT = json.dumps({"thread": {"title": "T"}, "comments": [{"id": "a", "text": "hi"}]})
LINES = '{"id": "a", "text": "hi"}\n{"id": "b", "parent": "a", "text": "yo"}\n'
REDDIT = json.dumps([{"kind": "Listing", "data": {"children": []}}] * 2)
CSV = "id,text\n1,hello\n"
XML = '<?xml version="1.0"?><disqus><post><message>hi</message></post></disqus>'


def test_the_format_names_are_the_documented_ones() -> None:
    assert set(FORMATS) == {"text", "json", "jsonl", "csv", "disqus", "reddit"}


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        ("a.txt", DUMP, "text"),
        ("a.json", DOCUMENT, "json"),
        ("a.json", REDDIT, "reddit"),
        ("a.json", LINES, "jsonl"),
        ("a.jsonl", LINES, "jsonl"),
        ("a.ndjson", LINES, "jsonl"),
        ("a.csv", CSV, "csv"),
        ("a.tsv", "id\ttext\n1\thi\n", "csv"),
        ("a.xml", XML, "disqus"),
        ("A.JSON", DOCUMENT, "json"),
    ],
)
def test_known_extensions_decide(filename: str, content: str, expected: str) -> None:
    assert detect_format(content.encode(), filename) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (DUMP, "text"),
        (DOCUMENT, "json"),
        ("\n  " + REDDIT, "reddit"),
        (LINES, "jsonl"),
        (CSV, "csv"),
        ("Comment;Author\nhi;ann\n", "csv"),
        (XML, "disqus"),
        ('{"thread": {"title": "trunc', "json"),
        ("[Update] Ferry timetable\n\n  • ann\n", "text"),
        ("Text, body and soul: a review\n\nBody.\n", "text"),
    ],
)
def test_without_a_known_extension_the_content_decides(content: str, expected: str) -> None:
    assert detect_format(content.encode(), None) == expected
    assert detect_format(content.encode(), "upload.dat") == expected


def test_the_extension_of_a_path_is_used(tmp_path: Path) -> None:
    path = tmp_path / "thread.jsonl"
    path.write_text(LINES, encoding="utf-8")
    result = read_thread(path)
    assert result.format == "jsonl"
    assert [c.id for c in result.thread.comments] == ["a", "b"]


def test_an_explicit_format_wins_over_detection(tmp_path: Path) -> None:
    path = tmp_path / "looks.json"
    path.write_text("Title starting plainly\n\n  • a\n", encoding="utf-8")
    assert read_thread(path, format="text").thread.comments[0].author == "a"
    assert read_thread(CSV.encode(), format="TSV").format == "csv"


def test_an_unknown_format_is_an_error_listing_the_known_ones() -> None:
    with pytest.raises(ReaderError, match=r"upload: unknown format 'yaml'; expected one of text"):
        read_thread(b"x", format="yaml", name="upload")
