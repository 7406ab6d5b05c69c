"""A dashboard form sent in another body type, or with a field that is not UTF-8 text, is
refused with a page that says so, and nothing is applied or stored.

Before, a body that was not URL-encoded (``curl -F``'s multipart, JSON) was read as an
empty form: the sign-in answered "The sign-in form had expired", an action "The page was
older than your session", and an action whose token came in its header was applied
without the note in its body. A field that was not UTF-8 was stored with U+FFFD in place
of each byte (a note's "café" sent as Latin-1 was kept as "caf\\ufffd").
"""

from __future__ import annotations

import json

from dashboard_support import PASSWORD, Dashboard, item_ids

FORM = "application/x-www-form-urlencoded"


def test_a_sign_in_sent_as_multipart_or_json_is_told_the_body_type(dashboard: Dashboard) -> None:
    client = dashboard.client()
    fields = {"username": "alice", "password": PASSWORD}
    token = dashboard.login_token(client)
    multipart = client.post(
        "/login",
        files={name: (None, value) for name, value in {**fields, "csrf_token": token}.items()},
        follow_redirects=False,
    )
    assert multipart.status_code == 400, multipart.text
    assert "multipart/form-data" in multipart.text and FORM in multipart.text
    assert "had expired" not in multipart.text
    as_json = client.post("/login", json={**fields, "csrf_token": token}, follow_redirects=False)
    assert as_json.status_code == 400 and "application/json" in as_json.text
    assert dashboard.sign_in(client).status_code == 303  # the form itself still works


def test_an_action_with_a_json_body_is_refused_not_applied_without_its_note(
    dashboard: Dashboard,
) -> None:
    client, csrf = dashboard.signed_in()
    first = item_ids(client.get("/").text)[0]
    answer = client.post(
        f"/actions/{first}/reject",
        content=json.dumps({"note": "doxxing: the address in the second line"}),
        headers={"Content-Type": "application/json", "X-CSRF-Token": csrf},
    )
    assert answer.status_code == 400, answer.text
    assert "application/json" in answer.text and "Nothing was changed" in answer.text
    assert dashboard.store.comment(first).status == "pending"
    assert dashboard.store.comment(first).actions == []


def test_a_form_field_that_is_not_utf8_is_refused_naming_it(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    first = item_ids(client.get("/").text)[0]
    for body, said in (
        (f"csrf_token={csrf}&note=caf%E9".encode(), "form field &#39;note&#39; is not UTF-8"),
        (f"csrf_token={csrf}&note=".encode() + "café".encode("latin-1"), "byte"),
    ):
        answer = client.post(f"/actions/{first}/note", content=body, headers={"Content-Type": FORM})
        assert answer.status_code == 400, answer.text
        assert said in answer.text and "not UTF-8" in answer.text
    assert dashboard.store.comment(first).actions == []
    fine = f"csrf_token={csrf}&note=caf%C3%A9".encode()  # the same note in UTF-8
    client.post(f"/actions/{first}/note", content=fine, headers={"Content-Type": FORM})
    assert [a.note for a in dashboard.store.comment(first).actions] == ["café"]
