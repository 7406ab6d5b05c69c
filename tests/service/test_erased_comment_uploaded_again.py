"""A comment an admin erased, sent again with its text in a thread upload, stays erased (as
docs/service.md and the dashboard guide promise), and the answer says so: its problem was
"has no text" (before), which a client that had sent the whole text could not make sense of.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_support import Databases, Service

from threadguard.engine import Engine

TEXT = "She lives at 22 Moorside Lane, Baildon. Go and tell her what you think."
BODY = json.dumps(
    {
        "thread": {"id": "a1", "title": "A story"},
        "comments": [
            {"id": "x1", "author": "doxxer_dan", "text": TEXT},
            {"id": "x2", "author": "reader", "text": "Please do not post addresses here."},
        ],
    }
)


@pytest.fixture
def service(engine: Engine, databases: Databases, tmp_path: Path) -> Iterator[Service]:
    with databases.fresh("sqlite", tmp_path) as url:
        made = Service(engine, url)
        yield made
        made.close()


def uploaded_and_erased(service: Service) -> dict[str, Any]:
    """The thread's first comment as its upload answered it, then erased by an admin."""
    first = service.post_thread(BODY, "application/json")
    assert first.status_code == 200, first.text
    entry: dict[str, Any] = first.json()["comments"][0]
    erased = service.client.post(
        f"/api/v1/comments/{entry['comment_id']}/erase",
        json={"confirm": True},
        headers=service.auth(service.admin),
    )
    assert erased.status_code == 200, erased.text
    return entry


def test_an_erased_comment_sent_again_with_its_text_is_named_as_erased(service: Service) -> None:
    cid = uploaded_and_erased(service)["comment_id"]

    again = service.post_thread(BODY, "application/json")
    assert again.status_code == 200, again.text
    answer = again.json()
    assert answer["problems"] == [
        f"comment 'x1' was erased by an admin ({cid}); its text was not stored again: an "
        "erased comment stays erased (its decision and queue entry unchanged)"
    ]
    entry = answer["comments"][0]
    assert entry["left_as_stored"] is True
    assert entry["status"] == "pending"
    stored = service.client.get(f"/api/v1/comments/{cid}", headers=service.auth(service.admin))
    assert stored.status_code == 200, stored.text
    assert "Moorside" not in stored.text and "doxxer_dan" not in stored.text


def test_a_comment_sent_again_without_text_is_still_told_so(service: Service) -> None:
    first = service.post_thread(BODY, "application/json")
    assert first.status_code == 200, first.text
    empty = json.loads(BODY)
    empty["comments"][0]["text"] = ""
    again = service.post_thread(json.dumps(empty), "application/json")
    assert again.status_code == 200, again.text
    assert again.json()["problems"] == [
        "comment 'x1' has no text; the stored comment with this id was left as stored (its "
        "text, decision and queue entry unchanged)"
    ]


#: The reason an erased comment sent again is answered with.
LEFT_AS_STORED = (
    "left as stored (erased by an admin: its text is not stored again): its stored status stands"
)


def test_an_erased_comment_sent_again_edited_keeps_its_stored_decision(service: Service) -> None:
    uploaded_and_erased(service)
    edited = json.loads(BODY)
    edited["comments"][0]["text"] = "Thanks for the story."
    again = service.post_thread(json.dumps(edited), "application/json")
    assert again.status_code == 200, again.text
    entry = again.json()["comments"][0]
    assert (entry["status"], entry["decision"]["action"]) == ("pending", "hold")
    assert entry["decision"]["reasons"] == [LEFT_AS_STORED]


def test_an_erased_comment_sent_again_unchanged_gives_no_reasons_of_its_text(
    service: Service,
) -> None:
    """The fresh decision on the text sent again (held, as the stored status) was the
    answer, with reasons read from a text the store refused to keep; the answer now says
    the comment was left as stored, as when the decisions differ."""
    held = uploaded_and_erased(service)
    assert (held["status"], held["decision"]["action"]) == ("pending", "hold")
    again = service.post_thread(BODY, "application/json")
    assert again.status_code == 200, again.text
    entry = again.json()["comments"][0]
    assert (entry["status"], entry["decision"]["action"]) == ("pending", "hold")
    assert entry["decision"]["reasons"] == [LEFT_AS_STORED]
    assert "policy_decision" not in entry
    assert entry["analysis"]["decision"] == "hold"
