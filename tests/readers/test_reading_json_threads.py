"""Reading ThreadGuard's JSON and JSON Lines, and repairing the comment tree they describe."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threadguard.readers import ReaderError, read_thread
from threadguard.readers.tree import RawComment, build_comments
from threadguard.thread import ReadResult
from threadguard.validation import MAX_TEXT_CHARS


def read_json(value: Any, name: str = "thread.json") -> ReadResult:
    return read_thread(json.dumps(value).encode(), name=name)


def read_lines(lines: list[str], name: str = "thread.jsonl") -> ReadResult:
    return read_thread("\n".join(lines).encode(), name=name)


def tree(result: ReadResult) -> list[tuple[str, str | None, int]]:
    return [(c.id, c.parent, c.depth) for c in result.thread.comments]


def test_a_document_gives_the_article_and_comments_with_depths_from_parent_links() -> None:
    result = read_json(
        {
            "thread": {"title": "T", "body": "B", "url": "https://x.test/a", "id": 42},
            "comments": [
                {"id": "a", "parent": None, "author": "ann", "text": "one", "created_at": "2024"},
                {"id": "b", "parent": "a", "author": "bo", "text": "two"},
                {"id": "c", "parent": "b", "author": "cy", "text": "three"},
            ],
        }
    )
    assert result.format == "json"
    assert result.problems == []
    thread = result.thread
    assert (thread.title, thread.body, thread.url, thread.id) == (
        "T",
        "B",
        "https://x.test/a",
        "42",
    )
    assert tree(result) == [("a", None, 0), ("b", "a", 1), ("c", "b", 2)]
    assert thread.comments[0].created_at == "2024"
    assert [c.position for c in thread.comments] == [0, 1, 2]


@pytest.mark.parametrize("key", ["body", "text", "article", "content"])
def test_the_article_text_is_read_under_the_names_exports_give_it(key: str) -> None:
    # a news-desk tryout's thread.article was dropped unread: the title alone was context
    result = read_json({"thread": {"title": "T", key: "The council voted."}, "comments": []})
    assert result.thread.body == "The council voted."
    assert result.problems == []


def test_an_empty_article_key_gives_way_to_the_next_one() -> None:
    result = read_json({"thread": {"body": None, "content": "Article text"}, "comments": []})
    assert result.thread.body == "Article text"


def test_scan_output_is_read_back_ignoring_the_analysis_fields() -> None:
    scanned = {
        "thread": {"title": "T", "body": "", "url": "", "id": ""},
        "comments": [
            {
                "id": "c1",
                "parent": None,
                "author": "a",
                "depth": 0,
                "text": "hi",
                "analysis": {"scores": {"toxicity": 0.1}},
                "decision": {"action": "approve", "reasons": []},
            },
            {"id": "c2", "parent": "c1", "author": "b", "depth": 1, "text": "yo", "analysis": {}},
        ],
        "signals": {"anything": 1},
    }
    result = read_json(scanned)
    assert result.problems == []
    assert tree(result) == [("c1", None, 0), ("c2", "c1", 1)]


def test_a_bare_list_of_comments_and_numeric_ids_are_accepted() -> None:
    result = read_json([{"id": 1, "text": "a"}, {"id": 2, "parent": 1, "text": "b"}])
    assert tree(result) == [("1", None, 0), ("2", "1", 1)]


@pytest.mark.parametrize(
    ("value", "found"),
    [([1, 2], "list"), ({"x": 1}, "dict"), (True, "bool"), (2.5, "float 2.5")],
)
def test_an_id_of_the_wrong_type_is_reported_where_it_stands(value: Any, found: str) -> None:
    # `scan` of {"id": [1, 2], "text": "hi"} renumbered the comment c1 without a word, and
    # a reply's list parent made it a top-level comment as silently: each is now named, by
    # line (or place) and field, as an id that is not Unicode text is, and the rest read
    must = f"must be a string or an integer, found {found}"
    lines = [
        json.dumps({"thread": {"id": value, "title": "T"}}),
        json.dumps({"id": value, "text": "hi"}),
        json.dumps({"id": "b", "parent_id": value, "text": "hello"}),
        json.dumps({"id": "c", "parent": "b", "text": "fine"}),
    ]
    result = read_lines(lines)
    assert result.thread.id == "" and result.thread.title == "T"
    assert tree(result) == [("c1", None, 0), ("b", None, 0), ("c", "b", 1)]
    assert [str(p) for p in result.problems] == [
        f"thread.jsonl: line 1: 'id' {must}; the thread's id was dropped",
        f"thread.jsonl: line 2: 'id' {must}; the comment was given a new id",
        f"thread.jsonl: line 3: 'parent_id' {must}; the parent link was dropped",
    ]
    document = read_json(
        {"thread": {"id": value}, "comments": [{"id": value, "text": "hi"}, {"text": "ho"}]}
    )
    assert tree(document) == [("c1", None, 0), ("c2", None, 0)]
    assert [str(p) for p in document.problems] == [
        f"thread.json: thread: 'id' {must}; the thread's id was dropped",
        f"thread.json: comments[0]: 'id' {must}; the comment was given a new id",
    ]


def test_ids_as_numbers_empty_or_null_are_no_problem() -> None:
    result = read_json(
        [{"id": 1.0, "text": "a"}, {"id": "", "parent": None, "text": "b"}, {"id": None}]
    )
    assert tree(result) == [("1", None, 0), ("c2", None, 0), ("c3", None, 0)]
    assert [p.message for p in result.problems] == [
        "comment has no text field; read with empty text"
    ]


def test_comments_are_put_in_reading_order_when_listed_chronologically() -> None:
    result = read_json(
        [
            {"id": "a", "text": "first"},
            {"id": "b", "text": "second"},
            {"id": "a1", "parent": "a", "text": "reply to first"},
        ]
    )
    assert tree(result) == [("a", None, 0), ("a1", "a", 1), ("b", None, 0)]


def test_depth_alone_places_comments_under_the_comment_above() -> None:
    result = read_json(
        [{"text": "a", "depth": 0}, {"text": "b", "depth": 1}, {"text": "c", "depth": 1}]
    )
    assert result.problems == []
    assert tree(result) == [("c1", None, 0), ("c2", "c1", 1), ("c3", "c1", 1)]


def test_an_unknown_parent_makes_a_top_level_comment_with_a_problem() -> None:
    result = read_json({"comments": [{"id": "x", "parent": "ghost", "text": "orphan"}]})
    assert tree(result) == [("x", None, 0)]
    assert [str(p) for p in result.problems] == [
        "thread.json: comments[0]: parent 'ghost' of comment 'x' is not in the input; "
        "read as a top-level comment"
    ]


def test_parent_loops_are_broken_without_hanging() -> None:
    result = read_json(
        [
            {"id": "a", "parent": "b", "text": "1"},
            {"id": "b", "parent": "a", "text": "2"},
            {"id": "self", "parent": "self", "text": "3"},
            {"id": "leaf", "parent": "b", "text": "4"},
        ]
    )
    assert sorted(c.id for c in result.thread.comments) == ["a", "b", "leaf", "self"]
    assert tree(result) == [("a", None, 0), ("b", "a", 1), ("leaf", "b", 2), ("self", None, 0)]
    messages = [p.message for p in result.problems]
    assert len(messages) == 2
    assert all("loop" in m for m in messages)


def test_duplicate_ids_are_renamed_and_reported() -> None:
    result = read_json([{"id": "a", "text": "1"}, {"id": "a", "text": "2"}])
    assert [c.id for c in result.thread.comments] == ["a", "a~2"]
    assert "duplicate comment id 'a'" in result.problems[0].message


def test_a_stated_depth_that_contradicts_the_parent_links_is_reported() -> None:
    result = read_json(
        [{"id": "a", "text": "1"}, {"id": "b", "parent": "a", "depth": 5, "text": ""}]
    )
    assert tree(result) == [("a", None, 0), ("b", "a", 1)]
    assert "depth 5 stated" in result.problems[0].message


def test_a_comment_without_text_is_kept_with_a_problem() -> None:
    result = read_json([{"id": "a", "author": "x"}, "not an object"])
    assert [c.text for c in result.thread.comments] == [""]
    assert [p.location for p in result.problems] == ["comments[0]", "comments[1]"]


@pytest.mark.parametrize("value", [5, 2.5, True, {"en": "hi"}, ["hi"]])
def test_comment_text_of_another_type_is_reported_and_that_comment_skipped(value: Any) -> None:
    # Issue 11: "text": 5 was read as the comment "5" and moderated as such; then the
    # whole file was refused for it. Now that comment alone is left out, named.
    kind = type(value).__name__
    result = read_json(
        [{"id": "a", "text": "fine"}, {"id": "b", "text": value}, {"id": "c", "text": "ok"}]
    )
    assert tree(result) == [("a", None, 0), ("c", None, 0)]
    assert [str(p) for p in result.problems] == [
        f"thread.json: comments[1]: 'text' must be a string, found {kind}; comment skipped"
    ]
    lines = [json.dumps({"id": "a", "text": "fine"}), json.dumps({"id": "b", "body": value})]
    result = read_lines(lines)
    assert tree(result) == [("a", None, 0)]
    assert [str(p) for p in result.problems] == [
        f"thread.jsonl: line 2: 'body' must be a string, found {kind}; comment skipped"
    ]


def test_replies_to_a_skipped_comment_are_read_as_top_level_and_say_why() -> None:
    result = read_json(
        [
            {"id": "a", "text": "fine"},
            {"id": "b", "parent": "a", "text": 42},
            {"id": "c", "parent": "b", "text": "a reply to the number"},
        ]
    )
    assert tree(result) == [("a", None, 0), ("c", None, 0)]
    assert "comments[2]: parent 'b' of comment 'c' was skipped" in str(result.problems[1])


def test_a_number_too_long_to_convert_costs_its_line_only() -> None:
    result = read_lines([json.dumps({"id": "a", "text": "fine"}), '{"id": ' + "9" * 5000 + "}"])
    assert tree(result) == [("a", None, 0)]
    assert "line 2" in str(result.problems[0]) and "invalid JSON" in str(result.problems[0])
    with pytest.raises(ReaderError, match="invalid JSON"):
        read_thread(b'{"comments": [], "n": ' + b"9" * 5000 + b"}", name="thread.json")


def test_json_lines_with_a_thread_line_and_epoch_times() -> None:
    result = read_lines(
        [
            json.dumps({"thread": {"title": "Ferry", "url": "u"}}),
            json.dumps({"id": "a", "text": "hi", "created_at": 0}),
            "",
            json.dumps({"id": "b", "parent": "a", "text": "yo", "author": {"name": "Bo"}}),
        ]
    )
    assert result.format == "jsonl"
    assert result.problems == []
    assert result.thread.title == "Ferry"
    assert tree(result) == [("a", None, 0), ("b", "a", 1)]
    assert result.thread.comments[0].created_at == "1970-01-01T00:00:00Z"
    assert result.thread.comments[1].author == "Bo"


def test_a_bad_json_line_is_reported_by_number_and_the_rest_read() -> None:
    result = read_lines(
        [
            json.dumps({"id": "a", "text": "one"}),
            '{"id": "b", "text": "tru',
            json.dumps({"id": "c", "parent": "a", "text": "three"}),
        ]
    )
    assert tree(result) == [("a", None, 0), ("c", "a", 1)]
    assert len(result.problems) == 1
    assert str(result.problems[0]).startswith("thread.jsonl: line 2: invalid JSON at column")


def test_json_lines_with_no_valid_line_is_an_error() -> None:
    with pytest.raises(ReaderError, match=r"thread\.jsonl: line 1, column \d+: no line is valid"):
        read_lines(["{oops", "{nope"])


def test_two_hundred_levels_of_replies_in_json_lines() -> None:
    lines = [json.dumps({"id": "r0", "text": "root"})]
    lines += [
        json.dumps({"id": f"r{i}", "parent": f"r{i - 1}", "text": f"d{i}"}) for i in range(1, 200)
    ]
    result = read_lines(lines[::-1])  # children before parents must not matter
    assert result.problems == []
    assert [c.depth for c in result.thread.comments] == list(range(200))
    assert result.thread.comments[-1].text == "d199"


def test_ten_thousand_levels_do_not_overflow_the_stack() -> None:
    raws = [RawComment(text="x", id="n0")]
    raws += [RawComment(text="x", id=f"n{i}", parent=f"n{i - 1}") for i in range(1, 10_000)]
    comments, problems = build_comments(raws, "deep")
    assert problems == []
    assert comments[-1].depth == 9_999


def test_a_comment_as_long_as_score_accepts_is_read_whole_and_a_longer_one_skipped() -> None:
    big = "é" * MAX_TEXT_CHARS
    result = read_lines(
        [json.dumps({"id": "a", "text": big}), json.dumps({"id": "b", "text": "s"})]
    )
    assert result.problems == []
    assert result.thread.comments[0].text == big
    assert result.thread.comments[1].text == "s"
    result = read_lines(
        [json.dumps({"id": "a", "text": big + "é"}), json.dumps({"id": "b", "text": "s"})]
    )
    assert tree(result) == [("b", None, 0)]
    assert [str(p) for p in result.problems] == [
        f"thread.jsonl: line 1: text is {MAX_TEXT_CHARS + 1} characters; "
        f"the limit is {MAX_TEXT_CHARS}; comment skipped"
    ]


# --- property: the tree builder keeps every comment and always yields a consistent tree ----


@settings(max_examples=200, deadline=None)
@given(
    parents=st.lists(
        st.one_of(st.none(), st.integers(min_value=0, max_value=30)), min_size=0, max_size=30
    )
)
def test_any_parent_links_give_a_consistent_tree(parents: list[int | None]) -> None:
    raws = [
        RawComment(text=str(i), id=f"n{i}", parent=None if p is None else f"n{p}")
        for i, p in enumerate(parents)
    ]
    comments, _ = build_comments(raws, "prop")
    assert sorted(c.text for c in comments) == sorted(str(i) for i in range(len(parents)))
    seen: dict[str, int] = {}
    for position, comment in enumerate(comments):
        assert comment.position == position
        if comment.parent is None:
            assert comment.depth == 0
        else:
            assert comment.parent in seen, "a parent comes before its replies"
            assert comment.depth == comments[seen[comment.parent]].depth + 1
        seen[comment.id] = position
