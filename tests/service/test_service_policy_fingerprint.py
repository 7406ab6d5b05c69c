"""Every policy decision the service stores names the server policy it was made under
(``serve --policy FILE``, else the built-in one: its source and hash), on every path that
stores one: a thread upload (new comments in bulk, an edited one alone), Perspective's
analyze and suggestscore, Coral. A site's own document goes on top of the server's
policy and is versioned apart: the stamp stays the server's. ``db rescore`` compares it
with its own (``tests/cli/test_db_rescore_policy_drift.py``)."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from service_support import Service
from sqlalchemy import select

from threadguard.moderation import load_policy, policy_text
from threadguard.moderation.fingerprint import stamp_of
from threadguard.storage.models import DecisionRow
from threadguard.storage.records import SERVER_POLICY

SECRET = "whsec_fingerprint"


def _site_file(folder: Path) -> Path:
    text = policy_text(load_policy(None))
    assert text is not None
    path = folder / "my_site.toml"
    path.write_text(text.replace("hold = 0.40", "hold = 0.45", 1), encoding="utf-8")
    return path


def _stamps(service: Service) -> list[Any]:
    """The server policy each stored policy decision keeps, oldest first."""
    with service.store.sessions.read() as s:
        rows = s.scalars(
            select(DecisionRow).where(DecisionRow.source == "policy").order_by(DecisionRow.id)
        ).all()
        return [(r.details or {}).get(SERVER_POLICY) for r in rows]


def _thread(second: str) -> str:
    return json.dumps(
        {
            "thread": {"id": "ferry", "title": "Ferry timetable"},
            "comments": [
                {"id": "a", "author": "ann", "text": "The island ferry is late again."},
                {"id": "b", "author": "bo", "text": second},
            ],
        }
    )


def _coral(service: Service, text: str) -> None:
    body = json.dumps(
        {
            "action": "NEW",
            "comment": {"body": f"<p>{text}</p>", "parentID": None},
            "author": {"id": "user-7", "role": "COMMENTER"},
            "story": {"id": "story-1"},
            "site": {"id": "news"},
        }
    ).encode()
    signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    response = service.client.post(
        "/coral/moderation",
        content=body,
        headers={"Content-Type": "application/json", "X-Coral-Signature": signature},
    )
    assert response.status_code == 200, response.text


def test_every_path_that_stores_a_decision_names_the_server_policy(
    make_service: Any, tmp_path: Path
) -> None:
    path = _site_file(tmp_path)
    service: Service = make_service(policy_path=path, coral_secret=SECRET)
    # the site's own document on top: the stamp is still the server's
    put = service.client.put(
        "/api/v1/sites/news/policy",
        content='[watchlist]\nhold = ["timetable"]\n',
        headers={**service.auth(service.admin), "Content-Type": "application/toml"},
    )
    assert put.status_code == 200, put.text
    upload = service.post_thread(_thread("You are a fool."), "application/json", site="news")
    assert upload.status_code in (200, 201), upload.text
    edited = service.post_thread(_thread("Late, and late again."), "application/json", site="news")
    assert edited.status_code in (200, 201), edited.text
    news_key = service.store.create_key("client", site="news")
    for key in (news_key, service.client_key):  # a site's key, and one with no site
        analyzed = service.client.post(
            "/v1alpha1/comments:analyze",
            params={"key": key},
            json={
                "comment": {"text": "The new timetable is great"},
                "requestedAttributes": {"TOXICITY": {}},
            },
        )
        assert analyzed.status_code == 200, analyzed.text
    suggested = service.client.post(
        "/v1alpha1/comments:suggestscore",
        params={"key": news_key},
        json={
            "comment": {"text": "Another timetable"},
            "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0.0}}},
        },
    )
    assert suggested.status_code == 200, suggested.text
    _coral(service, "The timetable again")
    stamp = stamp_of(load_policy(path)).to_json()
    assert stamp["source"] == str(path)
    # 2 uploaded, 1 edited, 2 analyzed, 1 suggested, 1 from Coral
    assert _stamps(service) == [stamp] * 7
    # what the site's lists found is kept beside it
    with service.store.sessions.read() as s:
        coral_row = s.scalars(select(DecisionRow).order_by(DecisionRow.id.desc())).first()
        assert coral_row is not None and coral_row.details is not None
        assert coral_row.details["watchlist"][0]["pattern"] == "timetable"


def test_a_server_without_a_policy_file_names_the_built_in_policy(service: Service) -> None:
    upload = service.post_thread(_thread("You are a fool."), "application/json", site="news")
    assert upload.status_code in (200, 201), upload.text
    built_in = stamp_of(load_policy(None))
    assert built_in.source == "built-in"
    assert _stamps(service) == [built_in.to_json()] * 2
