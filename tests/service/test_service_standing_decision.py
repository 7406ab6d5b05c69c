"""Every native answer about a stored comment gives the decision to act on in ``decision``:
a moderator's verdict where one stands over the policy's, else the policy's, with the
policy's beside it in ``policy_decision``; and the analysis's plain-string ``decision`` is
the same action (the README: "``analysis.decision`` is the same action as a plain string").

Four news desks: after a moderator rejected a comment, ``GET /api/v1/comments/{id}`` said
``decision.action`` "hold" (the policy's), with the verdict only in
``moderator_decision``; and a thread sent again answered ``decision`` "approve" beside
``analysis.decision`` "hold"."""

from __future__ import annotations

import json
from typing import Any

from service_support import Service

SITE = "news"
HELD = "Welcome to Londonistan, folks."  # coded hate: held by the default policy
CALM = "Thanks, this explains the new timetable well."


def upload(service: Service) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in send(service)["comments"]}


def send(service: Service) -> dict[str, Any]:
    """The thread uploaded (again), and the whole answer."""
    body = json.dumps(
        {
            "thread": {"id": "ferry", "title": "Ferry timetable"},
            "comments": [
                {"id": "h", "author": "ann", "text": HELD},
                {"id": "c", "author": "cy", "text": CALM},
            ],
        }
    )
    response = service.post_thread(body, "application/json", site=SITE)
    assert response.status_code == 200, response.text
    return dict(response.json())


def comment(service: Service, comment_id: str) -> dict[str, Any]:
    response = service.client.get(
        f"/api/v1/comments/{comment_id}", headers=service.auth(service.moderator)
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_a_stored_comment_gives_the_moderators_verdict_as_its_decision(service: Service) -> None:
    first = upload(service)
    held, calm = first["h"], first["c"]
    assert held["decision"]["action"] == "hold" and calm["decision"]["action"] == "approve"
    # before any verdict: the policy's decision is both
    before = comment(service, held["comment_id"])
    assert before["decision"] == before["policy_decision"] == held["decision"]
    assert before["analysis"]["decision"] == "hold"
    assert service.act(held["comment_id"], "reject").status_code == 200
    assert service.act(calm["comment_id"], "reject").status_code == 200
    for sent, verdict in ((held, "rejected"), (calm, "rejected")):
        got = comment(service, sent["comment_id"])
        assert (got["status"], got["status_source"]) == (verdict, "moderator")
        assert got["decision"]["action"] == "reject"
        assert got["decision"]["reasons"][0].startswith("a moderator rejected it")
        assert got["analysis"]["decision"] == "reject"
        assert got["policy_decision"] == sent["decision"]  # the policy's, always
        assert got["moderator_decision"]["action"] == "reject"  # as it was


def test_a_thread_sent_again_gives_the_standing_action_in_its_analysis_too(
    service: Service,
) -> None:
    first = upload(service)
    assert service.act(first["h"]["comment_id"], "approve").status_code == 200
    again = upload(service)
    held = again["h"]
    assert held["decision"]["action"] == "approve"
    assert held["policy_decision"]["action"] == "hold"
    assert held["analysis"]["decision"] == "approve"
    # the same as GET /api/v1/comments/{id} says
    got = comment(service, held["comment_id"])
    assert got["decision"] == held["decision"]
    assert got["analysis"]["decision"] == held["analysis"]["decision"]
    # a comment no moderator decided keeps the policy's everywhere
    calm = again["c"]
    assert calm["analysis"]["decision"] == calm["decision"]["action"] == "approve"
    assert "policy_decision" not in calm


def test_a_thread_sent_again_counts_the_decisions_its_comments_give(service: Service) -> None:
    """An operator (news-desk trials): after a moderator approved a held comment and
    rejected an approved one, a re-upload's ``signals.decisions`` still counted the
    policy's (one still "waiting"), though every comment's ``decision.action`` said otherwise.
    The summary counts what the comments say; the policy's counts are beside it, named
    ``policy_decisions``, while a verdict stands over one of them."""
    answer = send(service)
    signals, comments = answer["signals"], answer["comments"]
    assert signals["decisions"] == {"approve": 1, "hold": 1, "reject": 0}
    assert "policy_decisions" not in signals  # no verdict stands: one count says it all
    by_id = {c["id"]: c for c in comments}
    assert service.act(by_id["h"]["comment_id"], "approve").status_code == 200
    assert service.act(by_id["c"]["comment_id"], "reject").status_code == 200
    answer = send(service)
    signals, comments = answer["signals"], answer["comments"]
    acted = [c["decision"]["action"] for c in comments]
    assert signals["decisions"] == {a: acted.count(a) for a in ("approve", "hold", "reject")}
    assert signals["decisions"] == {"approve": 1, "hold": 0, "reject": 1}
    assert signals["policy_decisions"] == {"approve": 1, "hold": 1, "reject": 0}
    # the health line counts the same comments: one rejected, none held
    assert signals["health"]["explanation"].startswith("1 of 2 comments (50%) was held or rejected")


def test_a_comment_left_as_stored_brings_no_policy_counts(service: Service) -> None:
    # a code review's (session 55): a held comment sent again with no text is left as
    # stored; no verdict stands, so the policy's counts (of an empty text) are not shown
    body = json.dumps(
        {
            "thread": {"id": "a1", "title": "A story"},
            "comments": [
                {"id": "x1", "author": "dan", "text": HELD},
                {"id": "x2", "author": "reader", "text": CALM},
            ],
        }
    )
    first = service.post_thread(body, "application/json").json()
    assert first["signals"]["decisions"] == {"approve": 1, "hold": 1, "reject": 0}
    empty = json.loads(body)
    empty["comments"][0]["text"] = ""
    again = service.post_thread(json.dumps(empty), "application/json").json()
    assert again["comments"][0].get("left_as_stored") is True
    assert again["signals"]["decisions"] == {"approve": 1, "hold": 1, "reject": 0}
    assert "policy_decisions" not in again["signals"]
