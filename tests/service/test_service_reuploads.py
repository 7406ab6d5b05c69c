"""A thread uploaded again (a retry, the README's advice after a crash, a site's nightly
sync): a comment whose text and context are unchanged keeps its stored analysis and
decision; only new comments, edited ones and replies to edited ones are scored and
decided, and a stored decision never changes unaudited.

A site admin's tryout: re-sending an identical thread after the site's policy changed
moved a held comment to approved (published with no moderator) and a rejected one to
pending, with nothing in the audit log; re-uploading an interrupted 4,000-comment upload
turned 844 held comments into "approved by policy".
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from service_support import Service
from sqlalchemy import func, select

from threadguard.engine import CommentInput, Engine
from threadguard.storage.models import AnalysisRow, DecisionRow
from threadguard.storage.repositories.ingest import CommentWriter

SITE = "news"
STRICT = '[watchlist]\nhold = ["island"]\nblock = ["old*"]\n'
LENIENT = '[watchlist]\nflag = ["zzzz"]\n'
ISLAND = "The island ferry is late again this morning."
OLD = "I miss the old timetable, it suited me better."
THANKS = "Thanks, this explains the new timetable well."


def thread(comments: Sequence[dict[str, Any]], title: str = "Ferry timetable") -> str:
    return json.dumps({"thread": {"id": "ferry", "title": title}, "comments": list(comments)})


#: In reading order (a reply after its parent), as the readers give them back.
FERRY = [
    {"id": "a", "author": "ann", "text": ISLAND},
    {"id": "c", "author": "cy", "text": THANKS, "parent": "a"},
    {"id": "b", "author": "bo", "text": OLD},
]


def put_policy(service: Service, text: str, site: str = SITE) -> None:
    response = service.client.put(
        f"/api/v1/sites/{site}/policy",
        content=text,
        headers={**service.auth(service.admin), "Content-Type": "application/toml"},
    )
    assert response.status_code == 200, response.text


def post(service: Service, body: str, site: str = SITE) -> dict[str, Any]:
    response = service.post_thread(body, "application/json", site=site)
    assert response.status_code == 200, response.text
    return dict(response.json())


def audit(service: Service, action: str) -> dict[str, Any]:
    response = service.client.get(
        "/api/v1/audit", params={"action": action}, headers=service.auth(service.admin)
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def rows_per_comment(service: Service, model: Any) -> dict[str, int]:
    """How many analyses (or decisions) each stored comment has."""
    with service.store.sessions.read() as session:
        rows = session.execute(
            select(model.comment_id, func.count()).group_by(model.comment_id)
        ).all()
    return {str(cid): int(n) for cid, n in rows}


@pytest.fixture
def scored(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The ids of the comments the engine scores (user names, which have none, left out)."""
    seen: list[str] = []
    analyze = engine.analyze

    def counting(items: Sequence[CommentInput], *args: Any, **kwargs: Any) -> Any:
        seen.extend(it.id for it in items if it.id is not None)
        return analyze(items, *args, **kwargs)

    monkeypatch.setattr(engine, "analyze", counting)
    yield seen


def test_an_identical_upload_after_a_policy_change_keeps_every_stored_decision(
    service_on_each_backend: Service, scored: list[str]
) -> None:
    service = service_on_each_backend
    put_policy(service, STRICT)
    first = post(service, thread(FERRY))["comments"]
    assert [(c["decision"]["action"], c["status"]) for c in first] == [
        ("hold", "pending"),
        ("approve", "approved"),
        ("reject", "rejected"),
    ]
    ids = [c["comment_id"] for c in first]
    put_policy(service, LENIENT)  # "island" and "old*" no longer matter
    scored.clear()

    again = post(service, thread(FERRY))["comments"]

    assert [(c["comment_id"], c["status"]) for c in again] == [
        (ids[0], "pending"),
        (ids[1], "approved"),
        (ids[2], "rejected"),
    ]
    # The answer gives the stored decision, and says the comment was left as stored.
    assert [c["decision"] for c in again] == [c["decision"] for c in first]
    assert [c["analysis"]["scores"] for c in again] == [c["analysis"]["scores"] for c in first]
    assert all(c["unchanged"] is True for c in again)
    assert scored == []  # nothing scored again
    assert audit(service, "comment.edit")["total"] == 0
    assert rows_per_comment(service, AnalysisRow) == dict.fromkeys(ids, 1)
    assert rows_per_comment(service, DecisionRow) == dict.fromkeys(ids, 1)
    moderator = service.auth(service.moderator)
    queue = service.client.get("/api/v1/queue", params={"site": SITE}, headers=moderator).json()
    assert {i["comment_id"] for i in queue["items"]} >= {ids[0]}
    stored = service.client.get(f"/api/v1/comments/{ids[0]}", headers=moderator).json()
    assert (stored["status"], stored["status_source"]) == ("pending", "policy")
    assert stored["decision"]["reasons"] == ['watched "island" (hold)']
    assert again[0]["watchlist"] == first[0]["watchlist"]  # what the list found, as stored
    assert [w["pattern"] for w in stored["watchlist"]] == ["island"]


