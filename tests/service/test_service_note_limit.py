"""A moderator's note has one limit, defined once (``MAX_NOTE_CHARS``), in characters, for
the API, the dashboard and the store; a comment too long for Perspective is told the limit.

An operator's tryout: a 100,000-character note got "note: Value should have at most 10000
items"; the dashboard's note boxes took 2,000 characters (and cut a longer note there
silently) where the API took 10,000; a 25,000-character Perspective text got "Comment text
too long." with no word of the limit."""

from __future__ import annotations

import json

import pytest
from service_support import Service

from threadguard.storage.records import MAX_NOTE_CHARS, Actor, InvalidError

MIA = Actor("mia", "moderator")


def comment(service: Service) -> str:
    doc = {"comments": [{"id": "c1", "author": "ann", "text": "you are a complete idiot"}]}
    response = service.post_thread(json.dumps(doc), "application/json")
    assert response.status_code == 200, response.text
    comment_id: str = response.json()["comments"][0]["comment_id"]
    return comment_id


def notes(service: Service, comment_id: str) -> list[str | None]:
    return [a.note for a in service.store.comment(comment_id).actions]


def test_the_limit_is_the_one_the_readme_gives() -> None:
    assert MAX_NOTE_CHARS == 10_000


def test_a_note_over_the_limit_is_refused_in_characters(service: Service) -> None:
    comment_id = comment(service)
    answer = service.act(comment_id, "note", note="n" * 100_000)
    assert answer.status_code == 422, answer.text
    message = answer.json()["error"]["message"]
    assert message == "invalid request: note: String should have at most 10000 characters"
    assert notes(service, comment_id) == []
    whole = service.act(comment_id, "note", note="n" * MAX_NOTE_CHARS)
    assert whole.status_code == 200, whole.text
    assert notes(service, comment_id) == ["n" * MAX_NOTE_CHARS]


def test_the_store_refuses_a_longer_note_from_any_surface(service: Service) -> None:
    comment_id = comment(service)
    before = service.store.comment(comment_id).status
    refusal = r"^a note is at most 10,000 characters \(this one has 10,001\)$"
    for action in ("note", "reject", "ban"):
        with pytest.raises(InvalidError, match=refusal):
            service.store.moderate(comment_id, action, MIA, note="n" * 10_001)
    assert notes(service, comment_id) == []
    assert service.store.comment(comment_id).status == before


def test_a_perspective_text_over_the_limit_is_told_the_limit(service: Service) -> None:
    answer = service.client.post(
        "/v1alpha1/comments:analyze",
        json={"comment": {"text": "w " * 12_500}, "requestedAttributes": {"TOXICITY": {}}},
        headers={"X-Goog-Api-Key": service.client_key},
    )
    assert answer.status_code == 400, answer.text
    error = answer.json()["error"]
    assert error["message"] == (
        "Comment text too long. Value (25000 characters) exceeded limit (20000 characters)."
    )
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["details"] == [
        {
            "@type": "type.googleapis.com/google.commentanalyzer.v1alpha1.Error",
            "errorType": "COMMENT_TOO_LONG",
        }
    ]
