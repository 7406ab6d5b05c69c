"""A key's rate limit holds across the workers of one server, not once per worker."""

from __future__ import annotations

import http.client
import json
import math
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from service_support import THREADGUARD, cli_key, free_port, worker_of

from threadguard.service.limits import RateLimiter, worker_share

RATE = 20
ANALYZE = {
    "comment": {"text": "A fine piece, thank you."},
    "requestedAttributes": {"TOXICITY": {}},
    "doNotStore": True,
}


@pytest.mark.parametrize(
    ("rate", "workers", "share"),
    [
        (600, 1, 600),
        (20, 2, 10),
        (25, 2, 12),  # rounded down: the shares never add up to more than the rate
        (3, 4, 1),  # at least one a worker, or a small rate would refuse everything
        (1, 2, 1),
        (0, 4, 0),  # 0 is no limit, in every worker
    ],
)
def test_each_worker_enforces_its_share_of_the_rate(rate: int, workers: int, share: int) -> None:
    assert worker_share(rate, workers) == share


def test_a_worker_limiter_takes_its_share_as_burst_and_refill() -> None:
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0], workers=2)
    assert [limiter.check("k", 20) is None for _ in range(11)] == [True] * 10 + [False]
    wait = limiter.check("k", 20)
    assert wait is not None and 5.9 < wait <= 6.0  # 10 a minute: one token each 6 s
    now[0] += 6.0
    assert limiter.check("k", 20) is None
    assert limiter.check("unlimited", 0) is None


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc to tell workers apart")
def test_two_workers_together_admit_a_key_at_most_its_rate(tmp_path: Path) -> None:
    key = cli_key(tmp_path, "client", "--rate", str(RATE))
    port = free_port()
    log = tmp_path / "serve.log"
    options = f"--port {port} --workers 2 --tier fast --data-dir".split()
    answers: list[tuple[int | None, int, str | None]] = []  # (worker, status, Retry-After)
    with log.open("w") as out:
        server = subprocess.Popen(
            [*THREADGUARD, "serve", *options, str(tmp_path)], stdout=out, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + 90
            while log.read_text().count("Application startup complete") < 2:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "workers did not start in 90 s"
                time.sleep(0.3)
            started = time.monotonic()
            for _ in range(3 * RATE):
                # A fresh connection each time (none reused), so the kernel spreads them
                # over both workers.
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                try:
                    conn.request(
                        "POST",
                        f"/v1alpha1/comments:analyze?key={key}",
                        json.dumps(ANALYZE),
                        {"Content-Type": "application/json"},
                    )
                    answer = conn.getresponse()
                    answer.read()
                    assert conn.sock is not None  # still open: find the worker holding it
                    worker = worker_of(server.pid, port, conn.sock.getsockname()[1])
                    answers.append((worker, answer.status, answer.getheader("Retry-After")))
                finally:
                    conn.close()
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    share = worker_share(RATE, 2)
    # The buckets refill while the test runs: RATE a minute across both workers.
    allowance = math.ceil(RATE * elapsed / 60)
    served = Counter(worker for worker, _, _ in answers)
    admitted = Counter(worker for worker, status, _ in answers if 200 <= status < 300)
    assert len(served) == 2 and None not in served, (served, log.read_text())
    assert sum(admitted.values()) <= RATE + allowance, (admitted, elapsed)
    for worker, count in served.items():
        # Each worker admits its first `share` requests, then refuses (bar refills).
        assert min(count, share) <= admitted[worker] <= share + allowance, (served, admitted)
    refused = [(status, after) for _, status, after in answers if not 200 <= status < 300]
    assert refused and all(s == 429 and after and int(after) >= 1 for s, after in refused)


def test_workers_that_cannot_load_their_models_stop_the_command(tmp_path: Path) -> None:
    """With --workers 2 a damaged model made the supervisor respawn workers forever (a
    traceback every 2.5 s, connections refused, no exit); now it exits with one line
    naming the folder, as with one worker."""
    import shutil

    from threadguard.scoring.registry import shipped_model_dir

    bad = tmp_path / "fast"
    shutil.copytree(shipped_model_dir("fast"), bad)
    data = (bad / "weights.npz").read_bytes()
    (bad / "weights.npz").write_bytes(data[: len(data) // 3])
    proc = subprocess.run(
        [*THREADGUARD, "serve", "--workers", "2", "--port", str(free_port()), "--model", str(bad),
         "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )  # fmt: skip
    assert proc.returncode != 0
    assert f"{bad}: cannot load model" in " ".join(proc.stderr.split())
