"""The words that report a phrase rather than make it (:mod:`threadguard.moderation.quotes`);
where the quotations are, :mod:`threadguard.scoring.quotations` finds (its tests:
``tests/scoring/test_quotations.py``)."""

from __future__ import annotations

from threadguard.moderation.quotes import reports


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
