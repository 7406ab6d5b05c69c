"""Reading plain-text thread dumps: structure, authors-as-sentences, wrapping, indentation."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threadguard.readers import format_text_dump, read_thread
from threadguard.readers.textdump import UNICODE_BULLETS
from threadguard.thread import Comment, Thread

SAMPLE = Path("/work/shared/examples/thread_dump_sample.txt")


def read_text(content: str) -> tuple[Thread, list[str]]:
    result = read_thread(content.encode("utf-8"), format="text", name="dump.txt")
    return result.thread, [str(p) for p in result.problems]


def shape(thread: Thread) -> list[tuple[str, int, str | None]]:
    return [(c.author, c.depth, c.parent) for c in thread.comments]


@pytest.mark.skipif(not SAMPLE.exists(), reason=f"shared sample {SAMPLE} not present")
def test_the_shared_sample_dump_reads_with_its_exact_structure() -> None:
    result = read_thread(SAMPLE)
    thread = result.thread

    assert result.format == "text"
    assert result.problems == []
    assert thread.title == "City council approves protected bike lane on Harbor Street"
    assert thread.body.startswith("The council voted 7–2 on Tuesday")
    assert thread.body.endswith("the city’s transport department.")
    assert thread.body.count("\n\n") == 1
    # The sample has nine bullet lines, hence nine comments.
    assert shape(thread) == [
        ("cyclist_anna", 0, None),
        ("Greg from Eastside", 1, "c1"),
        ("cyclist_anna", 2, "c2"),
        ("Thanks for posting this.", 1, "c1"),
        ("M. Ortega", 1, "c1"),
        ("parking_is_a_right", 0, None),
        ("quietreader", 0, None),
        ("Dev Patel", 0, None),
        ("harbor_merchant", 1, "c8"),
    ]
    assert [c.id for c in thread.comments] == [f"c{i}" for i in range(1, 10)]
    assert [c.position for c in thread.comments] == list(range(9))
    by_author = {c.author: c for c in thread.comments}
    assert by_author["Thanks for posting this."].text == ""
    assert by_author["quietreader"].text == ""
    assert by_author["Dev Patel"].text == (
        "Does anyone know whether the market loading zone stays? The article doesn’t say "
        "and the council minutes are not online yet, which is frustrating."
    )
    assert by_author["parking_is_a_right"].text.split("\n\n") == [
        "Forty spaces gone so a handful of people can play Tour de France. "
        "The council are a bunch of clueless idiots and you know it.",
        "Next they will tax the air we breathe.",
    ]
    assert "I’ve" in thread.comments[0].text
    assert "6–10am" in by_author["harbor_merchant"].text


def test_the_bundled_example_thread_parses_with_all_its_features() -> None:
    path = resources.files("threadguard") / "resources" / "example_thread.txt"
    result = read_thread(path.read_bytes(), name="example_thread.txt")
    thread = result.thread

    assert result.format == "text"
    assert result.problems == []
    assert thread.title == "Island ferry moves to a half-hourly timetable from 1 June"
    assert len(thread.comments) == 15
    assert max(c.depth for c in thread.comments) == 3
    by_author = {c.author: c for c in thread.comments}
    assert by_author["Thanks for the clear write-up."].text == ""
    assert by_author["commuter42"].text == ""
    dave = thread.comments[5]
    assert dave.author == "deckhand_dave"
    assert len(dave.text.split("\n\n")) == 3
    assert "isn’t being cut to save money. The crew" in dave.text
    assert "“Tiny”" in thread.comments[2].text
    threat = thread.comments[12]
    assert threat.text.startswith("People like you should watch your back")
    assert thread.parent_text(threat).startswith("My parents came here in 1994")


def test_mixed_line_endings_read_like_unix_ones() -> None:
    unix = "Title\n\nBody.\n\n  • anna\n\n    Hello\n    there.\n\n    • ben\n  • cleo\n"
    mixed = "Title\r\n\rBody.\n\r\n  • anna\r\r    Hello\r\n    there.\n\n    • ben\r  • cleo\r\n"
    assert read_text(mixed) == read_text(unix)
    thread, _ = read_text(mixed)
    assert shape(thread) == [("anna", 0, None), ("ben", 1, "c1"), ("cleo", 0, None)]
    assert thread.comments[0].text == "Hello there."


def test_tabs_count_as_one_nesting_level() -> None:
    thread, problems = read_text("T\n\n\t• a\n\n\t\tone\n\n\t\t• b\n\n\t\t\ttwo\n\t• c\n")
    assert problems == []
    assert shape(thread) == [("a", 0, None), ("b", 1, "c1"), ("c", 0, None)]
    assert thread.comments[1].text == "two"


@pytest.mark.parametrize("glyph", ["*", "-", "‣", "◦"])
def test_other_bullet_glyphs_start_comments(glyph: str) -> None:
    thread, problems = read_text(f"T\n\n  {glyph} a\n\n    hi\n\n    {glyph} b\n  {glyph} c\n")
    assert problems == []
    assert shape(thread) == [("a", 0, None), ("b", 1, "c1"), ("c", 0, None)]


def test_dash_lists_inside_comments_of_a_bullet_dump_stay_text() -> None:
    dump = "T\n\n  • a\n\n    Two reasons:\n\n    - cost\n    - noise\n\n  • b\n"
    thread, problems = read_text(dump)
    assert problems == []
    assert [c.author for c in thread.comments] == ["a", "b"]
    assert thread.comments[0].text == "Two reasons:\n\n- cost - noise"


def test_a_bullet_with_no_name_is_an_anonymous_comment() -> None:
    thread, _ = read_text("T\n\n  •\n\n    words\n")
    assert thread.comments[0].author == ""
    assert thread.comments[0].text == "words"


def test_a_bullet_too_deep_is_attached_to_the_comment_above_with_a_problem() -> None:
    thread, problems = read_text("T\n\n  • a\n\n    x\n\n        • b\n\n          y\n  • c\n")
    assert shape(thread) == [("a", 0, None), ("b", 1, "c1"), ("c", 0, None)]
    assert thread.comments[1].text == "y"
    assert len(problems) == 1
    assert "dump.txt: line 7:" in problems[0]
    assert "indented 8 columns where 4 were expected" in problems[0]
    assert "reply to 'a' (line 3)" in problems[0]


def test_odd_and_mismatched_indentation_keeps_every_comment() -> None:
    dump = "T\n\n  • a\n     • b\n      • c\n   • d\n • e\n"
    thread, problems = read_text(dump)
    assert [c.author for c in thread.comments] == ["a", "b", "c", "d", "e"]
    assert shape(thread) == [
        ("a", 0, None),
        ("b", 1, "c1"),
        ("c", 2, "c2"),
        ("d", 1, "c1"),
        ("e", 0, None),
    ]
    # c sits exactly where a depth-2 comment belongs, so only b, d and e are reported.
    assert [p.split(":")[1].strip() for p in problems] == ["line 4", "line 6", "line 7"]


def test_text_not_indented_under_its_bullet_is_kept_and_reported() -> None:
    thread, problems = read_text("T\n\n  • a\n\n  flush text\n  more\n")
    assert thread.comments[0].text == "flush text more"
    assert len(problems) == 1
    assert "line 5" in problems[0]
    assert "not indented under its bullet" in problems[0]


def test_a_second_kind_of_ascii_bullet_is_named_as_such() -> None:
    # Desk 75 (session 51): "* star_author" under a "-" dump was glued into the comment
    # above, and the warning called the bullet line "comment text".
    dump = "T\n\n  - a\n\n    hi\n\n  * b\n\n    there\n"
    thread, problems = read_text(dump)
    assert [c.author for c in thread.comments] == ["a"]
    assert len(problems) == 1
    assert "line 7: starts with '*', which this dump does not read as a bullet" in problems[0]
    assert "its first bullet is '-'" in problems[0] and "comment at line 3" in problems[0]


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007", "\u205f", "\u3000"])
def test_indentation_in_no_break_spaces_reads_as_spaces(space: str) -> None:
    # Desk 75: a thread copied from a web page, indented with U+00A0, read as no comments
    plain = "T\n\nBody text.\n\n  • a\n\n    one\u00a0two\n\n    • b\n\n      three\n  • c\n"
    lines = plain.split("\n")
    wide = "\n".join(
        space * (len(line) - len(line.lstrip(" "))) + line.lstrip(" ") for line in lines
    ).replace("• ", "•" + space)
    expected, _ = read_text(plain)
    thread, problems = read_text(wide)
    assert problems == []
    assert shape(thread) == shape(expected) == [("a", 0, None), ("b", 1, "c1"), ("c", 0, None)]
    # the text after the indentation is kept exactly, its own no-break space too
    assert thread.comments[0].text == "one\u00a0two"


def test_indentation_in_ideographic_spaces_reads_as_spaces() -> None:
    # U+3000, what a CJK input method types for the space bar, was not among the wide
    # spaces: a dump indented with it read as an article with no comments
    dump = (
        "T\n\n本文。\n\n\u3000\u3000•\u3000a\n\n\u3000\u3000\u3000\u3000こんにちは\n\n"
        "\u3000\u3000\u3000\u3000•\u3000b\n\n\u3000\u3000\u3000\u3000\u3000\u3000はい\n"
    )
    thread, problems = read_text(dump)
    assert problems == []
    assert shape(thread) == [("a", 0, None), ("b", 1, "c1")]
    assert [c.text for c in thread.comments] == ["こんにちは", "はい"]


def test_a_dump_that_reads_as_written_keeps_its_no_break_spaces() -> None:
    # A code review: read always, the no-break spaces made a list indented with them into
    # comments, and "-\u00a05 degrees" into "- 5 degrees" (a stored comment "edited")
    dump = (
        "T\n\nBody:\n\u00a0\u00a0• first point\n\n  • a\n\n    -\u00a05 degrees tonight\n"
        "    \u00a0\u00a0• not a reply\n"
    )
    thread, _ = read_text(dump)
    assert [c.author for c in thread.comments] == ["a"]
    assert "first point" in thread.body
    assert thread.comments[0].text.startswith("-\u00a05 degrees tonight")
    assert "not a reply" in thread.comments[0].text


def test_a_dump_without_comments_is_an_article_with_a_problem() -> None:
    thread, problems = read_text("Only a title\n\nAnd a paragraph\nwrapped.\n")
    assert thread.title == "Only a title"
    assert thread.body == "And a paragraph wrapped."
    assert thread.comments == ()
    assert "no comment bullet lines" in problems[0]
    assert "'•' indented two spaces" in problems[0]


def test_comments_under_ascii_bullets_at_the_margin_are_told_how_to_indent_them() -> None:
    # A news desk (session 53) wrote "* anna" and "- bob" at the margin and was told only
    # that no bullet line was found.
    thread, problems = read_text("T\n\nBody.\n\n* anna\n\n  Hi.\n\n- bob\n\n  Yo.\n")
    assert thread.comments == ()
    [problem] = problems
    assert "lines 5, 9 start with '*' or '-' at the margin" in problem
    assert "indent a comment's bullet two spaces" in problem


def test_a_dump_starting_with_a_comment_has_no_title() -> None:
    thread, problems = read_text("  • a\n\n    hi\n")
    assert thread.title == ""
    assert [c.text for c in thread.comments] == ["hi"]
    assert "no title line" in problems[0]


def test_sixty_levels_of_nesting_read_in_order() -> None:
    lines = ["Deep thread", ""]
    for depth in range(60):
        indent = "  " * (depth + 1)
        lines += [f"{indent}• user{depth}", "", f"{indent}  reply at depth {depth}", ""]
    thread, problems = read_text("\n".join(lines))
    assert problems == []
    assert [c.depth for c in thread.comments] == list(range(60))
    assert all(c.parent == f"c{c.depth}" for c in thread.comments[1:])
    assert thread.comments[59].text == "reply at depth 59"


def test_a_comment_of_a_million_characters_is_read_whole() -> None:
    words = ("word " * 200_000).strip()  # just under score's limit
    wrapped = "\n".join("    " + words[i : i + 5000].strip() for i in range(0, len(words), 5000))
    thread, problems = read_text(f"T\n\n  • big\n\n{wrapped}\n\n  • small\n\n    ok\n")
    assert problems == []
    assert len(thread.comments) == 2
    assert thread.comments[0].text.split() == words.split()
    assert thread.comments[1].text == "ok"


def test_format_text_dump_writes_what_the_reader_reads() -> None:
    thread = Thread(
        title="A title",
        body="First paragraph.\n\nSecond.",
        comments=(
            Comment(id="c1", author="a", text="One. " * 40 + "\n\nTwo.", depth=0),
            Comment(id="c2", author="b", text="", parent="c1", depth=1, position=1),
        ),
    )
    again, problems = read_text(format_text_dump(thread, width=60))
    assert problems == []
    assert again.title == thread.title
    assert again.body == thread.body
    assert [(c.author, c.text.split(), c.parent) for c in again.comments] == [
        (c.author, c.text.split(), c.parent) for c in thread.comments
    ]


# --- property: any comment tree survives writing as a dump and reading back ---------------

_SAFE = st.characters(
    categories=("L", "N", "P", "S"), exclude_characters=UNICODE_BULLETS + "\ufeff"
)
_word = st.text(_SAFE, min_size=1, max_size=8)
_sentence = st.lists(_word, min_size=1, max_size=12).map(" ".join)
_text = st.lists(_sentence, min_size=0, max_size=3).map("\n\n".join)


@st.composite
def _trees(draw: st.DrawFn) -> Thread:
    count = draw(st.integers(min_value=0, max_value=25))
    comments: list[Comment] = []
    open_ids: list[str] = []
    for i in range(count):
        depth = draw(st.integers(min_value=0, max_value=len(open_ids)))
        del open_ids[depth:]
        cid = f"c{i + 1}"
        comments.append(
            Comment(
                id=cid,
                author=draw(_sentence),
                text=draw(_text),
                parent=open_ids[-1] if open_ids else None,
                depth=depth,
                position=i,
            )
        )
        open_ids.append(cid)
    return Thread(title=draw(_sentence), body=draw(_text), comments=tuple(comments))


@settings(max_examples=60, deadline=None)
@given(thread=_trees(), width=st.sampled_from([None, 30, 88]))
def test_any_comment_tree_round_trips_through_a_text_dump(
    thread: Thread, width: int | None
) -> None:
    dumped = format_text_dump(thread, width=width)
    again = read_thread(dumped.encode("utf-8"), format="text").thread
    assert again.title == thread.title
    assert again.body == thread.body
    assert again.comments == thread.comments
