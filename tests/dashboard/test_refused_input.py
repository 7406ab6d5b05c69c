"""Values no store could take (a NUL, which PostgreSQL refuses, or a lone surrogate) in a
dashboard form, query or path: a 400 page naming the field, never a 500, on either
database, signed in or not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dashboard_support import Dashboard, item_ids
from service_support import Databases, Service

from threadguard.engine import Engine


@pytest.fixture(params=["sqlite", "postgresql"])
def either(
    request: pytest.FixtureRequest, engine: Engine, databases: Databases, tmp_path: Path
) -> Iterator[Dashboard]:
    with databases.fresh(request.param, tmp_path) as url:
        service = Service(engine, url)
        yield Dashboard(service)
        service.close()


def refused(answer: object, field: str) -> None:
    status = getattr(answer, "status_code")
    text = getattr(answer, "text")
    assert status == 400, text
    assert "This request was not accepted" in text and field in text
    assert "NUL" in text or "surrogate" in text


def test_a_nul_in_the_sign_in_form_is_refused_before_sign_in(either: Dashboard) -> None:
    client = either.client()
    token = either.login_token(client)
    answer = client.post(
        "/login", data={"username": "ali\x00ce", "password": "x", "csrf_token": token}
    )
    refused(answer, "username")
    # The form still works afterwards.
    assert either.sign_in(client).status_code == 303


def test_a_nul_in_a_query_or_path_is_refused(either: Dashboard) -> None:
    anonymous = either.client()
    refused(anonymous.get("/?site=ne%00ws"), "query parameter site")
    client, csrf = either.signed_in()
    refused(client.get("/?article=a%00b"), "query parameter article")
    refused(client.get("/threads?site=%00"), "query parameter site")
    refused(client.post("/actions/cm%00x/approve", data={"csrf_token": csrf}), "comment_id")


def test_a_nul_in_an_action_form_is_refused_and_nothing_is_stored(either: Dashboard) -> None:
    client, csrf = either.signed_in()
    first = item_ids(client.get("/").text)[0]
    note = client.post(f"/actions/{first}/note", data={"csrf_token": csrf, "note": "bad\x00note"})
    refused(note, "note")
    refused(
        client.post("/actions/ban", data={"csrf_token": csrf, "comment_id": first + "\x00"}),
        "comment_id",
    )
    refused(
        client.post("/actions/bulk", data={"csrf_token": csrf, "action": "approve", "ids": "\x00"}),
        "ids",
    )
    assert either.store.comment(first).status == "pending"
    assert either.store.audit_log(action="comment.note").total == 0


def test_a_nul_in_a_back_url_is_dropped_not_looked_up(either: Dashboard) -> None:
    client, csrf = either.signed_in()
    first = item_ids(client.get("/").text)[0]
    answer = client.post(
        f"/actions/{first}/approve",
        headers={"HX-Request": "true", "X-CSRF-Token": csrf},
        data={"back": "/?site=%00&article=%ED%A0%80"},
    )
    assert answer.status_code == 200
    assert either.store.comment(first).status == "approved"


def test_a_refused_filter_in_a_back_url_is_refused_before_acting(either: Dashboard) -> None:
    """A stale or hand-made ``back`` with a filter the queue refuses was read only for the
    answer: the comment was approved, then a 400 page said "Nothing was changed" with no
    undo bar (review 35b). Now the action is refused before anything applies."""
    client, csrf = either.signed_in()
    first, second = item_ids(client.get("/").text)[:2]
    hx = {"HX-Request": "true", "X-CSRF-Token": csrf}
    for back in ("/?reason=bogus", "/?q=" + "x" * 300, "/?language=12"):
        for answer in (
            client.post(f"/actions/{first}/approve", headers=hx, data={"back": back}),
            client.post(f"/actions/{first}/reject", data={"csrf_token": csrf, "back": back}),
            client.post(
                "/actions/bulk",
                headers=hx,
                data={"action": "approve", "ids": [first, second], "back": back},
            ),
            client.post(
                "/actions/ban",
                headers=hx,
                data={"comment_id": first, "then": "reject", "back": back},
            ),
        ):
            assert answer.status_code == 400, answer.text
            assert "This filter was not accepted" in answer.text and "back" in answer.text
    assert [either.store.comment(c).status for c in (first, second)] == ["pending"] * 2
    assert either.store.audit_log(action="comment").total == 0
    assert either.store.audit_log(action="author").total == 0
    client.post(f"/actions/{first}/reject", headers=hx, data={"back": "/"})
    refused_undo = client.post("/actions/undo", headers=hx, data={"back": "/?reason=bogus"})
    assert refused_undo.status_code == 400
    assert either.store.comment(first).status == "rejected"


def test_a_queue_page_after_digits_python_reads_alike_is_the_first_page(
    dashboard: Dashboard,
) -> None:
    """``?page=2&after=²`` was a 500 (``str.isdigit`` takes "²", which ``int`` refuses);
    a cursor that is not ASCII digits is none, as any other that is not a number."""
    client, _ = dashboard.signed_in()
    for after in ("²", "\u0663", "12"):
        answer = client.get("/", params={"page": "2", "after": after})
        assert answer.status_code == 200, answer.text
