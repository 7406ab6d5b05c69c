"""A site's rules on every endpoint, and the cheap paths of every request.

Watchlist, pre-moderation, trusted authors, bans and escalation decide Coral's comments as
they decide native uploads (Coral names the site and the author); Perspective and OpenAI
requests name no author, so the key's site watchlist applies to them. Then /healthz,
which must not query the database on every poll, and the key cache, which must keep the
hot path off the database while a revoked key still stops within its time-to-live.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_support import Databases, Service

from threadguard.engine import Engine
from threadguard.service.app import create_app
from threadguard.service.server import settle_heap
from threadguard.service.settings import ServiceSettings
from threadguard.storage import Store
from threadguard.storage.store import QueueFilter

SECRET = "whsec_site_rules"
CLEAN = "Thanks for this thoughtful article."


@pytest.fixture
def service_options() -> dict[str, Any]:
    return {"coral_secret": SECRET}


def set_policy(service: Service, site: str, toml: str) -> None:
    response = service.client.put(
        f"/api/v1/sites/{site}/policy",
        content=toml,
        headers={**service.auth(service.admin), "Content-Type": "application/toml"},
    )
    assert response.status_code == 200, response.text


def coral(
    service: Service,
    text: str,
    *,
    author: str = "user-7",
    action: str = "NEW",
    comment_id: str | None = None,
    site: str = "site-1",
) -> Any:
    """Post a signed ExternalModerationRequest; returns Coral's status (None for 204)."""
    comment: dict[str, Any] = {"body": f"<p>{text}</p>", "parentID": None}
    if comment_id is not None:
        comment["id"] = comment_id
    body = json.dumps(
        {
            "action": action,
            "comment": comment,
            "author": {"id": author, "role": "COMMENTER"},
            "story": {"id": "story-1", "url": "https://news.example/story-1"},
            "site": {"id": site},
            "tenantID": "tenant-1",
            "tenantDomain": "news.example",
        }
    ).encode()
    signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    response = service.client.post(
        "/coral/moderation",
        content=body,
        headers={"Content-Type": "application/json", "X-Coral-Signature": signature},
    )
    assert response.status_code in (200, 204), response.text
    return response.json()["status"] if response.status_code == 200 else None


def latest(store: Store, site: str) -> Any:
    """The site's most recently stored comment, as the store has it."""
    return store.comment(store.history(site, 1)[0].comment_id)


# ------------------------------------------------------------------ Coral


def test_coral_refuses_an_unsigned_body_over_the_limit(service: Service) -> None:
    """An integrator's tryout: an unsigned 1.5 MB body got 200 PREMOD through the served
    app (its body limit stopped the read before the signature was checked); a signed one
    keeps its answer, PREMOD, and nothing is stored either way."""
    body = json.dumps({"action": "NEW", "comment": {"body": "x" * 1_500_000}}).encode()
    unsigned = service.client.post(
        "/coral/moderation", content=body, headers={"Content-Type": "application/json"}
    )
    assert unsigned.status_code == 401, unsigned.text
    assert set(unsigned.json()) == {"error"}
    signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    signed = service.client.post(
        "/coral/moderation", content=body, headers={"X-Coral-Signature": signature}
    )
    assert signed.status_code == 200 and signed.json() == {"status": "PREMOD"}
    assert service.client.get("/coral/moderation").status_code == 405
    assert service.store.history("default", 1) == []


def test_coral_applies_the_site_watchlist(service: Service) -> None:
    set_policy(service, "site-1", '[watchlist]\nblock = ["timetable"]\nhold = ["ferr*"]\n')
    assert coral(service, "The new t.i.m.e.t.a.b.l.e is great") == "REJECTED"
    stored = latest(service.store, "site-1")
    assert stored.status == "rejected" and stored.source == "coral"
    assert stored.policy_decision is not None
    assert 'watched "timetable" (block)' in stored.policy_decision.reasons
    assert stored.policy_decision.details["watchlist"][0]["pattern"] == "timetable"
    assert coral(service, "Lovely ferries this summer") == "SYSTEM_WITHHELD"
    assert coral(service, CLEAN) == "APPROVED"
    # Another site's rules are its own.
    assert coral(service, "The new timetable is great", site="site-2") == "APPROVED"


