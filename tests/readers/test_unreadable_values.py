"""A value no model can score (a lone surrogate from a ``"\\ud800"`` escape, text longer
than ``score`` accepts, text that is not a string) costs only itself: it is reported with
its place, and the rest of the thread is read. A comment whose text cannot be read is left
out; an author, id, time or article field that cannot be read is dropped."""

from __future__ import annotations

import json
from typing import Any

import pytest

from threadguard.readers import ReaderError, read_thread
from threadguard.thread import ReadResult
from threadguard.validation import MAX_TEXT_CHARS

SURROGATE = "\ud800"
TOO_LONG = "x" * (MAX_TEXT_CHARS + 1)


def read(value: Any, name: str) -> ReadResult:
    """``value`` as JSON, escapes and all (``json.dumps`` writes ``\\ud800`` for a lone
    surrogate, as a producer's file would have it)."""
    return read_thread(json.dumps(value).encode(), name=name)


def texts(result: ReadResult) -> list[tuple[str, str]]:
    return [(c.id, c.text) for c in result.thread.comments]


def messages(result: ReadResult) -> list[str]:
    return [str(p) for p in result.problems]


def test_a_lone_surrogate_in_a_comment_costs_that_comment_only() -> None:
    result = read(
        {
            "thread": {"title": "T"},
            "comments": [
                {"id": "a", "text": "hello there"},
                {"id": "j", "text": f"bad {SURROGATE} here"},
                {"id": "z", "text": "fine"},
            ],
        },
        "sur.json",
    )
    assert texts(result) == [("a", "hello there"), ("z", "fine")]
    assert messages(result) == [
        "sur.json: comments[1]: text contains a lone surrogate (U+D800) at offset 4, "
        "which is not Unicode text; comment skipped"
    ]


def test_json_lines_skip_the_line_whose_text_has_a_lone_surrogate() -> None:
    lines = [{"thread": {"title": "T"}}, {"id": "a", "text": "hi"}, {"id": "b", "text": SURROGATE}]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    result = read_thread(data, name="sur.jsonl")
    assert texts(result) == [("a", "hi")]
    assert messages(result) == [
        "sur.jsonl: line 3: text contains a lone surrogate (U+D800) at offset 0, "
        "which is not Unicode text; comment skipped"
    ]


def test_an_unreadable_title_or_author_is_dropped_and_the_comment_kept() -> None:
    result = read(
        {
            "thread": {"title": f"T {SURROGATE}", "url": "https://x.test/a"},
            "comments": [{"id": "a", "text": "hello there", "author": "\udc00x"}],
        },
        "sur2.json",
    )
    assert result.thread.title == "" and result.thread.url == "https://x.test/a"
    assert [(c.id, c.author, c.text) for c in result.thread.comments] == [("a", "", "hello there")]
    assert messages(result) == [
        "sur2.json: thread: title contains a lone surrogate (U+D800) at offset 2, "
        "which is not Unicode text; the title was dropped",
        "sur2.json: comments[0]: author contains a lone surrogate (U+DC00) at offset 0, "
        "which is not Unicode text; the author was dropped",
    ]


def test_an_unreadable_id_parent_or_time_is_dropped_and_the_comment_kept() -> None:
    result = read(
        [
            {"id": "a", "text": "one"},
            {"id": f"b{SURROGATE}", "text": "two"},
            {"id": "c", "parent": SURROGATE, "text": "three"},
            {"id": "d", "parent": "a", "created_at": SURROGATE, "text": "four"},
        ],
        "ids.json",
    )
    comments = result.thread.comments
    assert [(c.id, c.parent, c.created_at) for c in comments] == [
        ("a", None, None),
        ("d", "a", None),
        ("c2", None, None),
        ("c", None, None),
    ]
    assert [m.split(": ", 2)[2].split(" contains")[0] for m in messages(result)] == [
        "id",
        "parent",
        "created_at",
    ]
    assert "the comment was given a new id" in messages(result)[0]


