"""Uploads over HTTP (issue 11): an edit is moderated again on every surface, a large
upload is a job any worker can report on, and a busy database is 503 with Retry-After in
each client's own error shape (Coral: PREMOD, failing closed)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from service_support import DIALECTS, Databases, Service
from sqlalchemy import update

from threadguard.engine import Engine
from threadguard.service.upload_jobs import MAX_WAITING_PER_SITE, RETRY_AFTER_S
from threadguard.storage.models import Job
from threadguard.storage.records import StoreBusyError
from threadguard.storage.sessions import Sessions

SECRET = "whsec_uploads"
KIND = "Thanks for this thoughtful article, it explains the timetable well."
THREAT = "I will find you and kill you, you worthless idiot."


@pytest.fixture
def service_options() -> dict[str, Any]:
    return {"coral_secret": SECRET, "async_upload_comments": 30}


def csv_thread(texts: dict[str, str]) -> str:
    rows = "".join(f'{cid},,ann,"{text}"\n' for cid, text in texts.items())
    return "id,parent_id,author,text\n" + rows


@pytest.fixture(autouse=True)
def threats_are_rejected(service: Service) -> None:
    """The site blocks "kill": these tests are about edits and jobs, so the threat they
    send is rejected by the site's rule, whatever a model version scores it."""
    response = service.client.put(
        "/api/v1/sites/default/policy",
        content='[watchlist]\nblock = ["kill"]\n',
        headers={**service.auth(service.admin), "Content-Type": "application/toml"},
    )
    assert response.status_code == 200, response.text


def upload(service: Service, texts: dict[str, str], article: str = "story-1") -> Any:
    response = service.post_thread(csv_thread(texts), "text/csv", article=article)
    assert response.status_code in (200, 202), response.text
    return response


def coral(service: Service, text: str, comment_id: str, action: str = "NEW") -> Any:
    body = json.dumps(
        {
            "action": action,
            "comment": {"id": comment_id, "body": f"<p>{text}</p>", "parentID": None},
            "author": {"id": "ann", "role": "COMMENTER"},
            "story": {"id": "story-1", "url": "https://news.example/story-1"},
            "site": {"id": "default"},
        }
    ).encode()
    signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    return service.client.post(
        "/coral/moderation",
        content=body,
        headers={"Content-Type": "application/json", "X-Coral-Signature": signature},
    )


# ------------------------------------------------------------------ edits


def test_an_edited_upload_is_moderated_again_and_the_export_keeps_the_judged_text(
    service: Service,
) -> None:
    [first] = upload(service, {"c1": KIND}).json()["comments"]
    assert first["status"] == "approved"
    assert service.act(first["comment_id"], "approve").status_code == 200
    [same] = upload(service, {"c1": KIND}).json()["comments"]
    assert same["status"] == "approved"  # the moderator's verdict on this text stands

    [edited] = upload(service, {"c1": THREAT}).json()["comments"]
    assert edited["decision"]["action"] == "reject" and edited["status"] == "rejected"
    stored = service.client.get(
        f"/api/v1/comments/{first['comment_id']}", headers=service.auth(service.moderator)
    ).json()
    assert (stored["text"], stored["status"], stored["status_source"]) == (
        THREAT,
        "rejected",
        "policy",
    )
    audit = service.client.get(
        "/api/v1/audit", params={"action": "comment.edit"}, headers=service.auth(service.admin)
    ).json()
    [entry] = audit["items"]
    assert entry["actor"].startswith("site-backend [")
    assert entry["before"]["text_sha256"] == hashlib.sha256(KIND.encode()).hexdigest()
    assert entry["after"]["text_sha256"] == hashlib.sha256(THREAT.encode()).hexdigest()
    export = service.client.get("/api/v1/export", headers=service.auth(service.moderator))
    [row] = [json.loads(line) for line in export.text.splitlines()]
    assert (row["text"], row["label"]) == (KIND, "approve")  # never the threat


