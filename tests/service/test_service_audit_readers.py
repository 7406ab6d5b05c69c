"""Who reads the audit log: admins, on every surface. A moderator's key read it at
``GET /api/v1/audit`` while the dashboard's audit page (``/audit``, and its CSV) answered
the same moderator's account 403; the stricter rule now holds for both (the log holds
sign-ins with their addresses, failed sign-ins' names, keys and accounts made, erasures'
reasons). Who gave a comment's verdict stays on the comment for moderators."""

from __future__ import annotations

from pages_support import signed_in
from service_support import Service

THREAD = '{"thread": {"id": "t", "title": "Ferry"}, "comments": [{"id": "a", "text": "Hello"}]}'


def test_only_admins_read_the_audit_log_through_the_api_and_the_dashboard(
    service: Service,
) -> None:
    posted = service.post_thread(THREAD, "application/json", site="news")
    comment_id = posted.json()["comments"][0]["comment_id"]
    assert service.act(comment_id, "reject").status_code == 200
    as_moderator = service.client.get("/api/v1/audit", headers=service.auth(service.moderator))
    assert as_moderator.status_code == 403, as_moderator.text
    assert "the key's role is moderator" in as_moderator.json()["error"]["message"]
    as_admin = service.client.get("/api/v1/audit", headers=service.auth(service.admin))
    assert as_admin.status_code == 200
    assert "comment.reject" in [e["action"] for e in as_admin.json()["items"]]
    site_admin = service.store.create_key("admin", site="news")
    assert service.client.get("/api/v1/audit", headers=service.auth(site_admin)).is_success
    with signed_in(service, "mia", "moderator") as mia:
        assert mia.get("/audit").status_code == 403
        assert mia.get("/audit.csv").status_code == 403
    with signed_in(service, "ada", "admin") as ada:
        assert ada.get("/audit").status_code == 200
    # a moderator still sees who decided a comment, on the comment
    comment = service.client.get(
        f"/api/v1/comments/{comment_id}", headers=service.auth(service.moderator)
    ).json()
    assert comment["moderator_decision"]["action"] == "reject"
    assert [a["action"] for a in comment["actions"]] == ["reject"]
