"""``POST /api/v1/comments/{id}/erase``: an admin erases a comment's text and author name
through the API, as the dashboard's Erase... does (a site answering an erasure request from
its own systems had no way to); a moderator may not, nor an admin erase without ``confirm``."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from service_support import Databases, Service

from threadguard.engine import Engine

TEXT = "She lives at 22 Moorside Lane, Baildon. Go and tell her what you think."


@pytest.fixture
def service(engine: Engine, databases: Databases, tmp_path: Path) -> Iterator[Service]:
    with databases.fresh("sqlite", tmp_path) as url:
        made = Service(engine, url)
        yield made
        made.close()


def upload(service: Service) -> str:
    body = json.dumps(
        {
            "thread": {"id": "a1", "title": "A story"},
            "comments": [{"id": "x1", "author": "doxxer_dan", "text": TEXT}],
        }
    )
    response = service.post_thread(body, "application/json")
    assert response.status_code == 200, response.text
    [comment] = response.json()["comments"]
    return str(comment["comment_id"])


def test_an_admin_erases_a_comments_text_and_name_through_the_api(service: Service) -> None:
    cid = upload(service)
    url = f"/api/v1/comments/{cid}/erase"
    as_moderator = service.client.post(
        url, json={"confirm": True}, headers=service.auth(service.moderator)
    )
    assert as_moderator.status_code == 403, as_moderator.text
    unconfirmed = service.client.post(url, json={}, headers=service.auth(service.admin))
    assert unconfirmed.status_code == 422, unconfirmed.text
    done = service.client.post(
        url, json={"confirm": True, "reason": "doxxing"}, headers=service.auth(service.admin)
    )
    assert done.status_code == 200, done.text
    erased = done.json()
    assert erased["comment_id"] == cid
    assert erased["text_sha256"] == hashlib.sha256(TEXT.encode()).hexdigest()
    stored = service.client.get(f"/api/v1/comments/{cid}", headers=service.auth(service.admin))
    assert stored.status_code == 200, stored.text
    assert "Moorside" not in stored.text and "doxxer_dan" not in stored.text
    assert stored.json()["decision"]["action"] == "hold"  # the decision stays
    again = service.client.post(url, json={"confirm": True}, headers=service.auth(service.admin))
    assert again.status_code == 409, again.text
    missing = service.client.post(
        "/api/v1/comments/nope/erase", json={"confirm": True}, headers=service.auth(service.admin)
    )
    assert missing.status_code == 404, missing.text


@pytest.mark.parametrize("confirm", [1, 1.0, "true", "yes"])
def test_only_json_true_confirms_an_erasure(service: Service, confirm: object) -> None:
    """``{"confirm": 1}`` erased the comment (pydantic read 1 as True), though an erasure
    cannot be undone and ``confirm`` is there so that a client's slip erases nothing."""
    cid = upload(service)
    answer = service.client.post(
        f"/api/v1/comments/{cid}/erase",
        json={"confirm": confirm},
        headers=service.auth(service.admin),
    )
    assert answer.status_code == 422, answer.text
    assert "confirm" in answer.json()["error"]["message"]
    stored = service.store.comment(cid)
    assert stored.text == TEXT and stored.author == "doxxer_dan"
