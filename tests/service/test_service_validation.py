"""Input that no database can keep, or no model can read, is a 400 naming the field, on
SQLite and PostgreSQL alike and on every surface -- never a 500, and nothing stored.

(Issue 11: PostgreSQL answered 500 where SQLite answered 200 for a NUL or an over-long
id; a lone surrogate broke every surface; a stored policy holding one broke every later
read of it.)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fuzzing import shape_problem
from service_support import DIALECTS, Databases, Service
from sqlalchemy import func, select

from threadguard.engine import Engine
from threadguard.storage.models import Comment

SECRET = "validation-secret"
CLI = (sys.executable, "-m", "threadguard")


@pytest.fixture(params=DIALECTS)
def both(
    request: pytest.FixtureRequest, engine: Engine, databases: Databases, tmp_path: Path
) -> Iterator[Service]:
    """The app over a fresh database of each dialect, Coral's endpoint on."""
    with databases.fresh(request.param, tmp_path) as url:
        made = Service(engine, url, coral_secret=SECRET)
        yield made
        made.close()


def stored(service: Service) -> int:
    with service.store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Comment)).scalar_one())


def refused(response: Any, field: str) -> str:
    """The message of a 400 that names ``field`` (native or Google's shape)."""
    assert response.status_code == 400, response.text
    message: str = response.json()["error"]["message"]
    assert field in message, message
    return message


def upload(service: Service, comment: dict[str, Any], key: str | None = None, **query: str) -> Any:
    doc = {"comments": [{"id": "c1", "text": "hello there", **comment}]}
    return service.post_thread(json.dumps(doc), "application/json", key=key, **query)


@pytest.mark.parametrize(
    ("comment", "query", "field"),
    [
        ({"text": "hi\x00there"}, {}, "comments[0].text contains a NUL"),
        ({"author": "ann\x00"}, {}, "comments[0].author contains a NUL"),
        ({"id": "c\x001"}, {}, "comments[0].id contains a NUL"),
        ({"id": "x" * 501}, {}, "comments[0].id is 501 characters long; the limit is 500"),
        ({"author": "a" * 600}, {}, "comments[0].author is 600 characters"),
        ({"created_at": "2024" * 20}, {}, "comments[0].created_at is 80 characters"),
        ({}, {"article": "z" * 600}, "article is 600 characters"),
        ({}, {"site": "s" * 201}, "site is 201 characters long; the limit is 200"),
        ({"text": "lone \ud800"}, {}, "comments[0].text contains a lone surrogate (U+D800)"),
        ({"author": "\udfff"}, {}, "comments[0].author contains a lone surrogate"),
    ],
)
def test_an_upload_no_store_can_keep_is_a_400_naming_the_field(
    both: Service, comment: dict[str, Any], query: dict[str, str], field: str
) -> None:
    key = both.admin if "site" in query else None
    refused(
        upload(both, comment, key=key, **query) if key else upload(both, comment, **query), field
    )
    assert stored(both) == 0
    assert upload(both, {}).status_code == 200  # the same upload, made valid, is stored
    assert stored(both) == 1


def test_limits_are_inclusive_on_both_backends(both: Service) -> None:
    response = upload(both, {"id": "x" * 500, "author": "a" * 500}, article="z" * 500)
    assert response.status_code == 200, response.text
    assert both.post_thread("x", "text/plain", key=both.admin, site="s" * 200).status_code == 200


def analyze(service: Service, body: bytes | dict[str, Any]) -> Any:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return service.client.post(
        "/v1alpha1/comments:analyze",
        content=raw,
        headers={**service.auth(service.client_key), "Content-Type": "application/json"},
    )


