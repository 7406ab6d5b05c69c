"""Fuzzed requests for every HTTP endpoint, drawn from one source of random choices.

Each request starts from a valid one (so it reaches parsing, scoring and storage) and is
then damaged the way attackers and unlucky clients damage requests (:mod:`fuzz_values`):
lone surrogates, NULs, huge and non-finite numbers, deep nesting, wrong types, huge
strings, unknown content types, broken bytes, forged keys and signatures. The answer must
never be a 5xx, and an error must come in the shape of the surface that answers it
(:func:`shape_problem`).

The same generator drives the property tests (``test_fuzz_endpoints.py``, with
Hypothesis's ``st.randoms()``, so a failure shrinks and replays) and the long run
(``bench/fuzz_http.py``, with ``random.Random(seed)``), so both explore the same space.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient
from fuzz_values import (
    CONTENT_TYPES,
    NASTY_NUMBERS,
    damage,
    dump,
    encode,
    mutate,
    nasty_string,
    pct,
    query,
    segment,
)

CORAL_SECRET = "fuzz-coral-secret"

# ------------------------------------------------------------------------------ requests


@dataclass
class Keys:
    """The keys and ids a run has to hand: one key per role, stored comment ids."""

    admin: str
    moderator: str
    client: str
    comment_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    body: bytes | None
    headers: dict[str, str]


def auth(rng: random.Random, key: str, keys: Keys) -> tuple[dict[str, str], str]:
    """Headers and a query suffix carrying a key: the right one mostly, else a wrong,
    forged or missing one."""
    roll = rng.random()
    if roll < 0.9:
        return {"Authorization": f"Bearer {key}"}, ""
    if roll < 0.93:
        return {}, ""
    if roll < 0.96:
        forged = rng.choice([keys.client, "tg_00_00", "tg_\xff_x", "tg_" + "a" * 100 + "_x"])
        return {"Authorization": f"Bearer {forged}"}, ""
    return {}, f"key={pct(rng.choice([nasty_string(rng), 'tg_a%00_b', key]))}"


def _url(path: str, *queries: str) -> str:
    q = "&".join(x for x in queries if x)
    return f"{path}?{q}" if q else path


def _comments(rng: random.Random) -> list[dict[str, Any]]:
    texts = ["Thanks for the article.", "you are an idiot", "I disagree with the numbers."]
    return [
        {
            "id": f"c{i}",
            "parent": f"c{i - 1}" if i and rng.random() < 0.5 else None,
            "author": rng.choice(["ann", "bob", "cy"]),
            "text": rng.choice(texts),
            "created_at": "2024-05-01T12:00:00Z",
        }
        for i in range(rng.randrange(1, 4))
    ]


def thread_body(rng: random.Random) -> tuple[bytes, str]:
    """A thread upload in one of the input formats, damaged, and its Content-Type."""
    doc: dict[str, Any] = {
        "thread": {
            "title": "A story",
            "body": "What happened.",
            "url": "https://x.test/s",
            "id": "s1",
        },
        "comments": _comments(rng),
    }
    doc = mutate(doc, rng)
    fmt = rng.choice(["json", "jsonl", "csv", "text", "disqus", "reddit"])
    comments = doc.get("comments") if isinstance(doc, dict) else None
    rows = [c for c in comments if isinstance(c, dict)] if isinstance(comments, list) else []
    if fmt == "json":
        text, media = dump(doc), "application/json"
    elif fmt == "jsonl":
        text, media = (
            "\n".join(dump(c) for c in (comments if isinstance(comments, list) else [doc])),
            "application/x-ndjson",
        )
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["id", "parent_id", "author", "text", "created_at"])
        for c in rows:
            writer.writerow(
                [str(c.get(k, "")) for k in ("id", "parent", "author", "text", "created_at")]
            )
        text, media = out.getvalue(), "text/csv"
    elif fmt == "text":
        lines = ["A story", "", "What happened.", ""]
        for c in rows:
            lines += [f"  • {c.get('author', '')}", f"    {c.get('text', '')}", ""]
        text, media = "\n".join(lines), "text/plain"
    elif fmt == "disqus":
        posts = "".join(
            f'<post dsq:id="{c.get("id", "")}"><message>{c.get("text", "")}</message>'
            f"<author><name>{c.get('author', '')}</name></author></post>"
            for c in rows
        )
        text = (
            '<?xml version="1.0"?><disqus xmlns:dsq="http://disqus.com/disqus-internals">'
            f'<thread dsq:id="t1"><title>A story</title></thread>{posts}</disqus>'
        )
        media = "application/xml"
    else:
        children = [
            {
                "kind": "t1",
                "data": {
                    "id": c.get("id"),
                    "author": c.get("author"),
                    "body": c.get("text"),
                    "replies": "",
                },
            }
            for c in rows
        ]
        page = [
            {
                "kind": "Listing",
                "data": {"children": [{"kind": "t3", "data": {"title": "A story", "id": "p1"}}]},
            },
            {"kind": "Listing", "data": {"children": children}},
        ]
        text, media = dump(mutate(page, rng, times=rng.randrange(0, 2))), "application/json"
    if rng.random() < 0.15:
        media = rng.choice(CONTENT_TYPES)
    return damage(encode(text), rng), media


def _threads(rng: random.Random, keys: Keys) -> Request:
    body, media = thread_body(rng)
    headers, key_q = auth(rng, keys.client if rng.random() < 0.8 else keys.admin, keys)
    params = {
        "site": rng.choice([None, "news", "blog"]),
        "format": rng.choice([None] * 6 + ["json", "csv", "text", "yaml"]),
        "article": rng.choice([None, None, "story-1"]),
    }
    return Request(
        "POST",
        _url("/api/v1/threads", query(rng, params), key_q),
        body,
        {**headers, "Content-Type": media},
    )


def _comment(rng: random.Random, keys: Keys) -> Request:
    headers, key_q = auth(rng, keys.client, keys)
    path = f"/api/v1/comments/{segment(rng, keys.comment_ids)}"
    return Request("GET", _url(path, key_q), None, headers)


def _action(rng: random.Random, keys: Keys) -> Request:
    headers, key_q = auth(rng, keys.moderator, keys)
    note = nasty_string(rng) if rng.random() < 0.3 else "checked"
    body = mutate(
        {
            "action": rng.choice(["approve", "reject", "ban", "unban", "trust", "untrust", "note"]),
            "note": note,
        },
        rng,
    )
    path = f"/api/v1/comments/{segment(rng, keys.comment_ids)}/actions"
    return Request(
        "POST",
        _url(path, key_q),
        damage(encode(dump(body)), rng),
        {**headers, "Content-Type": "application/json"},
    )


def _queue(rng: random.Random, keys: Keys) -> Request:
    headers, key_q = auth(rng, keys.moderator, keys)
    params = {
        "site": rng.choice([None, "news"]),
        "article": rng.choice([None, "story-1"]),
        "status": rng.choice([None, "pending", "all", "approved"]),
        "attribute": rng.choice([None, "insult", "toxicity"]),
        "min_score": rng.choice([None, 0.5]),
        "author": rng.choice([None, "ann"]),
        "limit": rng.choice([None, 1, 500]),
        "offset": rng.choice([None, 0, 10, 2**63 - 1]),
    }
    return Request("GET", _url("/api/v1/queue", query(rng, params), key_q), None, headers)


def _audit(rng: random.Random, keys: Keys) -> Request:
    headers, key_q = auth(rng, keys.admin, keys)
    params = {
        "site": rng.choice([None, "news"]),
        "actor": rng.choice([None, "mia"]),
        "action": rng.choice([None, "comment", "key.create"]),
        "since": rng.choice([None, "2024-01-01T00:00:00"]),
        "limit": rng.choice([None, 1, 1000]),
        "offset": rng.choice([None, 0, 2**63 - 1]),
    }
    return Request("GET", _url("/api/v1/audit", query(rng, params), key_q), None, headers)


def _export(rng: random.Random, keys: Keys) -> Request:
    headers, key_q = auth(rng, keys.moderator, keys)
    params = {"site": rng.choice([None, "news"]), "since": rng.choice([None, "2024-01-01"])}
    return Request("GET", _url("/api/v1/export", query(rng, params), key_q), None, headers)


def policy_body(rng: random.Random) -> tuple[bytes, str]:
    if rng.random() < 0.6:
        doc = {
            "thresholds": {"toxicity": {"hold": 0.5, "reject": 0.9}},
            "watchlist": {"block": ["badword"]},
        }
        return damage(encode(dump(mutate(doc, rng))), rng), "application/json"
    value = nasty_string(rng)
    text = f'[thresholds.toxicity]\nhold = {rng.choice(NASTY_NUMBERS)!r}\n[watchlist]\nblock = ["{value}"]\n'
    return damage(encode(text), rng), rng.choice(["application/toml", "text/plain", ""])


def _policy(rng: random.Random, keys: Keys) -> Request:
    headers, key_q = auth(rng, keys.admin, keys)
    site = segment(rng, ["news", "default"])
    method = rng.choice(["GET", "PUT", "POST"])
    if method == "GET":
        return Request("GET", _url(f"/api/v1/sites/{site}/policy", key_q), None, headers)
    body, media = policy_body(rng)
    path = f"/api/v1/sites/{site}/policy" + (":dryrun" if method == "POST" else "")
    limit = query(rng, {"limit": rng.choice([None, 1, 10_000])}) if method == "POST" else ""
    return Request(method, _url(path, limit, key_q), body, {**headers, "Content-Type": media})


def _adaptations(rng: random.Random, keys: Keys) -> Request:
    headers, key_q = auth(rng, keys.admin, keys)
    site = segment(rng, ["news", "default"])
    method = rng.choice(["GET", "POST", "POST"])
    if method == "GET":
        return Request("GET", _url(f"/api/v1/sites/{site}/adaptations", key_q), None, headers)
    if rng.random() < 0.3:
        path = f"/api/v1/sites/{site}/adaptations:rollback"
        return Request("POST", _url(path, key_q), None, headers)
    doc = {"kind": rng.choice(["head", "calibration"])}
    return _json_post(f"/api/v1/sites/{site}/adaptations", doc, rng, headers, key_q)


def _author(rng: random.Random, keys: Keys) -> Request:
    headers, key_q = auth(rng, keys.moderator, keys)
    path = f"/api/v1/sites/{segment(rng, ['news'])}/authors/{segment(rng, ['ann', 'bob'])}"
    return Request("GET", _url(path, key_q), None, headers)


def _json_post(
    path: str, doc: Any, rng: random.Random, headers: dict[str, str], key_q: str
) -> Request:
    body = damage(encode(dump(mutate(doc, rng))), rng)
    if rng.random() < 0.01:  # past the API's body limit (1 MB by default)
        body += b" " * 1_000_001
    media = "application/json" if rng.random() < 0.9 else rng.choice(CONTENT_TYPES)
    return Request("POST", _url(path, key_q), body, {**headers, "Content-Type": media})


def _analyze(rng: random.Random, keys: Keys) -> Request:
    headers, key_q = auth(rng, keys.client, keys)
    doc = {
        "comment": {"text": rng.choice(["You are an idiot.", "Nice work. Thanks!"])},
        "requestedAttributes": {"TOXICITY": {}, "INSULT": {"scoreThreshold": 0.1}},
        "languages": ["en"],
        "doNotStore": rng.random() < 0.5,
        "spanAnnotations": rng.random() < 0.5,
        "clientToken": "token-1",
        "context": {"entries": [{"text": "the parent comment"}]},
    }
    return _json_post("/v1alpha1/comments:analyze", doc, rng, headers, key_q)


def _suggest(rng: random.Random, keys: Keys) -> Request:
    headers, key_q = auth(rng, keys.client, keys)
    doc = {
        "comment": {"text": "You are an idiot."},
        "attributeScores": {
            "TOXICITY": {
                "summaryScore": {"value": 0.2},
                "spanScores": [{"begin": 0, "end": 3, "score": {"value": 0.1}}],
            }
        },
        "languages": ["en"],
        "doNotStore": rng.random() < 0.5,
    }
    return _json_post("/v1alpha1/comments:suggestscore", doc, rng, headers, key_q)


def _moderations(rng: random.Random, keys: Keys) -> Request:
    headers, key_q = auth(rng, keys.client, keys)
    given = rng.choice(
        [
            "You are an idiot.",
            ["one", "two"],
            [{"type": "text", "text": "hello"}, {"type": "image_url", "image_url": {}}],
        ]
    )
    doc = {"input": given, "model": "omni-moderation-latest"}
    return _json_post("/v1/moderations", doc, rng, headers, key_q)


def _coral(rng: random.Random, keys: Keys) -> Request:
    doc = {
        "action": rng.choice(["NEW", "EDIT"]),
        "comment": {
            "id": f"cc{rng.randrange(20)}",
            "body": "<p>You are an <b>idiot</b></p>",
            "parentID": f"cc{rng.randrange(20)}",
        },
        "author": {"id": "user-7", "role": "COMMENTER"},
        "story": {"id": "story-1", "url": "https://news.example/story-1"},
        "site": {"id": rng.choice(["site-1", "news"])},
        "tenantID": "tenant-1",
    }
    body = damage(encode(dump(mutate(doc, rng))), rng)
    signature = "sha256=" + hmac.new(CORAL_SECRET.encode(), body, hashlib.sha256).hexdigest()
    if rng.random() < 0.05:
        signature = rng.choice(["", "sha256=00", "md5=x", signature + ",sha256=" + "f" * 64])
    return Request(
        "POST",
        "/coral/moderation",
        body,
        {"Content-Type": "application/json", "X-Coral-Signature": signature},
    )


def _health(rng: random.Random, keys: Keys) -> Request:
    return Request(
        "GET", _url("/healthz", query(rng, {"deep": rng.choice([None, "1", "false"])})), None, {}
    )


def _discovery(rng: random.Random, keys: Keys) -> Request:
    path = rng.choice(["/$discovery/rest", "/discovery/v1/apis/commentanalyzer/v1alpha1/rest"])
    return Request(
        "GET", _url(path, query(rng, {"version": rng.choice(["v1alpha1", "v1"])})), None, {}
    )


def _anywhere(rng: random.Random, keys: Keys) -> Request:
    method = rng.choice(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"])
    prefix = rng.choice(["/api/v1/", "/api/v2/", "/v1alpha1/", "/v1/", "/coral/", "/"])
    headers, key_q = auth(rng, keys.admin, keys)
    return Request(
        method,
        _url(prefix + segment(rng, ["queue", "threads", "comments:analyze"]), key_q),
        None,
        headers,
    )


@dataclass(frozen=True)
class Target:
    """One endpoint: how to make a fuzzed request to it, and the error shape it answers in."""

    name: str
    shape: str  # native, google, openai or plain
    make: Callable[[random.Random, Keys], Request]


TARGETS = [
    Target("threads", "native", _threads),
    Target("comment", "native", _comment),
    Target("actions", "native", _action),
    Target("queue", "native", _queue),
    Target("audit", "native", _audit),
    Target("export", "native", _export),
    Target("policy", "native", _policy),
    Target("adaptations", "native", _adaptations),
    Target("authors", "native", _author),
    Target("analyze", "google", _analyze),
    Target("suggestscore", "google", _suggest),
    Target("moderations", "openai", _moderations),
    Target("coral", "plain", _coral),
    Target("healthz", "native", _health),
    Target("discovery", "google", _discovery),
    Target("anywhere", "native", _anywhere),
]
BY_NAME = {t.name: t for t in TARGETS}


# ------------------------------------------------------------------------------ answers


def shape_problem(shape: str, status: int, body: bytes | None) -> str | None:
    """What is wrong with an answer, or None: no 5xx, and errors in the surface's shape
    (``body`` None: an answer to HEAD, which has none)."""
    if status >= 500:
        return f"answered {status}"
    if status < 400 or body is None:
        return None
    try:
        doc = json.loads(body)
    except ValueError:
        return f"{status} with a body that is not JSON"
    error = doc.get("error") if isinstance(doc, dict) else None
    if shape == "plain":
        return None if isinstance(error, str) else f"{status} without a plain error message"
    if not isinstance(error, dict) or not isinstance(error.get("message"), str):
        return f"{status} without error.message"
    if shape == "openai":
        if not isinstance(error.get("type"), str) or not {"param", "code"} <= error.keys():
            return f"{status} not in OpenAI's error shape"
        return None
    if error.get("code") != status or not isinstance(error.get("status"), str):
        return f"{status} not in Google's error shape"
    return None


def send(client: TestClient, request: Request) -> tuple[int, bytes]:
    """Send a request (header values as Latin-1 bytes, as they travel); status and body."""
    headers = {k: v.encode("latin-1") for k, v in request.headers.items()}
    response = client.request(request.method, request.url, content=request.body, headers=headers)
    return response.status_code, response.content


def learn(keys: Keys, target: Target, status: int, body: bytes) -> None:
    """Keep a few stored comment ids, so later requests act on real comments."""
    if target.name != "threads" or status != 200 or len(keys.comment_ids) >= 50:
        return
    for comment in json.loads(body).get("comments", [])[:2]:
        keys.comment_ids.append(comment["comment_id"])


@dataclass
class Tally:
    """What a run saw: answers by status, and a few examples of each kind of failure."""

    statuses: Counter[int] = field(default_factory=Counter)
    by_target: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    sent: int = 0
    seconds: float = 0.0

    @property
    def errors_500(self) -> int:
        return self.statuses[500]

    def record(self, target: Target, request: Request, status: int, body: bytes) -> None:
        self.sent += 1
        self.statuses[status] += 1
        self.by_target[target.name] += 1
        problem = shape_problem(target.shape, status, body if request.method != "HEAD" else None)
        if problem is not None:
            kind = f"{target.name}: {problem}"
            self.failures[kind] += 1
            self.examples.setdefault(
                kind,
                f"{request.method} {request.url[:200]} body={(request.body or b'')[:200]!r} -> {body[:200]!r}",
            )


def run(client: TestClient, keys: Keys, rng: random.Random, count: int, seconds: float) -> Tally:
    """Send up to ``count`` fuzzed requests (stopping after ``seconds``), spread evenly
    over the targets; every answer is checked."""
    tally = Tally()
    start = time.monotonic()
    for _ in range(count):
        if time.monotonic() - start > seconds:
            break
        target = rng.choice(TARGETS)
        request = target.make(rng, keys)
        status, body = send(client, request)
        tally.record(target, request, status, body)
        learn(keys, target, status, body)
    tally.seconds = time.monotonic() - start
    return tally