def test_a_thread_uploaded_again_without_text_leaves_the_stored_comments_as_they_were(
    service: Service,
) -> None:
    """QA's defect: re-uploading a thread whose comments have no text erased the stored
    text and turned a rejected comment into an approved one (audited as an edit)."""
    thread = {"title": "T", "id": "art9"}
    first = service.post_thread(
        json.dumps(
            {
                "thread": thread,
                "comments": [
                    {"id": "a", "text": KIND},
                    {"id": "b", "parent": "a", "text": THREAT, "author": "bob"},
                ],
            }
        ),
        "application/json",
    ).json()
    a, b = first["comments"]
    assert (a["status"], b["status"]) == ("approved", "rejected")

    again = service.post_thread(
        json.dumps(
            {"thread": thread, "comments": [{"id": "a"}, {"id": "b", "parent": "a", "text": None}]}
        ),
        "application/json",
    )
    assert again.status_code == 200, again.text
    answer = again.json()
    assert [(c["id"], c["parent"], c["comment_id"], c["status"]) for c in answer["comments"]] == [
        ("a", None, a["comment_id"], "approved"),
        ("b", "a", b["comment_id"], "rejected"),
    ]
    assert all(c["left_as_stored"] is True for c in answer["comments"])
    assert any("'b'" in p and "left as stored" in p for p in answer["problems"])

    moderator = service.auth(service.moderator)
    stored = service.client.get(f"/api/v1/comments/{b['comment_id']}", headers=moderator).json()
    assert (stored["text"], stored["status"], stored["parent"]) == (THREAT, "rejected", "a")
    assert service.store.comment(a["comment_id"]).text == KIND
    audit = service.client.get(
        "/api/v1/audit", params={"action": "comment.edit"}, headers=service.auth(service.admin)
    ).json()
    assert audit["items"] == []
    # A comment uploaded with text is not marked.
    assert "left_as_stored" not in upload(service, {"c9": KIND}).json()["comments"][0]


def test_a_coral_edit_and_the_store_agree(service: Service) -> None:
    assert coral(service, KIND, "k1").json() == {"status": "APPROVED"}
    cid = service.store.history("default", 1)[0].comment_id
    assert service.act(cid, "approve").status_code == 200
    assert coral(service, KIND, "k1").json() == {"status": "APPROVED"}  # sent again
    answer = coral(service, THREAT, "k1", action="EDIT").json()
    assert answer["status"] == "REJECTED"
    assert service.store.comment(cid).status == "rejected"
    assert service.store.comment(cid).text == THREAT
    assert service.store.audit_log(action="comment.edit").items[0].actor == "coral"


# ------------------------------------------------------------------ jobs


