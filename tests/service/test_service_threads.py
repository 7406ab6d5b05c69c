"""POST /api/v1/threads in every format, GET a comment, and bad input that never gets a 500."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from service_support import Service

from threadguard.engine import Engine
from threadguard.schema import ATTRIBUTES

JSON_THREAD = {
    "thread": {"title": "Ferry timetable", "body": "Boats.", "url": "https://n.test/f", "id": "f1"},
    "comments": [
        {"id": "a", "author": "ann", "text": "Great news for commuters."},
        {"id": "b", "parent": "a", "author": "bo", "text": "Agreed, about time."},
    ],
}
JSONL_THREAD = "\n".join(
    [json.dumps({"thread": JSON_THREAD["thread"]})]
    + [json.dumps(c) for c in JSON_THREAD["comments"]]
)
CSV_THREAD = "id,parent_id,author,article,text\n1,,ann,Ferry,Great news.\n2,1,bo,Ferry,Agreed.\n"
DISQUS_THREAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n'
    '<thread dsq:id="20"><id>article-20</id><link>https://n.test/20</link>'
    "<title>Ferry</title><message>Body</message></thread>\n"
    '<post dsq:id="1"><message><![CDATA[<p>Great news.</p>]]></message>'
    "<createdAt>2024-05-01T10:00:00Z</createdAt><isDeleted>false</isDeleted>"
    "<isSpam>false</isSpam><author><name>Ann</name><username>ann</username></author>"
    '<thread dsq:id="20"/></post>\n'
    '<post dsq:id="2"><message><![CDATA[<p>Agreed.</p>]]></message>'
    "<createdAt>2024-05-02T10:00:00Z</createdAt><isDeleted>false</isDeleted>"
    "<isSpam>false</isSpam><author><name>Bo</name><username>bo</username></author>"
    '<thread dsq:id="20"/><parent dsq:id="1"/></post>\n'
    "</disqus>\n"
)


def reddit_thread() -> str:
    def t1(cid: str, parent: str, body: str) -> dict[str, object]:
        return {
            "kind": "t1",
            "data": {"id": cid, "parent_id": parent, "author": f"u_{cid}", "body": body},
        }

    submission = {
        "kind": "t3",
        "data": {"id": "abc", "title": "Ferry", "selftext": "Thoughts?", "permalink": "/r/x/abc/"},
    }
    return json.dumps(
        [
            {"kind": "Listing", "data": {"children": [submission]}},
            {"kind": "Listing", "data": {"children": [t1("a", "t3_abc", "Great news.")]}},
        ]
    )


@pytest.fixture
def service_options() -> dict[str, Any]:
    return {"max_body_bytes": 20_000, "max_upload_bytes": 50_000}


def test_a_text_dump_comes_back_like_scan_json(service: Service, example_thread: Path) -> None:
    response = service.post_thread(example_thread.read_bytes(), "text/plain", site="news")
    assert response.status_code == 200, response.text
    doc = response.json()
    assert {"thread", "comments", "signals"} <= set(doc)
    assert doc["site"] == "news" and doc["format"] == "text" and doc["problems"] == []
    assert doc["thread"]["title"].startswith("Island ferry")
    assert len(doc["comments"]) >= 10
    for c in doc["comments"]:
        assert {"id", "parent", "author", "depth", "text", "analysis", "decision"} <= set(c)
        assert c["decision"]["action"] in ("approve", "hold", "reject")
        assert (
            c["status"]
            == {"approve": "approved", "hold": "pending", "reject": "rejected"}[
                c["decision"]["action"]
            ]
        )
        assert set(c["analysis"]["scores"]) == set(ATTRIBUTES)
    counts = doc["signals"]["decisions"]
    assert sum(counts.values()) == len(doc["comments"])
    # Every comment is stored with its analysis and decision.
    first = doc["comments"][0]
    stored = service.client.get(
        f"/api/v1/comments/{first['comment_id']}", headers=service.auth(service.client_key)
    ).json()
    assert stored["text"] == first["text"] and stored["external_id"] == first["id"]
    assert stored["analysis"]["scores"] == first["analysis"]["scores"]
    assert stored["decision"] == first["decision"]
    assert stored["article"] == doc["article"]


@pytest.mark.parametrize(
    ("body", "content_type", "query", "fmt", "count"),
    [
        (json.dumps(JSON_THREAD), "application/json", {}, "json", 2),
        (JSONL_THREAD, "application/x-ndjson", {}, "jsonl", 2),
        (JSONL_THREAD, "application/json", {}, "jsonl", 2),  # told apart by content
        (CSV_THREAD, "text/csv", {}, "csv", 2),
        (DISQUS_THREAD, "application/xml", {}, "disqus", 2),
        (DISQUS_THREAD, "text/xml", {}, "disqus", 2),
        (reddit_thread(), "application/json", {}, "reddit", 1),
        (CSV_THREAD, "application/octet-stream", {}, "csv", 2),  # detected
        (CSV_THREAD, "text/plain", {"format": "csv"}, "csv", 2),  # ?format= wins
    ],
)
def test_every_format_is_ingested(
    service: Service, body: str, content_type: str, query: dict[str, str], fmt: str, count: int
) -> None:
    response = service.post_thread(body, content_type, **query)
    assert response.status_code == 200, response.text
    doc = response.json()
    assert doc["format"] == fmt
    assert len(doc["comments"]) == count
    assert all(c["comment_id"].startswith("cm_") for c in doc["comments"])


def test_the_article_comes_from_the_thread_or_the_caller(service: Service) -> None:
    assert service.post_thread(json.dumps(JSON_THREAD), "application/json").json()["article"] == (
        "f1"
    )
    chosen = service.post_thread(CSV_THREAD, "text/csv", article="story-7").json()
    assert chosen["article"] == "story-7"
    again = service.post_thread(CSV_THREAD, "text/csv", article="story-7").json()
    assert [c["comment_id"] for c in again["comments"]] == [
        c["comment_id"] for c in chosen["comments"]
    ]  # the same thread again updates its comments instead of duplicating them


def test_a_malformed_upload_is_400_with_the_readers_line(service: Service) -> None:
    broken = json.dumps(JSON_THREAD, indent=2)[:-30]
    response = service.post_thread(broken, "application/json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"].startswith("upload.json: line ")
    assert "invalid JSON" in error["message"]
    # a text dump sent as format=json (desk 76): the imposed format is named too
    dump = service.client.post(
        "/api/v1/threads",
        params={"site": "news", "format": "json"},
        content="A title\n\n  \u2022 ann\n\n    Hello\n".encode(),
        headers=service.auth(service.client_key),
    )
    said = dump.json()["error"]["message"]
    assert dump.status_code == 400
    assert "read as json, as the request's format= or Content-Type says" in said


def test_damaged_lines_are_reported_and_the_rest_is_kept(service: Service) -> None:
    response = service.post_thread(JSONL_THREAD + "\n{not json\n", "application/x-ndjson")
    assert response.status_code == 200
    doc = response.json()
    assert len(doc["comments"]) == 2
    assert any("line 4" in p for p in doc["problems"])


@pytest.mark.parametrize(
    ("body", "content_type", "query", "message"),
    [
        (b"", "text/plain", {}, "is empty"),
        (b"\x00\x01\x02\x03" * 100, "application/octet-stream", {}, "binary"),
        (CSV_THREAD.encode(), "text/csv", {"format": "yaml"}, "unknown format 'yaml'"),
        (b"<disqus><post>", "application/xml", {}, "upload.xml"),
    ],
)
def test_unreadable_uploads_are_400(
    service: Service, body: bytes, content_type: str, query: dict[str, str], message: str
) -> None:
    response = service.post_thread(body, content_type, **query)
    assert response.status_code == 400, response.text
    assert message in response.json()["error"]["message"]


def test_bodies_over_the_limit_are_413(service: Service) -> None:
    big = "  • ann\n\n    " + "word " * 20_000
    response = service.post_thread(big, "text/plain")
    assert response.status_code == 413
    assert "limit of 50000 bytes" in response.json()["error"]["message"]
    # Without a Content-Length the body is counted as it streams in.
    chunks = iter([b"x" * 30_000, b"x" * 30_000])
    streamed = service.client.post(
        "/api/v1/threads",
        content=chunks,
        headers={**service.auth(service.client_key), "Content-Type": "text/plain"},
    )
    assert streamed.status_code == 413
    # Other endpoints have the smaller API limit.
    action = service.client.post(
        "/api/v1/comments/x/actions",
        content=b"{" + b" " * 30_000 + b"}",
        headers={**service.auth(service.moderator), "Content-Type": "application/json"},
    )
    assert action.status_code == 413


def test_a_comment_over_the_size_limit_is_held_and_the_rest_stored(
    engine: Engine, tmp_path: Path
) -> None:
    """A 413 for one long comment lost every other comment of the thread."""
    service = Service(engine, f"sqlite:///{tmp_path / 'small.db'}", max_text_chars=50)
    try:
        doc = {
            "comments": [
                {"id": "short", "text": "Thanks, a useful summary."},
                {"id": "long-one", "text": "word " * 20, "parent": "short"},
                {"id": "after", "text": "Agreed, well written.", "parent": "short"},
            ]
        }
        response = service.post_thread(json.dumps(doc), "application/json")
        assert response.status_code == 200, response.text
        body = response.json()
        comments = {c["id"]: c for c in body["comments"]}
        assert comments["short"]["status"] == comments["after"]["status"] == "approved"
        long = comments["long-one"]
        assert long["status"] == "pending"
        assert long["decision"]["reasons"][0] == "longer than 50 characters"
        assert any("comment 'long-one'" in p and "100 characters" in p for p in body["problems"])
    finally:
        service.close()


def test_a_long_comment_held_on_its_scores_keeps_its_length_among_the_reasons(
    engine: Engine, tmp_path: Path
) -> None:
    """The length was a reason only where nothing else held the comment: one over the
    limit that its scores also held or rejected lost "longer than N characters"."""
    service = Service(engine, f"sqlite:///{tmp_path / 'long.db'}", max_text_chars=50)
    try:
        text = "You are a worthless piece of garbage, you pathetic stupid idiot."
        doc = {"comments": [{"id": "long-abuse", "text": text}]}
        response = service.post_thread(json.dumps(doc), "application/json")
        assert response.status_code == 200, response.text
        [comment] = response.json()["comments"]
        assert comment["status"] in ("pending", "rejected")
        reasons = comment["decision"]["reasons"]
        assert "longer than 50 characters" in reasons
        assert reasons[0] != "longer than 50 characters"  # the scores decided it
    finally:
        service.close()


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("GET", "/api/v1/comments/cm_nothing", None, 404),
        # a body that is no JSON is a 400 here as on uploads and policies; 422 is for a
        # JSON object whose fields are wrong
        ("POST", "/api/v1/comments/cm_x/actions", b"not json", 400),
        ("POST", "/api/v1/comments/cm_x/actions", b'{"action": "destroy"}', 422),
        ("POST", "/api/v1/comments/cm_x/actions", b'{"action": "approve", "x": 1}', 422),
        ("POST", "/api/v1/comments/cm_x/actions", b'{"action": "approve"}', 404),
        ("GET", "/api/v1/queue?limit=0", None, 422),
        ("GET", "/api/v1/queue?limit=abc", None, 422),
        ("GET", "/api/v1/queue?status=lost", None, 400),
        ("GET", "/api/v1/queue?attribute=rudeness", None, 400),
        ("GET", "/api/v1/queue?min_score=0.5", None, 400),
        ("GET", "/api/v1/queue?attribute=insult&min_score=2", None, 422),
        ("GET", "/api/v1/audit?since=yesterday", None, 422),
        ("PUT", "/api/v1/sites/news/policy", b"[thresholds\n", 400),
        ("PUT", "/api/v1/sites/news/policy", b"\xff\xfe", 400),
        ("PUT", "/api/v1/sites/news/policy", b'{"thresholds": {"rudeness": {}}}', 400),
        ("POST", "/api/v1/sites/news/policy:dryrun", b"[watchlist]\nblock = 3\n", 400),
        ("DELETE", "/api/v1/queue", None, 405),
        ("GET", "/api/v2/anything", None, 404),
    ],
)
def test_bad_requests_get_a_clear_4xx(
    service: Service, method: str, path: str, body: bytes | None, status: int
) -> None:
    response = service.client.request(
        method,
        path,
        content=body,
        headers={**service.auth(service.admin), "Content-Type": "application/json"}
        if body and body.startswith((b"{", b"n"))
        else service.auth(service.admin),
    )
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == status and error["message"]


def test_validation_errors_name_the_field(service: Service) -> None:
    response = service.act("cm_x", "destroy")
    assert response.status_code == 422
    assert "action" in response.json()["error"]["message"]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    body=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
    content_type=st.sampled_from(
        ["text/plain", "application/json", "application/x-ndjson", "text/csv", "text/xml", ""]
    ),
)
def test_no_upload_makes_the_service_fail(service: Service, body: bytes, content_type: str) -> None:
    response = service.post_thread(body, content_type)
    assert response.status_code in (200, 400, 413), response.text
    assert response.headers["content-type"].startswith("application/json")


def test_openapi_documents_the_native_api(service: Service) -> None:
    spec = service.client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/v1/threads",
        "/api/v1/comments/{comment_id}",
        "/api/v1/comments/{comment_id}/actions",
        "/api/v1/queue",
        "/api/v1/audit",
        "/api/v1/export",
        "/api/v1/sites/{site}/policy",
        "/api/v1/sites/{site}/policy:dryrun",
    ):
        assert path in paths
    assert "text/csv" in paths["/api/v1/threads"]["post"]["requestBody"]["content"]
    assert paths["/api/v1/queue"]["get"]["tags"] == ["moderation"]
    assert {"HTTPBearer", "APIKeyQuery"} <= set(spec["components"]["securitySchemes"])


def test_healthz_needs_no_key(service: Service) -> None:
    body = service.client.get("/healthz").json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["model"].startswith("threadguard-")
