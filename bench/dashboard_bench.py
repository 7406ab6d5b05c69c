"""The dashboard's targets: the queue's first paint with 10,000 held comments, and the
server time of each moderator action.

``make bench-dashboard`` runs this. It seeds a fresh SQLite data directory with
``--held`` held comments (through the store's bulk path, scored here: no model runs),
adds a moderator with ``threadguard user add``, starts ``threadguard serve --tier fast``
on 127.0.0.1, then:

- drives Debian's Chromium headless (Playwright, ``/usr/bin/chromium``) to sign in and
  open the queue ``--loads`` times, reading the browser's own figures (Navigation
  Timing's response end, the Paint Timing first contentful paint) for each load;
- signs in with httpx and times ``--actions`` of each action (approve, reject, note, ban
  for a day, undo) as htmx sends them, on loopback: the round trip is an upper bound of
  the server's time.

Targets (issue 13): first paint under 300 ms with 10,000 held comments; every action
under 100 ms server time.

Usage: python bench/dashboard_bench.py [--held 10000] [--loads 5] [--actions 30]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from http_bench import HOST, free_port, stop_server, threadguard_cli, wait_ready

from threadguard.analysis import Analysis, Span
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.storage import Store
from threadguard.storage.records import ArticleRef, NewComment

PASSWORD = "benchmark password 1"  # noqa: S105 (a throwaway account in a temporary store)
CHROMIUM = "/usr/bin/chromium"


def seed(data_dir: Path, held: int) -> None:
    """``held`` held comments under 100 articles, 500 authors."""
    store = Store.open(None, data_dir)
    per_article = max(1, held // 100)
    made = 0
    while made < held:
        batch = []
        for i in range(min(per_article, held - made)):
            n = made + i
            text = f"Comment {n}: you people are all idiots, every single one of you."
            begin = text.index("idiots")
            scores = {a: 0.05 for a in ATTRIBUTES}
            scores.update(toxicity=0.6 + (n % 40) / 100, insult=0.7)
            batch.append(
                NewComment(
                    text=text,
                    analysis=Analysis(
                        id=f"m{n}",
                        scores=scores,
                        spans=(Span(begin, begin + 6, "insult", 0.8),),
                        model="bench@1",
                    ),
                    decision=Decision(Verdict.HOLD, ("insult 0.70 ≥ hold threshold 0.6",)),
                    external_id=f"m{n}",
                    author=f"author{n % 500}",
                    position=i,
                )
            )
        article = made // per_article
        store.record_many(
            site="bench",
            source="native",
            article=ArticleRef(f"article-{article}", f"Article number {article}"),
            comments=batch,
        )
        made += len(batch)
    store.close()


def _paint(page: Any, url: str) -> tuple[float, float]:
    """(response end, first contentful paint) in ms of one load of ``url``."""
    page.goto(url, wait_until="load")
    # Polled with evaluate: wait_for_function uses eval, which the page's CSP refuses.
    while not page.evaluate("performance.getEntriesByName('first-contentful-paint').length > 0"):
        time.sleep(0.02)
    end, fcp = page.evaluate(
        "[performance.getEntriesByType('navigation')[0].responseEnd,"
        " performance.getEntriesByName('first-contentful-paint')[0].startTime]"
    )
    return float(end), float(fcp)


def first_paints(base: str, loads: int) -> tuple[list[tuple[float, float]], list[float]]:
    """(response end, first contentful paint) in ms for each load of the signed-in queue,
    and the first paints of the sign-in page (the baseline: the same browser, server and
    style sheets, no data) loaded as many times, interleaved."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(f"{base}/login")
        page.fill("#username", "bench")
        page.fill("#password", PASSWORD)
        page.press("#password", "Enter")
        page.wait_for_url(f"{base}/")
        baseline = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
        signed_out = []
        for _ in range(loads):
            out.append(_paint(page, f"{base}/"))
            signed_out.append(_paint(baseline, f"{base}/login")[1])
        browser.close()
    return out, signed_out


#: The round trip every action is compared with: the health check (no page, no store write).
BASELINE = "baseline: GET /healthz"