def test_only_new_and_edited_comments_are_scored_and_decided_under_the_policy_now(
    service: Service, scored: list[str]
) -> None:
    put_policy(service, STRICT)
    first = post(service, thread(FERRY))["comments"]
    put_policy(service, LENIENT)
    scored.clear()
    edited = [*FERRY[:2], {**FERRY[2], "text": OLD + " Still, fair enough."}]
    new = {"id": "d", "author": "dee", "text": "Another island ferry story, and a good one."}

    again = post(service, thread([*edited, new]))["comments"]

    assert sorted(scored) == ["b", "d"]
    got = {c["id"]: (c["decision"]["action"], c["status"], c.get("unchanged")) for c in again}
    assert got == {
        "a": ("hold", "pending", True),  # kept
        "b": ("approve", "approved", None),  # edited: decided under the lenient policy
        "c": ("approve", "approved", True),
        "d": ("approve", "approved", None),  # new: the lenient policy
    }
    [edit] = audit(service, "comment.edit")["items"]
    assert edit["object_id"] == first[2]["comment_id"]
    assert (edit["before"]["status"], edit["after"]["status"]) == ("rejected", "approved")


def test_a_moderators_verdict_stays_on_an_identical_upload(service: Service) -> None:
    put_policy(service, STRICT)
    held = post(service, thread(FERRY))["comments"][0]
    assert service.act(held["comment_id"], "approve").status_code == 200
    put_policy(service, '[watchlist]\nblock = ["island"]\n')
    again = post(service, thread(FERRY))["comments"][0]
    assert (again["status"], again["unchanged"]) == ("approved", True)
    stored = service.store.comment(held["comment_id"])
    assert (stored.status, stored.status_source) == ("approved", "moderator")


def test_the_answer_to_a_thread_sent_again_gives_the_moderators_verdict_to_act_on(
    service: Service,
) -> None:
    # Desks 79 and 80 (session 52): a comment a moderator rejected came back with
    # decision.action "approve" (status "rejected"), and the README says to act on
    # decision.action: a CMS would have published it again.
    put_policy(service, LENIENT)
    first = post(service, thread(FERRY))["comments"]
    assert [c["decision"]["action"] for c in first] == ["approve"] * 3
    assert all("policy_decision" not in c for c in first)
    assert service.act(first[0]["comment_id"], "reject").status_code == 200
    again = post(service, thread(FERRY))["comments"]
    rejected = again[0]
    assert rejected["status"] == "rejected"
    assert rejected["decision"]["action"] == "reject"
    assert rejected["decision"]["reasons"][0].startswith("a moderator rejected it")
    assert rejected["policy_decision"] == first[0]["decision"]
    assert [c["decision"] for c in again[1:]] == [c["decision"] for c in first[1:]]
    assert all("policy_decision" not in c for c in again[1:])
    # a comment left as stored (no text of its own) is no moderator's verdict (a review:
    # its held status beside the decision on its empty text was said to be one)
    put_policy(service, STRICT)

    def other(comments: list[dict[str, Any]]) -> str:
        return json.dumps({"thread": {"id": "bus", "title": "Buses"}, "comments": comments})

    assert post(service, other(FERRY))["comments"][0]["status"] == "pending"
    resent = post(service, other([{**FERRY[0], "text": ""}, *FERRY[1:]]))["comments"]
    kept = next(c for c in resent if c["id"] == "a")
    assert kept.get("left_as_stored") is True and kept["status"] == "pending"
    assert "policy_decision" not in kept and kept["decision"]["action"] == "hold"
    assert kept["decision"]["reasons"][0].startswith("left as stored")