def test_coral_premoderates_new_authors_but_not_trusted_ones(service: Service) -> None:
    set_policy(service, "site-1", '[authors]\npremoderate_first = 1\ntrusted = ["editor-1"]\n')
    assert coral(service, CLEAN, comment_id="c-1") == "SYSTEM_WITHHELD"
    reasons = latest(service.store, "site-1").policy_decision.reasons
    assert "new author: first 1 comment(s) are pre-moderated" in reasons
    assert coral(service, CLEAN, comment_id="c-2") == "APPROVED"
    # An edit keeps the comment's rank: the author's first comment is still their first.
    assert coral(service, CLEAN + " Edited.", comment_id="c-1", action="EDIT") == (
        "SYSTEM_WITHHELD"
    )
    assert coral(service, CLEAN + " Edited.", comment_id="c-2", action="EDIT") == "APPROVED"
    assert coral(service, CLEAN, author="editor-1") == "APPROVED"


def test_coral_rejects_banned_authors(service: Service) -> None:
    assert coral(service, CLEAN) == "APPROVED"
    first = latest(service.store, "site-1")
    assert service.act(first.id, "ban").status_code == 200
    assert coral(service, CLEAN) == "REJECTED"
    assert "author is banned" in latest(service.store, "site-1").policy_decision.reasons
    assert coral(service, CLEAN, author="user-8") == "APPROVED"


def test_coral_holds_repeat_offenders(service: Service) -> None:
    set_policy(
        service,
        "site-1",
        '[watchlist]\nblock = ["timetable"]\n[escalation]\nrejections = 1\ndays = 30\n',
    )
    assert coral(service, CLEAN) == "APPROVED"
    assert coral(service, "that timetable again") == "REJECTED"
    assert coral(service, CLEAN) == "SYSTEM_WITHHELD"
    reasons = latest(service.store, "site-1").policy_decision.reasons
    assert "repeat offender: 1 rejection(s) in 30 days" in reasons
    assert coral(service, CLEAN, author="user-8") == "APPROVED"


# ------------------------------------------------------------------ Perspective and OpenAI


