"""A big upload against the hot path (issue 11, defect 2), CI-sized: while a 5,000-comment
thread is being stored, Perspective's analyze (which stores every comment) keeps
answering, none with a 5xx, and none waits for the whole upload.

The service runs under uvicorn on a loopback port, driven by httpx at concurrency 8; the
full-size measurement (60,000 rows, concurrency 16, p99) is ``make bench-ingest``.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import httpx
from compat_fakes import serve
from service_support import Databases

from threadguard.engine import CascadeSettings, Engine
from threadguard.schema import Tier
from threadguard.service.app import create_app
from threadguard.service.settings import ServiceSettings

ROWS = 5_000
CONCURRENCY = 8
TEXTS = [
    "Thanks for the article, very informative.",
    "you are a complete idiot and everyone here knows it",
    "The ferry timetable has been a mess for years.",
]


def thread_csv(rows: int) -> bytes:
    lines = ["id,parent_id,author,text"]
    for n in range(rows):
        parent = f"c{n // 3}" if n % 3 else ""
        lines.append(f'c{n},{parent},reader{n % 250},"{TEXTS[n % 3]} ({n})"')
    return ("\n".join(lines) + "\n").encode()


async def upload_while_analyzing(url: str, key: str) -> tuple[list[tuple[float, int]], ...]:
    """Upload the thread, then analyze until its job ends; the answers' (time, status or
    latency) and the job's (time, stored count) samples."""
    answers: list[tuple[float, int]] = []
    latencies: list[tuple[float, float]] = []
    progress: list[tuple[float, int]] = []
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        response = await client.post(
            "/api/v1/threads",
            content=thread_csv(ROWS),
            params={"article": "big"},
            headers={"Authorization": f"Bearer {key}", "Content-Type": "text/csv"},
        )
        assert response.status_code == 202, response.text
        job_url = response.json()["url"]
        done = asyncio.Event()

        async def watch() -> None:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                job = (await client.get(job_url, params={"key": key})).json()
                progress.append((time.monotonic(), int(job["counts"]["stored"])))
                if job["status"] in ("done", "failed"):
                    assert job["status"] == "done", job
                    break
                await asyncio.sleep(0.05)
            done.set()

        async def analyze(n: int) -> None:
            while not done.is_set():
                body = {"comment": {"text": TEXTS[n % 3]}, "requestedAttributes": {"TOXICITY": {}}}
                started = time.monotonic()
                r = await client.post("/v1alpha1/comments:analyze", params={"key": key}, json=body)
                answers.append((time.monotonic(), r.status_code))
                latencies.append((time.monotonic(), time.monotonic() - started))
                n += 1

        await asyncio.gather(watch(), *(analyze(n) for n in range(CONCURRENCY)))
    return answers, latencies, progress


def test_analyze_keeps_answering_while_a_big_upload_is_stored(
    engine: Engine, databases: Databases, tmp_path: Path
) -> None:
    with databases.fresh("sqlite", tmp_path) as db_url:
        fast = engine.with_cascade(CascadeSettings(tier=Tier.FAST))  # as the target's
        settings = ServiceSettings(database_url=db_url, rate_per_minute=0, tier=Tier.FAST)
        app = create_app(settings, engine=fast, migrate=False)
        store = app.state.service.store
        key = store.create_key("client", name="site-backend")
        try:
            with serve(app) as url:
                answers, latencies, progress = asyncio.run(upload_while_analyzing(url, key))
        finally:
            app.state.uploads.close()
            store.close()
    assert [status for _, status in answers if status >= 500] == []
    assert {status for _, status in answers} == {200}
    # While the comments were being stored (some stored, not all), analyze went on
    # answering: the upload never held the write lock for long.
    storing = [t for t, stored in progress if 0 < stored < ROWS]
    assert storing, f"the poll never saw the upload part-way: {progress[-5:]}"
    during = [t for t, _ in answers if storing[0] <= t <= storing[-1]]
    assert len(during) >= 5, (len(answers), storing[0], storing[-1])
    assert max(seconds for _, seconds in latencies) < 10
    assert progress[-1][1] == ROWS
