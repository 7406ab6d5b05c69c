"""What the thread, policy and stats page tests share: the app in-process (no model runs:
comments are stored with analyses made here), and a signed-in browser-like client.

A user is signed in by starting their session in the store, as the sign-in form does
after checking the password; the client then carries the session cookie, and its
``csrf`` is the token the pages put in their forms.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_support import Databases, Service

from threadguard.analysis import Analysis, Span, Target
from threadguard.dashboard import csrf
from threadguard.dashboard.policy_page import draft_of
from threadguard.dashboard.signin import COOKIE
from threadguard.engine import Engine
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Store
from threadguard.storage.records import ArticleRef, NewComment

PASSWORD = "correct horse battery staple"


@pytest.fixture
def app(engine: Engine, databases: Databases, tmp_path: Any) -> Iterator[Service]:
    """The service (shipped engine, default policy) over a fresh SQLite database; import
    it into a test module to use it."""
    with databases.fresh("sqlite", tmp_path) as url:
        made = Service(engine, url)
        yield made
        made.close()


class Browser:
    """A client signed in as one user: ``get``/``post`` with the session cookie."""

    def __init__(self, service: Service, name: str, role: str) -> None:
        service.store.add_user(name, role, PASSWORD)
        token = secrets.token_urlsafe(32)
        service.store.start_session(token, name, role, ip="testclient", lifetime=timedelta(hours=1))
        self.client = TestClient(service.app, raise_server_exceptions=False, follow_redirects=False)
        self.client.cookies.set(COOKIE, token)
        self.csrf = csrf.token_for(token)

    def get(self, url: str, **kw: Any) -> Any:
        return self.client.get(url, **kw)

    def post(self, url: str, data: dict[str, Any], *, htmx: bool = False, **kw: Any) -> Any:
        headers = {"HX-Request": "true"} if htmx else {}
        return self.client.post(url, data={"csrf_token": self.csrf, **data}, headers=headers, **kw)

    def close(self) -> None:
        self.client.close()


@contextmanager
def signed_in(service: Service, name: str, role: str) -> Iterator[Browser]:
    browser = Browser(service, name, role)
    try:
        yield browser
    finally:
        browser.close()


def scored(
    text: str,
    ext: str,
    author: str | None,
    action: str = "approve",
    *,
    parent: str | None = None,
    position: int = 0,
    depth: int = 0,
    spans: tuple[Span, ...] = (),
    targets: tuple[Target, ...] = (),
    reasons: tuple[str, ...] | None = None,
    **score: float,
) -> NewComment:
    """A comment scored (``score``: the attributes given, the rest 0.02) and decided."""
    values = dict.fromkeys(ATTRIBUTES, 0.02)
    values.update(score)
    return NewComment(
        text=text,
        analysis=Analysis(ext, values, targets=targets, spans=spans, model="test@1"),
        decision=Decision(action, reasons if reasons is not None else (f"{action} reason",)),  # type: ignore[arg-type]
        external_id=ext,
        author=author,
        parent_id=parent,
        depth=depth,
        position=position,
    )


def store_thread(
    store: Store,
    comments: list[NewComment],
    *,
    site: str = "news",
    article: str = "housing-plan",
    title: str = "The council's new housing plan",
) -> list[str]:
    refs = store.record_many(
        site=site,
        source="native",
        article=ArticleRef(article, title, f"https://news.example/{article}"),
        comments=comments,
    )
    return [cid for cid, _ in refs]


def argument(store: Store, site: str = "news") -> list[str]:
    """A thread with an escalating argument, a pile-on and a repeat offender."""
    text = "You are an idiot and so is everyone who agrees with you."
    idiot = text.index("idiot")
    return store_thread(
        store,
        [
            scored("I think the plan is fine.", "c1", "ann"),
            scored(
                "It is a bad plan, frankly.",
                "c2",
                "bo",
                parent="c1",
                depth=1,
                position=1,
                toxicity=0.2,
            ),
            scored(
                text,
                "c3",
                "troll42",
                "hold",
                parent="c2",
                depth=2,
                position=2,
                spans=(Span(idiot, idiot + 5, "insult", 0.9),),
                toxicity=0.75,
                insult=0.8,
            ),
            scored(
                "Shut up, you worthless clown, or else.",
                "c4",
                "troll42",
                "reject",
                parent="c3",
                depth=3,
                position=3,
                toxicity=0.97,
                insult=0.96,
                threat=0.6,
            ),
            scored(
                "People like her should go back where they came from.",
                "c5",
                "troll42",
                "hold",
                position=4,
                targets=(Target("nationality_migration", 0.9),),
                identity_attack=0.7,
                toxicity=0.72,
            ),
            scored(
                "ann is a moron", "c6", "x1", "hold", parent="c1", depth=1, position=5, insult=0.8
            ),
            scored(
                "ann you fool", "c7", "x2", "hold", parent="c1", depth=1, position=6, insult=0.75
            ),
        ],
        site=site,
    )


def site_policy_spy(service: Service) -> list[str | None]:
    """Record every site the service's state is asked the policy of (the state caches
    each one, so pages must ask only for stored sites); returns the growing list."""
    state = service.app.state.service
    asked: list[str | None] = []
    real = state.site_policy

    def spy(site: str | None) -> Any:
        asked.append(site)
        return real(site)

    state.site_policy = spy
    return asked


def policy_form(policy: Any, **changes: str) -> dict[str, str]:
    """The policy page's fields as it fills them for ``policy``, with ``changes``."""
    draft = draft_of(policy)
    fields = {}
    for row in draft.thresholds:
        fields[f"hold_{row.attribute}"] = row.hold
        fields[f"reject_{row.attribute}"] = row.reject
    for watch in draft.watchlist:
        fields[f"watch_{watch.action}"] = watch.text
    fields["coded_action"] = draft.coded_action or ""
    fields["coded_ignore"] = draft.coded_ignore_text
    fields["threat_action"] = draft.threat_action or ""
    fields["abusive_action"] = draft.abusive_action or ""
    fields["contact_action"] = draft.contact_action or ""
    fields.update(changes)
    return fields
