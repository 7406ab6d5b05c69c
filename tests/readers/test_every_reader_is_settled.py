"""Every registered reader's comments are screened and their tree repaired, whoever wrote it.

A reader written from the architecture recipe may build ``Comment`` objects itself and
never call ``readers.tree.build_comments``. Before the registry settled every result, such a
reader's duplicate ids, parent loops and orphans went through unreported: an upload stored
its second ``c2`` over the first (a rejected comment), and the loop was stored as read. The
registry now passes every reader's result through ``tree.settled``: the same repairs and
warnings as JSON Lines, located by the comment's place in the reader's output.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from threadguard.readers import iter_threads, read_thread
from threadguard.readers.jsonfmt import read_jsonl
from threadguard.readers.registry import REGISTRY, InputFormat, SettledReader, register, unregister
from threadguard.readers.tree import settled
from threadguard.thread import Comment, Problem, ReadResult, Thread

#: id, parent, author, text: a loop (c1 -> c2 -> c1), a duplicate id (the second c2), an
#: orphan (c4's parent is not in the input) and a comment with no id.
ROWS = [
    ("c1", "c2", "a", "hello there"),
    ("c2", "c1", "b", "you idiot"),
    ("c2", "", "b", "dup id"),
    ("c4", "nope", "d", "orphan"),
    ("", "", "e", "no id"),
]


def _read_pipe(text: str, source: str) -> ReadResult:
    """A reader as the recipe once suggested: ``Comment`` objects built directly."""
    comments: list[Comment] = []
    for line in text.splitlines()[1:]:
        cid, parent, author, body = line.split("|", 3)
        comments.append(Comment(cid, body, author, parent or None, position=len(comments)))
    return ReadResult(Thread(title="piped", comments=tuple(comments)), format="pipe")


PIPE = InputFormat(
    name="pipe",
    read=_read_pipe,
    sniff=lambda sample: sample.text.startswith("PIPE\n"),
    priority=5,
    upload_name="upload.pipe",
    extensions=(".pipe",),
    media_types=("text/x-pipe",),
)


@pytest.fixture
def pipe() -> Iterator[InputFormat]:
    register(PIPE)
    try:
        yield PIPE
    finally:
        unregister(PIPE.name)


def _pipe_bytes(rows: list[tuple[str, str, str, str]]) -> bytes:
    return ("PIPE\n" + "\n".join("|".join(row) for row in rows)).encode()


def _jsonl(rows: list[tuple[str, str, str, str]]) -> str:
    return "\n".join(
        json.dumps({"id": cid or None, "parent": parent or None, "author": author, "text": text})
        for cid, parent, author, text in rows
    )


def _as_comments(problems: list[Problem]) -> list[tuple[str, str]]:
    """Each problem's location and message, JSON Lines' ``line N`` read as ``comment N``
    (the rows' Nth comment: the JSON Lines here have no article line)."""
    return [
        (p.location.replace("line ", "comment "), p.message.replace("line ", "comment "))
        for p in problems
    ]


def _tree(result: ReadResult) -> list[tuple[str, str | None, int, int, str, str]]:
    return [(c.id, c.parent, c.depth, c.position, c.author, c.text) for c in result.thread.comments]


def test_a_reader_that_builds_comments_itself_is_repaired_as_json_lines_is(
    pipe: InputFormat,
) -> None:
    piped = read_thread(_pipe_bytes(ROWS), name="bad.pipe")
    lines = read_jsonl(_jsonl(ROWS), "bad.jsonl")
    assert piped.format == "pipe"
    assert _tree(piped) == _tree(lines)
    assert _as_comments(piped.problems) == _as_comments(lines.problems)
    assert [str(p) for p in piped.problems] == [
        "bad.pipe: comment 3: duplicate comment id 'c2' (first at comment 2); renamed to 'c2~2'",
        "bad.pipe: comment 4: parent 'nope' of comment 'c4' is not in the input; "
        "read as a top-level comment",
        "bad.pipe: comment 1: parent links form a loop (c1 → c2 → c1); "
        "comment 'c1' read as a top-level comment",
    ]
    # the abusive first c2 keeps its id; the duplicate is renamed, not written over it
    by_id = piped.thread.by_id()
    assert by_id["c2"].text == "you idiot"
    assert by_id["c2~2"].text == "dup id"
    assert by_id["c5"].text == "no id"
    assert piped.thread.title == "piped"


def test_every_way_in_settles_the_reader(pipe: InputFormat) -> None:
    data = _pipe_bytes(ROWS)
    expected = _tree(read_thread(data))
    # the HTTP upload reads strictly (it refuses unreadable values itself): still repaired
    strict = read_thread(data, strict=True)
    assert _tree(strict) == expected
    assert len(strict.problems) == 3
    (batch,) = iter_threads(data)
    assert _tree(batch) == expected
    assert REGISTRY["pipe"].read(data.decode(), "<input>").problems == strict.problems


def test_a_reader_s_unreadable_text_is_screened_as_json_lines_is() -> None:
    # a lone surrogate (JSON's "\ud800" escape) cannot come from UTF-8 bytes: read the text
    rows = [("a", "", "x", "fine"), ("b", "a", "x", "bad \ud800 text"), ("c", "b", "\ud800", "ok")]
    direct = PIPE.read("PIPE\n" + "\n".join("|".join(r) for r in rows), "in")
    lines = read_jsonl(_jsonl(rows), "in")
    assert _tree(direct) == _tree(lines)
    assert _as_comments(direct.problems) == _as_comments(lines.problems)
    assert [c.id for c in direct.thread.comments] == ["a", "c"]
    assert [(p.location, p.message.rpartition("; ")[2]) for p in direct.problems] == [
        ("comment 3", "the author was dropped"),
        ("comment 2", "comment skipped"),
        ("comment 3", "read as a top-level comment"),
    ]


def test_a_depth_without_a_parent_link_places_the_reply() -> None:
    comments = (
        Comment("a", "top", position=0),
        Comment("b", "reply by depth", depth=1, position=1),
        Comment("c", "reply by link", parent="a", position=2),
    )
    result = settled(ReadResult(Thread(comments=comments)), "in")
    assert [(c.id, c.parent, c.depth) for c in result.thread.comments] == [
        ("a", None, 0),
        ("b", "a", 1),
        ("c", "a", 1),
    ]
    # a reply's default depth 0 is no claim: nothing is reported about it
    assert result.problems == []


def test_a_settled_result_is_passed_through_untouched() -> None:
    rows = [("c1", "", "a", "hi"), ("c2", "c1", "b", "reply"), ("c2", "", "b", "dup")]
    lines = read_jsonl(_jsonl(rows), "dup.jsonl")
    assert settled(lines, "dup.jsonl") is lines
    # read through the registry, the built-in reader's warnings are given once
    through = read_thread(_jsonl(rows).encode(), name="dup.jsonl")
    assert (
        through.problems
        == lines.problems
        == [
            Problem(
                "dup.jsonl",
                "line 3",
                "duplicate comment id 'c2' (first at line 2); renamed to 'c2~2'",
            )
        ]
    )
    # comments already in reading order, built by hand, are left as they are
    by_hand = ReadResult(
        Thread(comments=(Comment("a", "x"), Comment("b", "y", parent="a", depth=1, position=1)))
    )
    assert settled(by_hand, "in") is by_hand


def test_out_of_order_comments_are_put_in_reading_order() -> None:
    comments = (
        Comment("a", "top", position=0),
        Comment("b", "other top", position=1),
        Comment("c", "reply to a", parent="a", depth=1, position=2),
    )
    result = settled(ReadResult(Thread(comments=comments)), "in")
    assert [(c.id, c.position) for c in result.thread.comments] == [("a", 0), ("c", 1), ("b", 2)]
    assert result.problems == []


def test_the_reader_is_wrapped_once_and_compares_by_the_reader() -> None:
    assert isinstance(PIPE.read, SettledReader)
    assert PIPE.read.reader is _read_pipe
    again = InputFormat("pipe", PIPE.read, PIPE.sniff, 5, "upload.pipe")
    assert again.read is PIPE.read
    assert InputFormat("pipe", _read_pipe, PIPE.sniff, 5, "upload.pipe").read == PIPE.read
    for fmt in REGISTRY.names():
        assert isinstance(REGISTRY[fmt].read, SettledReader)
