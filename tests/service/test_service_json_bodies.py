"""The native API's JSON bodies are read as JSON whatever the Content-Type says, as the
Perspective, OpenAI, policy and thread-upload endpoints already read theirs.

An operator's tryout: ``curl $B/api/v1/comments/cm_.../actions -H "Authorization: Bearer
$MOD" -d '{"action":"reject"}'`` (curl's default ``application/x-www-form-urlencoded``)
was answered 422 "body: Input should be a valid dictionary or object to extract fields
from", for a comment that does not exist too (which is a 404), and a malformed body was
"invalid request: 10: JSON decode error", saying neither what nor where.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from service_support import Service

#: What curl sends with ``-d`` and no ``-H 'Content-Type: ...'``.
CURL_FORM = "application/x-www-form-urlencoded"


def held_comment(service: Service) -> str:
    doc = {"comments": [{"id": "c1", "author": "ann", "text": "you are a complete idiot"}]}
    response = service.post_thread(json.dumps(doc), "application/json")
    assert response.status_code == 200, response.text
    comment_id: str = response.json()["comments"][0]["comment_id"]
    return comment_id


def post_raw(service: Service, path: str, body: bytes, content_type: str | None) -> Any:
    headers = service.auth(service.moderator)
    if content_type is not None:
        headers["Content-Type"] = content_type
    return service.client.post(path, content=body, headers=headers)


def test_an_action_sent_as_curl_sends_it_is_applied(service: Service) -> None:
    comment_id = held_comment(service)
    path = f"/api/v1/comments/{comment_id}/actions"
    answer = post_raw(service, path, b'{"action":"reject"}', CURL_FORM)
    assert answer.status_code == 200, answer.text
    assert answer.json()["comment_status"] == "rejected"
    assert service.store.comment(comment_id).status == "rejected"


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/octet-stream"])
def test_an_action_is_read_as_json_without_a_json_content_type(
    service: Service, content_type: str | None
) -> None:
    comment_id = held_comment(service)
    path = f"/api/v1/comments/{comment_id}/actions"
    body = json.dumps({"action": "note", "note": "looked at it"}).encode()
    answer = post_raw(service, path, body, content_type)
    assert answer.status_code == 200, answer.text
    assert [a.note for a in service.store.comment(comment_id).actions] == ["looked at it"]


@pytest.mark.parametrize("content_type", [CURL_FORM, "application/json"])
def test_an_action_on_a_comment_that_does_not_exist_is_404(
    service: Service, content_type: str
) -> None:
    answer = post_raw(
        service, "/api/v1/comments/cm_nothere/actions", b'{"action":"reject"}', content_type
    )
    assert answer.status_code == 404, answer.text
    assert answer.json()["error"] == {
        "code": 404,
        "status": "NOT_FOUND",
        "message": "no comment with id 'cm_nothere'",
    }


def test_an_action_sent_to_the_threads_own_id_says_where_the_stores_ids_are(
    service: Service,
) -> None:
    # Desk 76 (session 51): the upload's answer carries "id": "c20" (the thread's) beside
    # "comment_id": "cm_..." (the store's), and a verdict sent to c20 got a bare 404.
    answer = post_raw(
        service, "/api/v1/comments/c20/actions", b'{"action":"approve"}', "application/json"
    )
    assert answer.status_code == 404, answer.text
    message = answer.json()["error"]["message"]
    assert message.startswith("no comment with id 'c20' (the store's ids start with 'cm_'")
    assert "comment_id" in message
    got = service.client.get("/api/v1/comments/c20", headers=service.auth(service.admin))
    assert got.status_code == 404 and "comment_id" in got.json()["error"]["message"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"action":}', "invalid JSON at line 1, column 11: Expecting value"),
        (
            b'{"action": "approve",\n "note": "x}',
            "invalid JSON at line 2, column 10: Unterminated string",
        ),
        (b'{"action" "approve"}', "invalid JSON at line 1, column 11: Expecting ':' delimiter"),
        (b"", "the body is empty; send a JSON object"),
        (b'{"action": "\xff"}', "the body is not UTF-8 text (byte 12)"),
        (b'["approve"]', "the body must be a JSON object, not an array"),
    ],
)
def test_a_malformed_action_says_what_is_wrong_and_where(
    service: Service, body: bytes, message: str
) -> None:
    comment_id = held_comment(service)
    answer = post_raw(service, f"/api/v1/comments/{comment_id}/actions", body, CURL_FORM)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["message"] == message
    assert service.store.comment(comment_id).actions == []


def test_a_well_formed_body_of_the_wrong_shape_still_names_the_field(service: Service) -> None:
    comment_id = held_comment(service)
    path = f"/api/v1/comments/{comment_id}/actions"
    answer = post_raw(service, path, b'{"action": "smite"}', CURL_FORM)
    assert answer.status_code == 422, answer.text
    message = answer.json()["error"]["message"]
    assert message.startswith("invalid request: action: Input should be 'approve'"), message
    typo = post_raw(service, path, b'{"action": "note", "nots": "x"}', None)
    assert typo.status_code == 422
    assert "nots: Extra inputs are not permitted" in typo.json()["error"]["message"]


def test_the_key_is_checked_before_the_body(service: Service) -> None:
    answer = service.client.post(
        "/api/v1/comments/cm_x/actions", content=b"{", headers={"Content-Type": CURL_FORM}
    )
    assert answer.status_code == 401, answer.text


def test_an_adaptation_request_is_read_whatever_its_content_type(service: Service) -> None:
    answer = service.client.post(
        "/api/v1/sites/news/adaptations",
        content=b'{"kind": "forest"}',
        headers={**service.auth(service.admin), "Content-Type": "text/plain"},
    )
    assert answer.status_code == 422, answer.text
    assert "kind: Input should be 'head' or 'calibration'" in answer.json()["error"]["message"]
    # no body at all is the default fit (refused here for want of verdicts, not of a body)
    bare = service.client.post(
        "/api/v1/sites/news/adaptations", headers=service.auth(service.admin)
    )
    assert bare.status_code == 422 and "cannot be adapted yet" in bare.json()["error"]["message"]


def body_schema(document: dict[str, Any], path: str) -> tuple[bool, dict[str, Any]]:
    """Whether the POST on ``path`` requires its JSON body, and that body's object schema
    (a component's, or an optional body's non-null choice, looked up)."""
    body = document["paths"][path]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    schema = next(s for s in schema.get("anyOf", [schema]) if s.get("type") != "null")
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return body.get("required", False), schema


def test_the_openapi_document_still_describes_the_json_bodies(service: Service) -> None:
    document = service.client.get("/openapi.json").json()
    required, action = body_schema(document, "/api/v1/comments/{comment_id}/actions")
    assert required is True
    assert action["properties"]["action"]["enum"][:2] == ["approve", "reject"]
    assert action["properties"]["note"]["anyOf"][0]["maxLength"] == 10_000
    required, fit = body_schema(document, "/api/v1/sites/{site}/adaptations")
    assert required is False and "kind" in fit["properties"]


def test_a_key_given_twice_is_refused_not_read_as_the_last(service: Service) -> None:
    """``{"action": "approve", "action": "reject"}`` was a reject (JSON's parsers keep the
    last), though the client may have meant either: a verdict on an ambiguous body."""
    comment_id = held_comment(service)
    before = service.store.comment(comment_id).status
    path = f"/api/v1/comments/{comment_id}/actions"
    body = b'{"action": "approve", "note": "ok", "action": "reject"}'
    answer = post_raw(service, path, body, "application/json")
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["message"] == (
        "the key 'action' is given twice in one object; send it once"
    )
    assert service.store.comment(comment_id).actions == []
    assert service.store.comment(comment_id).status == before