def time_actions(base: str, count: int) -> dict[str, list[float]]:
    """Milliseconds per request of each action, as htmx sends them, and of the baseline."""
    times: dict[str, list[float]] = {}
    with httpx.Client(base_url=base, timeout=30) as client:
        page = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        client.post("/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token})
        queue = client.get("/").text
        csrf = re.search(r'name="csrf-token" content="([^"]+)"', queue).group(1)  # type: ignore[union-attr]
        headers = {"HX-Request": "true", "X-CSRF-Token": csrf}
        ids: list[str] = []
        page_no = 1
        while len(ids) < count * 4:
            html = client.get(f"/?page={page_no}").text
            found = re.findall(r'id="item-(cm_[0-9a-f]+)"', html)
            authors = re.findall(r'data-author="([^"]*)"', html)
            ids.extend(i for i, _ in zip(found, authors, strict=False))
            page_no += 1

        def timed(name: str, url: str, data: dict[str, str]) -> None:
            started = time.perf_counter()
            answer = client.post(url, headers=headers, data={"back": "/", **data})
            times.setdefault(name, []).append((time.perf_counter() - started) * 1000)
            assert answer.status_code == 200, answer.text

        for n in range(count):
            approve, reject, note, ban = ids[4 * n : 4 * n + 4]
            timed("approve", f"/actions/{approve}/approve", {})
            timed("reject", f"/actions/{reject}/reject", {})
            timed("undo", "/actions/undo", {})
            timed("note", f"/actions/{note}/note", {"note": "benchmark note"})
            timed("ban (1 day)", "/actions/ban", {"comment_id": ban, "duration": "1d"})
        for _ in range(count):
            for name, url in (("queue page (GET /)", "/"), (BASELINE, "/healthz")):
                started = time.perf_counter()
                client.get(url)
                times.setdefault(name, []).append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--held", type=int, default=10_000)
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--actions", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tg-dashboard-bench-") as folder:
        data = Path(folder)
        started = time.perf_counter()
        seed(data, args.held)
        print(f"seeded {args.held} held comments in {time.perf_counter() - started:.1f} s")
        cli = threadguard_cli()
        subprocess.run(
            [
                *cli,
                "user",
                "add",
                "bench",
                "--role",
                "moderator",
                "--password",
                PASSWORD,
                "--data-dir",
                str(data),
            ],
            check=True,
            capture_output=True,
        )
        port = free_port()
        log = (data / "serve.log").open("wb")
        proc = subprocess.Popen(
            [
                *cli,
                "serve",
                "--host",
                HOST,
                "--port",
                str(port),
                "--tier",
                "fast",
                "--data-dir",
                str(data),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_ready(port, proc)
            base = f"http://{HOST}:{port}"
            while httpx.get(f"{base}/healthz").status_code != 200:
                time.sleep(0.1)
            paints, login_paints = first_paints(base, args.loads)
            times = time_actions(base, args.actions)
        finally:
            stop_server(proc, 20)
            log.close()
    ends = [a for a, _ in paints]
    fcps = [b for _, b in paints]
    print(f"\nqueue with {args.held} held comments, {args.loads} loads (Chromium, headless):")
    print(f"  response end       median {statistics.median(ends):7.1f} ms  max {max(ends):7.1f} ms")
    print(f"  first paint (FCP)  median {statistics.median(fcps):7.1f} ms  max {max(fcps):7.1f} ms")
    login = statistics.median(login_paints)
    print(
        f"  sign-in page FCP   median {login:7.1f} ms  (baseline; the queue's first paint is"
        f" {statistics.median(fcps) / login:.2f}x it)"
    )
    print(f"\nround trip on loopback ({args.actions} each; an upper bound of server time):")
    base_ms = statistics.median(times[BASELINE])
    for name, values in times.items():
        values.sort()
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        median = statistics.median(values)
        print(
            f"  {name:24s} median {median:6.1f} ms  p95 {p95:6.1f} ms"
            f"  max {values[-1]:6.1f} ms  {median / base_ms:5.2f}x baseline"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
