"""Time the dashboard's stats and threads-list queries over 20,000 stored comments
(SQLite in a temporary folder, one run each): PYTHONPATH=src python bench/dashboard_stats_timing.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from pages_support import scored, store_thread

from threadguard.analysis import Target
from threadguard.storage import Store
from threadguard.storage.models import utcnow


def main() -> None:
    store = Store.open(None, Path(tempfile.mkdtemp()))
    started = time.perf_counter()
    for t in range(200):
        comments = [
            scored(
                f"c {t}-{i}",
                f"m{t}-{i}",
                f"a{i % 300}",
                "hold" if i % 4 == 0 else "approve",
                position=i,
                targets=(Target("religion", 0.8),) if i % 10 == 0 else (),
                toxicity=0.75 if i % 4 == 0 else 0.1,
            )
            for i in range(100)
        ]
        store_thread(store, comments, site="big", article=f"a{t}")
    print(f"seeded 20,000 comments in {time.perf_counter() - started:.1f}s")
    since = utcnow() - timedelta(days=30)
    levels = {"toxicity": 0.7, "insult": 0.7, "threat": 0.45}
    calls: list[tuple[str, Callable[[], object]]] = [
        ("daily_decisions", lambda: store.stats.daily_decisions("big", since)),
        ("daily_attributes", lambda: store.stats.daily_attributes("big", since, levels)),
        ("targeted_groups", lambda: store.stats.targeted_groups("big", since)),
        ("offenders", lambda: store.stats.offenders("big", since)),
        ("daily_actions", lambda: store.stats.daily_actions("big", since)),
        ("agreement", lambda: store.stats.agreement("big", since)),
        ("recent_threads", lambda: store.recent_threads(site="big")),
        ("thread (100 comments)", lambda: store.thread(store.recent_threads().items[0].id)),
    ]
    for name, call in calls:
        started = time.perf_counter()
        call()
        print(f"{name}: {1000 * (time.perf_counter() - started):.0f} ms")
    store.close()


if __name__ == "__main__":
    main()
