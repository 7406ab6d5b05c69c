"""``make bench-batch``: threadguard batch on a realistic archive, beside threadguard score.

Builds ``BENCH_BATCH_N`` comments (default 1,000,000) in a temporary folder, from the
shared data's texts (``THREADGUARD_DATA``: news comments from Unhealthy Conversations,
mixed with the abuse-heavy dev rows of HateXplain, OLID and CADD), arranged in threads:
articles of a few to a few hundred comments, replies to earlier comments, recurring
authors, dates over a year, interleaved in time order as a site exports them. The file
is ``score``'s JSON Lines (each reply carries its parent's text) with the archive's
fields beside, so both commands read the same bytes and score with the same context.

Then, in the same run: ``score --tier fast`` over the file; ``batch --tier fast`` with 2
workers, and with 1; optionally (``BENCH_BATCH_CASCADE_N`` > 0) the cascade on the first
that many lines by both. It prints rates, ratios and the peak memory of each command
with all its processes (resident set, summed over the process tree, sampled).
Nothing here is a test: it measures.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from threadguard.evaluation.throughput import dev_texts
from threadguard.training.datasets import load_unhealthy

TOPICS = (
    "Council",
    "Budget",
    "Transport",
    "Schools",
    "Housing",
    "Election",
    "Weather",
    "Football",
    "Immigration",
    "Health",
    "Crime",
    "Climate",
    "Festival",
    "Taxes",
)


def texts(data: Path) -> list[str]:
    news = load_unhealthy(data).texts
    abuse = dev_texts(data, rows=20_000)
    return [t for t in news + abuse if t.strip()]


def build(path: Path, n: int, pool: list[str], seed: int = 7) -> int:
    """Write ``n`` comments in threads to ``path``; returns the number of threads."""
    rng = random.Random(seed)
    authors = [f"reader{i}" for i in range(max(50, n // 40))]
    # a few prolific authors, many occasional ones (Zipf-like)
    cumulative = list(itertools.accumulate(1 / (i + 1) for i in range(len(authors))))
    rows: list[tuple[float, dict[str, str]]] = []
    threads = made = 0
    start = 1_704_067_200  # 2024-01-01
    while made < n:
        size = min(n - made, max(1, int(rng.paretovariate(1.3) * 8)), 800)
        tid = f"a{threads}"
        title = f"{rng.choice(TOPICS)}: story {threads}"
        opened = start + rng.random() * 365 * 86400
        comments: list[tuple[str, str]] = []
        for i in range(size):
            cid = f"{tid}-{i}"
            text = rng.choice(pool)
            row = {
                "id": cid,
                "thread_id": tid,
                "title": title,
                "text": text,
                "author": rng.choices(authors, cum_weights=cumulative)[0],
            }
            if comments and rng.random() < 0.6:
                pid, ptext = rng.choice(comments[-20:])
                row["parent_id"], row["parent"] = pid, ptext
            when = opened + rng.expovariate(1 / 7200) * (i + 1) ** 0.5
            row["created_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when))
            comments.append((cid, text))
            rows.append((when, row))
        threads += 1
        made += size
    rows.sort(key=lambda r: r[0])  # exports come in time order, threads interleaved
    with path.open("w", encoding="utf-8") as f:
        for _, row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return threads


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, every process of the tree) and peak
    resident memory (GiB, the tree's sum, sampled) of ``command``. On a shared machine
    the CPU seconds are the fairer comparison: wall time depends on the other load."""
    peak = 0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    root = psutil.Process(proc.pid)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.2)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    code = proc.wait()
    done.set()
    watcher.join()
    if code:
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak / 2**30


def main() -> None:
    n = int(os.environ.get("BENCH_BATCH_N", "1000000"))
    cascade_n = int(os.environ.get("BENCH_BATCH_CASCADE_N", "0"))
    data = Path(os.environ.get("THREADGUARD_DATA", ""))
    if not (data / "MANIFEST.md").is_file():
        raise SystemExit("set THREADGUARD_DATA to the shared data folder")
    tg = [sys.executable, "-m", "threadguard"]
    work = Path(tempfile.mkdtemp(prefix="tg-bench-batch-"))
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    try:
        archive = work / "archive.jsonl"
        t = time.perf_counter()
        threads = build(archive, n, texts(data))
        size = archive.stat().st_size / 2**20
        print(
            f"archive: {n:,} comments in {threads:,} threads, {size:,.0f} MiB "
            f"(built in {time.perf_counter() - t:.0f} s)",
            flush=True,
        )
        runs = {
            "score --tier fast": [*tg, "score", "--tier", "fast", str(archive)],
            "batch --tier fast, 2 workers": [
                *tg,
                "batch",
                str(archive),
                "--out",
                str(work / "out2"),
                "--tier",
                "fast",
                "--workers",
                "2",
                "--quiet",
            ],
            "batch --tier fast, 1 worker": [
                *tg,
                "batch",
                str(archive),
                "--out",
                str(work / "out1"),
                "--tier",
                "fast",
                "--workers",
                "1",
                "--quiet",
            ],
        }
        if cascade_n:
            head = work / "head.jsonl"
            with archive.open(encoding="utf-8") as src, head.open("w", encoding="utf-8") as dst:
                for _, line in zip(range(cascade_n), src, strict=False):
                    dst.write(line)
            runs["score cascade (first lines)"] = [*tg, "score", str(head)]
            runs["batch cascade (first lines), 2 workers"] = [
                *tg,
                "batch",
                str(head),
                "--out",
                str(work / "outc"),
                "--workers",
                "2",
                "--quiet",
            ]
        results, cpu_rates = {}, {}
        for name, command in runs.items():
            seconds, cpu, peak = measure(command)
            count = cascade_n if "first lines" in name else n
            results[name], cpu_rates[name] = count / seconds, count / cpu
            print(
                f"{name:40s} {seconds:7.1f} s {count / seconds:7,.0f}/s wall  "
                f"{cpu:7.1f} CPU-s {count / cpu:7,.0f}/CPU-s  peak {peak:.2f} GiB",
                flush=True,
            )

        def ratio(a: str, b: str) -> str:
            return (
                f"{results[a] / results[b]:.2f}x wall, {cpu_rates[a] / cpu_rates[b]:.2f}x per CPU-s"
            )

        fast2, fast1 = "batch --tier fast, 2 workers", "batch --tier fast, 1 worker"
        print(f"batch / score (fast tier, same input): {ratio(fast2, 'score --tier fast')}")
        print(
            f"1 -> 2 workers speed-up (batch, fast):  {results[fast2] / results[fast1]:.2f}x wall"
        )
        if cascade_n:
            print(
                f"batch / score (cascade, first {cascade_n:,} lines): "
                f"{ratio('batch cascade (first lines), 2 workers', 'score cascade (first lines)')}"
            )
        print(
            f"projected for 1,000,000 comments (batch, fast, 2 workers): "
            f"{1_000_000 / results[fast2] / 60:.1f} min wall at this load, "
            f"{1_000_000 / cpu_rates[fast2] / 120:.1f} min on 2 idle cores"
        )
        print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
