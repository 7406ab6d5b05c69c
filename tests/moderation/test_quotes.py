"""Quotations: only paired marks within a paragraph quote; apostrophes never do; and the
question "is this range quoted?" is answered from spans found once."""

from __future__ import annotations

from threadguard.moderation.quotes import Quotations, quotation_spans, reports


def inside(text: str, part: str) -> bool:
    i = text.index(part)
    return Quotations(text).inside(i, i + len(part))


def test_double_quotes_pair_in_order() -> None:
    text = 'He said "stop" and then "go away now".'
    assert quotation_spans(text) == [(8, 14), (24, 37)]
    assert inside(text, "go away") and not inside(text, "and then")


def test_curly_and_single_quotes_quote_but_apostrophes_do_not() -> None:
    assert inside("She wrote ‘leave now’ on the door.", "leave now")
    assert inside("He shouted 'get out' twice.", "get out")
    assert not inside("Don't go to the Smiths' house, it's late.", "go to")
    assert not inside("It’s the team’s last match.", "last match")


def test_a_lone_mark_quotes_nothing() -> None:
    assert quotation_spans('a 27" monitor and a long day') == []
    assert not inside('" never closed', "never closed")


def test_quotes_do_not_pair_across_paragraphs_whatever_the_line_endings() -> None:
    for brk in ("\n\n", "\r\n\r\n", "\n  \n"):
        text = f'He said "hi.{brk}And "this" too.'
        assert not inside(text, "And")
        assert inside(text, "this")


def test_a_quotation_nested_in_another_of_another_family_is_seen() -> None:
    text = 'The article says “the man shouted "I will kill you" at the officer”.'
    assert inside(text, "I will kill you")
    assert inside(text, "at the officer")
    assert not inside(text, "The article says")


def test_a_reporting_word_called_for_or_the_writers_own_reports_nothing() -> None:
    # someone else's words, however long ago or however often
    assert reports("The minister said ")
    assert reports("My grandad would always say ")
    assert reports("If someone says ")
    assert reports("A sign saying ")
    # someone else's obligation, or one denied, reports (a reviewer's, session 40)
    assert reports("Why do they always have to say ")
    assert reports("Nobody deserves to be told ")
    assert reports("No child should be told ")
    assert reports("I will say ")  # "I will say 'X' was on half the placards"
    # the telling called for, or the writer's own (reviewers', sessions 39 and 40)
    assert not reports("They need to be told ")
    assert not reports("They should all be told to ")
    assert not reports("Someone needs telling ")
    assert not reports("Time someone told them ")
    assert not reports("About time they were told ")
    assert not reports("Wish someone had told him ")
    assert not reports("Make sure they're told to ")
    assert not reports("Keep telling them ")
    assert not reports("Don't stop telling them ")
    # the same instructions and dropped-subject habits as an order's (one list)
    assert not reports("Been telling them for years ")
    assert reports("He started telling everyone ")
    assert not reports("I kept telling them ")
    assert not reports("We used to chant ")
    # "last time" is no call
    assert reports("Last time someone told me ")


def test_a_reporting_word_counts_only_within_reach_of_the_quotation() -> None:
    before = "The minister said that the numbers were wrong and then, quite a bit later, "
    assert reports(before)
    assert not reports(before, reach=40)
    assert reports("The minister said ", reach=40)
