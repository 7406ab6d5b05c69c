"""A NUL in a stored Perspective request is stored as U+FFFD and scored, on SQLite and
PostgreSQL (which keeps no NUL): it was a 400, while the same text with ``doNotStore`` was
scored, and a client that fails open on errors published the comment unscored (a commenter
can type the NUL on purpose). Coral's endpoint already did this."""

from __future__ import annotations

from service_support import Service
from sqlalchemy import select

from threadguard.storage.models import Comment


def test_a_nul_in_a_stored_request_is_stored_as_a_replacement_and_scored(
    service_on_each_backend: Service,
) -> None:
    service = service_on_each_backend
    text = "you stupid\x00 idiot"
    body = {"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}}}
    response = service.client.post(
        "/v1alpha1/comments:analyze", json=body, headers=service.auth(service.client_key)
    )
    assert response.status_code == 200, response.text
    stored_only = {**body, "doNotStore": True}
    unstored = service.client.post(
        "/v1alpha1/comments:analyze", json=stored_only, headers=service.auth(service.client_key)
    )
    score = response.json()["attributeScores"]["TOXICITY"]["summaryScore"]["value"]
    assert score == unstored.json()["attributeScores"]["TOXICITY"]["summaryScore"]["value"]
    assert score > 0.5
    with service.store.engine.connect() as conn:
        [row] = conn.execute(select(Comment.text)).all()
    assert row.text == "you stupid\ufffd idiot"
