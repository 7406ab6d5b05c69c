"""The dashboard's note boxes (a comment's note, the ban dialog's reason) take the notes the
API takes: one limit, ``MAX_NOTE_CHARS``, in characters. They took 2,000 (a longer note
sent by hand was cut there silently) where the API took 10,000."""

from __future__ import annotations

import re

from dashboard_support import Dashboard, item_ids

from threadguard.storage.records import MAX_NOTE_CHARS


def notes(dashboard: Dashboard, comment_id: str) -> list[str | None]:
    return [a.note for a in dashboard.store.comment(comment_id).actions]


def test_the_note_boxes_take_what_the_api_takes(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    page = client.get("/").text
    boxes = re.findall(r'<textarea id="(?:note-cm_[0-9a-f]+|ban-note)" name="note"[^>]*>', page)
    assert len(boxes) > 2 and any('id="ban-note"' in box for box in boxes), boxes
    assert all(f'maxlength="{MAX_NOTE_CHARS}"' in box for box in boxes), boxes
    first = item_ids(page)[0]
    long_note = "seen " * 1_000  # 5,000 characters: cut at 2,000 before
    saved = client.post(f"/actions/{first}/note", data={"csrf_token": csrf, "note": long_note})
    assert saved.status_code in (200, 303)
    assert notes(dashboard, first) == [long_note.strip()]
    refused = client.post(
        f"/actions/{first}/note",
        headers={"HX-Request": "true", "X-CSRF-Token": csrf},
        data={"note": "n" * (MAX_NOTE_CHARS + 1)},
    )
    assert refused.status_code == 200
    assert "a note is at most 10,000 characters (this one has 10,001)" in refused.text
    assert notes(dashboard, first) == [long_note.strip()]
