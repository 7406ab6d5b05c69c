"""Fuzz every HTTP endpoint: 100,000 damaged requests to an in-process app, 500s counted.

``make fuzz`` runs this. The app is the real one (the shipped engine, the default policy,
every router, a fresh SQLite database in a temporary folder, or ``--database URL``), called
in process through Starlette's TestClient: nothing listens on a port. Requests come from
``tests/service/fuzzing.py`` (the generator the property tests use), seeded, so a run is
replayed with ``--seed``. It prints the seed, the answers by status, the number of 500s
and every kind of failure (a 5xx, or an error not in its surface's shape) with one
example; the exit code is 1 when there was any.

Target (issue 11): 0 responses of 500 from 100,000 requests.

Usage: python bench/fuzz_http.py [--count 100000] [--seed N] [--max-seconds 3600]
                                 [--database postgresql://...]
"""

import argparse
import logging
import secrets
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests" / "service")]

import random  # noqa: E402

from fastapi.testclient import TestClient  # noqa: E402
from fuzzing import CORAL_SECRET, Keys, run  # noqa: E402

from threadguard.engine import Engine  # noqa: E402
from threadguard.service.app import create_app  # noqa: E402
from threadguard.service.settings import ServiceSettings  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="requests to send")
    parser.add_argument("--seed", type=int, default=None, help="replay a run (default: new)")
    parser.add_argument("--max-seconds", type=float, default=3600.0, help="stop after this")
    parser.add_argument("--database", default=None, help="database URL (default: SQLite)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else secrets.randbelow(2**32)
    # Expected errors of the fuzzed requests are logged at ERROR only when something broke.
    logging.basicConfig(level=logging.CRITICAL)
    with tempfile.TemporaryDirectory(prefix="tg-fuzz-") as folder:
        url = args.database or f"sqlite:///{Path(folder) / 'fuzz.db'}"
        settings = ServiceSettings(
            database_url=url,
            data_dir=Path(folder),
            coral_secret=CORAL_SECRET,
            coral_deadline_s=30.0,
            rate_per_minute=10**9,
        )
        app = create_app(settings, engine=Engine.load(), key_cache_seconds=0.0, policy_ttl=0.0)
        store = app.state.service.store
        keys = Keys(
            admin=store.create_key("admin", name="fuzz-admin"),
            moderator=store.create_key("moderator", name="fuzz-moderator"),
            client=store.create_key("client", name="fuzz-client"),
        )
        print(
            f"seed {seed}: sending {args.count} fuzzed requests to {url.split(':')[0]}", flush=True
        )
        with TestClient(app, raise_server_exceptions=False) as client:
            rng = random.Random(seed)
            tally = run(client, keys, rng, args.count, args.max_seconds)
    print(f"seed {seed}: {tally.sent} requests in {tally.seconds:.0f} s")
    print("answers: " + ", ".join(f"{s}: {n}" for s, n in sorted(tally.statuses.items())))
    print("per endpoint: " + ", ".join(f"{t}: {n}" for t, n in sorted(tally.by_target.items())))
    print(f"responses of 500: {tally.errors_500}")
    for kind, n in tally.failures.most_common():
        print(f"FAIL {n} x {kind}\n    e.g. {tally.examples[kind]}")
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
