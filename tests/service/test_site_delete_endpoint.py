"""``DELETE /api/v1/sites/{site}``: an admin deletes a site that holds nothing moderated
(a misspelt ``?site=`` on a policy upload), audited; a site with comments is a 409, an
unknown one a 404, a site-bound key may not delete another site; reading a site's policy
makes no site."""

from __future__ import annotations

from service_support import Service

TYPO_POLICY = "[authors]\npremoderate_first = 1\n"


def put_policy(service: Service, site: str) -> int:
    response = service.client.put(
        f"/api/v1/sites/{site}/policy",
        content=TYPO_POLICY,
        headers={**service.auth(service.admin), "Content-Type": "application/toml"},
    )
    return int(response.status_code)


def test_an_admin_deletes_a_site_that_holds_nothing_moderated(service: Service) -> None:
    assert put_policy(service, "exmaple") == 200
    assert "exmaple" in service.store.site_names()
    response = service.client.delete("/api/v1/sites/exmaple", headers=service.auth(service.admin))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["site"] == "exmaple" and body["deleted"] is True and body["policy_version"] == 1
    assert "exmaple" not in service.store.site_names()
    entry = service.store.audit_log(action="site.delete").items[0]
    assert (entry.actor_role, entry.object_id) == ("admin", "exmaple")
    assert service.admin.split("_")[1] in entry.actor
    # the policy now read is the server's, not the deleted site's cached one
    policy = service.client.get(
        "/api/v1/sites/exmaple/policy", headers=service.auth(service.admin)
    ).json()
    assert policy["source"] == "default" and policy["version"] == 0
    # reading made no site again
    assert "exmaple" not in service.store.site_names()


def test_a_site_with_comments_is_refused_and_an_unknown_one_is_not_found(service: Service) -> None:
    uploaded = service.post_thread(
        "A title\n\n  • ann\n    I think the plan is fine.\n", site="news"
    )
    assert uploaded.status_code == 200, uploaded.text
    refused = service.client.delete("/api/v1/sites/news", headers=service.auth(service.admin))
    assert refused.status_code == 409
    assert "holds 1 comment" in refused.json()["error"]["message"]
    assert "news" in service.store.site_names()
    missing = service.client.delete("/api/v1/sites/nosuch", headers=service.auth(service.admin))
    assert missing.status_code == 404
    moderator = service.client.delete("/api/v1/sites/news", headers=service.auth(service.moderator))
    assert moderator.status_code == 403


def test_a_site_bound_admin_key_may_not_delete_another_site(service: Service) -> None:
    assert put_policy(service, "exmaple") == 200
    bound = service.store.create_key("admin", site="news")
    response = service.client.delete("/api/v1/sites/exmaple", headers=service.auth(bound))
    assert response.status_code == 403
    assert "exmaple" in service.store.site_names()
