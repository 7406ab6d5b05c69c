"""The service's Prometheus metrics: what they are, how they are counted, and the text.

Every name starts with ``threadguard_``:

- ``threadguard_request_duration_seconds{method, endpoint, status}`` (histogram): every
  response, 500s included, by route template (``/api/v1/comments/{comment_id}``; a path
  no route matched is ``unmatched``, so scanners cannot blow up the label set). Its
  ``_count`` is the number of requests.
- ``threadguard_scores{attribute}`` (histogram): the scores of every comment decided
  (thread uploads, Perspective, OpenAI, Coral), one observation per attribute.
- ``threadguard_decisions_total{verdict}``: approve, hold, reject.
- ``threadguard_texts_scored_total``, ``threadguard_deep_tier_texts_total``: texts the
  engine scored, and those the cascade sent on to the deep tier; the share routed deep
  is ``rate(deep_tier) / rate(texts_scored)``, and ``threadguard_deep_tier_share`` is
  that share since the process started.
- ``threadguard_store_unavailable_total{reason}``: requests answered 503 because the
  store was ``busy`` or ``full`` (a full disk, a read-only database).
- ``threadguard_queue_pending{site}``: comments waiting for a moderator (read from the
  database at scrape time), and ``threadguard_store_writes_waiting``: writes queued for
  this process's group commit.
- ``threadguard_database_up``: 1 when the scrape could read the queue's counts from the
  database, 0 when it could not (the queue gauge is then absent); alert on
  ``threadguard_database_up == 0``.
- ``threadguard_model_info{model, fast, deep, tier}``: the models being served (1).

**Processes.** Counters and histograms live in this process. With ``serve --workers N``
each worker counts its own, and a scrape is answered by whichever worker takes it; to
add up every worker's, start the server with ``PROMETHEUS_MULTIPROC_DIR`` set to an empty
directory (prometheus-client's multiprocess mode; the scrape then reads every worker's
files). The queue and model gauges are the same whichever worker answers. A large
upload's job process (:mod:`threadguard.service.upload_jobs`) counts its decisions,
texts scored and deep-tier texts into the same files; without the folder, what a job
process counts is lost when it ends.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Iterator
from typing import Any
from weakref import WeakKeyDictionary

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Receive, Scope, Send

from threadguard.analysis import Analysis
from threadguard.engine import Engine, Routing
from threadguard.schema import ATTRIBUTES
from threadguard.service.edges import HttpLayer, ResponseTracker
from threadguard.storage.store import Store

log = logging.getLogger("threadguard.service")

#: Metrics this module counts; exposed with each app's own gauges (:func:`exposition`).
REGISTRY = CollectorRegistry(auto_describe=True)
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
METHODS = frozenset({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"})

REQUEST_SECONDS = Histogram(
    "threadguard_request_duration_seconds",
    "Time to answer a request, by method, route and status.",
    ["method", "endpoint", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
    registry=REGISTRY,
)
SCORES = Histogram(
    "threadguard_scores",
    "Scores of decided comments, per attribute.",
    ["attribute"],
    buckets=tuple(round(0.1 * i, 1) for i in range(1, 11)),
    registry=REGISTRY,
)
DECISIONS = Counter(
    "threadguard_decisions", "Decisions on comments, by verdict.", ["verdict"], registry=REGISTRY
)
STORE_UNAVAILABLE = Counter(
    "threadguard_store_unavailable",
    "Requests answered 503 because the store was busy or could not write (full, read-only).",
    ["reason"],
    registry=REGISTRY,
)
for _reason in ("busy", "full"):
    STORE_UNAVAILABLE.labels(_reason)
TEXTS_SCORED = Counter("threadguard_texts_scored", "Texts the engine scored.", registry=REGISTRY)
DEEP_TIER = Counter(
    "threadguard_deep_tier_texts", "Texts the cascade sent to the deep tier.", registry=REGISTRY
)


def observe_decision(analysis: Analysis, verdict: str) -> None:
    """Count one decided comment: its scores and its verdict."""
    for attribute in ATTRIBUTES:
        SCORES.labels(attribute).observe(float(analysis.scores.get(attribute, 0.0)))
    DECISIONS.labels(str(verdict)).inc()


#: What each engine's routing totals were when last copied into the counters.
_copied: WeakKeyDictionary[Routing, tuple[int, int]] = WeakKeyDictionary()
_copy_lock = threading.Lock()


def copy_routing(engine: Engine) -> None:
    """Add what the engine scored since the last copy to the tier counters."""
    scored, deep = engine.routing.totals()
    with _copy_lock:
        before = _copied.get(engine.routing, (0, 0))
        _copied[engine.routing] = (scored, deep)
    if scored > before[0]:
        TEXTS_SCORED.inc(scored - before[0])
    if deep > before[1]:
        DEEP_TIER.inc(deep - before[1])


def endpoint_of(scope: Scope) -> str:
    """The full route template the request matched, or ``unmatched``.

    ``scope["route"]`` is the route as its router declared it: for a route of an included
    router, FastAPI keeps it without the including router's prefix (``/comments/{id}``
    for ``/api/v1/comments/{id}``) and records the route as served, prefix and all, as the
    request's effective route context: that one is preferred.
    """
    fastapi_scope = scope.get("fastapi")
    if isinstance(fastapi_scope, dict):
        effective = fastapi_scope.get("effective_route_context")
        path = getattr(effective, "path_format", None)
        if isinstance(path, str) and path:
            return path
    # a request refused before its handler ran (a 401 from a dependency) has no effective
    # route context: find the app's own copy of the route, which carries the prefix
    route = scope.get("route")
    endpoint = getattr(route, "endpoint", None)
    for candidate in getattr(getattr(scope.get("app"), "router", None), "routes", ()):
        if endpoint is not None and getattr(candidate, "endpoint", None) is endpoint:
            full = getattr(candidate, "path_format", None)
            if isinstance(full, str) and full:
                return full
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


class RequestMetrics(HttpLayer):
    """ASGI middleware timing every response (an outer layer, so 500s count too)."""

    def __init__(self, app: ASGIApp, engine: Engine) -> None:
        super().__init__(app)
        self.engine = engine
        #: The histogram's child per label set (``labels()`` validates on every call).
        self._timers: dict[tuple[str, str, int], Any] = {}

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        tracker = ResponseTracker(send)
        try:
            await self.app(scope, receive, tracker.send)
        finally:
            method = scope.get("method", "")
            labels = (method if method in METHODS else "other", endpoint_of(scope), tracker.status)
            timer = self._timers.get(labels)
            if timer is None:
                timer = self._timers[labels] = REQUEST_SECONDS.labels(*labels[:2], str(labels[2]))
            timer.observe(tracker.seconds)
            copy_routing(self.engine)


class ServiceCollector(Collector):
    """The gauges of one app: its models, its store's queue and pending writes."""

    def __init__(self, engine: Engine, store: Store) -> None:
        self.engine = engine
        self.store = store

    def collect(self) -> Iterable[Metric]:
        info = GaugeMetricFamily(
            "threadguard_model_info",
            "The models being served.",
            labels=["model", "fast", "deep", "tier"],
        )
        deep = self.engine.deep.tag if self.engine.deep is not None else ""
        info.add_metric(
            [self.engine.model_version, self.engine.model.tag, deep, self.engine.cascade.tier], 1
        )
        yield info
        scored, routed = self.engine.routing.totals()
        share = GaugeMetricFamily(
            "threadguard_deep_tier_share",
            "Share of the texts this process scored that went to the deep tier.",
        )
        share.add_metric([], routed / scored if scored else 0.0)
        yield share
        waiting = GaugeMetricFamily(
            "threadguard_store_writes_waiting", "Writes queued for this process's group commit."
        )
        waiting.add_metric([], self.store.comments.writes_waiting())
        yield waiting
        yield from self._queue()

    def _queue(self) -> Iterator[Metric]:
        pending = GaugeMetricFamily(
            "threadguard_queue_pending", "Comments waiting for a moderator.", labels=["site"]
        )
        up = GaugeMetricFamily(
            "threadguard_database_up",
            "1 when this scrape could read the database (the queue's counts), else 0.",
        )
        try:
            counts = self.store.pending_counts()
        except Exception as exc:  # a scrape must not fail because the database did
            log.warning("metrics: cannot count the queue: %s", type(exc).__name__)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        for site, count in sorted(counts.items()):
            pending.add_metric([site], count)
        yield pending


class CountedMetrics(Collector):
    """This process's counters and histograms (:data:`REGISTRY`), or, in multiprocess
    mode, every process's."""

    def collect(self) -> Iterable[Metric]:
        if os.environ.get(MULTIPROCESS_DIR):
            from prometheus_client import multiprocess

            merged = CollectorRegistry()
            multiprocess.MultiProcessCollector(merged)  # type: ignore[no-untyped-call]
            yield from merged.collect()
        else:
            yield from REGISTRY.collect()


def registry_for(engine: Engine, store: Store) -> CollectorRegistry:
    """What one app's ``/metrics`` shows: the counted metrics and the app's gauges."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(CountedMetrics())
    registry.register(ServiceCollector(engine, store))
    return registry


def exposition(registry: CollectorRegistry) -> bytes:
    """The Prometheus text format of ``registry``."""
    return generate_latest(registry)
