"""The native API reads a gzip body (``Content-Encoding: gzip``) as Perspective's and
OpenAI's endpoints do, inflated within the body limit, and names any other encoding.

Before, the native API ignored the header: a gzip action was answered "the body is not
UTF-8 text (byte 1)", a gzip thread upload "looks like binary data (NUL bytes near the
start), not a thread", and a body marked ``br`` was read as if it were not compressed.
"""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest
from service_support import Service

#: A small body limit, so that a bomb past it is cheap to make.
LIMIT = 20_000


@pytest.fixture
def service_options() -> dict[str, Any]:
    return {"max_body_bytes": LIMIT, "max_upload_bytes": LIMIT}


GZIP = {"Content-Encoding": "gzip"}
THREAD = {
    "thread": {"title": "Ferry timetable", "id": "t1"},
    "comments": [
        {"id": "c1", "author": "ann", "text": "you are a complete idiot"},
        {"id": "c2", "author": "bob", "text": "The new timetable works for me."},
    ],
}


def upload(service: Service, body: bytes, **headers: str) -> Any:
    return service.client.post(
        "/api/v1/threads",
        content=body,
        headers={**service.auth(service.client_key), "Content-Type": "application/json", **headers},
    )


def held_comment(service: Service) -> str:
    answer = upload(service, json.dumps(THREAD).encode())
    assert answer.status_code == 200, answer.text
    comment_id: str = answer.json()["comments"][0]["comment_id"]
    return comment_id


def test_a_gzip_thread_upload_is_inflated_and_stored(service: Service) -> None:
    answer = upload(service, gzip.compress(json.dumps(THREAD).encode()), **GZIP)
    assert answer.status_code == 200, answer.text
    stored = [service.store.comment(c["comment_id"]).text for c in answer.json()["comments"]]
    assert stored == [c["text"] for c in THREAD["comments"]]


def test_a_gzip_action_and_a_gzip_policy_are_read(service: Service) -> None:
    comment_id = held_comment(service)
    body = gzip.compress(json.dumps({"action": "note", "note": "looked at it"}).encode())
    answer = service.client.post(
        f"/api/v1/comments/{comment_id}/actions",
        content=body,
        headers={**service.auth(service.moderator), **GZIP},
    )
    assert answer.status_code == 200, answer.text
    assert [a.note for a in service.store.comment(comment_id).actions] == ["looked at it"]
    policy = gzip.compress(b"[thresholds.toxicity]\nhold = 0.5\n")
    answer = service.client.put(
        "/api/v1/sites/news/policy",
        content=policy,
        headers={**service.auth(service.admin), "Content-Type": "application/toml", **GZIP},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["effective"]["thresholds"]["toxicity"]["hold"] == 0.5


def test_a_gzip_bomb_is_refused_as_a_large_body_is(service: Service) -> None:
    bomb = gzip.compress(b'{"comments": [{"id": "c1", "text": "' + b"a" * LIMIT * 10 + b'"}]}')
    assert len(bomb) < LIMIT
    answer = upload(service, bomb, **GZIP)
    assert answer.status_code == 413, answer.text
    assert "once inflated" in answer.json()["error"]["message"]
    assert f"{LIMIT}" in answer.json()["error"]["message"]
    assert service.store.site_names() == []


def test_a_damaged_gzip_body_and_another_encoding_are_named(service: Service) -> None:
    comment_id = held_comment(service)
    path = f"/api/v1/comments/{comment_id}/actions"
    headers = service.auth(service.moderator)
    broken = gzip.compress(b'{"action": "reject"}')[:-8]
    answer = service.client.post(path, content=broken, headers={**headers, **GZIP})
    assert answer.status_code == 400, answer.text
    assert "not valid gzip" in answer.json()["error"]["message"]
    body = b'{"action": "reject"}'
    answer = service.client.post(path, content=body, headers={**headers, "Content-Encoding": "br"})
    assert answer.status_code == 415, answer.text
    assert "Content-Encoding 'br' is not accepted" in answer.json()["error"]["message"]
    assert service.store.comment(comment_id).actions == []
    answer = upload(service, json.dumps(THREAD).encode(), **{"Content-Encoding": "deflate"})
    assert answer.status_code == 415, answer.text
    assert "'deflate'" in answer.json()["error"]["message"]


def test_a_gzip_body_of_several_members_is_read_whole(service: Service) -> None:
    # ``gzip -c a >> all.gz; gzip -c b >> all.gz`` is one valid gzip file: only its first
    # member was read, and the upload answered 200 with the rest of the thread dropped.
    text = json.dumps(THREAD).encode()
    half = len(text) // 2
    body = gzip.compress(text[:half]) + gzip.compress(text[half:])
    answer = upload(service, body, **GZIP)
    assert answer.status_code == 200, answer.text
    stored = [service.store.comment(c["comment_id"]).text for c in answer.json()["comments"]]
    assert stored == [c["text"] for c in THREAD["comments"]]


def test_gzip_members_past_the_limit_together_are_refused(service: Service) -> None:
    # each member inflates to under the limit; together they pass it
    part = b" " * (LIMIT // 2 + 100)
    body = gzip.compress(b'{"comments": [') + gzip.compress(part) + gzip.compress(part)
    answer = upload(service, body + gzip.compress(b"]}"), **GZIP)
    assert answer.status_code == 413, answer.text
    assert f"{LIMIT} bytes once inflated" in answer.json()["error"]["message"]
    trailing = gzip.compress(json.dumps(THREAD).encode()) + b"not gzip"
    answer = upload(service, trailing, **GZIP)
    assert answer.status_code == 400, answer.text
    assert "not valid gzip (byte " in answer.json()["error"]["message"]
    assert service.store.site_names() == []


@pytest.mark.parametrize("variable", ["THREADGUARD_MAX_BODY_BYTES", "THREADGUARD_MAX_UPLOAD_BYTES"])
def test_a_body_limit_too_large_to_inflate_within_is_refused_at_start(variable: str) -> None:
    # An on-call night: THREADGUARD_MAX_BODY_BYTES=99999999999999999999999 was taken at
    # start, then every gzip body was a 500 (zlib takes the limit as a C integer)
    from threadguard.service.encodings import gunzip
    from threadguard.service.settings import MAX_BODY_LIMIT, SettingsError, load_settings

    with pytest.raises(SettingsError, match=f"{variable}: max_"):
        load_settings(None, {variable: "99999999999999999999999"})
    with pytest.raises(SettingsError, match=variable):
        load_settings(None, {variable: str(MAX_BODY_LIMIT + 1)})
    settings = load_settings(None, {variable: str(MAX_BODY_LIMIT)})
    largest = max(settings.max_body_bytes, settings.max_upload_bytes)
    assert largest == MAX_BODY_LIMIT
    assert gunzip(gzip.compress(b'{"ok": true}'), largest) == b'{"ok": true}'