def wait_done(service: Service, url: str, seconds: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while True:
        job = service.client.get(url, headers=service.auth(service.client_key)).json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            return dict(job)
        time.sleep(0.05)


def test_a_large_upload_is_answered_202_with_a_job_to_poll(
    service: Service, engine: Engine, databases: Databases, tmp_path: Path
) -> None:
    texts = {f"c{n}": (THREAT if n % 10 == 0 else f"{KIND} Point {n}.") for n in range(45)}
    response = upload(service, texts)
    assert response.status_code == 202
    accepted = response.json()
    assert accepted["status"] == "queued" and accepted["counts"] == {"comments": 45, "stored": 0}
    assert response.headers["Location"] == accepted["url"] == f"/api/v1/jobs/{accepted['id']}"
    job = wait_done(service, accepted["url"])
    assert job["status"] == "done", job
    assert job["counts"] == {"comments": 45, "stored": 45}
    result = job["result"]
    assert (result["site"], result["article"], result["format"]) == ("default", "story-1", "csv")
    assert len(result["comments"]) == 45 and result["comments"][0]["id"] == "c0"
    assert result["comments"][0]["status"] == "rejected"
    assert sum(result["statuses"].values()) == 45 and result["statuses"]["rejected"] == 5
    stored = service.store.comment(result["comments"][1]["comment_id"])
    assert stored.external_id == "c1" and stored.status == result["comments"][1]["status"]
    # Small uploads are still answered at once.
    assert upload(service, {"x1": KIND}).status_code == 200


def test_a_job_is_answered_by_any_worker_and_only_to_its_site(
    service: Service, engine: Engine
) -> None:
    accepted = upload(service, {f"c{n}": KIND for n in range(40)}).json()
    wait_done(service, accepted["url"])
    other = Service(engine, str(service.store.engine.url.render_as_string(hide_password=False)))
    try:  # a second worker over the same database
        job = other.client.get(accepted["url"], headers=other.auth(service.client_key)).json()
        assert job["status"] == "done" and job["counts"]["stored"] == 40
        sport = service.store.create_key("client", name="sport", site="sport")
        hidden = service.client.get(accepted["url"], headers=service.auth(sport))
        assert hidden.status_code == 404
        missing = service.client.get(
            "/api/v1/jobs/job_nope", headers=service.auth(service.client_key)
        )
        assert missing.status_code == 404
    finally:
        other.close()


def test_a_job_whose_worker_stopped_is_failed(service: Service) -> None:
    jobs = service.store.jobs
    crashed = jobs.create_job(kind="thread_upload", site="default", actor="a", worker="w1", total=9)
    with service.store.sessions.write() as session:
        session.execute(
            update(Job)
            .where(Job.id == crashed.id)
            .values(updated_at=crashed.updated_at - timedelta(hours=1))
        )
    assert jobs.job(crashed.id).status == "failed"
    assert "upload the thread again" in (jobs.job(crashed.id).error or "")
    queued = jobs.create_job(kind="thread_upload", site="default", actor="a", worker="w2", total=9)
    assert jobs.abandon_jobs("w2", "stopped") == 1
    assert (jobs.job(queued.id).status, jobs.job(queued.id).error) == ("failed", "stopped")


def test_jobs_left_when_the_service_stops_are_failed(service: Service) -> None:
    first = upload(service, {f"a{n}": KIND for n in range(40)}).json()
    second = upload(service, {f"b{n}": KIND for n in range(40)}, article="story-2").json()
    service.app.state.uploads.close()
    jobs = service.store.jobs
    assert jobs.job(second["id"]).status == "failed"  # never started
    assert "service stopped" in (jobs.job(second["id"]).error or "")
    assert jobs.job(first["id"]).status in ("done", "failed")


def test_a_site_with_its_large_uploads_waiting_is_told_to_send_again(service: Service) -> None:
    """Each waiting upload holds its body in memory: twelve 17 MB uploads in a row took a
    worker from 314 MB to 582 MB, and one client's uploads held every other site's."""
    texts = {f"c{n}": KIND for n in range(40)}
    answers = [
        service.post_thread(csv_thread(texts), "text/csv", article=f"s{n}") for n in range(6)
    ]
    codes = [a.status_code for a in answers]
    assert set(codes) == {202, 429}, codes
    assert codes.count(202) <= MAX_WAITING_PER_SITE + 1  # the waiting, and one running
    refused = answers[codes.index(429)]
    assert refused.headers["Retry-After"] == str(RETRY_AFTER_S)
    assert "large uploads waiting" in refused.json()["error"]["message"]
    sport = service.store.create_key("client", name="sport", site="sport")
    other = service.post_thread(csv_thread(texts), "text/csv", key=sport, article="x")
    assert other.status_code == 202  # another site still has room
    service.app.state.uploads.close()


# ------------------------------------------------------------------ a busy database


@contextmanager
def busy_database(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every read and write finds the database busy (an exhausted connection pool)."""

    @contextmanager
    def busy(self: Sessions) -> Iterator[Any]:
        raise StoreBusyError("the database is busy; try again shortly")
        yield  # pragma: no cover

    with monkeypatch.context() as patch:
        patch.setattr(Sessions, "read", busy)
        patch.setattr(Sessions, "write", busy)
        patch.setattr(Sessions, "write_core", busy)
        yield


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_busy_database_is_503_with_retry_after_everywhere(
    dialect: str,
    engine: Engine,
    databases: Databases,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with databases.fresh(dialect, tmp_path) as url:
        service = Service(engine, url, coral_secret=SECRET)
        try:
            [item] = upload(service, {"c1": KIND}).json()["comments"]
            key = {"key": service.client_key}
            with busy_database(monkeypatch):
                perspective = service.client.post(
                    "/v1alpha1/comments:analyze",
                    params=key,
                    json={"comment": {"text": KIND}, "requestedAttributes": {"TOXICITY": {}}},
                )
                openai = service.client.post("/v1/moderations", params=key, json={"input": KIND})
                native = service.act(item["comment_id"], "reject")
                threads = upload_raw(service, {"c2": KIND})
                answer = coral(service, KIND, "k9")
            for response in (perspective, openai, native, threads):
                assert response.status_code == 503, response.text
                assert response.headers["Retry-After"] == "1"
            assert perspective.json()["error"]["status"] == "UNAVAILABLE"
            assert openai.json()["error"]["type"] == "server_error"
            assert native.json()["error"]["status"] == "UNAVAILABLE"
            assert answer.json() == {"status": "PREMOD"}  # Coral fails closed
            assert service.act(item["comment_id"], "reject").status_code == 200  # and after
        finally:
            service.close()


def upload_raw(service: Service, texts: dict[str, str]) -> Any:
    return service.post_thread(csv_thread(texts), "text/csv", article="story-1")


def test_an_upload_process_stops_when_its_worker_is_killed(tmp_path: Path) -> None:
    """After a kill -9 of the server the upload's process went on writing to the database
    with no server running (it finished the job, unsupervised)."""
    import os
    import signal
    import subprocess
    import sys

    grandchild = (
        "import sys, time\n"
        "from threadguard.service.upload_jobs import follow_parent\n"
        "follow_parent(int(sys.argv[1]), 0.1)\n"
        "open(sys.argv[2], 'w').close()\n"
        "time.sleep(60)\n"
    )
    watching = tmp_path / "watching"
    worker = (
        "import os, subprocess, sys, time\n"
        f"child = subprocess.Popen([sys.executable, '-c', {grandchild!r}, str(os.getpid()),"
        f" {str(watching)!r}])\n"
        "print(child.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    middle = subprocess.Popen([sys.executable, "-c", worker], stdout=subprocess.PIPE, text=True)
    assert middle.stdout is not None
    pid = int(middle.stdout.readline())
    for _ in range(300):  # until the upload's process watches its worker
        if watching.exists():
            break
        time.sleep(0.1)
    assert watching.exists(), "the upload process never started watching"
    middle.send_signal(signal.SIGKILL)
    middle.wait()

    def running() -> bool:
        try:
            state = Path(f"/proc/{pid}/status").read_text().split("State:")[1].split()[0]
        except (OSError, IndexError):
            return False
        return state != "Z"

    for _ in range(100):
        if not running():
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        raise AssertionError("the upload process outlived its worker")


def test_an_upload_changing_a_comments_author_is_409_naming_it(service: Service) -> None:
    """Re-uploading a rejected comment by eve with its text unchanged and the author
    "innocent_reader" moved the verdict to someone else, with no audit entry."""
    first = service.post_thread(
        f'id,parent_id,author,text\nc1,,eve,"{THREAT}"\n', "text/csv", article="story-1"
    )
    [comment] = first.json()["comments"]
    assert comment["status"] == "rejected"
    again = service.post_thread(
        f'id,parent_id,author,text\nc1,,innocent_reader,"{THREAT}"\n', "text/csv", article="story-1"
    )
    assert again.status_code == 409, again.text
    message = again.json()["error"]["message"]
    assert "comment 'c1'" in message and "'innocent_reader'" in message
    stored = service.client.get(
        f"/api/v1/comments/{comment['comment_id']}", headers=service.auth(service.moderator)
    ).json()
    assert (stored["author"], stored["status"]) == ("eve", "rejected")


def test_a_failure_to_fail_the_jobs_at_stop_logs_no_statement_parameters(
    service: Service, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The line quoted the UPDATE and its parameters (SQLAlchemy's text)."""
    from sqlalchemy.exc import OperationalError

    def fails(worker: str, error: str) -> int:
        raise OperationalError(
            "UPDATE jobs SET error=%(error)s WHERE worker = %(worker)s",
            {"worker": "secret-worker-param", "error": error},
            Exception("connection to server lost\nDETAIL: more"),
        )

    uploads = service.app.state.uploads
    monkeypatch.setattr(uploads._store.jobs, "abandon_jobs", fails)
    with caplog.at_level("ERROR", logger="threadguard.service"):
        uploads.close()
    [line] = [r for r in caplog.records if "unfinished upload jobs" in r.getMessage()]
    text = line.getMessage() + (caplog.text or "")
    assert "OperationalError (Exception): connection to server lost" in line.getMessage()
    assert "secret-worker-param" not in text and "UPDATE jobs" not in text
    assert line.exc_info is None


def test_an_upload_job_counts_its_texts_scored_and_deep_tier_texts(
    service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 1,500-comment job moved threadguard_decisions_total by 1,500 and the texts-scored
    and deep-tier counters not at all (the job's process scored without counting)."""
    from prometheus_client import CollectorRegistry, multiprocess

    folder = tmp_path / "prometheus"
    folder.mkdir()
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(folder))  # the job process's mode
    texts = {f"c{n}": (THREAT if n % 3 == 0 else f"{KIND} Point {n}.") for n in range(45)}
    job = wait_done(service, upload(service, texts).json()["url"])
    assert job["status"] == "done", job
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, str(folder))  # type: ignore[no-untyped-call]
    found = {
        sample.name: sample.value
        for family in registry.collect()
        for sample in family.samples
        if not sample.labels
    }
    decided = sum(
        sample.value
        for family in registry.collect()
        for sample in family.samples
        if sample.name == "threadguard_decisions_total"
    )
    assert decided == 45
    assert found.get("threadguard_texts_scored_total", 0) >= 45
    assert found.get("threadguard_deep_tier_texts_total", 0) > 0  # the threats, at least
