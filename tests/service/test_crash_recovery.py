"""kill -9 during a stream of writes loses nothing acknowledged and stores nothing twice.

A real ``threadguard serve`` (fast tier) on a free 127.0.0.1 port, over SQLite and over
the PostgreSQL of ``THREADGUARD_TEST_POSTGRES``, takes Perspective analyze calls and
thread uploads from a few clients at once; part-way it is killed with SIGKILL, with
requests in flight; then it is started again on the same database, takes more writes,
and is killed again. Every write answered 2xx must be in the database exactly once
(the others may or may not be: their answer never came). Bounded: each stream stops
after ``PER_STREAM`` writes per client or ``STREAM_CAP_S`` seconds. The kill comes once
the cycle has some acknowledged writes and ``STREAM_S`` more have passed, not after a
fixed sleep: under a loaded CI machine no write was answered within 1.5 s, and the
test failed with nothing to check.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from contextlib import AbstractContextManager
from pathlib import Path

import httpx
import pytest
from service_support import DIALECTS, database, served
from sqlalchemy import func, select

from threadguard.storage import Store
from threadguard.storage.models import Comment

CLIENTS = 4
PER_STREAM = 60
STREAM_S = 1.5
#: How long a cycle waits for its first acknowledged writes, and a stream may run.
STREAM_CAP_S = 60.0
#: Kill -9 cycles per backend (more for a longer probe: THREADGUARD_CRASH_CYCLES=3).
CYCLES = int(os.environ.get("THREADGUARD_CRASH_CYCLES", "2"))


def server(
    url: str, folder: Path, log: Path
) -> AbstractContextManager[tuple[subprocess.Popen[bytes], str]]:
    """``threadguard serve`` checking revoked keys every second, ready."""
    return served(url, folder, log, {"THREADGUARD_KEY_CHECK_S": "1"})


def stream(base: str, key: str, client: int, cycle: int, acked: list[str]) -> None:
    """Send writes until the bound or the server dies; note each one answered 2xx."""
    deadline = time.monotonic() + STREAM_CAP_S
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=base, headers=headers, timeout=10) as http:
        for n in range(PER_STREAM):
            tag = f"w{cycle}-{client}-{n}"
            try:
                if n % 4 == 3:  # a thread upload: one comment, its id the tag
                    dump = f"Title {tag}\n\nBody.\n\n  • ann\n    comment {tag}\n"
                    params = {"article": tag}
                    answer = http.post(
                        "/api/v1/threads",
                        content=dump,
                        params=params,
                        headers={"Content-Type": "text/plain"},
                    )
                else:
                    body = {"comment": {"text": f"comment {tag}"}, "requestedAttributes": {}}
                    body["requestedAttributes"] = {"TOXICITY": {}}
                    answer = http.post("/v1alpha1/comments:analyze", json=body)
            except httpx.TransportError:
                return  # the server is gone
            if 200 <= answer.status_code < 300:
                acked.append(tag)
            if time.monotonic() > deadline:
                return


def stored_counts(url: str) -> dict[str, int]:
    """How many comments hold each tag's text."""
    store = Store.open(url, migrate=False)
    try:
        with store.sessions.read() as session:
            rows = session.execute(
                select(Comment.text, func.count())
                .where(Comment.text.like("comment w%"))
                .group_by(Comment.text)
            ).all()
    finally:
        store.close()
    return {str(text).removeprefix("comment "): int(n) for text, n in rows}


@pytest.mark.slow
@pytest.mark.parametrize("kind", DIALECTS)
def test_every_acknowledged_write_survives_kill_9_exactly_once(kind: str, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    with database(kind, tmp_path) as url:
        setup = Store.open(url)  # migrated here; serve finds nothing left to do
        key = setup.create_key("admin", name="crash-test")
        setup.close()
        acked: list[str] = []
        for cycle in range(CYCLES):
            with server(url, tmp_path, log) as (process, base):
                clients = [
                    threading.Thread(target=stream, args=(base, key, c, cycle, acked))
                    for c in range(CLIENTS)
                ]
                before = len(acked)
                for thread in clients:
                    thread.start()
                waited = time.monotonic() + STREAM_CAP_S
                while len(acked) - before < CLIENTS and time.monotonic() < waited:
                    time.sleep(0.05)
                time.sleep(STREAM_S)  # writes in flight from every client
                os.kill(process.pid, signal.SIGKILL)
                for thread in clients:
                    thread.join(timeout=30)
                process.wait(timeout=30)
                assert process.returncode == -signal.SIGKILL
        counts = stored_counts(url)
    print(f"{kind}: {len(acked)} writes acknowledged over {CYCLES} kill -9 cycles")
    assert len(acked) >= CLIENTS * CYCLES, "too few writes to mean anything"
    lost = [tag for tag in acked if counts.get(tag, 0) == 0]
    doubled = {tag: n for tag, n in counts.items() if n > 1}
    assert not lost, f"{len(lost)} acknowledged writes lost, e.g. {lost[:5]}"
    assert not doubled, f"stored more than once: {list(doubled.items())[:5]}"
