"""`POST /api/v1/threads` reads each comment in the language its thread states."""

from __future__ import annotations

import json

from service_support import Service

THREAD = {
    "thread": {"title": "Stadtfest"},
    "comments": [
        {"id": "c1", "text": "Schönes Fest, tolle Stimmung am Rhein."},
        {"id": "c2", "parent": "c1", "language": "de", "text": "Verpiss dich, Kanake."},
    ],
}


def test_an_uploaded_thread_keeps_each_comments_language(service: Service) -> None:
    response = service.post_thread(json.dumps(THREAD), "application/json")
    assert response.status_code == 200, response.text
    c2 = response.json()["comments"][1]
    assert c2["analysis"]["language"] == "de"
    assert c2["decision"]["action"] == "hold"
