"""The queue, moderator actions, the audit log and the export, through the HTTP API.

Decisions here come from a site policy with no score thresholds and a watchlist (hold
"pineapple", block "durian"), so which comments are held does not depend on the model.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_support import DIALECTS, Databases, Service

from threadguard.engine import Engine
from threadguard.schema import ATTRIBUTES

POLICY = (
    "[thresholds]\n"
    + "".join(f"{a} = {{}}\n" for a in ATTRIBUTES)
    + '[authors]\nscreen = false\n[watchlist]\nhold = ["pineapple"]\nblock = ["durian"]\n'
)


def thread(article: str, *comments: tuple[str, str, str]) -> str:
    return json.dumps(
        {
            "thread": {"id": article, "title": f"Article {article}"},
            "comments": [{"id": i, "author": a, "text": t} for i, a, t in comments],
        }
    )


def open_service(
    engine: Engine, databases: Databases, kind: str, folder: Path
) -> Iterator[Service]:
    with databases.fresh(kind, folder) as url:
        made = Service(engine, url)
        put = made.client.put(
            "/api/v1/sites/news/policy", content=POLICY, headers=made.auth(made.admin)
        )
        assert put.status_code == 200, put.text
        yield made
        made.close()


@pytest.fixture
def service(engine: Engine, databases: Databases, tmp_path: Path) -> Iterator[Service]:
    yield from open_service(engine, databases, "sqlite", tmp_path)


@pytest.fixture(params=DIALECTS)
def any_service(
    request: pytest.FixtureRequest, engine: Engine, databases: Databases, tmp_path: Path
) -> Iterator[Service]:
    yield from open_service(engine, databases, request.param, tmp_path)


def ingest(service: Service, body: str, site: str = "news") -> dict[str, Any]:
    response = service.post_thread(body, "application/json", site=site)
    assert response.status_code == 200, response.text
    return {c["id"]: c for c in response.json()["comments"]}


def queue(service: Service, **query: Any) -> dict[str, Any]:
    response = service.client.get(
        "/api/v1/queue", params=query, headers=service.auth(service.moderator)
    )
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture
def loaded(service: Service) -> dict[str, Any]:
    first = ingest(
        service,
        thread(
            "f1",
            ("a1", "ann", "I like pineapple on pizza"),
            ("a2", "bo", "durian smells"),
            ("a3", "cy", "nice weather today"),
            ("a4", "ann", "more pineapple please"),
        ),
    )
    second = ingest(service, thread("f2", ("b1", "dee", "pineapple again")))
    return {**first, **second}


def test_decisions_follow_the_site_policy(loaded: dict[str, Any]) -> None:
    actions = {k: v["decision"]["action"] for k, v in loaded.items()}
    assert actions == {"a1": "hold", "a2": "reject", "a3": "approve", "a4": "hold", "b1": "hold"}
    assert loaded["a1"]["decision"]["reasons"] == ['watched "pineapple" (hold)']
    assert loaded["a1"]["watchlist"] == [
        {"pattern": "pineapple", "action": "hold", "begin": 7, "end": 16}
    ]


def test_queue_filters(service: Service, loaded: dict[str, Any]) -> None:
    pending = queue(service)
    assert [i["comment_id"] for i in pending["items"]] == [
        loaded[k]["comment_id"] for k in ("a1", "a4", "b1")
    ]
    assert pending["total"] == 3 and pending["next_offset"] is None
    assert queue(service, article="f2")["total"] == 1
    assert queue(service, author="ann")["total"] == 2
    assert queue(service, site="news", author="ann")["total"] == 2
    assert queue(service, site="sport")["total"] == 0
    rejected = queue(service, status="rejected")
    assert [i["text"] for i in rejected["items"]] == ["durian smells"]
    assert queue(service, status="all")["total"] == 4
    page = queue(service, limit=1, offset=1)
    assert len(page["items"]) == 1 and page["next_offset"] == 2
    item = pending["items"][0]
    assert item["reasons"] == ['watched "pineapple" (hold)']
    assert item["article"] == "f1" and item["author"] == "ann" and item["site"] == "news"


def test_queue_status_held_is_pending(service: Service, loaded: dict[str, Any]) -> None:
    """The README and the dashboard call the pending tab "held"; ``?status=held`` was a
    400. An unknown status still is, and its message names the alias."""
    assert queue(service, status="held") == queue(service, status="pending")
    assert queue(service, status="held")["total"] == 3
    response = service.client.get(
        "/api/v1/queue", params={"status": "hold"}, headers=service.auth(service.moderator)
    )
    assert response.status_code == 400
    assert "pending (or held), approved, rejected or all" in response.text


def test_queue_attribute_filter(service: Service, loaded: dict[str, Any]) -> None:
    everything = queue(service, status="all")["items"]
    for attribute in ("toxicity", "insult"):
        cut = sorted(i["scores"][attribute] for i in everything)[1]
        above = queue(service, status="all", attribute=attribute, min_score=cut)
        expected = {i["comment_id"] for i in everything if i["scores"][attribute] > cut}
        assert {i["comment_id"] for i in above["items"]} == expected
    # Without min_score the site's hold threshold applies (0.5 where the site has none).
    held = queue(service, status="all", attribute="toxicity")
    assert {i["comment_id"] for i in held["items"]} == {
        i["comment_id"] for i in everything if i["scores"]["toxicity"] >= 0.5
    }


def test_approve_then_conflict(service: Service, loaded: dict[str, Any]) -> None:
    cid = loaded["a1"]["comment_id"]
    approved = service.act(cid, "approve", note="fruit is fine")
    assert approved.status_code == 200, approved.text
    body = approved.json()
    assert body["comment_status"] == "approved"
    assert body["action"]["actor"] == "mia [" + service.moderator.split("_")[1] + "]"
    again = service.act(cid, "reject")
    assert again.status_code == 409
    assert "already approved by mia" in again.json()["error"]["message"]
    comment = service.client.get(
        f"/api/v1/comments/{cid}", headers=service.auth(service.moderator)
    ).json()
    assert comment["status"] == "approved" and comment["status_source"] == "moderator"
    assert comment["moderator_decision"]["action"] == "approve"
    assert comment["decision"]["action"] == "approve"  # the verdict stands: act on it
    assert comment["policy_decision"]["action"] == "hold"  # the policy's decision is kept too
    assert [a["action"] for a in comment["actions"]] == ["approve"]
    assert queue(service)["total"] == 2


def test_an_action_given_the_hash_of_the_text_read_is_refused_after_an_edit(
    service: Service, loaded: dict[str, Any]
) -> None:
    """An approval of a text edited since it was read published a text no moderator saw:
    with ``text_sha256`` (of the text as read), the action is refused (409)."""
    cid = loaded["a1"]["comment_id"]
    read = hashlib.sha256(b"I like pineapple on pizza").hexdigest()
    ingest(service, thread("f1", ("a1", "ann", "pineapple, and I know where you live")))
    stale = service.act(cid, "approve", text_sha256=read)
    assert stale.status_code == 409
    assert "edited since you opened it" in stale.json()["error"]["message"]
    assert service.store.comment(cid).status == "pending"
    assert service.act(cid, "approve", text_sha256="not a hash").status_code in (400, 422)
    now = hashlib.sha256(b"pineapple, and I know where you live").hexdigest()
    done = service.act(cid, "reject", text_sha256=now)
    assert done.status_code == 200 and done.json()["comment_status"] == "rejected"


def test_concurrent_double_approve_over_http(any_service: Service) -> None:
    service = any_service
    cid = ingest(service, thread("f9", ("z1", "zed", "pineapple")))["z1"]["comment_id"]
    barrier = threading.Barrier(4)
    codes: list[int] = []
    lock = threading.Lock()

    def approve() -> None:
        barrier.wait()
        code = service.act(cid, "approve").status_code
        with lock:
            codes.append(code)

    threads = [threading.Thread(target=approve) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes) == [200, 409, 409, 409]
    audit = service.client.get(
        "/api/v1/audit", params={"action": "comment"}, headers=service.auth(service.admin)
    ).json()
    assert [e["action"] for e in audit["items"]] == ["comment.approve"]


def test_ban_and_unban_change_what_happens_next(service: Service, loaded: dict[str, Any]) -> None:
    cid = loaded["a3"]["comment_id"]
    banned = service.act(cid, "ban")
    assert banned.status_code == 200
    assert banned.json()["author"]["banned"] is True
    assert service.act(cid, "ban").status_code == 409
    later = ingest(service, thread("f3", ("c1", "cy", "lovely sunset")))["c1"]
    assert later["decision"]["action"] == "reject"
    assert "author is banned" in later["decision"]["reasons"]
    author = service.client.get(
        "/api/v1/sites/news/authors/cy", headers=service.auth(service.moderator)
    ).json()
    assert author["banned"] is True and author["comment_count"] == 2
    assert service.act(cid, "unban").status_code == 200
    assert service.act(cid, "unban").status_code == 409
    after = ingest(service, thread("f3", ("c2", "cy", "lovely sunrise")))["c2"]
    assert after["decision"]["action"] == "approve"
    missing = service.client.get(
        "/api/v1/sites/news/authors/nobody", headers=service.auth(service.moderator)
    )
    assert missing.status_code == 404


def test_notes_and_the_audit_log(service: Service, loaded: dict[str, Any]) -> None:
    cid = loaded["a2"]["comment_id"]
    assert service.act(cid, "note", note="checked with legal").status_code == 200
    assert service.act(cid, "note").status_code == 400  # a note needs text
    assert service.act(cid, "approve").status_code == 200  # overturn an automatic reject
    audit = service.client.get("/api/v1/audit", headers=service.auth(service.admin)).json()
    actions = [e["action"] for e in audit["items"]]
    assert actions[:2] == ["comment.approve", "comment.note"]
    assert "policy.update" in actions and "key.create" in actions
    approve = audit["items"][0]
    assert approve["before"]["status"] == "rejected"
    assert approve["after"]["status"] == "approved"
    assert approve["object_id"] == cid and approve["site"] == "news"
    assert approve["actor"].startswith("mia [")
    only_notes = service.client.get(
        "/api/v1/audit", params={"action": "comment.note"}, headers=service.auth(service.admin)
    ).json()
    assert only_notes["total"] == 1
    assert only_notes["items"][0]["after"] == {"note": "checked with legal"}


def test_export_labelled_decisions(service: Service, loaded: dict[str, Any]) -> None:
    service.act(loaded["a1"]["comment_id"], "reject")
    service.act(loaded["a4"]["comment_id"], "approve")
    response = service.client.get("/api/v1/export", headers=service.auth(service.moderator))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in response.text.splitlines()]
    assert [(r["text"], r["label"], r["toxic"]) for r in rows] == [
        ("I like pineapple on pizza", "reject", True),
        ("more pineapple please", "approve", False),
    ]
    assert set(rows[0]["attributes"]) == set(ATTRIBUTES)
    assert rows[0]["policy_decision"] == "hold"
    assert rows[0]["moderator"].startswith("mia [")
    assert rows[0]["decided_at"] and rows[0]["created_at"]
    other = service.client.get(
        "/api/v1/export", params={"site": "sport"}, headers=service.auth(service.moderator)
    )
    assert other.text == ""


def test_new_authors_are_premoderated_and_repeat_offenders_held(service: Service) -> None:
    policy = POLICY + "[escalation]\nrejections = 2\ndays = 30\n"
    policy = policy.replace("screen = false", "screen = false\npremoderate_first = 1")
    put = service.client.put(
        "/api/v1/sites/news/policy", content=policy, headers=service.auth(service.admin)
    )
    assert put.status_code == 200
    first = ingest(service, thread("p1", ("n1", "newbie", "hello all"), ("n2", "newbie", "hi")))
    assert first["n1"]["decision"]["action"] == "hold"
    assert "new author" in first["n1"]["decision"]["reasons"][0]
    assert first["n2"]["decision"]["action"] == "approve"
    # Uploading the same thread again keeps each comment's place in the author's history.
    again = ingest(service, thread("p1", ("n1", "newbie", "hello all"), ("n2", "newbie", "hi")))
    assert again["n1"]["decision"]["action"] == "hold"
    assert again["n2"]["decision"]["action"] == "approve"
    ingest(service, thread("p2", ("r1", "troll", "durian"), ("r2", "troll", "durian!")))
    clean = ingest(service, thread("p3", ("r3", "troll", "a perfectly nice comment")))["r3"]
    assert clean["decision"]["action"] == "hold"
    assert "repeat offender: 2 rejection(s) in 30 days" in clean["decision"]["reasons"]


def test_trusted_authors_skip_premoderation(service: Service, loaded: dict[str, Any]) -> None:
    policy = POLICY.replace(
        "screen = false", 'screen = false\npremoderate_first = 5\ntrusted = ["vip"]'
    )
    service.client.put(
        "/api/v1/sites/news/policy", content=policy, headers=service.auth(service.admin)
    )
    got = ingest(service, thread("t1", ("v1", "vip", "hello"), ("v2", "cy", "hello")))
    assert got["v1"]["decision"]["action"] == "approve"
    assert got["v2"]["decision"]["action"] == "hold"  # cy has 1 earlier comment of 5
    assert service.act(got["v2"]["comment_id"], "trust").status_code == 200
    trusted = ingest(service, thread("t1", ("v3", "cy", "hello again")))["v3"]
    assert trusted["decision"]["action"] == "approve"


def test_censored_text_is_returned_and_stored(service: Service) -> None:
    policy = POLICY + 'censor = ["fuck*"]\n'
    service.client.put(
        "/api/v1/sites/news/policy", content=policy, headers=service.auth(service.admin)
    )
    got = ingest(service, thread("c1", ("x1", "ann", "what the f.u.c.k, ferry people")))["x1"]
    assert got["censored_text"] == "what the *******, ferry people"
    assert got["watchlist"] == [{"pattern": "fuck*", "action": "censor", "begin": 9, "end": 16}]
    stored = service.client.get(
        f"/api/v1/comments/{got['comment_id']}", headers=service.auth(service.client_key)
    ).json()
    assert stored["censored_text"] == "what the *******, ferry people"
    assert stored["text"] == "what the f.u.c.k, ferry people"


def test_a_code_of_coded_hate_is_returned_stored_and_shown_on_the_comment(
    service: Service,
) -> None:
    """The server's default policy holds coded hate; the upload and the comment both name
    the code with its place in the text."""
    text = "Welcome to Londonistan, folks."
    got = ingest(service, thread("k1", ("k1", "ann", text)))["k1"]
    assert got["decision"]["action"] == "hold"
    [code] = got["coded_hate"]
    assert text[code["begin"] : code["end"]] == "Londonistan"
    stored = service.client.get(
        f"/api/v1/comments/{got['comment_id']}", headers=service.auth(service.client_key)
    ).json()
    assert [c["pattern"] for c in stored["coded_hate"]] == ["londonistan"]


def test_a_threat_is_returned_stored_and_shown_on_the_comment(service: Service) -> None:
    """The server's default policy holds threats; the upload and the stored comment both
    name the phrase, its kind and its place in the text."""
    text = "Nice article. We know where you live."
    got = ingest(service, thread("t1", ("t1", "ann", text)))["t1"]
    assert got["decision"]["action"] == "hold"
    assert 'veiled threat: "We know where you live"' in got["decision"]["reasons"]
    [threat] = got["threats"]
    assert text[threat["begin"] : threat["end"]] == "We know where you live"
    stored = service.client.get(
        f"/api/v1/comments/{got['comment_id']}", headers=service.auth(service.client_key)
    ).json()
    [again] = stored["threats"]
    assert {k: again[k] for k in threat} == threat
    assert not again["quoted"] and not again["rebutted"]


def test_an_abusive_word_is_returned_stored_and_shown_on_the_comment(service: Service) -> None:
    """The server's default policy holds the other languages' abusive words; the upload
    and the stored comment both name the word, its kind, groups and place in the text."""
    text = "Murzyni to małpy, a ty o tym wiesz najlepiej."
    upload = json.loads(thread("w1", ("w1", "ann", text)))
    upload["comments"][0]["language"] = "pl"
    got = ingest(service, json.dumps(upload))["w1"]
    assert got["decision"]["action"] != "approve"
    slur = next(w for w in got["abusive_words"] if w["kind"] == "slur")
    assert text[slur["begin"] : slur["end"]] == "Murzyni"
    assert slur["targets"] == ["black_people"]
    stored = service.client.get(
        f"/api/v1/comments/{got['comment_id']}", headers=service.auth(service.client_key)
    ).json()
    again = next(w for w in stored["abusive_words"] if w["kind"] == "slur")
    assert {k: again[k] for k in slur} == slur and not again["reported"]


def test_a_queue_item_names_the_sites_own_comment_id(
    service: Service, loaded: dict[str, Any]
) -> None:
    """A news desk's tryout: the queue gave only the store's id (``cm_...``), so a site
    could not find its own comment in it."""
    items = queue(service)["items"]
    assert [i["external_id"] for i in items] == ["a1", "a4", "b1"]


@pytest.mark.parametrize("kind", DIALECTS)
def test_a_queued_reply_carries_the_comment_it_answers(
    engine: Engine, databases: Databases, tmp_path: Path, kind: str
) -> None:
    """Desk 78 (session 52): the queue API gave a held reply's text alone, so an integrator's
    own review screen could not show what "Hear hear." agreed with (the dashboard did)."""
    body = json.dumps(
        {
            "thread": {"id": "p1", "title": "Article p1"},
            "comments": [
                {"id": "t1", "author": "ann", "text": "nice weather today"},
                {"id": "r1", "author": "bo", "text": "more pineapple", "parent": "t1"},
                {"id": "r2", "author": "cy", "text": "pineapple again", "parent": "gone"},
            ],
        }
    )
    for service in open_service(engine, databases, kind, tmp_path):
        sent = ingest(service, body)
        items = {i["external_id"]: i for i in queue(service)["items"]}
        assert set(items) == {"r1", "r2"}
        assert items["r1"]["parent"] == {
            "comment_id": sent["t1"]["comment_id"],
            "external_id": "t1",
            "author": "ann",
            "text": "nice weather today",
            "status": "approved",
        }
        assert items["r2"]["parent"] is None  # a parent the store never received


def test_contact_details_are_located_in_every_answer_without_being_copied(
    service: Service, tmp_path: Path
) -> None:
    """A news desk's tryout: a comment held for contact details named them by three
    characters ('whereabouts "wor…"') and no answer said where they stood, unlike threats
    and codes. The upload, the stored comment and `scan` now give each find's kind and
    offsets, and still no copy of the number."""
    text = "Ring him on 07700 900123 tonight."
    begin = text.index("07700")
    [made] = ingest(service, thread("p1", ("p1c1", "zed", text))).values()
    expected = [{"kind": "phone number", "begin": begin, "end": begin + len("07700 900123")}]
    assert made["contact_details"] == expected
    stored = service.client.get(
        f"/api/v1/comments/{made['comment_id']}", headers=service.auth(service.moderator)
    )
    assert stored.status_code == 200, stored.text
    assert stored.json()["contact_details"] == expected
    assert "900123" not in json.dumps(stored.json()["decision"])
    path = tmp_path / "thread.json"
    path.write_text(thread("p1", ("p1c1", "zed", text)))
    from typer.testing import CliRunner

    from threadguard.cli import app  # the scan document

    scanned = CliRunner().invoke(app, ["scan", str(path), "--format", "json", "--tier", "fast"])
    assert scanned.exit_code == 0, scanned.output
    [entry] = json.loads(scanned.stdout)["comments"]
    assert entry["contact_details"] == expected
