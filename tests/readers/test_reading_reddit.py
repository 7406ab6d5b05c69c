"""Reading a Reddit comments page (the ``.json`` of a thread)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from threadguard.batch.inputs import describe
from threadguard.batch.plan import Reading, read_units
from threadguard.readers import read_thread


def t1(
    cid: str, parent: str, body: str, replies: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "kind": "t1",
        "data": {
            "id": cid,
            "parent_id": parent,
            "author": f"u_{cid}",
            "body": body,
            "created_utc": 1714557600.0,
            "replies": {"kind": "Listing", "data": {"children": replies}} if replies else "",
        },
    }


def page(comments: list[dict[str, Any]]) -> bytes:
    submission = {
        "kind": "t3",
        "data": {
            "id": "abc",
            "title": "Ferry &amp; bus timetable",
            "selftext": "What do you think?",
            "url": "https://example.test/ferry",
            "permalink": "/r/island/comments/abc/ferry/",
            "author": "op",
            "created_utc": 1714550000,
        },
    }
    listing = [
        {"kind": "Listing", "data": {"children": [submission]}},
        {"kind": "Listing", "data": {"children": comments}},
    ]
    return json.dumps(listing).encode()


def test_the_submission_and_nested_comments_are_read_in_page_order() -> None:
    data = page(
        [
            t1("a", "t3_abc", "Top &lt;3", [t1("b", "t1_a", "reply", [t1("c", "t1_b", "deeper")])]),
            t1("d", "t3_abc", "[deleted]"),
        ]
    )
    result = read_thread(data, name="thread.json")
    thread = result.thread
    assert result.format == "reddit"
    assert result.problems == []
    assert thread.title == "Ferry & bus timetable"
    assert thread.body == "What do you think?"
    assert thread.url == "https://www.reddit.com/r/island/comments/abc/ferry/"
    assert thread.id == "abc"
    assert [(c.id, c.parent, c.depth, c.author) for c in thread.comments] == [
        ("a", None, 0, "u_a"),
        ("b", "a", 1, "u_b"),
        ("c", "b", 2, "u_c"),
        ("d", None, 0, "u_d"),
    ]
    assert thread.comments[0].text == "Top <3"
    assert thread.comments[3].text == ""
    assert thread.comments[0].created_at == "2024-05-01T10:00:00Z"


def test_more_stubs_are_skipped_and_the_missing_count_reported() -> None:
    more = {"kind": "more", "data": {"count": 7, "children": ["x", "y"]}}
    cont = {"kind": "more", "data": {"count": 0, "children": []}}
    data = page([t1("a", "t3_abc", "hi", [t1("b", "t1_a", "yo"), cont]), more])
    result = read_thread(data, name="thread.json")
    assert [c.id for c in result.thread.comments] == ["a", "b"]
    assert len(result.problems) == 1
    message = str(result.problems[0])
    assert message.startswith("thread.json: comments: 7 comments were not included")
    assert "1 reply chains were cut off" in message


def test_unexpected_kinds_are_reported_by_position() -> None:
    data = page([t1("a", "t3_abc", "hi"), {"kind": "t5", "data": {}}])
    result = read_thread(data, name="thread.json")
    assert [c.id for c in result.thread.comments] == ["a"]
    assert result.problems[0].location == "comments[1]"


def test_a_submission_whose_data_is_not_an_object_is_read_without_article_fields() -> None:
    # Found by `make fuzz`: a t3 with "data": 100 failed the whole upload with a 500.
    damaged = json.loads(page([t1("a", "t3_abc", "hello")]))
    damaged[0]["data"]["children"][0]["data"] = 100
    result = read_thread(json.dumps(damaged).encode(), name="upload.json")
    assert result.thread.title == "" and result.thread.id == ""
    assert [c.text for c in result.thread.comments] == ["hello"]
    assert any("no submission" in str(p) for p in result.problems)


def test_a_submission_whose_title_is_not_text_is_reported_as_having_none() -> None:
    damaged = json.loads(page([t1("a", "t3_abc", "hello")]))
    damaged[0]["data"]["children"][0]["data"] = {"title": 5}
    result = read_thread(json.dumps(damaged).encode(), name="upload.json")
    assert result.thread.title == ""
    assert [c.text for c in result.thread.comments] == ["hello"]
    assert any("no submission (t3) with a title or id" in str(p) for p in result.problems)


def test_an_id_of_the_wrong_type_is_reported_and_its_replies_read_top_level() -> None:
    # a list or object id was read as no id at all, without a word (the JSON readers' fault)
    damaged = json.loads(page([t1("a", "t3_abc", "hello", [t1("b", "t1_a", "reply")])]))
    damaged[0]["data"]["children"][0]["data"]["id"] = ["abc"]
    damaged[1]["data"]["children"][0]["data"]["id"] = {"id": "a"}
    result = read_thread(json.dumps(damaged).encode(), name="upload.json")
    assert result.thread.id == ""
    assert [(c.id, c.parent, c.text) for c in result.thread.comments] == [
        ("c1", None, "hello"),
        ("b", None, "reply"),
    ]
    must = "must be a string or an integer"
    assert [str(p) for p in result.problems] == [
        f"upload.json: submission: 'id' {must}, found list; the id was dropped",
        f"upload.json: comments[0]: 'id' {must}, found dict; the comment was given a new id "
        "and its replies read as top-level comments",
    ]


def test_a_reply_chain_a_thousand_deep_is_read_whole(tmp_path: Path) -> None:
    """A 200-deep chain (five JSON levels a reply) gave 0 comments: 'JSON is nested too
    deeply to read', and batch named the file twice in that message."""
    chain = t1("c999", "t1_c998", "the deepest")
    for i in reversed(range(999)):
        chain = t1(f"c{i}", "t3_abc", f"reply {i}", [chain])
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(20_000)  # only to write the test page
    try:
        data = page([chain])
    finally:
        sys.setrecursionlimit(limit)
    path = tmp_path / "deep.json"
    path.write_bytes(data)
    result = read_thread(path)
    assert result.format == "reddit" and result.problems == []
    comments = result.thread.comments
    assert len(comments) == 1000 and comments[-1].depth == 999
    assert sys.getrecursionlimit() == limit  # put back
    [item] = describe([path])
    reading = Reading(total_bytes=item.size)
    [unit] = list(read_units([item], reading, tmp_path / "work"))
    assert unit.size == 1000 and reading.problem_count == 0


def test_json_nested_beyond_the_limit_is_one_problem_naming_the_file_once(tmp_path: Path) -> None:
    path = tmp_path / "abyss.json"
    path.write_text("[" * 30_000 + "]" * 30_000)
    reading = Reading(total_bytes=1)
    assert list(read_units(describe([path]), reading, tmp_path / "work")) == []
    [problem] = reading.problems
    assert str(problem).count("abyss.json") == 1
    assert "nested more than 20,000 levels deep" in problem.message
