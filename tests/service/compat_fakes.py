"""Fakes for the compatibility routers' tests: key auth, an in-memory comment log, a real
uvicorn server on a free loopback port.

The routers depend only on ``threadguard.service.protocols``; these stand in for the core
service so the compatibility layer is tested on its own, with the real engine.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, HTTPException, Request

from threadguard.adaptation import Adaptation, adapt
from threadguard.analysis import Analysis
from threadguard.engine import CommentInput, Engine
from threadguard.moderation import AuthorContext, Moderator, Outcome, Policy, load_policy
from threadguard.service.compat import coral, discovery, openai_moderation, perspective
from threadguard.service.protocols import (
    Arrival,
    ContextComment,
    NewComment,
    Origin,
    Principal,
    ServiceSettings,
)
from threadguard.storage.records import STATUS_OF_ACTION

KEY = "tg_test_key_123"
CORAL_SECRET = "whsec_test_secret"


def fake_auth(request: Request) -> Principal:
    """Accept KEY from ``?key=`` or ``Authorization: Bearer``; 401 otherwise."""
    key = request.query_params.get("key")
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        key = header[7:].strip()
    if key != KEY:
        raise HTTPException(401, "API key not valid. Please pass a valid API key.")
    return Principal(key_id="k1", role="client", site=None, name="test")


class SpyEngine:
    """The real engine, remembering what it was asked to score (and slowed by ``delay``)."""

    def __init__(self, engine: Engine, delay: float = 0.0) -> None:
        self._engine = engine
        self.delay = delay
        self.model = engine.model
        self.model_version = engine.model_version
        self.seen: list[CommentInput] = []
        self.supports = engine.supports

    def analyze(self, items: Sequence[CommentInput], *, spans: bool = True) -> list[Analysis]:
        self.seen.extend(items)
        time.sleep(self.delay)
        return self._engine.analyze(items, spans=spans)


@dataclass
class MemoryLog:
    """CommentLog in memory, keeping every call so tests can check what was stored."""

    texts: dict[tuple[str, str], str] = field(default_factory=dict)
    remembered: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    recalls: list[tuple[str, str]] = field(default_factory=list)

    def remember(self, comment: ContextComment) -> None:
        self.texts[(comment.site, comment.comment_id)] = comment.text
        self.remembered.append(
            {"site": comment.site, "comment_id": comment.comment_id, "text": comment.text}
        )

    def recall(self, *, site: str, comment_id: str) -> str | None:
        self.recalls.append((site, comment_id))
        return self.texts.get((site, comment_id))

    def record(self, origin: Origin, item: NewComment) -> str:
        self.records.append(
            {
                "site": origin.site,
                "source": origin.source,
                "story_id": origin.article.external_id if origin.article else None,
                "text": item.text,
                "analysis": item.analysis,
                "decision": item.decision,
                "comment_id": item.external_id,
                "author": item.author,
                "parent_id": item.parent_id,
                "details": item.details,
            }
        )
        return f"c{len(self.records)}"

    async def record_async(self, origin: Origin, item: NewComment) -> str:
        return self.record(origin, item)

    def record_status(self, origin: Origin, item: NewComment) -> tuple[str, str]:
        return self.record(origin, item), STATUS_OF_ACTION[item.decision.action]


@dataclass
class FakeContext:
    """ServiceContext with one engine and one policy for every site; what is known about
    authors is given in ``authors`` (unknown ones: no prior comments). ``sites`` lists the
    sites whose moderator was asked for."""

    engine: Any
    settings: ServiceSettings = field(default_factory=ServiceSettings)
    comments: MemoryLog = field(default_factory=MemoryLog)
    sites: list[str | None] = field(default_factory=list)
    policy: Policy = field(default_factory=load_policy)
    authors: dict[str, AuthorContext] = field(default_factory=dict)
    decided: list[dict[str, Any]] = field(default_factory=list)
    #: Each site's adaptation (none: the engine's scores).
    adaptations: dict[str, Adaptation] = field(default_factory=dict)

    def moderator_for(self, site: str | None) -> Moderator:
        self.sites.append(site)
        return Moderator(self.policy)

    def adapt(self, site: str | None, analyses: list[Analysis]) -> list[Analysis]:
        adaptation = self.adaptations.get(site) if site is not None else None
        return [adapt(a, adaptation) for a in analyses]

    def site_decision(self, arrival: Arrival) -> Outcome:
        author = arrival.author
        name = author.name if author else None
        self.decided.append(
            {
                "site": arrival.site,
                "author": name,
                "comment_id": author.comment_id if author else None,
                "context": arrival.context,
            }
        )
        who = self.authors.get(name, AuthorContext(name)) if name else None
        moderator = self.moderator_for(arrival.site)
        return moderator.decide(arrival.analysis, arrival.text, who, context=arrival.context)


def make_app(context: FakeContext, *, approve_clean: bool = True) -> FastAPI:
    """The three compatibility routers on a bare app, as the core's factory mounts them."""
    app = FastAPI()

    def ctx() -> FakeContext:
        return context

    app.include_router(perspective.build_router(fake_auth, ctx))
    app.include_router(discovery.build_router(ctx))
    app.include_router(openai_moderation.build_router(fake_auth, ctx))
    app.include_router(coral.build_router(ctx, approve_clean=approve_clean))

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Run ``app`` under uvicorn on 127.0.0.1 (a free port) in a thread; yield its URL.

    The socket is bound here, before the server starts, so there is no window in which
    another process could take the port; the server is stopped on exit.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