def test_replies_to_a_skipped_comment_are_read_and_not_given_to_its_sibling() -> None:
    # depth alone places these replies: a skipped comment must still hold its place
    result = read(
        [
            {"id": "root", "text": "article comment", "depth": 0},
            {"id": "sib", "text": "sibling", "depth": 1},
            {"id": "bad", "text": SURROGATE, "depth": 1},
            {"id": "kid", "text": "reply to bad", "depth": 2},
        ],
        "depth.json",
    )
    assert [(c.id, c.parent) for c in result.thread.comments] == [
        ("root", None),
        ("sib", "root"),
        ("kid", None),
    ]
    assert "parent 'bad' of comment 'kid' was skipped" in messages(result)[1]


def test_reddit_bodies_that_are_not_text_or_not_unicode_are_skipped_with_a_reason() -> None:
    def t1(cid: str, body: object) -> dict[str, Any]:
        return {"kind": "t1", "data": {"id": cid, "author": f"u_{cid}", "body": body}}

    listing = [
        {"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"title": "P"}}]}},
        {
            "kind": "Listing",
            "data": {
                "children": [
                    t1("a", "first"),
                    t1("b", 12),
                    {"kind": "t1", "data": "notadict"},
                    t1("c", f"bad {SURROGATE}"),
                    t1("d", "last"),
                ]
            },
        },
    ]
    result = read(listing, "page.json")
    assert result.format == "reddit"
    assert texts(result) == [("a", "first"), ("d", "last")]
    assert messages(result) == [
        "page.json: comments[2]: comment (t1) 'data' must be an object, found a str; skipped",
        "page.json: comment b: 'body' must be a string, found int; comment skipped",
        "page.json: comment c: text contains a lone surrogate (U+D800) at offset 4, "
        "which is not Unicode text; comment skipped",
    ]


def test_a_single_comment_document_with_text_of_another_type_is_still_an_error() -> None:
    with pytest.raises(ReaderError, match=r"one\.json: document: .*'text' must be a string"):
        read({"text": {"en": "hi"}}, "one.json")


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        (
            "long.json",
            json.dumps([{"id": "a", "text": TOO_LONG}, {"id": "b", "text": "ok"}]),
            "comments[0]",
        ),
        ("long.csv", f"id,text\na,{TOO_LONG}\nb,ok\n", "line 2"),
        ("long.txt", f"Title\n\n  • ann\n\n    {TOO_LONG}\n\n  • bo\n\n    ok\n", "line 3"),
        (
            "long.xml",
            '<disqus xmlns:dsq="http://disqus.com/disqus-internals">'
            '<thread dsq:id="t"><title>T</title></thread>'
            f'<post dsq:id="a"><thread dsq:id="t"/><message>{TOO_LONG}</message></post>'
            '<post dsq:id="b"><thread dsq:id="t"/><message>ok</message></post></disqus>',
            "post a",
        ),
    ],
)
def test_a_comment_longer_than_score_accepts_is_skipped_in_every_format(
    name: str, content: str, where: str
) -> None:
    result = read_thread(content.encode(), name=name)
    assert [c.text for c in result.thread.comments] == ["ok"]
    assert messages(result) == [
        f"{name}: {where}: text is {MAX_TEXT_CHARS + 1} characters; "
        f"the limit is {MAX_TEXT_CHARS}; comment skipped"
    ]


def test_strict_reading_leaves_unreadable_values_to_the_caller_and_skips_a_non_text() -> None:
    # the HTTP API refuses them itself, with a 400 naming the field
    document = {"comments": [{"id": "a", "text": f"bad {SURROGATE}", "author": SURROGATE}]}
    result = read_thread(json.dumps(document).encode(), name="up.json", strict=True)
    assert [(c.text, c.author) for c in result.thread.comments] == [(f"bad {SURROGATE}", SURROGATE)]
    assert result.problems == []
    # a comment whose text is no string is skipped and reported, as scan does: one such
    # comment refused the whole upload
    document = {"comments": [{"id": "a", "text": "fine"}, {"id": "b", "text": 42}]}
    result = read_thread(json.dumps(document).encode(), name="up.json", strict=True)
    assert [c.id for c in result.thread.comments] == ["a"]
    assert messages(result) == [
        "up.json: comments[1]: 'text' must be a string, found int; comment skipped"
    ]
    assert len(read(document, "up.json").thread.comments) == 1  # and screening is back
