"""An HTML link keeps where it goes in the text the moderation reads (Disqus, Coral)."""

from __future__ import annotations

from threadguard.engine import Engine
from threadguard.moderation import Moderator
from threadguard.readers import read_thread
from threadguard.readers.htmltext import html_to_text

from .test_reading_disqus import HEAD, post_xml, thread_xml

SPAM = '<p>Great article! <a href="http://bit.ly/fr33-g1ft">Claim your free gift card here</a></p>'


def test_a_links_target_follows_its_text() -> None:
    assert html_to_text(SPAM) == (
        "Great article! Claim your free gift card here (http://bit.ly/fr33-g1ft)"
    )


def test_a_link_showing_its_target_or_going_nowhere_is_left_as_it_is() -> None:
    shown = '<p>See <a href="https://www.ons.gov.uk/x">https://www.ons.gov.uk/x</a></p>'
    assert html_to_text(shown) == "See https://www.ons.gov.uk/x"
    assert html_to_text('<p><a href="#c12">@anna</a> agreed</p>') == "@anna agreed"
    assert html_to_text('<a href="mailto:a@b.example">mail me</a>') == "mail me"
    assert html_to_text('<p>open <a href="http://x.example/y">link') == (
        "open link (http://x.example/y)"
    )


def test_spam_behind_a_disqus_link_is_held(engine: Engine, moderator: Moderator) -> None:
    """Session 34's news-desk tryout: the export's href was dropped, the text read "Great
    article! Claim your free gift card here", and it was published."""
    xml = HEAD + thread_xml("10", "Derby day") + post_xml("1", "10", SPAM) + "</disqus>\n"
    thread = read_thread(xml.encode(), name="export.xml").thread
    [moderated] = moderator.moderate_thread(engine, thread)
    assert "bit.ly" in moderated.comment.text
    assert moderated.outcome.action.value != "approve"
