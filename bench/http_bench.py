"""HTTP benchmark: Perspective's ``comments:analyze`` under wrk, beside a trivial endpoint.

``make bench-http`` runs this. It starts the service on 127.0.0.1 (a free port) with a fresh
temporary data directory and a newly created client key -- ``threadguard serve`` and
``threadguard keys create`` when the CLI has them, else a standalone app around the
compatibility routers (no storage) -- then drives it with wrk, a real load generator, at
concurrency 1, 16 and 64 for a bounded time per level, and prints requests/s, p50, p99
and errors for the analyze endpoint (as Perspective clients call it, so each comment is
stored; and with ``doNotStore``, which isolates scoring from storage) and for a trivial
baseline endpoint measured in the same run, with their ratios. Traffic goes to 127.0.0.1 only; the server is stopped at the end.

Target (issue 5): p99 <= 30 ms at concurrency 16 for single comments, 0 errors.

Usage: python bench/http_bench.py [--seconds 10] [--levels 1,16,64] [--standalone]
Environment: BENCH_WORKERS=N server workers; BENCH_DATABASE=postgresql://... store there.
"""

# ruff: noqa: S607 - runs our own CLI and wrk (from PATH) with fixed arguments
import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
STANDALONE_KEY = "bench-standalone-key"
#: Single comments of the lengths a news site sees, clean and abusive, sent in rotation.
COMMENTS = [
    "Thanks for the article, very informative.",
    "I disagree with the author: the numbers in the third paragraph do not add up, "
    "and the quoted expert has a conflict of interest that should have been mentioned.",
    "you are a complete idiot and everyone here knows it",
    "Great reporting as always. My grandmother lived through this and she says it was "
    "much worse than described here.",
    "Go back to where you came from, nobody wants your kind here.",
    "Interesting, but what about the people who lost their jobs?",
]
WRK_SCRIPT = textwrap.dedent(
    """
    local bodies = {%s}
    local i = 0
    local method = "%s"
    request = function()
      i = i %% #bodies + 1
      if method == "GET" then return wrk.format("GET") end
      return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[i])
    end
    done = function(summary, latency, requests)
      local e = summary.errors
      io.write(string.format(
        'WRKJSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, '
        .. '"max_us": %%d, "connect": %%d, "read": %%d, "write": %%d, "status": %%d, '
        .. '"timeout": %%d}\\n',
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
        latency.max, e.connect, e.read, e.write, e.status, e.timeout))
    end
    """
)


@dataclass(frozen=True)
class Result:
    """One wrk run."""

    name: str
    concurrency: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    #: Non-zero wrk error counters by kind (status = non-2xx/3xx answers).
    error_kinds: str = ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def threadguard_cli() -> list[str]:
    exe = Path(sys.executable).with_name("threadguard")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "threadguard"]


def cli_has(*command: str) -> bool:
    """Whether the threadguard CLI has a (sub)command, judged by ``--help``."""
    done = subprocess.run(
        [*threadguard_cli(), *command, "--help"], capture_output=True, text=True, check=False
    )
    return done.returncode == 0