def perspective(text: str, **extra: Any) -> dict[str, Any]:
    return {"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}}, **extra}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (perspective("hi \ud800"), "comment.text contains a lone surrogate"),
        (perspective("hi", clientToken="\ud800"), "clientToken contains a lone surrogate"),
        (perspective("hi", languages=["e\ud800"]), "languages[0] contains a lone surrogate"),
        (perspective("hi", context={"entries": [{"text": "\udc00"}]}), "context contains a lone"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"comment": {"text": "x"}, "n": ' + b"9" * 5000 + b"}", "Invalid JSON payload"),
    ],
)
def test_perspective_refuses_in_google_s_shape(both: Service, body: Any, field: str) -> None:
    response = analyze(both, body)
    refused(response, field)
    assert response.json()["error"]["status"] == "INVALID_ARGUMENT"
    assert stored(both) == 0


def test_a_nul_is_scored_when_nothing_is_stored(both: Service) -> None:
    response = analyze(both, perspective("hi\x00there", doNotStore=True))
    assert response.status_code == 200, response.text
    moderation = both.client.post(
        "/v1/moderations",
        json={"input": "hi\x00there"},
        headers=both.auth(both.client_key),
    )
    assert moderation.status_code == 200, moderation.text
    assert stored(both) == 0


def test_openai_refuses_a_lone_surrogate_in_its_shape(both: Service) -> None:
    response = both.client.post(
        "/v1/moderations",
        content=b'{"input": ["fine", "bad \\ud800"]}',
        headers={**both.auth(both.client_key), "Content-Type": "application/json"},
    )
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error" and error["param"] == "input[1]"
    assert "input[1] contains a lone surrogate" in error["message"]


def coral(service: Service, raw: bytes) -> Any:
    signature = "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
    return service.client.post(
        "/coral/moderation",
        content=raw,
        headers={"Content-Type": "application/json", "X-Coral-Signature": signature},
    )


def coral_body(**comment: Any) -> dict[str, Any]:
    return {
        "action": "NEW",
        "comment": {"id": "c1", "body": "<p>hello</p>", **comment},
        "author": {"id": "user-7"},
        "story": {"id": "story-1"},
        "site": {"id": "site-1"},
    }


@pytest.mark.parametrize(
    "body",
    [
        coral_body(id="c" * 501),
        coral_body(parentID="p\x00"),
        {**coral_body(), "author": {"id": "u" * 600}},
        {**coral_body(), "story": {"id": "s\x00"}},
        {**coral_body(), "site": {"id": "x" * 201}},
    ],
)
def test_coral_premoderates_what_it_could_not_store(both: Service, body: dict[str, Any]) -> None:
    """Fail closed: a 400 would make Coral skip the phase and publish."""
    response = coral(both, json.dumps(body).encode())
    assert response.status_code == 200 and response.json() == {"status": "PREMOD"}
    assert stored(both) == 0
    assert coral(both, json.dumps(coral_body()).encode()).status_code == 200


@pytest.mark.parametrize("body", ["<p>hi\x00</p>", "hi \ud800"])
def test_coral_stores_a_body_with_a_nul_or_lone_surrogate_repaired(
    both: Service, body: str
) -> None:
    response = coral(both, json.dumps(coral_body(body=body)).encode())
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "APPROVED"
    assert stored(both) == 1


@pytest.mark.parametrize(
    ("path", "shape"),
    [
        ("/v1/moderations", "openai"),
        ("/v1alpha1/comments:analyze", "google"),
        ("/api/v1/comments/cm_x/actions", "native"),
    ],
)
def test_an_oversized_body_is_refused_in_the_surface_s_shape(
    both: Service, path: str, shape: str
) -> None:
    body = b'{"input": "' + b"w" * 1_000_001 + b'"}'
    headers = {**both.auth(both.admin), "Content-Type": "application/json"}
    response = both.client.post(path, content=body, headers=headers)
    status = 400 if shape == "google" else 413  # Google's APIs: 400 INVALID_ARGUMENT
    assert response.status_code == status, response.text
    assert shape_problem(shape, status, response.content) is None, response.text


def test_an_oversized_coral_body_is_premoderated_not_refused(both: Service) -> None:
    """A 413 is "skip the phase" to Coral, which then publishes the comment."""
    body = json.dumps(coral_body(body="w" * 1_000_001)).encode()
    response = coral(both, body)
    assert response.status_code == 200 and response.json() == {"status": "PREMOD"}
    assert stored(both) == 0


