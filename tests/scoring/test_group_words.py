"""A reply whose parent (or article title) names a group of people goes to the deep tier,
which reads it with that context: some hate is only hate as an answer."""

from __future__ import annotations

from dataclasses import replace

import pytest

from threadguard.engine import CommentInput, Engine
from threadguard.normalize import normalize_text
from threadguard.scoring.group_words import groups_mentioned, names_group


@pytest.mark.parametrize(
    "text",
    [
        "A Syrian family has moved into the flat next to ours.",
        "The council approved the new mosque on Queen Street.",
        "Two Somalis opened a bakery on the high street.",
        "Three Kurds opened a barber shop on the corner.",
        "Gypsies will get a new site by the ring road.",
        "The school is hiring its first teacher who uses a wheelchair.",
        "Pride month starts on Saturday with a parade.",
        "M u s l i m parents asked for halal meals.",
        "Māori wardens will patrol the town centre this summer.",
        "Pasifika families packed the church hall for the apology.",
        "A Venezuelan family has lost its asylum appeal.",
    ],
)
def test_a_context_naming_a_group_is_found(text: str) -> None:
    assert names_group(normalize_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "The bus was late again this morning.",
        "Families and workers will pay more for parking from May.",
        "The council approved the new bus lanes on Tuesday.",
        "Roads will be closed for the marathon.",
        # things named by a people's adjective (a code review's, session 55)
        "The Amish furniture shop on the high street is closing.",
        "Cuban cigars and Colombian coffee at the new deli.",
        "The Mormon choir sang at the festival.",
    ],
)
def test_a_context_without_one_is_not(text: str) -> None:
    assert not names_group(normalize_text(text))


def test_a_calm_reply_to_a_parent_naming_a_group_is_read_by_the_deep_tier(
    engine: Engine,
) -> None:
    reply = "Time to move house."  # the fast tier scores it under the band (0.07)
    cases = (
        ("A Syrian family has moved into the flat next to ours.", True, 1),
        ("A Syrian family has moved into the flat next to ours.", False, 0),
        ("The bus was late again this morning.", True, 0),
    )
    for parent, route, read in cases:
        routed = engine.with_cascade(replace(engine.cascade, route_on_group_context=route))
        _, before = routed.routing.totals()
        routed.analyze([CommentInput(reply, parent=parent)], spans=False)
        _, after = routed.routing.totals()
        assert after - before == read, (parent, route)


def test_the_title_counts_when_there_is_no_parent(engine: Engine) -> None:
    reply = "Time to move house."
    _, before = engine.routing.totals()
    engine.analyze([CommentInput(reply, title="Refugee family opens a bakery")], spans=False)
    _, after = engine.routing.totals()
    assert after - before == 1


def test_a_comment_naming_a_group_itself_goes_deep_only_when_asked(engine: Engine) -> None:
    """``route_on_group_words`` (off by default: measured in session 37, it held more civil
    news comments and caught no more abusive ones) sends a calm comment that names a group
    to the deep tier; a comment naming none stays with the fast tier either way."""
    for text, route, read in (
        # the fast tier scores it under the band (0.17)
        ("Those Polish builders always finish early, funny that.", True, 1),
        ("Those Polish builders always finish early, funny that.", False, 0),
        ("Those builders always finish early, funny that.", True, 0),
    ):
        routed = engine.with_cascade(replace(engine.cascade, route_on_group_words=route))
        _, before = routed.routing.totals()
        routed.analyze([CommentInput(text)], spans=False)
        _, after = routed.routing.totals()
        assert after - before == read, (text, route)


def test_an_idiom_borrowing_a_groups_word_names_no_group() -> None:
    # a fifteenth news desk: a slur at a trans sprinter taken to attack migrants
    idiom = "This is what happens when you let the lunatics run the asylum."
    assert not names_group(normalize_text(idiom))
    assert groups_mentioned(normalize_text(idiom)) == frozenset()
    both = "The lunatics are running the asylum and asylum seekers pay for it."
    assert groups_mentioned(normalize_text(both)) == {"nationality_migration"}
