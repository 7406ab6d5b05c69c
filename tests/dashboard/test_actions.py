"""Moderating from the dashboard: verdicts, races, undo, bans, notes, bulk actions."""

from __future__ import annotations

import html
import json
import re
import time

import pytest
from dashboard_support import PASSWORD, Dashboard, item_ids

from threadguard.dashboard.routes import actions


def htmx(csrf: str) -> dict[str, str]:
    return {"HX-Request": "true", "X-CSRF-Token": csrf}


def test_approve_answers_the_item_the_counter_and_the_undo_bar(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    ids = item_ids(client.get("/").text)
    answer = client.post(f"/actions/{ids[0]}/approve", headers=htmx(csrf), data={"back": "/"})
    assert answer.status_code == 200
    assert json.loads(answer.headers["hx-trigger-after-swap"])["tg-acted"]["ok"] is True
    assert f'id="item-{ids[0]}"' in answer.text and 'hx-swap-oob="outerHTML"' in answer.text
    assert "approved by alice" in answer.text
    assert "<strong>6</strong> held comments left" in answer.text
    assert 'id="undo-button"' in answer.text
    assert dashboard.store.comment(ids[0]).status == "approved"


def test_the_second_moderator_sees_who_won_not_an_error(dashboard: Dashboard) -> None:
    alice, a_csrf = dashboard.signed_in("alice")
    bob, b_csrf = dashboard.signed_in("bob")
    first = item_ids(alice.get("/").text)[0]
    assert alice.post(f"/actions/{first}/approve", headers=htmx(a_csrf)).status_code == 200
    late = bob.post(f"/actions/{first}/reject", headers=htmx(b_csrf))
    assert late.status_code == 200
    assert json.loads(late.headers["hx-trigger-after-swap"])["tg-acted"]["ok"] is False
    assert re.search(r"already approved by alice", late.text)
    assert dashboard.store.comment(first).status == "approved"
    # Without script, the loser is sent back to the queue, which shows the verdict.
    plain = bob.post(f"/actions/{first}/reject", data={"csrf_token": b_csrf})
    assert plain.status_code == 200 and "Moderation queue" in plain.text


def test_an_approval_is_reversed_from_the_approved_tab(dashboard: Dashboard) -> None:
    """After the undo window a wrong approval could never be taken back: the card's
    Reject button always answered "already approved by ..."."""
    alice, a_csrf = dashboard.signed_in("alice")
    first = item_ids(alice.get("/").text)[0]
    alice.post(f"/actions/{first}/approve", headers=htmx(a_csrf))
    bob, b_csrf = dashboard.signed_in("bob")
    card = bob.get("/", params={"status": "approved"}).text
    assert f'id="item-{first}"' in card and 'name="expected" value="approved"' in card
    late = bob.post(f"/actions/{first}/reject", headers=htmx(b_csrf), data={"expected": "approved"})
    assert json.loads(late.headers["hx-trigger-after-swap"])["tg-acted"]["ok"] is True
    assert dashboard.store.comment(first).status == "rejected"
    assert "rejected by bob" in late.text


def test_a_second_press_of_the_same_key_keeps_the_undo_bar(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    first = item_ids(client.get("/").text)[0]
    client.post(f"/actions/{first}/approve", headers=htmx(csrf))
    again = client.post(f"/actions/{first}/approve", headers=htmx(csrf))
    assert json.loads(again.headers["hx-trigger-after-swap"])["tg-acted"]["ok"] is False
    assert 'id="undo-bar"' not in again.text  # the first press's bar is left in place
    assert "Your approve was undone" in client.post("/actions/undo", headers=htmx(csrf)).text


def test_undo_reverts_the_last_verdict_once(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    first = item_ids(client.get("/").text)[0]
    client.post(f"/actions/{first}/reject", headers=htmx(csrf))
    undone = client.post("/actions/undo", headers=htmx(csrf))
    assert "Your reject was undone" in undone.text
    assert dashboard.store.comment(first).status == "pending"
    again = client.post("/actions/undo", headers=htmx(csrf))
    assert "Nothing to undo" in again.text
    assert dashboard.store.audit_log(action="comment.undo").total == 1
    # The message is swapped into the queue page's #flash, which must be there to take it
    # (it was not: a late undo said nothing).
    assert 'id="flash"' in again.text and 'id="flash"' in client.get("/").text


def test_the_policy_link_is_shown_to_admins_only(dashboard: Dashboard) -> None:
    moderator, _ = dashboard.signed_in("alice")
    assert 'href="/policy"' not in moderator.get("/").text
    dashboard.store.add_user("ada", "admin", PASSWORD)
    admin, _ = dashboard.signed_in("ada")
    assert 'href="/policy"' in admin.get("/").text


def test_undo_has_a_window(dashboard: Dashboard, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import timedelta

    monkeypatch.setattr(actions, "UNDO_WINDOW", timedelta(seconds=0.2))
    client, csrf = dashboard.signed_in()
    first = item_ids(client.get("/").text)[0]
    client.post(f"/actions/{first}/approve", headers=htmx(csrf))
    time.sleep(0.3)
    assert "Nothing to undo" in client.post("/actions/undo", headers=htmx(csrf)).text
    assert dashboard.store.comment(first).status == "approved"


def test_ban_with_a_duration_suspends_and_undo_lifts_it(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    page = client.get("/").text
    first = item_ids(page)[0]
    answer = client.post(
        "/actions/ban",
        headers=htmx(csrf),
        data={"comment_id": first, "duration": "7d", "note": "insults"},
    )
    assert "Author banned until" in answer.text and "suspended until" in answer.text
    author = dashboard.store.comment(first).author
    assert author is not None
    site = dashboard.store.comment(first).site
    assert dashboard.store.authors(site, [author])[author].banned
    client.post("/actions/undo", headers=htmx(csrf))
    assert not dashboard.store.authors(site, [author])[author].banned


def test_a_note_needs_text_and_shows_in_the_history(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    first = item_ids(client.get("/").text)[0]
    empty = client.post(f"/actions/{first}/note", headers=htmx(csrf), data={"note": " "})
    assert "a note needs text" in empty.text
    noted = client.post(f"/actions/{first}/note", headers=htmx(csrf), data={"note": "watch"})
    assert '<ul class="notes"><li>watch</li></ul>' in noted.text


def test_bulk_approves_the_selection(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    ids = item_ids(client.get("/").text)[:3]
    answer = client.post(
        "/actions/bulk",
        data={"csrf_token": csrf, "action": "approve", "ids": ids, "back": "/?status=held"},
        follow_redirects=False,
    )
    # without script: the queue page again, saying what was done
    assert answer.status_code == 200
    assert "Approved 3 of 3 selected comments." in answer.text
    assert {dashboard.store.comment(i).status for i in ids} == {"approved"}
    assert "<strong>4</strong> held comments left" in client.get("/").text


def test_bulk_says_how_many_applied_and_which_were_skipped_and_why(dashboard: Dashboard) -> None:
    """ "Reject selected" of 3 where another moderator had approved one changed only the
    counter; with nothing selected the page reloaded silently."""
    client, csrf = dashboard.signed_in()
    ids = item_ids(client.get("/").text)[:3]
    bob, bob_csrf = dashboard.signed_in("bob")
    bob.post(f"/actions/{ids[1]}/approve", headers=htmx(bob_csrf))
    author = dashboard.store.comment(ids[1]).author
    answer = client.post(
        "/actions/bulk",
        headers=htmx(csrf),
        data={"action": "reject", "ids": ids, "back": "/"},
    )
    assert answer.status_code == 200
    flash = re.search(r'<div id="flash"[^>]*hx-swap-oob="outerHTML">([^<]*)</div>', answer.text)
    assert flash is not None, answer.text
    text = html.unescape(flash.group(1))
    assert text.startswith("Rejected 2 of 3 selected comments. Skipped 1: ")
    assert f"{author}: comment {ids[1]} was already approved by bob" in text
    assert [dashboard.store.comment(i).status for i in ids] == ["rejected", "approved", "rejected"]
    nothing = client.post(
        "/actions/bulk", headers=htmx(csrf), data={"action": "approve", "back": "/"}
    )
    assert "Select comments first" in nothing.text
    plain = client.post("/actions/bulk", data={"csrf_token": csrf, "action": "approve"})
    assert plain.status_code == 200 and "Select comments first" in plain.text


def test_tabs_filters_and_orders(dashboard: Dashboard) -> None:
    client, _ = dashboard.signed_in()
    page = client.get("/").text
    assert re.search(r'Held <span class="count">7</span>', page)
    assert re.search(r'Approved <span class="count">0</span>', page)
    riskiest = client.get("/?order=riskiest").text
    assert riskiest.index("hater") < riskiest.index("grumpy")
    newest = client.get("/?order=newest").text
    assert newest.index("angry") < newest.index("troll42")
    assert item_ids(client.get("/?site=elsewhere").text) == []
    assert len(item_ids(client.get("/?article=housing-plan").text)) == 7
    assert len(item_ids(client.get("/?status=all").text)) == 8  # ann's published one too
    assert "Nothing here" in client.get("/?status=rejected").text


def test_the_next_page_starts_after_this_pages_last_comment_however_many_were_decided(
    dashboard: Dashboard,
) -> None:
    """Pages follow each other by position: five comments approved on page 1 left the held
    tab, and a page counted by offset skipped five held comments."""
    import html as markup
    import re

    from dashboard_support import seed_many

    from threadguard.storage.repositories.review import ReviewFilter

    seed_many(dashboard.store, 120, site="big")
    client, csrf = dashboard.signed_in()
    first = client.get("/?site=big")
    page_one = item_ids(first.text)
    assert len(page_one) == 50
    for comment in page_one[:5]:
        assert client.post(f"/actions/{comment}/approve", headers=htmx(csrf)).status_code == 200
    [next_href] = re.findall(r'<a href="([^"]+)" rel="next">', first.text)
    page_two = item_ids(client.get(markup.unescape(next_href)).text)
    held = dashboard.store.review_page(ReviewFilter(site="big"), limit=200).items
    held_in_order = [i.comment_id for i in held]  # 45 left of page 1, then the rest
    assert held_in_order[:45] == page_one[5:]
    assert page_two == held_in_order[45:95]
    assert not set(page_two) & set(page_one)


def test_comments_take_their_own_direction_and_names_are_isolated(dashboard: Dashboard) -> None:
    """An Arabic comment was laid out left to right (its closing question mark at the wrong
    end), and in a reply chain an Arabic name and text ran together as one run."""
    client, _ = dashboard.signed_in()
    page = client.get("/").text
    assert re.search(r'<p class="text" dir="auto" id="text-', page)
    assert '<bdi class="author">' in page and '<span class="author">' not in page


def test_a_bidi_control_in_an_author_name_is_shown_not_obeyed(dashboard: Dashboard) -> None:
    """ "\\u202eevil_rlo" read "olr_live" in the queue and the ban dialog."""
    from dashboard_support import held

    from threadguard.storage.records import ArticleRef

    name = "\u202eevil_rlo"
    dashboard.store.record_many(
        site="news",
        source="native",
        article=ArticleRef("other", "Another article"),
        comments=[held("you are all fools", "r1", name, toxicity=0.7)],
    )
    client, _ = dashboard.signed_in()
    page = client.get("/").text
    assert '<bdi class="author">[U+202E]evil_rlo</bdi>' in page
    assert 'data-author="[U+202E]evil_rlo"' in page  # the ban dialog's title
    assert name not in page


def test_ban_and_reject_rejects_the_comment_that_prompted_the_ban(dashboard: Dashboard) -> None:
    """A ban left the comment that prompted it held, needing a separate reject."""
    client, csrf = dashboard.signed_in()
    page = client.get("/").text
    assert 'name="then" value="reject">Ban and reject this comment</button>' in page
    first = item_ids(page)[0]
    answer = client.post(
        "/actions/ban",
        headers=htmx(csrf),
        data={"comment_id": first, "duration": "7d", "note": "slurs", "then": "reject"},
    )
    assert "Author banned until" in answer.text and "and the comment rejected" in answer.text
    assert "Banned the author and rejected the comment" in answer.text
    event = json.loads(answer.headers["hx-trigger-after-swap"])["tg-acted"]
    assert event == {"id": first, "action": "reject", "ok": True}
    comment = dashboard.store.comment(first)
    assert comment.status == "rejected" and comment.author is not None
    assert dashboard.store.authors(comment.site, [comment.author])[comment.author].banned
    audited = [e.action for e in dashboard.store.audit_log(actor="alice").items]
    assert "author.ban" in audited and "comment.reject" in audited
    # the plain ban still leaves the comment as it was
    other = item_ids(client.get("/").text)[0]
    client.post("/actions/ban", headers=htmx(csrf), data={"comment_id": other, "duration": "1d"})
    assert dashboard.store.comment(other).status == "pending"


def test_ban_and_reject_never_overturns_a_verdict_landed_meanwhile(dashboard: Dashboard) -> None:
    """The reject read the comment's status afresh and sent it as what the moderator saw:
    another moderator's approval landed in between was silently overturned (review)."""
    alice, a_csrf = dashboard.signed_in("alice")
    first = item_ids(alice.get("/").text)[0]
    bob, b_csrf = dashboard.signed_in("bob")
    bob.post(f"/actions/{first}/approve", headers=htmx(b_csrf))
    answer = alice.post(
        "/actions/ban",
        headers=htmx(a_csrf),
        data={"comment_id": first, "duration": "1d", "then": "reject"},
    )
    assert "not rejected" in answer.text and "already approved by bob" in answer.text
    assert dashboard.store.comment(first).status == "approved"


def test_the_queue_filters_by_author_attribute_and_score(dashboard: Dashboard) -> None:
    """author=, attribute= and min_score= worked in the API but the dashboard's / ignored
    them; each card's author line links to all of the author's comments."""
    client, _ = dashboard.signed_in()
    page = client.get("/").text
    link = "/?status=all&amp;site=news&amp;author=troll42"
    assert f'<a href="{link}" class="author-comments"' in page
    theirs = client.get(html.unescape(link)).text
    assert len(item_ids(theirs)) == 2 and "grumpy" not in theirs
    assert re.search(r'All <span class="count">2</span>', theirs)
    assert 'id="f-author" name="author" type="text" value="troll42"' in theirs
    slurs = client.get("/?attribute=identity_attack").text
    assert len(item_ids(slurs)) == 1 and "hater" in slurs  # 0.5 unless told
    insults = client.get("/?attribute=insult&min_score=0.85").text
    assert len(item_ids(insults)) == 1 and "troll42" in insults
    assert "min_score=0.85" in insults  # kept in the tabs' and pages' links
    assert len(item_ids(client.get("/?attribute=insult&min_score=1").text)) == 0


def test_the_author_line_counts_what_is_held_now(dashboard: Dashboard) -> None:
    """One comment held then rejected read "1 comment · 1 held · 1 rejected"."""
    client, csrf = dashboard.signed_in()
    [grumpy] = [
        i for i in item_ids(client.get("/").text) if dashboard.store.comment(i).author == "grumpy"
    ]
    answer = client.post(f"/actions/{grumpy}/reject", headers=htmx(csrf))
    assert "1 comment</a> · 0 held now · 1 rejected" in answer.text


@pytest.mark.parametrize("then", ["", "reject"])
def test_a_ban_of_unknown_duration_is_refused_not_made_permanent(
    dashboard: Dashboard, then: str
) -> None:
    """duration=-1d read as "for good": the author was banned for ever."""
    client, csrf = dashboard.signed_in()
    first = item_ids(client.get("/").text)[0]
    comment = dashboard.store.comment(first)
    assert comment.author is not None
    for path in ("/actions/ban", f"/actions/{first}/ban"):
        answer = client.post(
            path,
            headers=htmx(csrf),
            data={"comment_id": first, "duration": "-1d", "then": then},
        )
        assert answer.status_code == 400
        text = html.unescape(answer.text)
        assert "duration must be one of 1d, 7d, 30d, forever, not '-1d'" in text
        assert not dashboard.store.authors(comment.site, [comment.author])[comment.author].banned
        assert dashboard.store.comment(first).status == comment.status
    assert dashboard.store.audit_log(action="author.ban").items == []
