"""A session that ends while a moderator works the queue: the action clicked is not
applied, the moderator is told so, and signing in again goes back to the page they were
on (its site, tab, order and page), not to the front page."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

from dashboard_support import PASSWORD, Dashboard, csrf_of, item_ids, token_in

from threadguard.dashboard import STALE_PAGE
from threadguard.storage.models import utcnow

PAGE = "/?site=news&status=held&order=newest&page=1"


def _idle_out(dashboard: Dashboard) -> None:
    """Every open session last used two hours ago: past the idle timeout."""
    with dashboard.store.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE web_sessions SET last_seen_at = ?", (utcnow() - timedelta(hours=2),)
        )


def test_an_htmx_approve_after_the_idle_timeout_is_not_applied_and_returns_to_its_page(
    dashboard: Dashboard,
) -> None:
    client, csrf = dashboard.signed_in()
    [first, *_] = item_ids(client.get(PAGE).text)
    _idle_out(dashboard)
    answer = client.post(
        f"/actions/{first}/approve",
        data={"csrf_token": csrf, "back": PAGE},
        headers={
            "HX-Request": "true",
            "HX-Current-URL": "http://127.0.0.1" + PAGE,
            "X-CSRF-Token": csrf,
        },
        follow_redirects=False,
    )
    assert dashboard.store.comment(first).status == "pending"
    form = client.get(answer.headers["hx-redirect"])
    assert "Your session has ended, so that last action was not applied" in form.text
    found = re.search(r'name="next" value="([^"]*)"', form.text)
    assert found is not None and unescape(found.group(1)) == PAGE
    again = client.post(
        "/login",
        data={
            "username": "alice",
            "password": PASSWORD,
            "csrf_token": token_in(form.text),
            "next": unescape(found.group(1)),
        },
        follow_redirects=False,
    )
    assert again.status_code == 303 and again.headers["location"] == PAGE


def test_an_action_from_a_page_older_than_the_session_says_it_was_not_applied(
    dashboard: Dashboard,
) -> None:
    """The session ended, the moderator signed in again in another tab, then pressed a
    key on the first tab's card: the page reloaded with no word, as if it had applied."""
    client, old_csrf = dashboard.signed_in()
    [first, *_] = item_ids(client.get(PAGE).text)
    _idle_out(dashboard)
    assert dashboard.sign_in(client).status_code == 303  # the other tab
    answer = client.post(
        f"/actions/{first}/approve",
        headers={
            "HX-Request": "true",
            "HX-Current-URL": "http://127.0.0.1" + PAGE,
            "X-CSRF-Token": old_csrf,
        },
    )
    assert answer.headers.get("hx-refresh") == "true"
    assert dashboard.store.comment(first).status == "pending"
    reloaded = client.get(PAGE).text
    assert unescape(STALE_PAGE) in unescape(reloaded)
    assert STALE_PAGE not in unescape(client.get(PAGE).text)  # said once
    assert csrf_of(reloaded) != old_csrf