CONTEXT_PARENT = "The council has housed forty refugees in the hotel."
CALM_PARENT = "The council has repaired the roof of the hotel."
REPLY = "Send them all back."


def test_a_reply_whose_parent_was_edited_is_read_again_and_the_change_audited(
    service: Service, scored: list[str]
) -> None:
    """The deep tier and the lists read a reply with its parent (README: context): a reply
    whose own text is the same but whose parent changed is scored and decided again, and
    a change of its status is audited (``comment.context``); its siblings under an
    unchanged parent are not."""
    comments = [
        {"id": "p", "author": "dee", "text": CONTEXT_PARENT},
        {"id": "r", "author": "eve", "text": REPLY, "parent": "p"},
        {"id": "q", "author": "fay", "text": THANKS},
        {"id": "s", "author": "gus", "text": REPLY, "parent": "q"},
    ]
    first = {c["id"]: c for c in post(service, thread(comments))["comments"]}
    assert first["r"]["decision"]["action"] == "reject"  # read with the refugees
    scored.clear()
    calmer = [{**comments[0], "text": CALM_PARENT}, *comments[1:]]

    again = {c["id"]: c for c in post(service, thread(calmer))["comments"]}

    assert sorted(scored) == ["p", "r"]
    assert "unchanged" not in again["r"] and again["q"]["unchanged"] is True
    assert again["s"]["unchanged"] is True
    assert again["r"]["decision"]["action"] != "reject"  # no refugees named any more
    assert again["r"]["status"] == service.store.comment(first["r"]["comment_id"]).status
    [context] = audit(service, "comment.context")["items"]
    assert context["object_id"] == first["r"]["comment_id"]
    assert context["before"]["status"] == "rejected"
    assert context["after"]["status"] == again["r"]["status"]
    [edit] = audit(service, "comment.edit")["items"]
    assert edit["object_id"] == first["p"]["comment_id"]


