"""A tab in a bullet's indentation, in a dump indented with spaces, is read where the
comment's own text puts the bullet, and always reported on the tab's line.

The tryout replaced ``    • Greg from Eastside`` with ``\\t• Greg from Eastside``: Greg was
read as a top-level comment and the replies after him re-parented under him, and the only
warning named another line (a tab on a bullet with no reply after it gave none at all).
"""

from __future__ import annotations

import pytest

from threadguard.readers import read_thread
from threadguard.thread import Thread

#: The shared sample's shape, built here: two spaces per level, text two deeper.
DUMP = [
    "City council approves protected bike lane on Harbor Street",  # 1
    "",
    "The council voted 7–2 on Tuesday to build a protected bike lane.",  # 3
    "",
    "  • cyclist_anna",  # 5
    "",
    "    Finally. I’ve been riding that stretch for years.",  # 7
    "",
    "    • Greg from Eastside",  # 9
    "",
    "      Terrifying for drivers too.",  # 11
    "",
    "      • cyclist_anna",  # 13
    "",
    "        Some do, sure.",  # 15
    "",
    "    • Thanks for posting this.",  # 17
    "    • M. Ortega",  # 18
    "",
    "      Same here. My kids will finally be able to ride to school.",  # 20
    "",
    "  • parking_is_a_right",  # 22
    "",
    "    Forty spaces gone. The council are a bunch of clueless idiots.",  # 24
    "",
    "  • Dev Patel",  # 26
    "",
    "    Does anyone know whether the market loading zone stays?",  # 28
    "",
    "    • harbor_merchant",  # 30
    "",
    "      It stays, but the hours change.",  # 32
]

#: As the writer meant it: (author, depth, parent).
MEANT = [
    ("cyclist_anna", 0, None),
    ("Greg from Eastside", 1, "c1"),
    ("cyclist_anna", 2, "c2"),
    ("Thanks for posting this.", 1, "c1"),
    ("M. Ortega", 1, "c1"),
    ("parking_is_a_right", 0, None),
    ("Dev Patel", 0, None),
    ("harbor_merchant", 1, "c7"),
]


def dump_with(replacements: dict[int, str]) -> str:
    """The dump with the given (1-based) lines replaced."""
    lines = list(DUMP)
    for number, line in replacements.items():
        lines[number - 1] = line
    return "\n".join(lines) + "\n"


def read_text(content: str) -> tuple[Thread, list[str]]:
    result = read_thread(content.encode("utf-8"), format="text", name="dump.txt")
    return result.thread, [str(p) for p in result.problems]


def shape(thread: Thread) -> list[tuple[str, int, str | None]]:
    return [(c.author, c.depth, c.parent) for c in thread.comments]


def test_the_dump_built_here_reads_as_meant_without_tabs() -> None:
    thread, problems = read_text(dump_with({}))
    assert problems == []
    assert shape(thread) == MEANT


def test_a_tab_for_a_replys_indentation_keeps_the_tree_and_names_its_line() -> None:
    thread, problems = read_text(dump_with({9: "\t• Greg from Eastside"}))
    assert shape(thread) == MEANT
    assert thread.comments[1].text == "Terrifying for drivers too."
    assert problems == [
        "dump.txt: line 9: the bullet is indented with a tab; read as 4 columns, two columns left "
        "of its text (line 11), a reply to 'cyclist_anna' (line 5)"
    ]


def test_a_tab_on_a_later_reply_is_reported_too() -> None:
    """It used to be read as top level with no warning at all."""
    thread, problems = read_text(dump_with({18: "\t• M. Ortega"}))
    assert shape(thread) == MEANT
    assert problems == [
        "dump.txt: line 18: the bullet is indented with a tab; read as 4 columns, two columns left "
        "of its text (line 20), a reply to 'cyclist_anna' (line 5)"
    ]


@pytest.mark.parametrize(
    ("line", "tabbed"),
    [
        (13, "\t  • cyclist_anna"),  # a tab and two spaces: six columns at a tab width of 4
        (13, "    \t• cyclist_anna"),  # spaces then a tab
        (22, "\t• parking_is_a_right"),  # a tab for a top level's two spaces
    ],
)
def test_any_tab_its_text_places_reads_as_meant_and_is_reported(line: int, tabbed: str) -> None:
    thread, problems = read_text(dump_with({line: tabbed}))
    assert shape(thread) == MEANT
    [problem] = problems
    assert problem.startswith(f"dump.txt: line {line}: the bullet is indented with a tab")


def test_a_tab_on_a_bullet_with_no_text_is_read_one_level_per_tab_and_reported() -> None:
    """No text says where the bullet stands: the tab advances to the next multiple of 2
    columns (as in a dump indented with tabs), here the top level, and the warning says
    so on the tab's own line."""
    thread, problems = read_text(dump_with({17: "\t• Thanks for posting this."}))
    assert problems[0] == (
        "dump.txt: line 17: the bullet is indented with a tab; read as 2 columns (no text "
        "under it places it; a tab advances to the next multiple of 2 columns), "
        "a top-level comment"
    )
    assert shape(thread)[3] == ("Thanks for posting this.", 0, None)


def test_a_tab_whose_text_is_tab_indented_too_is_read_one_level_per_tab() -> None:
    thread, problems = read_text(
        dump_with({9: "\t• Greg from Eastside", 11: "\t  Terrifying for drivers too."})
    )
    assert problems[0].startswith(
        "dump.txt: line 9: the bullet is indented with a tab; read as 2 columns"
    )
    assert shape(thread)[1] == ("Greg from Eastside", 0, None)


def test_a_dump_indented_with_tabs_throughout_reads_one_tab_per_level_silently() -> None:
    tabbed = "T\n\n\t• a\n\n\t\tone\n\n\t\t• b\n\n\t\t\ttwo\n\t• c\n\t\t• d\n"
    thread, problems = read_text(tabbed)
    assert problems == []
    assert shape(thread) == [("a", 0, None), ("b", 1, "c1"), ("c", 0, None), ("d", 1, "c3")]
