"""An admin erases a comment's text and author name from its card (an erasure request,
doxxing): only admins, only with the box ticked, CSRF-checked; the card then says who
erased it and when in place of the text, the reply below shows "[text erased]" above it,
and the decision, scores and audit entry stay."""

from __future__ import annotations

from html import unescape

from dashboard_support import PASSWORD, Dashboard

from threadguard.dashboard.routes.erasure import CONFIRM_FIRST, ERASED

TEXT = "You are an idiot and so is everyone who agrees with you."


def _id(dashboard: Dashboard, external: str) -> str:
    with dashboard.store.engine.connect() as conn:
        return str(
            conn.exec_driver_sql(
                "SELECT id FROM comments WHERE external_id = ?", (external,)
            ).scalar_one()
        )


def _htmx(csrf: str) -> dict[str, str]:
    return {"HX-Request": "true", "X-CSRF-Token": csrf}


def test_an_admin_erases_a_comments_text_and_author_from_its_card(dashboard: Dashboard) -> None:
    dashboard.store.add_user("ada", "admin", PASSWORD)
    ada, csrf = dashboard.signed_in("ada")
    c2, c3 = _id(dashboard, "c2"), _id(dashboard, "c3")
    assert f'action="/comments/{c2}/erase"' in ada.get("/").text
    scores = dashboard.store.comment(c2).analysis

    unticked = ada.post(f"/comments/{c2}/erase", data={"back": "/"}, headers=_htmx(csrf))
    assert unescape(CONFIRM_FIRST) in unescape(unticked.text)
    assert dashboard.store.comment(c2).text == TEXT

    answer = ada.post(
        f"/comments/{c2}/erase",
        data={"back": "/", "confirm": "erase", "reason": "erasure request #41"},
        headers=_htmx(csrf),
    )
    card = unescape(answer.text)
    assert ERASED in card and "Erased</strong> by <bdi>ada</bdi>" in card
    assert TEXT not in card and "troll42" not in card
    assert f'action="/comments/{c2}/erase"' not in card  # erased once
    stored = dashboard.store.comment(c2)
    assert (stored.text, stored.author, stored.status) == ("", None, "pending")
    assert stored.analysis == scores
    [entry] = dashboard.store.audit_log(action="comment.erase").items
    assert (entry.actor, entry.object_id) == ("ada", c2)
    assert entry.after is not None and entry.after["reason"] == "erasure request #41"

    page = unescape(ada.get("/").text)
    assert TEXT not in page and "[text erased]" in page  # the chain above the reply to it
    assert f"item-{c3}" in page
    thread = unescape(ada.get(f"/comments/{c2}/thread").text)
    assert TEXT not in thread and "Erased</strong> by <bdi>ada</bdi>" in thread


def test_only_an_admin_with_the_pages_token_can_erase(dashboard: Dashboard) -> None:
    alice, csrf = dashboard.signed_in("alice")
    c2 = _id(dashboard, "c2")
    assert "/erase" not in alice.get("/").text  # moderators get no control
    refused = alice.post(
        f"/comments/{c2}/erase", data={"csrf_token": csrf, "confirm": "erase", "back": "/"}
    )
    assert refused.status_code == 403
    dashboard.store.add_user("ada", "admin", PASSWORD)
    ada, _ = dashboard.signed_in("ada")
    forged = ada.post(f"/comments/{c2}/erase", data={"confirm": "erase", "back": "/"})
    assert forged.status_code == 403
    assert dashboard.store.comment(c2).text == TEXT
    assert dashboard.store.audit_log(action="comment.erase").total == 0


def test_an_erasure_without_script_goes_back_to_the_page_and_says_so(
    dashboard: Dashboard,
) -> None:
    dashboard.store.add_user("ada", "admin", PASSWORD)
    ada, csrf = dashboard.signed_in("ada")
    c2 = _id(dashboard, "c2")
    back = "/?site=news&order=newest"
    answer = ada.post(
        f"/comments/{c2}/erase",
        data={"csrf_token": csrf, "confirm": "erase", "back": back},
        follow_redirects=False,
    )
    assert answer.status_code == 303 and answer.headers["location"] == back
    assert ERASED in unescape(ada.get(back).text)
    again = ada.post(
        f"/comments/{c2}/erase", data={"back": "/", "confirm": "erase"}, headers=_htmx(csrf)
    )
    assert "Could not erase: comment" in again.text and "was erased already, by ada" in again.text