def test_an_interrupted_upload_sent_again_stores_the_rest_and_keeps_what_was_stored(
    service_on_each_backend: Service, scored: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's advice after a crash: upload the thread again. The comments the crash
    left stored keep their decisions (held ones stay held, under whatever policy the
    site has now); the others are stored, each once."""
    service = service_on_each_backend
    put_policy(service, STRICT)
    comments = [
        {"id": f"c{n}", "author": f"u{n % 7}", "text": f"{ISLAND} Report {n}."}
        if n % 3 == 0
        else {"id": f"c{n}", "author": f"u{n % 7}", "text": f"{THANKS} Point {n}."}
        for n in range(60)
    ]
    store_batch = CommentWriter._store_batch
    calls = [0]

    def crashes_after_the_first_transaction(self: CommentWriter, *args: Any) -> Any:
        calls[0] += 1
        if calls[0] > 1:
            raise RuntimeError("the server died")
        return store_batch(self, *args)

    monkeypatch.setattr(CommentWriter, "_store_batch", crashes_after_the_first_transaction)
    crashed = service.post_thread(thread(comments), "application/json", site=SITE)
    assert crashed.status_code == 500
    monkeypatch.setattr(CommentWriter, "_store_batch", store_batch)
    before = {h.comment_id: h for h in service.store.history(SITE, 100)}
    assert 0 < len(before) < 60
    held_before = {cid for cid, h in before.items() if h.status == "pending"}
    assert held_before
    put_policy(service, LENIENT)
    scored.clear()

    again = post(service, thread(comments))["comments"]

    assert len(scored) == 60 - len(before)  # only what the crash did not store
    stored_again = [c for c in again if c["comment_id"] in before]
    assert len(stored_again) == len(before) and all(c["unchanged"] for c in stored_again)
    assert {c["comment_id"] for c in again if c["status"] == "pending"} == held_before
    after = service.store.history(SITE, 1000)
    assert len(after) == 60 and len({h.comment_id for h in after}) == 60
    assert rows_per_comment(service, AnalysisRow) == {h.comment_id: 1 for h in after}
    assert audit(service, "comment")["total"] == 0


def test_a_reply_sent_again_without_its_parent_is_read_with_the_stored_parent(
    service: Service, scored: list[str]
) -> None:
    """Part of a thread sent again: the reply's parent is not in the upload, but the store
    has it, so the reply's context is unchanged (read alone, under the title, it was
    another reading: rejected with its parent, held without)."""
    comments = [
        {"id": "p", "author": "dee", "text": CONTEXT_PARENT},
        {"id": "r", "author": "eve", "text": REPLY, "parent": "p"},
    ]
    first = post(service, thread(comments))["comments"]
    assert first[1]["decision"]["action"] == "reject"
    scored.clear()
    [again] = post(service, thread(comments[1:]))["comments"]
    assert scored == []
    assert (again["unchanged"], again["status"]) == (True, "rejected")
    edited = post(service, thread([{**comments[1], "text": REPLY + " All of them."}]))
    [reply] = edited["comments"]
    assert scored == ["r"] and "unchanged" not in reply
    assert reply["decision"]["action"] == "reject"  # read with the stored parent


def test_a_thread_sent_again_in_a_format_without_a_title_keeps_its_comments(
    service: Service, scored: list[str]
) -> None:
    """A CSV upload has no title: the article's stored title is what its comments are
    read with, so a JSON thread sent again as CSV is unchanged."""
    post(service, thread(FERRY))
    scored.clear()
    rows = "".join(f'{c["id"]},{c.get("parent", "")},{c["author"]},"{c["text"]}"\n' for c in FERRY)
    response = service.post_thread(
        "id,parent_id,author,text\n" + rows, "text/csv", site=SITE, article="ferry"
    )
    assert response.status_code == 200, response.text
    assert scored == []
    assert all(c["unchanged"] is True for c in response.json()["comments"])


def test_a_new_title_reads_the_comments_under_it_again_once(
    service: Service, scored: list[str]
) -> None:
    post(service, thread(FERRY))
    scored.clear()
    retitled = post(service, thread(FERRY, title="Ferry timetable cut"))["comments"]
    assert sorted(scored) == ["a", "b"]  # read with the title; the reply with its parent
    assert [c.get("unchanged") for c in retitled] == [None, True, None]
    scored.clear()
    post(service, thread(FERRY, title="Ferry timetable cut"))
    assert scored == []  # the article's title is the new one now


def test_an_upload_job_sent_again_keeps_every_stored_decision(
    make_service: Any, scored: list[str]
) -> None:
    """A large upload (a job, in a process of its own) is compared the same way."""
    service = make_service(async_upload_comments=30)
    put_policy(service, STRICT)
    comments = [
        {"id": f"c{n}", "author": "ann", "text": f"{ISLAND if n % 4 == 0 else THANKS} No. {n}."}
        for n in range(40)
    ]

    def job(body: str) -> dict[str, Any]:
        response = service.post_thread(body, "application/json", site=SITE)
        assert response.status_code == 202, response.text
        client = service.auth(service.client_key)
        for _ in range(1200):
            found = service.client.get(response.json()["url"], headers=client).json()
            if found["status"] in ("done", "failed"):
                break
            time.sleep(0.05)
        assert found["status"] == "done", found
        return dict(found["result"])

    first = job(thread(comments))
    assert first["statuses"] == {"approved": 30, "pending": 10, "rejected": 0}
    put_policy(service, LENIENT)
    again = job(thread(comments))
    assert again["statuses"] == first["statuses"]
    assert all(c["unchanged"] is True for c in again["comments"])
    assert [c["decision"] for c in again["comments"]] == [c["decision"] for c in first["comments"]]
    assert audit(service, "comment")["total"] == 0
    # a moderator's verdict is the job's decision too (a review: the job gave the policy's)
    assert service.act(first["comments"][0]["comment_id"], "reject").status_code == 200
    third = job(thread(comments))["comments"]
    assert (third[0]["decision"], third[0]["policy_decision"], third[0]["status"]) == (
        "reject",
        "hold",
        "rejected",
    )
    assert all("policy_decision" not in c for c in third[1:])