def test_coral_premoderates_deep_nesting(both: Service) -> None:
    response = coral(both, b"[" * 100_000 + b"]" * 100_000)
    assert response.status_code == 200 and response.json() == {"status": "PREMOD"}
    assert stored(both) == 0


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/v1/comments/cm%00x", "path parameter comment_id contains a NUL"),
        ("/api/v1/comments/cm%00x/actions", "path parameter comment_id contains a NUL"),
        ("/api/v1/sites/a%00b/policy", "path parameter site contains a NUL"),
        ("/api/v1/sites/news/authors/a%00", "path parameter author contains a NUL"),
        ("/api/v1/queue?author=a%00", "query parameter author contains a NUL"),
        ("/api/v1/queue?article=%ED%A0%80%00", "query parameter article contains a NUL"),
        ("/api/v1/audit?actor=%00", "query parameter actor contains a NUL"),
        ("/api/v1/export?site=x%00", "query parameter site contains a NUL"),
    ],
)
def test_lookups_no_database_can_run_are_400(both: Service, path: str, field: str) -> None:
    method = "POST" if path.endswith("actions") else "GET"
    response = both.client.request(
        method, path, json={"action": "approve"}, headers=both.auth(both.admin)
    )
    refused(response, field)


def test_a_moderator_note_no_store_can_keep_is_refused(both: Service) -> None:
    doc = upload(both, {"text": "you are a complete idiot"}).json()
    comment_id = doc["comments"][0]["comment_id"]
    for note, said in (
        ("seen\x00", "a NUL character (U+0000) at offset 4"),
        ("\ud800", "a lone surrogate (U+D800) at offset 0"),  # not "unable to parse raw data"
    ):
        raw = json.dumps({"action": "note", "note": note}).encode()
        response = both.client.post(
            f"/api/v1/comments/{comment_id}/actions",
            content=raw,
            headers={**both.auth(both.moderator), "Content-Type": "application/json"},
        )
        assert response.status_code == 422, response.text
        message = response.json()["error"]["message"]
        assert "note" in message and said in message, message
    assert both.act(comment_id, "note", note="seen, fine").status_code == 200


@pytest.mark.parametrize("endpoint", ["/api/v1/queue", "/api/v1/audit"])
def test_an_offset_past_64_bits_is_a_validation_error(both: Service, endpoint: str) -> None:
    too_far = both.client.get(f"{endpoint}?offset={2**64}", headers=both.auth(both.admin))
    assert too_far.status_code == 422, too_far.text
    assert "offset" in too_far.json()["error"]["message"]
    furthest = both.client.get(f"{endpoint}?offset={2**63 - 1}", headers=both.auth(both.admin))
    assert furthest.status_code == 200, furthest.text
    assert furthest.json()["items"] == []


@pytest.mark.parametrize("key", ["tg_a\x00b_secret", "tg_" + "a" * 100 + "_s", "tg_ab_s\u00e9"])
def test_a_malformed_key_is_unknown_not_a_lookup(both: Service, key: str) -> None:
    from urllib.parse import quote

    response = both.client.get(f"/v1alpha1/comments:analyze?key={quote(key)}")
    assert response.status_code in (400, 405)
    analyze_response = both.client.post(
        f"/v1alpha1/comments:analyze?key={quote(key)}", json=perspective("hi")
    )
    # Google's answer to a key it does not take
    assert analyze_response.status_code == 400, analyze_response.text
    assert analyze_response.json()["error"]["details"][0]["reason"] == "API_KEY_INVALID"


def put_policy(service: Service, raw: bytes, media: str = "application/json") -> Any:
    return service.client.put(
        "/api/v1/sites/news/policy",
        content=raw,
        headers={**service.auth(service.admin), "Content-Type": media},
    )


