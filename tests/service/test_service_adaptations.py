"""A site learning from its moderators over HTTP: fit, serve, list, roll back (admins only)."""

from __future__ import annotations

import json
from typing import Any

from service_support import Service

from threadguard.schema import ATTRIBUTES

SITE = "news"
INSULTS = "You are a complete idiot and a liar, number {i}."
CIVIL = "The ferry timetable for route {i} looks sensible to me."


def thread(texts: list[str], thread_id: str) -> str:
    return json.dumps(
        {
            "thread": {"id": thread_id, "title": "Ferry"},
            "comments": [{"id": f"{thread_id}-{i}", "text": t} for i, t in enumerate(texts)],
        }
    )


def give_verdicts(service: Service, n: int) -> None:
    """``n`` insulting comments rejected and ``n`` civil ones approved by a moderator."""
    texts = [INSULTS.format(i=i) for i in range(n)] + [CIVIL.format(i=i) for i in range(n)]
    response = service.post_thread(thread(texts, "t1"), "application/json", site=SITE)
    assert response.status_code == 200, response.text
    for i, comment in enumerate(response.json()["comments"]):
        action = "reject" if i < n else "approve"
        assert service.act(comment["comment_id"], action).status_code == 200


def post(service: Service, path: str, key: str | None = None, **body: Any) -> Any:
    return service.client.post(
        f"/api/v1/sites/{SITE}/{path}",
        headers=service.auth(key or service.admin),
        **({"json": body} if body else {}),
    )


def analysed(service: Service, text: str, thread_id: str) -> dict[str, Any]:
    response = service.post_thread(thread([text], thread_id), "application/json", site=SITE)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()["comments"][0]["analysis"]
    return result


def test_only_admins_may_adapt_a_site_or_see_its_adaptations(service: Service) -> None:
    for key in (service.moderator, service.client_key):
        assert post(service, "adaptations", key).status_code == 403
        assert post(service, "adaptations:rollback", key).status_code == 403
        listed = service.client.get(f"/api/v1/sites/{SITE}/adaptations", headers=service.auth(key))
        assert listed.status_code == 403
    assert post(service, "adaptations", "wrong").status_code == 401


def test_a_site_below_the_minimum_is_refused_with_the_counts(service: Service) -> None:
    give_verdicts(service, 3)
    response = post(service, "adaptations")
    assert response.status_code == 422, response.text
    message = response.json()["error"]["message"]
    assert "3 approved and 3 rejected" in message and "at least 50 of each" in message
    listed = service.client.get(
        f"/api/v1/sites/{SITE}/adaptations", headers=service.auth(service.admin)
    ).json()
    assert listed == {"site": SITE, "active": None, "minimum_per_class": 50, "items": []}
    rollback = post(service, "adaptations:rollback")
    assert rollback.status_code == 409
    assert "no active adaptation" in rollback.json()["error"]["message"]
    assert post(service, "adaptations", kind="forest").status_code == 422


def test_an_adapted_site_is_scored_through_its_adaptation_until_rolled_back(
    service: Service,
) -> None:
    give_verdicts(service, 50)
    text = "Route 7 is a disgrace and whoever planned it is a fool."
    before = analysed(service, text, "b")
    response = post(service, "adaptations")
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["version"] == 1 and created["active"] and created["kind"] == "head"
    assert created["approvals"] == 50 and created["rejections"] == 50
    assert created["figures"]["caught_after"] == created["figures"]["caught_before"]

    after = analysed(service, text, "a")
    assert after["model"] == before["model"] + "+site-adaptation@1"
    assert after["scores"] != before["scores"]
    assert set(after["scores"]) == set(ATTRIBUTES)
    # Other sites keep the engine's scores.
    other = service.post_thread(thread([text], "o"), "application/json", site="other").json()
    assert other["comments"][0]["analysis"]["scores"] == before["scores"]
    # The compatible endpoints score the site the same way (a client key bound to the site),
    # given the same context: the thread's title as the article.
    bound = service.store.create_key("client", site=SITE, name="news-backend")
    perspective = service.client.post(
        "/v1alpha1/comments:analyze",
        json={
            "comment": {"text": text},
            "context": {"articleAndParentComment": {"article": {"text": "Ferry"}}},
            "requestedAttributes": {"TOXICITY": {}},
        },
        headers=service.auth(bound),
    )
    assert perspective.status_code == 200, perspective.text
    value = perspective.json()["attributeScores"]["TOXICITY"]["summaryScore"]["value"]
    assert round(value, 4) == after["scores"]["toxicity"]

    listed = service.client.get(
        f"/api/v1/sites/{SITE}/adaptations", headers=service.auth(service.admin)
    ).json()
    assert listed["active"] == 1 and [v["version"] for v in listed["items"]] == [1]

    rolled = post(service, "adaptations:rollback")
    assert rolled.status_code == 200, rolled.text
    assert rolled.json()["active"] is None
    restored = analysed(service, text, "r")
    assert restored["scores"] == before["scores"] and restored["model"] == before["model"]
    audit = service.client.get(
        "/api/v1/audit", params={"action": "adaptation"}, headers=service.auth(service.admin)
    ).json()
    assert [e["action"] for e in audit["items"]] == ["adaptation.rollback", "adaptation.create"]


def test_a_refit_learns_from_the_engine_scores_not_the_adapted_ones(service: Service) -> None:
    give_verdicts(service, 50)
    assert post(service, "adaptations").status_code == 201
    text = "Route 9 is run by fools."
    adapted = service.post_thread(thread([text], "n"), "application/json", site=SITE).json()
    comment = adapted["comments"][0]
    assert comment["analysis"]["model"].endswith("+site-adaptation@1")
    assert service.act(comment["comment_id"], "reject").status_code == 200
    plain = service.post_thread(thread([text], "p"), "application/json", site="plain").json()
    engine_scores = plain["comments"][0]["analysis"]["scores"]
    exported = [
        json.loads(line)
        for line in service.client.get(
            "/api/v1/export", params={"site": SITE}, headers=service.auth(service.moderator)
        ).text.splitlines()
    ]
    row = next(r for r in exported if r["text"] == text)
    assert {a: round(v, 4) for a, v in row["engine_scores"].items()} == engine_scores
    assert row["attributes"] != row["engine_scores"]
    examples = service.store.adaptation_examples(SITE)
    assert len(examples) == 101
    assert {a: round(v, 4) for a, v in examples[-1].scores.items()} == engine_scores
