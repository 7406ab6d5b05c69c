"""The queue's score filter refuses what the API refuses, as ``?reason=`` already did.

An operator's tryout: ``/?attribute=foo&min_score=0.8`` and ``/?attribute=insult&min_score=abc``
answered 200 with the whole queue or the default score (0.5), a different filter from the
one asked for, where ``GET /api/v1/queue`` answers 400 ``unknown attribute 'foo'``."""

from __future__ import annotations

import html

import pytest
from dashboard_support import Dashboard, item_ids

from threadguard.schema import ATTRIBUTES


@pytest.mark.parametrize(
    ("query", "field", "says"),
    [
        ("attribute=foo&min_score=0.8", "attribute", f"must be one of {', '.join(ATTRIBUTES)}"),
        ("attribute=foo", "attribute", "not 'foo'"),
        ("attribute=INSULT", "attribute", "not 'INSULT'"),
        ("attribute=insult&min_score=abc", "min_score", "must be a number from 0 to 1, not 'abc'"),
        ("attribute=insult&min_score=1.5", "min_score", "must be a number from 0 to 1, not '1.5'"),
        ("attribute=insult&min_score=-0.1", "min_score", "not '-0.1'"),
        ("attribute=insult&min_score=nan", "min_score", "not 'nan'"),
        ("min_score=0.8", "min_score", "needs an attribute to apply to"),
    ],
)
def test_a_score_filter_the_queue_cannot_apply_is_a_400_naming_it(
    dashboard: Dashboard, query: str, field: str, says: str
) -> None:
    client, _ = dashboard.signed_in()
    answer = client.get(f"/?{query}")
    assert answer.status_code == 400, answer.text[:300]
    page = html.unescape(answer.text)
    assert "This filter was not accepted" in page
    assert f"<p>{field} " in page and says in page, page


def test_the_score_filters_the_form_sends_still_apply(dashboard: Dashboard) -> None:
    """The filter form sends both fields, blank when unset: blanks are no filter."""
    client, _ = dashboard.signed_in()
    everything = item_ids(client.get("/").text)
    assert everything
    assert item_ids(client.get("/?attribute=&min_score=").text) == everything
    assert client.get("/?attribute=insult&min_score=").status_code == 200
    assert client.get("/?attribute=insult&min_score=%200.85%20").status_code == 200
    assert item_ids(client.get("/?attribute=insult&min_score=1").text) == []


def test_a_back_url_with_a_bad_score_filter_is_refused_before_acting(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    first = item_ids(client.get("/").text)[0]
    hx = {"HX-Request": "true", "X-CSRF-Token": csrf}
    answer = client.post(
        f"/actions/{first}/approve", headers=hx, data={"back": "/?attribute=foo&min_score=0.8"}
    )
    assert answer.status_code == 400 and "back" in answer.text
    assert dashboard.store.comment(first).status == "pending"


@pytest.mark.parametrize("status", ["bogus", "pending", "HELD", "x" * 80])
def test_an_unknown_status_is_a_400_naming_it_not_the_held_tab(
    dashboard: Dashboard, status: str
) -> None:
    """``/?status=bogus`` showed the held tab, as if asked for, where ``GET /api/v1/queue``
    answers 400."""
    client, csrf = dashboard.signed_in()
    answer = client.get("/", params={"status": status})
    assert answer.status_code == 400, answer.text[:300]
    page = html.unescape(answer.text)
    assert "This filter was not accepted" in page
    assert "<p>status must be one of held, rejected, approved, all, not " in page
    assert f"not {status[:40]!r}" in page
    # the tabs' own values and a blank one still work
    for good in ("held", "rejected", "approved", "all", ""):
        assert client.get("/", params={"status": good}).status_code == 200
    # a form's back URL with it is refused before anything is applied
    first = item_ids(client.get("/").text)[0]
    hx = {"HX-Request": "true", "X-CSRF-Token": csrf}
    refused = client.post(
        f"/actions/{first}/approve", headers=hx, data={"back": f"/?status={status}"}
    )
    assert refused.status_code == 400
    assert dashboard.store.comment(first).status == "pending"
