"""Dashboard accounts limited to one site (`user add --site S`): like a site-bound key,
such an account sees and acts on its site only, on every page and action; an account
without a site keeps every site."""

from __future__ import annotations

import html
import json
import re

import pytest
from dashboard_support import PASSWORD, Dashboard, item_ids, seed_thread
from test_accounts import user

from threadguard.storage import InvalidError
from threadguard.storage.repositories.review import ReviewFilter


@pytest.fixture
def two_sites(dashboard: Dashboard) -> Dashboard:
    """ "news" (seeded by the fixture) and "other", and carol, a moderator of "news" only."""
    seed_thread(dashboard.store, site="other")
    code, output = user(
        dashboard, "add", "carol", "--role", "moderator", "--password", PASSWORD, "--site", "news"
    )
    assert code == 0 and "added moderator carol for site news" in output, output
    return dashboard


def ids_of(dashboard: Dashboard, site: str) -> set[str]:
    page = dashboard.store.review_page(ReviewFilter(status=None, site=site), limit=100)
    return {i.comment_id for i in page.items}


def test_the_site_is_stored_and_listed(two_sites: Dashboard) -> None:
    code, output = user(two_sites, "list")
    rows = {line.split()[0]: line.split()[1:3] for line in output.splitlines()[1:]}
    assert rows["carol"] == ["moderator", "news"] and rows["alice"] == ["moderator", "*"]
    with pytest.raises(InvalidError):
        two_sites.store.add_user("dave", "moderator", PASSWORD, site=" ")
    code, output = user(
        two_sites, "add", "erin", "--role", "moderator", "--password", PASSWORD, "--site", "x" * 300
    )
    assert code == 2, output


def test_the_queue_shows_the_accounts_site_only(two_sites: Dashboard) -> None:
    news, other = ids_of(two_sites, "news"), ids_of(two_sites, "other")
    carol, _ = two_sites.signed_in("carol")
    page = carol.get("/?status=all").text
    assert set(item_ids(page)) == news & set(item_ids(page)) and set(item_ids(page))
    assert not set(item_ids(page)) & other
    assert "site news" in page  # the header says which site the account is for
    assert '<option value="other"' not in page
    refused = carol.get("/?site=other")
    assert refused.status_code == 403 and "not &#39;other&#39;" in refused.text
    # another author's comments on the other site: the author filter stays on news
    assert not set(item_ids(carol.get("/?status=all&author=troll42").text)) & other
    # an account without a site keeps every site
    alice, _ = two_sites.signed_in("alice")
    assert set(item_ids(alice.get("/?status=all&site=other").text)) & other


def test_actions_on_another_sites_comments_are_refused(two_sites: Dashboard) -> None:
    other = sorted(ids_of(two_sites, "other"))
    before = {c: two_sites.store.comment(c).status for c in other}
    carol, csrf = two_sites.signed_in("carol")
    headers = {"HX-Request": "true", "X-CSRF-Token": csrf}
    answer = carol.post(f"/actions/{other[0]}/reject", headers=headers, data={"back": "/"})
    assert json.loads(answer.headers["hx-trigger-after-swap"])["tg-acted"]["ok"] is False
    assert f'id="item-{other[0]}"' not in answer.text  # nor its card, with its text
    carol.post("/actions/ban", headers=headers, data={"comment_id": other[1], "duration": "1d"})
    bulk = carol.post(
        "/actions/bulk",
        headers=headers,
        data={"action": "approve", "ids": other, "back": "/"},
    )
    said = html.unescape(bulk.text)
    assert f"Approved 0 of {len(other)}" in said
    assert not re.search(r"troll42|hater|grumpy", said)  # no author names of the other site
    assert {c: two_sites.store.comment(c).status for c in other} == before
    authors = two_sites.store.authors("other", ["troll42", "hater", "grumpy", "angry"])
    assert not any(a.banned for a in authors.values())
    assert all(e.site != "other" for e in two_sites.store.audit_log(actor="carol").items)


def test_threads_and_stats_are_the_accounts_site_only(two_sites: Dashboard) -> None:
    carol, _ = two_sites.signed_in("carol")
    listing = carol.get("/threads").text
    threads = re.findall(r'href="/threads/(\d+)"', listing)
    news_thread = two_sites.store.threads.find_thread("news", "housing-plan")
    other_thread = two_sites.store.threads.find_thread("other", "housing-plan")
    assert str(news_thread) in threads and str(other_thread) not in threads
    assert carol.get("/threads?site=other").status_code == 403
    assert carol.get(f"/threads/{news_thread}").status_code == 200
    refused = carol.get(f"/threads/{other_thread}")
    assert refused.status_code == 404 and "vermin" not in refused.text
    other_comment = sorted(ids_of(two_sites, "other"))[0]
    jump = carol.get(f"/comments/{other_comment}/thread", follow_redirects=False)
    assert jump.status_code == 404
    assert carol.get("/stats?site=other").status_code == 403
    stats = carol.get("/stats")
    assert stats.status_code == 200 and '<option value="other"' not in stats.text
    assert re.search(r'<option value="news"[^>]* selected', stats.text)
    # alice, with no site, sees the other site's thread and stats
    alice, _ = two_sites.signed_in("alice")
    assert alice.get(f"/threads/{other_thread}").status_code == 200
    assert alice.get("/stats?site=other").status_code == 200


def test_an_admin_limited_to_a_site_edits_its_policy_only(two_sites: Dashboard) -> None:
    two_sites.store.add_user("root", "admin", PASSWORD, site="news")
    root, csrf = two_sites.signed_in("root")
    assert root.get("/policy?site=other").status_code == 403
    page = root.get("/policy")
    assert page.status_code == 200 and '<option value="other"' not in page.text
    refused = root.post(
        "/policy/restore", headers={"X-CSRF-Token": csrf}, data={"site": "other", "version": "1"}
    )
    assert refused.status_code == 403