@pytest.mark.parametrize(
    ("raw", "media", "field"),
    [
        (b'{"watchlist": {"block": ["ok", "\\ud800"]}}', "application/json", "block[1]"),
        (b'{"watchlist": {"\\udfff": []}}', "application/json", "a key of policy.watchlist"),
        (b"[thresholds.toxicity]\nhold = " + b"9" * 5000 + b"\n", "application/toml", "TOML"),
    ],
)
def test_a_policy_no_reader_could_show_is_refused_and_not_stored(
    both: Service, raw: bytes, media: str, field: str
) -> None:
    refused(put_policy(both, raw, media), field)
    after = both.client.get("/api/v1/sites/news/policy", headers=both.auth(both.admin))
    assert after.status_code == 200, after.text
    assert after.json()["source"] == "default"


def test_an_unknown_upload_type_is_415_and_untyped_ones_are_detected(both: Service) -> None:
    csv = "id,author,text\n1,ann,Great news.\n"
    response = both.post_thread(csv, "application/x-unknown")
    assert response.status_code == 415, response.text
    error = response.json()["error"]
    assert "application/x-unknown" in error["message"] and "text/csv" in error["message"]
    for media in ("text/csv", "text/plain; charset=utf-8", "application/octet-stream"):
        assert both.post_thread(csv, media).status_code == 200, media
    assert both.post_thread(csv, "image/png", format="csv").status_code == 200  # ?format= wins
    bare = both.client.post("/api/v1/threads", content=csv, headers=both.auth(both.client_key))
    assert bare.status_code == 200, bare.text
    assert bare.json()["format"] == "csv"
    # desks 77 and 80: curl --data-binary sends a form's type, which no upload means
    curled = both.post_thread(csv, "application/x-www-form-urlencoded")
    assert curled.status_code == 200, curled.text
    assert curled.json()["format"] == "csv"


@pytest.mark.parametrize("text", ["5", "true", "{}", '["a"]'])
def test_comment_text_of_another_type_is_skipped_and_the_rest_stored(
    both: Service, text: str
) -> None:
    """comments[3].text = 12345 refused the whole upload (400, nothing stored) while
    ``scan`` skipped that comment and decided the other four."""
    comments = [f'{{"id": "c{i}", "text": "comment number {i}"}}' for i in range(5)]
    comments[3] = '{"id": "c3", "text": ' + text + "}"
    answer = both.post_thread('{"comments": [' + ", ".join(comments) + "]}", "application/json")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [c["id"] for c in body["comments"]] == ["c0", "c1", "c2", "c4"]
    assert any(
        "comments[3]: 'text' must be a string" in p and "comment skipped" in p
        for p in body["problems"]
    ), body["problems"]
    assert stored(both) == 4
    lines = '{"id": "d1", "text": "fine"}\n{"id": "d2", "body": ' + text + "}\n"
    answer = both.post_thread(lines, "application/x-ndjson")
    assert answer.status_code == 200, answer.text
    assert any("line 2: 'body' must be a string" in p for p in answer.json()["problems"])
    assert stored(both) == 5


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--site", "s" * 201, "--site is 201 characters long; the limit is 200"),
        ("--name", "n" * 300, "--name is 300 characters long"),
    ],
)
def test_keys_create_refuses_a_site_no_store_can_keep(
    tmp_path: Path, option: str, value: str, message: str
) -> None:
    proc = subprocess.run(
        [*CLI, "keys", "create", "--role", "client", option, value, "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert message in " ".join(proc.stderr.split())
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("thread", "field"),
    [
        ({"title": "T" * 2_001}, "thread.title is 2001 characters long; the limit is 2000"),
        ({"url": "https://x.example/" + "a" * 9_000}, "thread.url is 9018 characters long"),
    ],
)
def test_an_article_title_or_url_too_long_to_show_is_refused(
    both: Service, thread: dict[str, Any], field: str
) -> None:
    """A 10,000,000-character title made every moderator's queue page 400 MB."""
    doc = {"thread": {"id": "a1", **thread}, "comments": [{"id": "c1", "text": "hi"}]}
    refused(both.post_thread(json.dumps(doc), "application/json"), field)
    assert stored(both) == 0
    doc["thread"] = {"id": "a1", "title": "T" * 2_000, "url": "https://x.example/" + "a" * 8_000}
    assert both.post_thread(json.dumps(doc), "application/json").status_code == 200