def analyze(service: Service, key: str, text: str, **extra: Any) -> Any:
    response = service.client.post(
        "/v1alpha1/comments:analyze",
        params={"key": key},
        json={"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}}, **extra},
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_perspective_reads_the_article_title_beside_the_parent(service: Service) -> None:
    # A code review: with both an article and a parent comment, the title was dropped, and a
    # coded-hate entry whose topic stood only in the title held nothing.
    key = service.store.create_key("client", site="news", name="news-backend")
    title = {"article": {"text": "Mullingar hotel defends hosting Traveller wedding"}}
    parent = {"parentComment": {"text": "The guests seemed to have a great time."}}
    text = "Three hundred knackers in one place, what did they expect."
    analyze(service, key, text, context={"articleAndParentComment": {**title, **parent}})
    stored = latest(service.store, "news")
    assert stored.status == "pending", stored.policy_decision
    assert any(r.startswith('coded hate "knackers"') for r in stored.policy_decision.reasons)


def test_perspective_stores_the_decision_of_the_keys_site_watchlist(service: Service) -> None:
    set_policy(service, "news", '[watchlist]\nblock = ["timetable"]\n')
    news_key = service.store.create_key("client", site="news", name="news-backend")
    text = "The new timetable is great"
    bound = analyze(service, news_key, text)
    unbound = analyze(service, service.client_key, text)
    # The scores answered are the model's either way: clients threshold them themselves.
    assert bound["attributeScores"] == unbound["attributeScores"]
    stored = latest(service.store, "news")
    assert (stored.text, stored.status, stored.source) == (text, "rejected", "perspective")
    assert 'watched "timetable" (block)' in stored.policy_decision.reasons
    [queued] = service.store.queue(QueueFilter(site="news", status=None)).items
    assert queued.comment_id == stored.id
    assert latest(service.store, "default").status == "approved"  # a key without a site
    analyze(service, news_key, "timetable news", doNotStore=True)
    assert service.store.history("news", 10)[0].comment_id == stored.id  # nothing new


def test_perspective_suggestions_are_stored_under_the_site_rules(service: Service) -> None:
    set_policy(service, "news", '[watchlist]\nhold = ["timetable"]\n')
    news_key = service.store.create_key("client", site="news")
    response = service.client.post(
        "/v1alpha1/comments:suggestscore",
        params={"key": news_key},
        json={
            "comment": {"text": "The new timetable is great"},
            "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0.0}}},
        },
    )
    assert response.status_code == 200, response.text
    stored = latest(service.store, "news")
    assert stored.status == "pending"
    assert 'watched "timetable" (hold)' in stored.policy_decision.reasons


def test_openai_flags_what_the_keys_site_watchlist_holds(service: Service) -> None:
    set_policy(service, "news", '[watchlist]\nhold = ["timetable"]\nflag = ["island"]\n')
    news_key = service.store.create_key("client", site="news")

    def moderate(key: str, texts: list[str]) -> list[Any]:
        response = service.client.post(
            "/v1/moderations", json={"input": texts}, headers=service.auth(key)
        )
        assert response.status_code == 200, response.text
        results: list[Any] = response.json()["results"]
        return results

    held, flagged_only, clean = moderate(
        news_key, ["The new timetable is great", "Good news for the island", CLEAN]
    )
    assert held["flagged"] and not any(held["categories"].values())
    assert not flagged_only["flagged"]  # "flag" adds a reason, it holds nothing
    assert not clean["flagged"]
    [unbound] = moderate(service.client_key, ["The new timetable is great"])
    assert not unbound["flagged"]


# ------------------------------------------------------------------ cheap paths


def test_healthz_does_not_query_the_database_on_every_poll(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    pings: list[bool] = []
    answer = True

    def keys_version() -> int:  # the plain check's read (a table, not SELECT 1)
        pings.append(answer)
        return 1

    def heartbeat() -> int:
        pings.append(answer)
        if not answer:
            raise RuntimeError("the database is gone")
        return 1

    monkeypatch.setattr(service.store, "keys_version", keys_version)
    monkeypatch.setattr(service.store, "heartbeat", heartbeat)
    for _ in range(5):
        body = service.client.get("/healthz").json()
        assert body["status"] == "ok" and body["database"] == "ok"
    assert len(pings) == 1
    answer = False
    deep = service.client.get("/healthz", params={"deep": 1})
    assert deep.status_code == 503 and deep.json()["database"] == "unreachable"
    assert len(pings) == 2
    assert service.client.get("/healthz").status_code == 503  # the last check's answer


def test_keys_are_checked_from_the_cache_and_revocation_still_bites(
    engine: Engine, databases: Databases, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with databases.fresh("sqlite", tmp_path) as url:
        store = Store.open(url, migrate=False)
        key = store.create_key("moderator")
        # A TTL long enough that four requests fit in it on a loaded CI machine.
        app = create_app(ServiceSettings(), engine=engine, store=store, key_cache_seconds=2.0)
        lookups: list[str] = []
        find_key = store.find_key

        def counting(prefix: str) -> Any:
            lookups.append(prefix)
            return find_key(prefix)

        monkeypatch.setattr(store, "find_key", counting)
        with TestClient(app) as client:
            for _ in range(4):
                assert client.get("/api/v1/queue", params={"key": key}).status_code == 200
            assert len(lookups) == 1
            store.revoke_key(key.split("_")[1])
            deadline = time.monotonic() + 10
            while client.get("/api/v1/queue", params={"key": key}).status_code == 200:
                assert time.monotonic() < deadline, "a revoked key kept working past the TTL"
                time.sleep(0.1)


def test_the_server_hides_its_start_up_heap_from_the_collector() -> None:
    """The model and the app's metadata, frozen, are not walked by every full collection
    (that walk, ~80 ms, was the service's p99)."""
    try:
        settle_heap()
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
