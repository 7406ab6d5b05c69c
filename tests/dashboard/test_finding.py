"""Finding a comment from the dashboard: the "All" tab lists every stored comment (the
policy's published ones too), the author card's link lists all of the author's, the text
search, the language and reason filters, and "riskiest first" ranking threats first.

A head moderator could not find a comment the policy had published after a reader's
complaint: "All" counted only the comments that went through the queue (63 of 319), and
``?q=``, ``?language=`` and ``?reason=`` were silently ignored."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from dashboard_support import PASSWORD, Dashboard, held, item_ids, seed_thread
from test_accounts import user

from threadguard.storage.records import ArticleRef, NewComment


def in_hebrew(comment: NewComment) -> NewComment:
    return replace(comment, analysis=replace(comment.analysis, language="he"))


@pytest.fixture
def sites(dashboard: Dashboard) -> Dashboard:
    """``news`` (seeded: ann's comment published, seven held), ``other`` with a published
    comment by troll42 and held Hebrew and self-harm comments, and carol of ``news``."""
    dashboard.store.record_many(
        site="other",
        source="native",
        article=ArticleRef("quotas", "Fishing quotas cut again"),
        comments=[
            held("These crooks are at it again.", "o1", "troll42", action="approve"),
            in_hebrew(
                held(
                    "אתה אידיוט מטומטם",
                    "o2",
                    "rtl",
                    reasons=("language he is not supported",),
                    position=1,
                )
            ),
            held(
                "Kill yourself, nobody would miss you.",
                "o3",
                "cruel",
                reasons=('encouraging self-harm: "Kill yourself"',),
                threat=0.69,
                position=2,
            ),
        ],
    )
    code, output = user(
        dashboard, "add", "carol", "--role", "moderator", "--password", PASSWORD, "--site", "news"
    )
    assert code == 0, output
    return dashboard


def count_of(page: str, label: str) -> int:
    found = re.search(rf'{label} <span class="count">(\d+)</span>', page)
    assert found is not None, page
    return int(found.group(1))


def test_all_lists_the_comments_the_policy_published(sites: Dashboard) -> None:
    alice, _ = sites.signed_in("alice")
    page = alice.get("/?status=all&site=news").text
    assert count_of(page, "All") == 8 and len(item_ids(page)) == 8
    assert "Great plan, about time." in page
    assert re.search(r'status-approved">approved', page)


def test_the_authors_link_lists_every_comment_of_the_author(sites: Dashboard) -> None:
    alice, _ = sites.signed_in("alice")
    page = alice.get("/?status=all&site=other&author=troll42").text
    assert "These crooks are at it again." in page and len(item_ids(page)) == 1


def test_the_text_search_finds_published_comments_within_the_users_sites(
    sites: Dashboard,
) -> None:
    alice, _ = sites.signed_in("alice")
    found = alice.get("/?status=all&q=CROOKS").text
    assert len(item_ids(found)) == 1 and "These crooks are at it again." in found
    assert 'name="q" type="search" value="CROOKS"' in found
    assert item_ids(alice.get("/?status=all&q=100%25").text) == []
    carol, _ = sites.signed_in("carol")
    assert item_ids(carol.get("/?status=all&q=crooks").text) == []
    assert len(item_ids(carol.get("/?status=all&q=plan").text)) == 2
    too_long = alice.get("/", params={"status": "all", "q": "x" * 201})
    assert too_long.status_code == 400 and "at most 200 characters" in too_long.text


def test_the_language_and_reason_filters_apply_or_are_refused(sites: Dashboard) -> None:
    alice, _ = sites.signed_in("alice")
    threats = alice.get("/?reason=threat").text
    assert item_ids(threats) and "Kill yourself" in threats and "vermin" not in threats
    unsupported = alice.get("/?reason=language").text
    assert len(item_ids(unsupported)) == 1 and "אתה אידיוט" in unsupported
    hebrew = alice.get("/?language=he").text
    assert len(item_ids(hebrew)) == 1 and "אתה אידיוט" in hebrew
    assert 'name="language" type="text" value="he"' in hebrew
    assert len(item_ids(alice.get("/?language=en").text)) == 8
    assert item_ids(alice.get("/?language=de").text) == []
    refused = alice.get("/?reason=nope")
    assert refused.status_code == 400 and "reason" in refused.text and "threat" in refused.text
    assert alice.get("/?language=%3Cscript%3E").status_code == 400


def test_riskiest_first_puts_self_harm_before_insults_and_says_so(sites: Dashboard) -> None:
    seed_thread(sites.store, site="third")
    alice, _ = sites.signed_in("alice")
    page = alice.get("/?order=riskiest").text
    cards = re.findall(r'id="text-cm_[0-9a-f]+">([^<]+)', page)
    assert cards.index("Kill yourself, nobody would miss you.") < cards.index("You are an ")
    assert "Riskiest first: comments held or rejected for a threat" in page


def test_the_keyboard_help_says_the_riskiest_rule_and_the_bulk_undo(sites: Dashboard) -> None:
    alice, _ = sites.signed_in("alice")
    help_dialog = alice.get("/").text.split('id="help-dialog"')[1].split("</dialog>")[0]
    assert "Riskiest first: comments held or rejected for a threat" in help_dialog
    assert "a bulk action whole" in help_dialog
