"""Throughput of the fast path, for ``threadguard bench``."""

from __future__ import annotations

import time
from typing import Final

from threadguard.normalize.pipeline import normalize_text

_BENCH_TEXTS: Final = (
    "I paid $20 for 3 tickets and the show was great, thanks for the review!",
    "This article is spot on. The council should have acted years ago.",
    "you are a f.u.c.k.i.n.g idiot and everyone here knows it",
    "Go back to where you came from, we don't want your kind here!!!!!!",
    "What a stuuuupid take. Did the author even read the report?",
    "sh!t like this is why nobody trusts the media anymore",
    "Totally agree with the previous commenter.\n\nWell said.",
    "ｉｄｉｏｔ moderators deleting every comment they don't like",
    "Interesting. Source: https://example.com/report-2024?page=3",
    "Those p3ople are n0t welcome here, they are @ss clowns",
    "Ι соmрlеtеlу dіsаgrее with this",
    "Great piece 👍 my grandmother lived through exactly this in 1956.",
)


def bench_normalize(n: int = 20000) -> float:
    """Throughput of :func:`normalize_text` in texts per second on a mix of short comments.

    Used by ``threadguard bench``; the mix is mostly plain English with some obfuscated and
    non-ASCII comments, about 60 characters each.
    """
    texts = [_BENCH_TEXTS[i % len(_BENCH_TEXTS)] for i in range(n)]
    t0 = time.perf_counter()
    for t in texts:
        normalize_text(t)
    elapsed = time.perf_counter() - t0
    return n / elapsed if elapsed > 0 else float("inf")
