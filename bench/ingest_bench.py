"""Hot path during a large upload: Perspective ``comments:analyze`` while 60,000 comments
are being stored.

``make bench-ingest`` runs this. It starts ``threadguard serve --tier fast`` on 127.0.0.1
(a free port, SQLite in a fresh temporary data directory, one worker) with a new client
key, measures analyze alone for a few seconds (the baseline), then uploads a synthetic
CSV thread of ``--rows`` comments to ``POST /api/v1/threads`` and, while the upload job
runs, drives analyze at ``--concurrency`` with httpx (async), bounded by ``--requests``
and ``--seconds``. It prints p50, p99 and max latency and the count of non-2xx answers
for analyze during the upload, and how long the upload took, then analyze alone again
(the machine's load may have changed meanwhile). The synthetic comments are generated
here from word lists (no data set is read).

Target (issue 11): analyze p99 under 100 ms at concurrency 16 while a 60,000-row upload is
ingesting (fast tier, SQLite), no non-2xx answer.

Usage: python bench/ingest_bench.py [--rows 60000] [--concurrency 16] [--seconds 300]
                                    [--requests 200000] [--baseline-seconds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from http_bench import (  # bench/ is on the path
    HOST,
    free_port,
    stop_server,
    threadguard_cli,
    wait_ready,
)

#: Comments sent to analyze, in rotation (single comments as a news site sees them).
COMMENTS = [
    "Thanks for the article, very informative.",
    "I disagree with the author: the numbers in the third paragraph do not add up.",
    "you are a complete idiot and everyone here knows it",
    "Great reporting as always. My grandmother lived through this.",
    "Go back to where you came from, nobody wants your kind here.",
    "Interesting, but what about the people who lost their jobs?",
]
_OPENERS = ["Honestly", "Well", "Sure", "Look", "Frankly", "Again", "So", "Yes"]
_MIDDLES = [
    "the council got this one right",
    "this article misses the point entirely",
    "you clearly did not read past the headline",
    "the ferry timetable has been a mess for years",
    "people like you are the problem with this town",
    "I have lived here thirty years and never seen it this bad",
    "what a stupid thing to say",
    "the numbers in the report do not add up",
]
_CLOSERS = ["", "Thanks.", "Shameful.", "Just saying.", "Get a grip.", "Good work."]


def synthetic_csv(rows: int, seed: int = 11) -> bytes:
    """A CSV thread of ``rows`` comments: ids, replies to earlier comments, a few
    thousand authors, and text assembled from the word lists above."""
    rnd = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "parent_id", "author", "text"])
    for n in range(rows):
        parent = f"c{rnd.randrange(n)}" if n and rnd.random() < 0.6 else ""
        text = " ".join(
            [rnd.choice(_OPENERS) + ",", rnd.choice(_MIDDLES) + ".", rnd.choice(_CLOSERS)]
        ).strip()
        writer.writerow([f"c{n}", parent, f"reader{rnd.randrange(max(rows // 20, 1))}", text])
    return out.getvalue().encode()


def start_server(port: int, data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``threadguard serve --tier fast`` over SQLite in ``data_dir``, and a client key."""
    env = {**os.environ, "THREADGUARD_DATA_DIR": str(data_dir)}
    create = ["keys", "create", "--role", "client", "--rate", "0", "--name", "bench-ingest"]
    created = subprocess.run(
        [*threadguard_cli(), *create, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    key = created.stdout.strip().splitlines()[-1].strip()
    command = [*threadguard_cli(), "serve", "--host", HOST, "--port", str(port)]
    command += ["--data-dir", str(data_dir), "--tier", "fast", "--workers", "1"]
    with open(data_dir / "server.log", "wb") as log:
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    return proc, key


@dataclass
class Tally:
    """Latencies (seconds) of answered requests, and the non-2xx ones by status."""

    latencies: list[float] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)

    def add(self, seconds: float, status: int | str) -> None:
        if isinstance(status, int) and 200 <= status < 300:
            self.latencies.append(seconds)
        else:
            self.failures[str(status)] = self.failures.get(str(status), 0) + 1

    def line(self, name: str) -> str:
        lat = sorted(self.latencies)
        if not lat:
            return f"{name}: no answers; non-2xx {self.failures}"

        def pct(p: float) -> float:
            return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000

        bad = sum(self.failures.values())
        return (
            f"{name}: {len(lat) + bad} requests, p50 {pct(0.50):.1f} ms, p99 {pct(0.99):.1f} ms, "
            f"max {lat[-1] * 1000:.1f} ms, non-2xx {bad}" + (f" {self.failures}" if bad else "")
        )

    def p99_ms(self) -> float:
        lat = sorted(self.latencies)
        return lat[min(len(lat) - 1, int(0.99 * len(lat)))] * 1000 if lat else float("inf")


async def drive(
    client: httpx.AsyncClient,
    key: str,
    concurrency: int,
    until: asyncio.Event,
    max_requests: int,
    tally: Tally,
) -> None:
    """Send analyze requests from ``concurrency`` tasks until ``until`` is set or
    ``max_requests`` have been sent."""
    sent = 0

    async def worker(n: int) -> None:
        nonlocal sent
        i = n
        while not until.is_set() and sent < max_requests:
            sent += 1
            body = {"comment": {"text": COMMENTS[i % len(COMMENTS)]}}
            body["requestedAttributes"] = {"TOXICITY": {}}
            i += 1
            started = time.perf_counter()
            try:
                r = await client.post("/v1alpha1/comments:analyze", params={"key": key}, json=body)
                tally.add(time.perf_counter() - started, r.status_code)
            except httpx.HTTPError as exc:
                tally.add(time.perf_counter() - started, type(exc).__name__)

    await asyncio.gather(*(worker(n) for n in range(concurrency)))


async def run(args: argparse.Namespace, port: int, key: str) -> int:
    base = f"http://{HOST}:{port}"
    limits = httpx.Limits(max_connections=args.concurrency + 4)
    timeout = httpx.Timeout(60.0)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        # Warm up, then the baseline: analyze with nothing else going on.
        warm = Tally()
        stop = asyncio.Event()
        asyncio.get_running_loop().call_later(1.0, stop.set)
        await drive(client, key, args.concurrency, stop, 10**9, warm)
        baseline = Tally()
        if args.baseline_seconds > 0:
            stop = asyncio.Event()
            asyncio.get_running_loop().call_later(args.baseline_seconds, stop.set)
            await drive(client, key, args.concurrency, stop, 10**9, baseline)
            print(baseline.line("analyze, alone (baseline)"))

        body = synthetic_csv(args.rows)
        print(f"uploading a {args.rows}-row CSV thread ({len(body) / 1e6:.1f} MB)")
        started = time.monotonic()
        async with httpx.AsyncClient(base_url=base, timeout=timeout) as uploader:
            response = await uploader.post(
                "/api/v1/threads",
                content=body,
                params={"article": "bench-ingest"},
                headers={"Authorization": f"Bearer {key}", "Content-Type": "text/csv"},
            )
        if response.status_code != 202:
            print(f"upload answered {response.status_code}: {response.text[:300]}")
            return 1
        job_url = response.json()["url"]
        print(f"upload answered 202 in {time.monotonic() - started:.1f} s; job {job_url}")

        done = asyncio.Event()
        final: dict[str, object] = {}

        async def watch() -> None:
            async with httpx.AsyncClient(base_url=base, timeout=timeout) as poller:
                while True:
                    job = (await poller.get(job_url, params={"key": key})).json()
                    if job["status"] in ("done", "failed"):
                        final.update(job)
                        done.set()
                        return
                    if time.monotonic() - started > args.seconds:
                        final.update(job)
                        done.set()
                        return
                    await asyncio.sleep(0.5)

        during = Tally()
        watcher = asyncio.create_task(watch())
        await drive(client, key, args.concurrency, done, args.requests, during)
        await watcher
        took = time.monotonic() - started
        counts = final.get("counts")
        print(
            f"upload job {final.get('status')} after {took:.1f} s ({counts}); error: "
            f"{final.get('error')}"
        )
        print(during.line(f"analyze during the upload, concurrency {args.concurrency}"))
        if args.baseline_seconds > 0:  # the machine's load may have changed meanwhile
            after = Tally()
            stop = asyncio.Event()
            asyncio.get_running_loop().call_later(args.baseline_seconds, stop.set)
            await drive(client, key, args.concurrency, stop, 10**9, after)
            print(after.line("analyze, alone again (baseline after)"))
        ok = during.p99_ms() < 100 and not during.failures and final.get("status") == "done"
        print(
            f"target p99 < 100 ms at concurrency {args.concurrency} during the upload, "
            f"0 non-2xx: {'MET' if ok else 'NOT MET'}"
        )
        return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=60_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=600, help="upload time limit")
    parser.add_argument("--requests", type=int, default=500_000, help="analyze request limit")
    parser.add_argument("--baseline-seconds", type=float, default=5)
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="tg-bench-ingest-") as tmp_name:
        tmp = Path(tmp_name)
        proc, key = start_server(port, tmp)
        try:
            wait_ready(port, proc)
            load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
            print(f"server: threadguard serve --tier fast (SQLite, 1 worker), http://{HOST}:{port}")
            print(f"machine: {os.cpu_count()} CPUs, load average {load} (the client runs here too)")
            code = asyncio.run(run(args, port, key))
            if code:
                print((tmp / "server.log").read_text(errors="replace")[-3000:])
            return code
        finally:
            stop_server(proc, timeout=30)


if __name__ == "__main__":
    sys.exit(main())