def start_server(
    port: int, data_dir: Path, standalone: bool
) -> tuple[subprocess.Popen[bytes], str, str]:
    """Start the service; returns the process, the client key and a description."""
    env = {**os.environ, "THREADGUARD_DATA_DIR": str(data_dir)}
    # BENCH_DATABASE=postgresql://...: store there instead of SQLite (with BENCH_WORKERS > 1).
    database = os.environ.get("BENCH_DATABASE")
    where = ["--database", database] if database else ["--data-dir", str(data_dir)]
    if not standalone and cli_has("serve") and cli_has("keys", "create"):
        created = subprocess.run(
            # --rate 0: a benchmark key must not be throttled by the per-key rate limit.
            [
                *threadguard_cli(),
                "keys",
                "create",
                "--role",
                "client",
                "--rate",
                "0",
                "--name",
                "bench-http",
                *where,
            ],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        key = created.stdout.strip().splitlines()[-1].strip()
        command = [
            *threadguard_cli(),
            "serve",
            "--host",
            HOST,
            "--port",
            str(port),
            *where,
            # the target is for the fast path: n-gram tier only
            "--tier",
            "fast",
            "--workers",
            os.environ.get("BENCH_WORKERS", "1"),
        ]
        workers = os.environ.get("BENCH_WORKERS", "1")
        store = "PostgreSQL" if database else "SQLite under a fresh data dir"
        what = f"threadguard serve ({store}, {workers} worker(s))"
    else:
        key = STANDALONE_KEY
        command = [sys.executable, __file__, "--serve-standalone", str(port)]
        what = "standalone app: compatibility routers only, comments not stored"
    with open(data_dir / "server.log", "wb") as log:  # the child keeps its own copy
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    return proc, key, what


def wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not start listening")


def stop_server(proc: subprocess.Popen[bytes], timeout: float) -> None:
    """Ask the server to stop (SIGINT, as Ctrl-C), and kill it if it has not in ``timeout``."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def baseline_path(port: int) -> str:
    """A trivial GET the server has: a health check, else the (static) discovery document."""
    for path in ("/healthz", "/health", "/api/v1/health"):
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=5) as resp:
                if resp.status == 200:
                    return path
        except urllib.error.URLError:
            continue
    return "/$discovery/rest?version=v1alpha1"


def check_analyze(port: int, key: str) -> None:
    """One request first, so a broken setup fails loudly instead of as 100% errors."""
    body = json.dumps(
        {"comment": {"text": COMMENTS[0]}, "requestedAttributes": {"TOXICITY": {}}}
    ).encode()
    req = urllib.request.Request(
        f"http://{HOST}:{port}/v1alpha1/comments:analyze?key={key}",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=10) as resp:  # noqa: S310
        json.loads(resp.read())


def lua_string(s: str) -> str:
    return json.dumps(s)  # a JSON string literal is a valid Lua string literal for ASCII


def run_wrk(
    name: str,
    url: str,
    method: str,
    concurrency: int,
    seconds: int,
    tmp: Path,
    *,
    do_not_store: bool = False,
) -> Result:
    extra = {"doNotStore": True} if do_not_store else {}
    bodies = [
        json.dumps({"comment": {"text": c}, "requestedAttributes": {"TOXICITY": {}}, **extra})
        for c in COMMENTS
    ]
    script = tmp / f"{name}.lua"
    script.write_text(WRK_SCRIPT % (", ".join(lua_string(b) for b in bodies), method))
    threads = max(1, min(concurrency, 2))
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{concurrency}",
            f"-d{seconds}s",
            "--timeout",
            "5s",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("WRKJSON "))
    r: dict[str, Any] = json.loads(line[len("WRKJSON ") :])
    kinds = {k: r[k] for k in ("connect", "read", "write", "status", "timeout") if r[k]}
    return Result(
        name,
        concurrency,
        r["requests"] / (r["duration_us"] / 1e6),
        r["p50_us"] / 1000,
        r["p99_us"] / 1000,
        sum(kinds.values()),
        ", ".join(f"{k} {v}" for k, v in kinds.items()),
    )


def report(results: list[Result], levels: list[int]) -> None:
    print(f"{'endpoint':<10} {'conc':>5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for r in results:
        print(
            f"{r.name:<10} {r.concurrency:>5} {r.rps:>9.0f} {r.p50_ms:>8.2f} {r.p99_ms:>8.2f} "
            f"{r.errors:>7}" + (f"  ({r.error_kinds})" if r.error_kinds else "")
        )
    print("\nanalyze relative to the baseline endpoint (same run):")
    by = {(r.name, r.concurrency): r for r in results}
    for name in ("analyze", "no-store"):
        for c in levels:
            a, b = by[(name, c)], by[("baseline", c)]
            print(
                f"  {name:<8} concurrency {c:>2}: throughput {a.rps / b.rps:.2f}x, "
                f"p99 {a.p99_ms / max(b.p99_ms, 1e-3):.1f}x"
            )
    print()
    for name in ("analyze", "no-store"):
        target = by.get((name, 16))
        if target is not None:
            ok = target.p99_ms <= 30 and target.errors == 0
            print(
                f"target p99 <= 30 ms at concurrency 16, 0 errors ({name}): "
                f"{'MET' if ok else 'NOT MET'} (p99 {target.p99_ms:.2f} ms, {target.errors} errors)"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 10)))
    parser.add_argument("--levels", default="1,16,64")
    parser.add_argument("--standalone", action="store_true", help="skip threadguard serve")
    parser.add_argument("--serve-standalone", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_standalone:
        serve_standalone(args.serve_standalone)
        return 0
    if shutil.which("wrk") is None:
        print("wrk not found: apt-get install -y wrk", file=sys.stderr)
        return 1
    levels = [int(x) for x in args.levels.split(",")]
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="tg-bench-") as tmp_name:
        tmp = Path(tmp_name)
        proc, key, what = start_server(port, tmp, args.standalone)
        try:
            wait_ready(port, proc)
            check_analyze(port, key)
            base = baseline_path(port)
            print(f"server: {what}, http://{HOST}:{port}")
            load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
            print(f"machine: {os.cpu_count()} CPUs, load average {load} (wrk runs here too)")
            print(
                f"analyze: POST /v1alpha1/comments:analyze (TOXICITY, {len(COMMENTS)} comments "
                f"in rotation); baseline: GET {base}; {args.seconds} s per level, wrk\n"
            )
            results = []
            analyze_url = f"http://{HOST}:{port}/v1alpha1/comments:analyze?key={key}"
            for c in levels:
                results.append(run_wrk("analyze", analyze_url, "POST", c, args.seconds, tmp))
                results.append(
                    run_wrk(
                        "no-store", analyze_url, "POST", c, args.seconds, tmp, do_not_store=True
                    )
                )
                results.append(
                    run_wrk("baseline", f"http://{HOST}:{port}{base}", "GET", c, args.seconds, tmp)
                )
            report(results, levels)
            if any(r.errors for r in results):
                log = (tmp / "server.log").read_text(errors="replace").splitlines()
                problems = [x for x in log if "ERROR" in x or "Error" in x or '" 5' in x]
                if problems:
                    print(f"\nserver log: {len(problems)} error lines; the first ones:")
                for line in problems[:10]:
                    print("  " + line[:200])
        finally:
            stop_server(proc, timeout=15)
    return 0


def serve_standalone(port: int) -> None:
    """The compatibility routers on a bare app, with a fixed key and no storage."""
    import uvicorn
    from fastapi import FastAPI, HTTPException, Request

    from threadguard.analysis import Analysis
    from threadguard.engine import Engine
    from threadguard.moderation import Moderator, Outcome
    from threadguard.service.compat import discovery, perspective
    from threadguard.service.protocols import Principal, ServiceSettings

    class NullLog:
        def remember(self, **_: Any) -> None:
            return None

        def recall(self, **_: Any) -> str | None:
            return None

        def record(self, *_: Any) -> str:
            return "not-stored"

        async def record_async(self, *_: Any) -> str:
            return "not-stored"

        def record_status(self, *_: Any) -> tuple[str, str]:
            return "not-stored", "approved"

    class Context:
        settings = ServiceSettings()
        comments = NullLog()
        engine = Engine.load()
        moderator = Moderator()

        def moderator_for(self, site: str | None) -> Moderator:
            return self.moderator

        def site_decision(
            self, site: str | None, analysis: Analysis, text: str, **_: Any
        ) -> Outcome:
            return self.moderator.decide(analysis, text)  # no author: no store needed

    context = Context()

    def auth(request: Request) -> Principal:
        if request.query_params.get("key") != STANDALONE_KEY:
            raise HTTPException(401, "API key not valid.")
        return Principal(key_id="bench", role="client")

    app = FastAPI()
    app.include_router(perspective.build_router(auth, lambda: context))
    app.include_router(discovery.build_router(lambda: context))
    app.add_api_route("/healthz", lambda: {"status": "ok"}, methods=["GET"])
    uvicorn.run(app, host=HOST, port=port, log_level="warning", access_log=False)


if __name__ == "__main__":
    sys.exit(main())
