"""An action the dashboard does not have (``/actions/{id}/delete``, a bulk ``action`` of
"ban") gets a 400 page naming the actions there are, and nothing changes.

Before, such a post was sent back to its page (303) with nothing said, so a hand-made
link or a script's typo read as if it had been applied.
"""

from __future__ import annotations

from dashboard_support import Dashboard, item_ids


def test_an_unknown_action_is_named_with_the_ones_there_are(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    first = item_ids(client.get("/").text)[0]
    answer = client.post(
        f"/actions/{first}/delete", data={"csrf_token": csrf}, follow_redirects=False
    )
    assert answer.status_code == 400, answer.text
    assert "Unknown action" in answer.text
    assert "approve, reject, ban, unban, trust, untrust, note" in answer.text
    assert "&#39;delete&#39;" in answer.text and "Nothing was changed" in answer.text
    bulk = client.post(
        "/actions/bulk",
        data={"csrf_token": csrf, "action": "ban", "ids": [first]},
        follow_redirects=False,
    )
    assert bulk.status_code == 400, bulk.text
    assert "approve, reject" in bulk.text and "&#39;ban&#39;" in bulk.text
    assert dashboard.store.comment(first).status == "pending"
    assert dashboard.store.comment(first).actions == []
