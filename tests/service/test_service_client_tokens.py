"""Perspective's ``clientToken`` makes a stored analyze idempotent per site (issue 11,
defect 10): a client that retries stores one comment, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from service_support import Service
from sqlalchemy import func, select

from threadguard.storage.models import Comment

ANALYZE = "/v1alpha1/comments:analyze"


@pytest.fixture
def service(service_on_each_backend: Service) -> Service:
    """Every test here runs on SQLite and on PostgreSQL."""
    return service_on_each_backend


def analyze(service: Service, key: str, text: str, **extra: Any) -> Any:
    body = {"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}}, **extra}
    answer = service.client.post(ANALYZE, json=body, params={"key": key})
    assert answer.status_code == 200
    return answer.json()


def stored(service: Service) -> int:
    with service.store.sessions.read() as session:
        return int(session.scalar(select(func.count()).select_from(Comment)) or 0)


def test_repeated_requests_with_one_client_token_store_one_comment(service: Service) -> None:
    key = service.client_key
    first = analyze(service, key, "is the ferry late?", clientToken="req-1")
    assert analyze(service, key, "is the ferry late?", clientToken="req-1") == first
    assert first["clientToken"] == "req-1"
    assert stored(service) == 1
    analyze(service, key, "is the ferry late?", clientToken="req-2")
    analyze(service, key, "is the ferry late?")
    analyze(service, key, "is the ferry late?")
    analyze(service, key, "is the ferry late?", clientToken="req-3", doNotStore=True)
    assert stored(service) == 4


def test_the_token_is_per_site(service: Service) -> None:
    news = service.store.create_key("client", site="news")
    blog = service.store.create_key("client", site="blog")
    for key in (news, blog, news, blog):
        analyze(service, key, "hello", clientToken="same")
    assert stored(service) == 2


def test_one_token_sent_with_every_request_still_stores_every_comment(service: Service) -> None:
    """Google documents clientToken as echoed back only; clients send their app's name with
    every request. Each new text is stored and decided (the abusive ones queued)."""
    key = service.client_key
    texts = ["Thanks for the article", "You are a disgusting worthless idiot", "Go home, scum"]
    for text in texts:
        analyze(service, key, text, clientToken="newsapp-web")
    analyze(service, key, texts[1], clientToken="newsapp-web")  # a retry: stored once
    assert stored(service) == 3
    with service.store.sessions.read() as session:
        rows = session.execute(select(Comment.text, Comment.status)).all()
    assert sorted(t for t, _ in rows) == sorted(texts)
    assert {status for text, status in rows if text != texts[0]} <= {"pending", "rejected"}
