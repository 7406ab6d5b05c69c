"""Every dashboard action says what came of it, with script or without.

From a site admin's tryout: without script (no ``HX-Request``) a refused reject of an
approved comment answered ``303 -> /`` and the page said nothing (nor did a success);
with htmx, acting on another site's comment or on an id that does not exist answered
``ok: false`` with no message anywhere (there was no card to put it on); and a bulk
action's skip read "Skipped 1: anonymous: no comment with id 'cm_9ec4...'" for an id that
names no comment, whose author is nobody's business, not "anonymous"."""

from __future__ import annotations

import html
import json
import re

from dashboard_support import PASSWORD, Dashboard, item_ids, seed_thread

from threadguard.storage.repositories.review import ReviewFilter

NOWHERE = "cm_9ec4000000000000000f"


def htmx(csrf: str) -> dict[str, str]:
    return {"HX-Request": "true", "X-CSRF-Token": csrf}


def flash(page: str) -> str:
    """What the page's message area says ("" when nothing)."""
    found = re.search(r'<div id="flash"[^>]*>(.*?)</div>', page, re.S)
    assert found is not None, page
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()


def test_without_script_a_refused_verdict_says_why_on_the_page_it_returns_to(
    dashboard: Dashboard,
) -> None:
    alice, a_csrf = dashboard.signed_in("alice")
    first = item_ids(alice.get("/").text)[0]
    assert alice.post(f"/actions/{first}/approve", headers=htmx(a_csrf)).status_code == 200
    bob, b_csrf = dashboard.signed_in("bob")
    back = "/?status=approved"
    refused = bob.post(
        f"/actions/{first}/reject",
        data={"csrf_token": b_csrf, "back": back},
        follow_redirects=False,
    )
    assert refused.status_code == 303 and refused.headers["location"] == back
    said = flash(bob.get(back).text)
    assert said.startswith("Could not reject: ")
    assert f"comment {first} was already approved by alice" in said
    # and how to change it, which a tryout's moderator read as impossible
    assert said.endswith(
        "to change that verdict, use Reject on its card in the Approved tab or on its thread page."
    )
    assert flash(bob.get(back).text) == ""  # said once, not on every later page
    assert dashboard.store.comment(first).status == "approved"


def test_without_script_a_verdict_that_applied_says_so(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    first = item_ids(client.get("/").text)[0]
    author = dashboard.store.comment(first).author
    done = client.post(
        f"/actions/{first}/reject", data={"csrf_token": csrf, "back": "/"}, follow_redirects=False
    )
    assert done.status_code == 303 and done.headers["location"] == "/"
    assert flash(client.get("/").text) == f"Rejected the comment by {author}."
    undone = client.post(
        "/actions/undo", data={"csrf_token": csrf, "back": "/"}, follow_redirects=False
    )
    assert undone.status_code == 303
    assert flash(client.get("/").text) == "Your reject was undone."
    late = client.post(
        "/actions/undo", data={"csrf_token": csrf, "back": "/"}, follow_redirects=False
    )
    assert flash(client.get(late.headers["location"]).text) == (
        "Nothing to undo: undo takes back your last action within 10 seconds. To change a "
        "verdict after that, use Approve or Reject on its card in the Approved or Rejected "
        "tab, or on its thread page."
    )


def test_the_thread_page_says_what_its_buttons_did(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    page = dashboard.store.review_page(ReviewFilter(status=None, site="news"), limit=20)
    [published] = [i.comment_id for i in page.items if i.author == "ann"]
    assert dashboard.store.comment(published).status == "approved"  # by the policy
    to = client.get(f"/comments/{published}/thread", follow_redirects=False)
    thread = to.headers["location"].split("#")[0]
    back = f"{thread}#c-{published}"
    done = client.post(
        f"/actions/{published}/reject",
        data={"csrf_token": csrf, "back": back, "expected": "approved"},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == back
    assert "Rejected the comment by ann." in flash(client.get(thread).text)
    again = client.post(
        f"/actions/{published}/reject",
        data={"csrf_token": csrf, "back": back, "expected": "approved"},
        follow_redirects=False,
    )
    assert "Could not reject: " in flash(client.get(again.headers["location"]).text)


def test_a_forged_message_cookie_is_not_shown(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    first = item_ids(client.get("/").text)[0]
    client.post(
        f"/actions/{first}/reject", data={"csrf_token": csrf, "back": "/"}, follow_redirects=False
    )
    made = client.cookies.get("tg_flash")
    assert made
    other, _ = dashboard.signed_in("bob")  # another session: the message is not its
    other.cookies.set("tg_flash", made, domain="127.0.0.1", path="/")
    assert flash(other.get("/").text) == ""
    client.cookies.set("tg_flash", "Q2FsbCAwMTIzIGZvciBoZWxw.abc", domain="127.0.0.1", path="/")
    assert flash(client.get("/").text) == ""


def test_with_htmx_an_action_on_no_comment_says_so(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    answer = client.post(f"/actions/{NOWHERE}/reject", headers=htmx(csrf), data={"back": "/"})
    assert json.loads(answer.headers["hx-trigger-after-swap"])["tg-acted"]["ok"] is False
    assert 'hx-swap-oob="outerHTML"' in answer.text
    assert flash(answer.text) == f"Could not reject: no comment with id '{NOWHERE}'."
    ban = client.post("/actions/ban", headers=htmx(csrf), data={"comment_id": NOWHERE})
    assert flash(ban.text) == f"Could not ban the author: no comment with id '{NOWHERE}'."


def test_with_htmx_an_action_on_another_sites_comment_says_so(dashboard: Dashboard) -> None:
    seed_thread(dashboard.store, site="other")
    dashboard.store.add_user("carol", "moderator", PASSWORD, site="news")
    other = dashboard.store.review_page(ReviewFilter(status="pending", site="other"), limit=1)
    theirs = other.items[0].comment_id
    carol, csrf = dashboard.signed_in("carol")
    answer = carol.post(f"/actions/{theirs}/approve", headers=htmx(csrf), data={"back": "/"})
    assert json.loads(answer.headers["hx-trigger-after-swap"])["tg-acted"]["ok"] is False
    # as for a key: no comment of the account's sites, its site and author unsaid
    assert flash(answer.text) == f"Could not approve: no comment with id '{theirs}'."
    assert dashboard.store.comment(theirs).status == "pending"


def test_a_bulk_skip_of_no_comment_names_no_author(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    ids = item_ids(client.get("/").text)[:2]
    answer = client.post(
        "/actions/bulk",
        headers=htmx(csrf),
        data={"action": "reject", "ids": [*ids, NOWHERE], "back": "/"},
    )
    said = flash(answer.text)
    assert said == (
        f"Rejected 2 of 3 selected comments. Skipped 1: no comment with id '{NOWHERE}'."
    ), said
    assert "anonymous" not in said
