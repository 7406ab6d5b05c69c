"""A graceful stop: requests in flight finish, a running upload job finishes, and new
connections are refused rather than queued and reset.

A tryout: 4 clients against ``serve --workers 2``, ``kill -TERM`` of the parent: 5-6
ConnectionResetError a run, and the upload jobs answered 202 were all failed ("the service
stopped before the upload was stored").
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_support import Service

from threadguard.service import server
from threadguard.service.settings import ServiceSettings, load_settings

KIND = "Thanks for this thoughtful article, it explains the timetable well."


@pytest.fixture
def service_options() -> dict[str, Any]:
    return {"async_upload_comments": 30}


def csv_thread(count: int) -> str:
    rows = "".join(f'c{n},,ann,"{KIND} Point {n}."\n' for n in range(count))
    return "id,parent_id,author,text\n" + rows


def job_status(service: Service, job_id: str) -> str:
    return service.store.jobs.job(job_id).status


def wait_running(service: Service, job_id: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while job_status(service, job_id) == "queued":
        assert time.monotonic() < deadline, "the upload job never started"
        time.sleep(0.02)


def test_the_grace_is_a_setting() -> None:
    assert ServiceSettings().shutdown_grace_s == 30.0
    settings = load_settings(None, {"THREADGUARD_SHUTDOWN_GRACE_S": "12"})
    assert settings.shutdown_grace_s == 12.0


def test_serve_gives_uvicorn_the_grace(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without timeout_graceful_shutdown uvicorn waits for ever on a hung request."""
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(server, "prepare", lambda database, data_dir: "sqlite:///x.db")
    monkeypatch.setattr(server, "worker_app", lambda settings, build=None: "app")
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(options))
    settings = ServiceSettings(shutdown_grace_s=12.0)
    server.serve(settings, host="127.0.0.1", port=0, workers=1)
    assert seen["timeout_graceful_shutdown"] == 12.0

    configs: list[Any] = []

    class Stub:
        def run(self) -> None:
            pass

    def supervisor(config: Any, sockets: list[socket.socket]) -> Stub:
        configs.append(config)
        for sock in sockets:
            sock.close()
        return Stub()

    monkeypatch.setattr(server, "preflight", lambda settings, build=None: None)
    monkeypatch.setattr(server, "supervisor", supervisor)
    server.serve(settings, host="127.0.0.1", port=0, workers=2)
    [config] = configs
    assert config.timeout_graceful_shutdown == 12.0 and config.workers == 2


def test_the_supervisor_stops_listening_before_it_stops_its_workers() -> None:
    """Its copy of the listening socket kept it listening: connections made during the
    workers' shutdown were queued, never accepted, and reset when it exited."""
    import uvicorn

    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    listening.listen(16)
    port = listening.getsockname()[1]
    config = uvicorn.Config("threadguard.service.app:create_app", workers=2)
    supervisor = server.supervisor(config, [listening])
    supervisor.terminate_all()  # no workers started: only the socket to close
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()


def test_a_running_upload_job_finishes_within_the_grace_on_a_stop(service: Service) -> None:
    """The app's shutdown (lifespan) waits for the running upload instead of stopping it;
    a queued one is failed, saying to upload again."""
    with TestClient(service.app) as client:  # runs the app's startup and shutdown
        headers = {**service.auth(service.client_key), "Content-Type": "text/csv"}
        first = client.post("/api/v1/threads", content=csv_thread(40), headers=headers)
        second = client.post("/api/v1/threads?article=s2", content=csv_thread(40), headers=headers)
        assert (first.status_code, second.status_code) == (202, 202)
        running, queued = first.json()["id"], second.json()["id"]
        wait_running(service, running)
    jobs = service.store.jobs
    assert job_status(service, running) == "done", jobs.job(running).error
    assert jobs.job(running).done == 40
    assert job_status(service, queued) == "failed"
    assert "upload the thread again" in (jobs.job(queued).error or "")


def test_a_running_upload_job_is_stopped_once_the_grace_is_over(service: Service) -> None:
    answer = service.post_thread(csv_thread(40), "text/csv")
    assert answer.status_code == 202
    job = answer.json()["id"]
    wait_running(service, job)
    started = time.monotonic()
    service.app.state.uploads.close(grace_s=0.0)
    assert time.monotonic() - started < 10
    assert job_status(service, job) == "failed"
    assert "service stopped" in (service.store.jobs.job(job).error or "")


def test_an_upload_process_outlives_a_stop_signal(tmp_path: Path) -> None:
    """A Ctrl-C reaches the whole process group (and a service manager may signal every
    process): the upload died at once, though its worker would have let it finish."""
    script = (
        "import os, signal, sys, time\n"
        "from threadguard.service.upload_jobs import shield_from_stop_signals\n"
        "shield_from_stop_signals()\n"
        "os.kill(os.getpid(), signal.SIGTERM)\n"
        "os.kill(os.getpid(), signal.SIGINT)\n"
        "time.sleep(0.2)\n"
        "print('still running', flush=True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "still running"
