"""An upload job whose worker died is reported failed within seconds, not minutes, and a
job whose worker lives is never reported failed, however long it waits or scores.

A site admin's tryout: after ``kill -9`` of the server during an upload job and a
restart, ``GET /api/v1/jobs/{id}`` answered ``running`` with the old heartbeat for about
five minutes (the heartbeat was only the upload's progress, so nothing shorter was safe:
a live job scoring a large thread, or waiting behind another, wrote none for minutes).
Now the worker that holds a job beats its heartbeat every few seconds, whatever the job
is doing, so silence means the worker is gone, whichever of the servers sharing the
database it was.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from contextlib import AbstractContextManager
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from service_support import Service, database, served
from sqlalchemy import update

from threadguard.service.upload_jobs import UploadJobs
from threadguard.storage import Store
from threadguard.storage.models import Job
from threadguard.storage.repositories.jobs import (
    HEARTBEAT_S,
    SILENT_AFTER_S,
    STALE_AFTER_S,
    beating_worker,
)


@pytest.fixture
def service_options() -> dict[str, Any]:
    return {"async_upload_comments": 30}


def silent_for(store: Store, job_id: str, seconds: float) -> None:
    """Make the job's heartbeat ``seconds`` old."""
    with store.sessions.write() as session:
        row = session.get(Job, job_id)
        assert row is not None
        session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(updated_at=row.updated_at - timedelta(seconds=seconds))
        )


def test_a_job_of_a_beating_worker_is_failed_once_it_falls_silent(service: Service) -> None:
    jobs = service.store.jobs
    assert HEARTBEAT_S * 4 <= SILENT_AFTER_S < STALE_AFTER_S
    worker = beating_worker("host-a:4242:0badc0de")
    job = jobs.create_job(kind="thread_upload", site="default", actor="a", worker=worker, total=9)
    jobs.start_job(job.id)
    silent_for(service.store, job.id, HEARTBEAT_S * 2)  # a beat or two late: alive
    assert jobs.job(job.id).status == "running"
    silent_for(service.store, job.id, SILENT_AFTER_S)
    gone = jobs.job(job.id)
    assert gone.status == "failed" and "upload the thread again" in (gone.error or "")


def test_a_job_of_a_worker_that_does_not_beat_keeps_the_long_timeout(service: Service) -> None:
    """A worker of an earlier version sharing the database beats only with its progress:
    its job may be silent for minutes while it scores, so it keeps the five minutes."""
    jobs = service.store.jobs
    job = jobs.create_job(kind="thread_upload", site="default", actor="a", worker="h:1:2", total=9)
    silent_for(service.store, job.id, SILENT_AFTER_S * 2)
    assert jobs.job(job.id).status == "queued"
    silent_for(service.store, job.id, STALE_AFTER_S)
    assert jobs.job(job.id).status == "failed"


def test_a_beat_reaches_only_the_workers_unfinished_jobs(service: Service) -> None:
    jobs = service.store.jobs
    mine, other = beating_worker("h:1:a"), beating_worker("h:2:b")
    made = {
        name: jobs.create_job(kind="thread_upload", site="default", actor="a", worker=w, total=1)
        for name, w in (("queued", mine), ("done", mine), ("other", other))
    }
    jobs.finish_job(made["done"].id, {})
    for job in made.values():
        silent_for(service.store, job.id, 60)
    assert jobs.beat(mine) == 1
    assert jobs.job(made["queued"].id).status == "queued"  # heard from again
    assert jobs.job(made["other"].id).status == "failed"  # silent: its worker is gone
    assert jobs.job(made["done"].id).status == "done"


def test_a_live_worker_beats_its_job_while_it_waits_and_scores(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the first comment is stored (the upload process starting, reading, scoring
    the whole thread) the job wrote no heartbeat at all."""
    uploads: UploadJobs = service.app.state.uploads
    assert uploads.worker == beating_worker(uploads.worker.split(":", 1)[1])
    monkeypatch.setattr(uploads, "beat_every_s", 0.05)
    texts = "".join(
        f'c{n},,ann,"A calm remark about the timetable, number {n}."\n' for n in range(40)
    )
    response = service.post_thread("id,parent_id,author,text\n" + texts, "text/csv")
    assert response.status_code == 202, response.text
    url = response.json()["url"]
    beats: set[str] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = service.client.get(url, headers=service.auth(service.client_key)).json()
        if job["status"] in ("done", "failed"):
            break
        if job["counts"]["stored"] == 0:
            beats.add(job["updated_at"])
        time.sleep(0.02)
    assert job["status"] == "done", job
    assert len(beats) >= 3, beats  # heard from while nothing was stored yet


def server(
    url: str, folder: Path, log: Path
) -> AbstractContextManager[tuple[subprocess.Popen[bytes], str]]:
    """``threadguard serve`` with small uploads as jobs, ready."""
    return served(url, folder, log, {"THREADGUARD_ASYNC_UPLOAD_COMMENTS": "10"})


@pytest.mark.slow
def test_after_kill_9_and_a_restart_the_job_is_failed_within_seconds(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    rows = "".join(
        f'c{n},,ann,"A calm remark about the timetable, number {n}."\n' for n in range(3000)
    )
    with database("sqlite", tmp_path) as url:
        setup = Store.open(url)
        key = setup.create_key("admin", name="kill-test")
        setup.close()
        headers = {"Authorization": f"Bearer {key}"}
        with server(url, tmp_path, log) as (process, base):
            answer = httpx.post(
                f"{base}/api/v1/threads",
                content="id,parent_id,author,text\n" + rows,
                headers={**headers, "Content-Type": "text/csv"},
                timeout=30,
            )
            assert answer.status_code == 202, answer.text
            job_url = answer.json()["url"]
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
            killed = time.monotonic()
        with server(url, tmp_path, log) as (_, base):
            while True:
                job = httpx.get(f"{base}{job_url}", headers=headers, timeout=10).json()
                waited = time.monotonic() - killed
                if job["status"] != "running" and job["status"] != "queued":
                    break
                assert waited < SILENT_AFTER_S + 30, f"still {job['status']} after {waited:.0f} s"
                time.sleep(0.5)
    print(f"reported {job['status']} {waited:.1f} s after the kill -9")
    assert job["status"] == "failed" and "upload the thread again" in job["error"], job
    assert waited < SILENT_AFTER_S + 30
