"""``/audit``: the audit log for admins in the dashboard, read-only, paged and filtered
by actor and action, through the API's own query (it was reachable only at
``GET /api/v1/audit``, so an admin without an API key could not check who did what)."""

from __future__ import annotations

from html import unescape

import pytest
from dashboard_support import PASSWORD, Dashboard, item_ids, seed_thread
from test_accounts import user

from threadguard.dashboard.routes import audit
from threadguard.storage.repositories.review import ReviewFilter


def htmx(csrf: str) -> dict[str, str]:
    return {"HX-Request": "true", "X-CSRF-Token": csrf}


def test_admins_read_the_log_filtered_by_actor_and_action(dashboard: Dashboard) -> None:
    alice, csrf = dashboard.signed_in("alice")
    first = item_ids(alice.get("/").text)[0]
    alice.post(f"/actions/{first}/reject", headers=htmx(csrf))
    assert alice.get("/audit").status_code == 403  # moderators: no
    assert 'href="/audit"' not in alice.get("/").text
    dashboard.store.add_user("ada", "admin", PASSWORD)
    ada, _ = dashboard.signed_in("ada")
    assert 'href="/audit"' in ada.get("/").text
    page = ada.get("/audit?actor=alice&action=comment").text
    assert "<code>comment.reject</code>" in page and first in page
    assert "user.sign_in" not in page
    assert "<code>user.sign_in</code>" in ada.get("/audit?action=user").text
    assert "No entry matches." in ada.get("/audit?actor=nobody").text
    for wildcard in ("%", "_", "comm_nt"):  # they listed every entry (review 35b)
        assert "No entry matches." in ada.get("/audit", params={"action": wildcard}).text
    assert ada.get("/audit", params={"actor": "x" * 201}).status_code in (400, 422)


def test_the_log_is_paged(dashboard: Dashboard, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit, "PAGE_SIZE", 2)
    dashboard.store.add_user("ada", "admin", PASSWORD)
    ada, _ = dashboard.signed_in("ada")
    first = ada.get("/audit").text
    assert "page 1 of" in first and 'href="/audit?page=2" rel="next"' in first
    second = ada.get("/audit?page=2").text
    assert 'href="/audit" rel="prev"' in second


def test_a_site_bound_admin_sees_its_sites_entries_only(dashboard: Dashboard) -> None:
    seed_thread(dashboard.store, site="other")
    alice, csrf = dashboard.signed_in("alice")
    other = dashboard.store.review_page(ReviewFilter(site="other"), limit=1).items[0].comment_id
    alice.post(f"/actions/{other}/reject", headers=htmx(csrf))
    code, output = user(
        dashboard, "add", "nadia", "--role", "admin", "--password", PASSWORD, "--site", "news"
    )
    assert code == 0, output
    nadia, _ = dashboard.signed_in("nadia")
    assert other not in nadia.get("/audit?action=comment").text


def test_a_moderators_audit_rows_say_what_they_did_to_which_comment_and_why(
    dashboard: Dashboard,
) -> None:
    """A verdict's row had no reason (it was only in the decision row) and the undo of a
    ban named no comment: the on-call engineer had to join tables by hand."""
    alice, csrf = dashboard.signed_in("alice")
    first, second = item_ids(alice.get("/").text)[:2]
    alice.post(
        "/actions/ban",
        data={"comment_id": first, "then": "reject", "note": "posted a neighbour's address"},
        headers=htmx(csrf),
    )
    [reject] = dashboard.store.audit_log(action="comment.reject").items
    assert (reject.actor, reject.object_type, reject.object_id, reject.site) == (
        "alice",
        "comment",
        first,
        "news",
    )
    assert reject.before is not None and reject.before["status"] == "pending"
    assert reject.after is not None and reject.after["status"] == "rejected"
    assert reject.after["reason"] == "posted a neighbour's address"
    [ban] = dashboard.store.audit_log(action="author.ban").items
    assert ban.after is not None and ban.after["comment"] == first
    alice.post(f"/actions/{second}/ban", data={"duration": "1d"}, headers=htmx(csrf))
    alice.post("/actions/undo", headers=htmx(csrf))
    [unban] = dashboard.store.audit_log(action="author.undo_ban").items
    assert unban.after == {"banned": False, "comment": second}
    dashboard.store.add_user("ada", "admin", PASSWORD)
    ada, _ = dashboard.signed_in("ada")
    page = unescape(ada.get("/audit?action=comment.reject").text)
    assert '"reason": "posted a neighbour\'s address"' in page and first in page
