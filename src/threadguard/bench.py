"""``threadguard bench``: throughput of each stage, as ratios to a baseline in the same run.

Absolute comments/s depend on the machine and its load; a ratio to a baseline measured
seconds earlier on the same machine (parsing and writing the same JSON lines) does not.
Both are printed. The comments are the bundled example thread's texts and obfuscated
variants of them, repeated to ``n``.
"""

from __future__ import annotations

import json
import random
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from importlib import resources
from pathlib import Path

import numpy as np

from threadguard.analysis import Analysis
from threadguard.engine import CascadeSettings, CommentInput, Engine
from threadguard.evaluation.throughput import dev_texts, percentile_latency
from threadguard.moderation import Moderator
from threadguard.moderation.policy import Policy, load_policy, merge_documents, parse_policy
from threadguard.normalize import normalize_text
from threadguard.parallel import EngineRecipe, ScoringPool, chunks, default_workers
from threadguard.readers import read_thread
from threadguard.schema import ATTRIBUTES, Tier
from threadguard.score_lines import CHUNK, score_stream
from threadguard.scoring.encoder import VNNI_FLAGS, cpu_flags, read_cpuinfo


def bench_corpus(n: int) -> list[str]:
    """``n`` comment texts built from the bundled example thread."""
    path = resources.files("threadguard.resources").joinpath("example_thread.txt")
    thread = read_thread(path.read_bytes(), name="example_thread.txt").thread
    base = [c.text for c in thread.comments if c.text] or ["a comment"]
    variants = (
        base + [t.upper() for t in base] + [t.replace("o", "0").replace("e", "3") for t in base]
    )
    return [variants[i % len(variants)] for i in range(n)]


def cpu_line(cpuinfo: str | None = None) -> str:
    """Which CPU ran the bench and which int8 instructions it has: the deep tier's int8
    arithmetic runs on VNNI where the CPU has it and on AVX2 otherwise, so its speed
    differs between the two (its scores do not: without VNNI the session asks for ONNX
    Runtime's exact kernel, ``scoring.encoder.needs_exact_int8``). ``cpuinfo``:
    /proc/cpuinfo's text (read here when None; on a system without it, the platform's name
    alone)."""
    import platform

    if cpuinfo is None:
        cpuinfo = read_cpuinfo()
        if cpuinfo is None:
            return f"cpu: {platform.processor() or platform.machine()}"
    name = next(
        (
            line.split(":", 1)[1].strip()
            for line in cpuinfo.splitlines()
            if line.startswith("model name")
        ),
        platform.machine(),
    )
    flags = cpu_flags(cpuinfo)
    found = [f for f in ("avx512_vnni", "avx_vnni", "avx512f", "avx2") if f in flags]
    if VNNI_FLAGS & flags:
        note = ""
    elif "avx2" in flags:
        note = " (no VNNI: int8 on AVX2)"
    else:
        note = " (neither VNNI nor AVX2)"
    return f"cpu: {name}; {', '.join(found) or 'no AVX'}{note}"


#: How many times each single-process stage (and the baseline) is timed; the fastest counts.
#: One run on a shared two-core machine swung by up to 1.7x on code that had not changed
#: (session 29); the fastest of three is what the code can do, the rest is the neighbours.
REPEATS = 3


def _rate(fn: Callable[[], object], n: int, repeats: int = REPEATS) -> float:
    """``n`` items over the fastest of ``repeats`` timed calls of ``fn``."""
    best = float("inf")
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return n / max(best, 1e-9)


#: How many watched patterns the watchlist stage holds: a site's list of words and phrases.
WATCHED = 200


def _default_with(tables: dict[str, object]) -> Policy:
    """The default policy with ``tables`` over it, as a site's document would be."""
    return parse_policy(merge_documents(load_policy().raw, tables), "bench")


def _watching(count: int) -> Policy:
    """The default policy with ``count`` watched patterns that the bench corpus never
    contains (what every comment of a site with such a list pays for)."""
    words = [f"watchedword{i}*" if i % 2 else f"never said phrase {i}" for i in range(count)]
    return _default_with({"watchlist": {"hold": words}})


def _watchlist_worst_case(count: int = 50, letters: int = 20_000) -> Iterator[str]:
    """The watchlist on comments made to be slow: a watched word, then ``letters`` letters
    without a space, under ``*word*`` patterns (a regular expression per pattern took 2 s a
    comment here, the worker's other requests waiting), beside the same comments decided
    without a watchlist. The ratio should stay near 1 whatever ``letters`` is."""
    rng = random.Random(1)  # noqa: S311 (bench text, not a secret)
    texts = [
        "fuck " + "".join(rng.choice("abdeghijlmnopqrstvwxyz") for _ in range(letters))
        for _ in range(count)
    ]
    analyses = [Analysis(None, dict.fromkeys(ATTRIBUTES, 0.01)) for _ in texts]
    patterns = ["*fuck*", "a*a*a*a*a*a*a*b", "*hole*", "* kill *"]
    watching = Moderator(_default_with({"watchlist": {"censor": patterns}}))
    bare = _rate(_deciding(Moderator(), analyses, texts), count)
    watched = _rate(_deciding(watching, analyses, texts), count)
    yield (
        f"watchlist worst case: {count} comments of {letters:,} letters without a space, "
        f"{len(patterns)} wildcard patterns: {watched:,.0f} comments/s against "
        f"{bare:,.0f}/s unwatched ({watched / bare:.2f}x)"
    )


def _long_comment_worst_case(engine: Engine, texts: Sequence[str]) -> Iterator[str]:
    """One comment of 200,000 characters whose every piece the cascade would send to the
    deep tier (a word of harm in each sentence), as characters scored per second beside
    the bench corpus's: a comment read in 450-character pieces, each routed deep, kept a
    core busy 12 s until only its worst :data:`threadguard.engine.DEEP_PIECES` pieces
    went deep. The ratio should stay near 1 or above."""
    sentence = "The council meeting about the stabbing on Elm Street ran late. "
    long = sentence * (200_000 // len(sentence))
    chars = sum(map(len, texts))
    corpus = _rate(lambda: engine.analyze([CommentInput(t) for t in texts]), chars, 1)
    worst = _rate(lambda: engine.analyze([CommentInput(long)]), len(long), 1)
    yield (
        f"long comment worst case: one of {len(long):,} characters, every piece routed "
        f"deep: {worst:,.0f} characters/s against {corpus:,.0f}/s for the corpus "
        f"({worst / corpus:.2f}x)"
    )


def _deciding(
    moderator: Moderator, analyses: Sequence[Analysis], texts: Sequence[str]
) -> Callable[[], object]:
    return lambda: [moderator.decide(a, t) for a, t in zip(analyses, texts, strict=True)]


def run_bench(engine: Engine, n: int = 20000, recipe: EngineRecipe | None = None) -> Iterator[str]:
    """Yield report lines: baseline, then each stage as comments/s and x baseline.

    With a ``recipe`` (how to load the same engine in a worker), the last stage is
    ``threadguard score`` on every core: worker processes started and loaded first, then
    timed on the same lines (steady state; start-up is printed apart).
    """
    texts = bench_corpus(n)
    lines = [json.dumps({"id": str(i), "text": t}) for i, t in enumerate(texts)]
    baseline = _rate(lambda: [json.dumps(json.loads(line)) for line in lines], n)
    yield cpu_line()
    yield f"comments: {n} (mean {sum(map(len, texts)) / n:.0f} characters)"
    yield f"baseline  json round-trip      {baseline:12,.0f} comments/s   1.00x"
    stages: list[tuple[str, Callable[[], object]]] = [
        ("normalise", lambda: [normalize_text(t) for t in texts]),
        ("features", lambda: engine.model.featurizer.transform([normalize_text(t) for t in texts])),
        (
            "fast tier, no spans",
            lambda: engine.analyze([CommentInput(t) for t in texts], spans=False),
        ),
        ("fast tier with spans", lambda: engine.analyze([CommentInput(t) for t in texts])),
        ("score (JSONL end to end)", lambda: list(score_stream(engine, Moderator(), lines))),
    ]
    analyses = engine.analyze([CommentInput(t) for t in texts], spans=False)
    for name, moderator in (
        ("decide, default policy", Moderator()),
        # what the coded-hate lexicon costs a decision
        ("decide, coded hate off", Moderator(_default_with({"coded_hate": {"action": "off"}}))),
        # and what the threat list costs
        ("decide, threats off", Moderator(_default_with({"threats": {"action": "off"}}))),
        (f"decide, {WATCHED} watched words", Moderator(_watching(WATCHED))),
    ):
        stages.append((name, _deciding(moderator, analyses, texts)))
    for name, fn in stages:
        rate = _rate(fn, n)
        yield f"{name:<28}{rate:12,.0f} comments/s   {rate / baseline:.3f}x"
    yield from _watchlist_worst_case()
    yield from _long_comment_worst_case(engine, texts[:2000])
    if recipe is not None:
        yield from _parallel_stage(recipe, lines, baseline)
    tracemalloc.start()
    engine.analyze([CommentInput(t) for t in texts[:2000]])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    weights = engine.model.weights.nbytes
    yield f"memory: model weights {weights / 2**20:.0f} MiB; peak while scoring 2,000 comments {peak / 2**20:.0f} MiB"
    yield peak_rss_line()


def peak_rss_line() -> str:
    """This process's peak resident memory (``ru_maxrss``): what a serve worker really
    takes. The lines above count the weights' array and Python's allocations only (44 and
    15 MiB while a worker's RSS was 404-470 MB: the runtime, libraries and models' other
    state), too little to plan capacity with."""
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_bytes = peak if sys.platform == "darwin" else peak * 1024  # macOS: bytes; Linux: KiB
    return (
        f"memory: this process's peak RSS {peak_bytes / 2**20:.0f} MiB "
        "(size a serve worker by this, not the lines above)"
    )


def parallel_on_dev(recipe: EngineRecipe, data_root: Path, n: int = 20000) -> Iterator[str]:
    """``threadguard score`` on every core over real comments: the dev splits of HateXplain,
    OLID and CADD interleaved (:func:`dev_texts`, repeated to ``n``), with and without spans."""
    texts = dev_texts(data_root, rows=n)
    if not texts:
        return
    lines = [json.dumps({"id": str(i), "text": texts[i % len(texts)]}) for i in range(n)]
    mean = sum(len(texts[i % len(texts)]) for i in range(n)) / n
    yield f"score on every core, {n} dev comments ({len(texts)} distinct, mean {mean:.0f} characters):"
    workers, _, rate, bare = _pool_rates(recipe, lines)
    yield f"  {workers} processes, {'with spans':<12}{rate:12,.0f} comments/s"
    yield f"  {workers} processes, {'--no-spans':<12}{bare:12,.0f} comments/s"


def cascade_on_every_core(
    recipe: EngineRecipe,
    data_root: Path,
    n: int = 4000,
    deep_from: tuple[float, ...] = (0.1, 0.2),
) -> Iterator[str]:
    """``threadguard score`` with the cascade on every core, on two streams of real dev
    comments: news comments (Unhealthy Conversations, Globe and Mail: mostly civil, like
    the sites ThreadGuard serves), news comments under their article's title (SFU: a title
    that names a group of people sends its comments to the deep tier, read with it), and
    the abuse-heavy mix of HateXplain, OLID and CADD.

    The share of comments the fast tier sends to the deep tier sets the price, so it is
    printed beside each rate, for the default band and a narrower one (the fast tier's
    share only: the titles' and the words of harm's routing comes on top).
    """
    from dataclasses import replace

    from threadguard.training.datasets import load_sfu_news, load_unhealthy

    sfu = load_sfu_news(data_root).select("dev")
    streams = [
        ("news comments", load_unhealthy(data_root).select("dev").texts, []),
        ("news, article titles", sfu.texts, sfu.titles),
        ("abuse-heavy dev mix", dev_texts(data_root, rows=n), []),
    ]
    fast = recipe.load().with_cascade(CascadeSettings(tier=Tier.FAST))
    yield f"cascade on every core, {n} comments per stream:"
    for name, texts, titles in streams:
        if not texts:
            continue
        picked = [texts[i % len(texts)] for i in range(n)]
        titled = [titles[i % len(titles)] if titles else "" for i in range(n)]
        top = fast.head_probabilities([CommentInput(t) for t in picked])[:, : len(ATTRIBUTES)]
        lines = [
            json.dumps({"id": str(i), "text": t} | ({"title": h} if h else {}))
            for i, (t, h) in enumerate(zip(picked, titled, strict=True))
        ]
        for cut in deep_from:
            sent = float((top.max(axis=1) >= cut).mean())
            settings = replace(recipe.cascade, tier=Tier.CASCADE, deep_from=cut)
            workers, _, rate, _ = _pool_rates(replace(recipe, cascade=settings), lines, bare=False)
            yield (
                f"  {name:<22}deep_from {cut:<5}~{sent:>4.0%} to deep (est.)  "
                f"{workers} processes {rate:10,.0f} comments/s"
            )
    yield (
        "  ~to deep (est.): estimated from the fast tier's scores alone; the titles' and the "
        "words of harm's routing sends more"
    )


def _pool_rates(
    recipe: EngineRecipe, lines: list[str], bare: bool = True
) -> tuple[int, float, float, float]:
    """Workers, start-up seconds, and comments/s with and without spans, on every core."""
    workers = default_workers()
    start = time.perf_counter()
    with ScoringPool(recipe, workers) as pool:
        pool.warm_up()
        startup = time.perf_counter() - start
        rate = _rate(partial(_drain, pool, lines, True), len(lines), repeats=1)
        without = (
            _rate(partial(_drain, pool, lines, False), len(lines), repeats=1)
            if bare
            else float("nan")
        )
    return workers, startup, rate, without


def _drain(pool: ScoringPool, lines: list[str], spans: bool) -> None:
    for _ in pool.score(chunks(lines, CHUNK), spans=spans):
        pass


def _parallel_stage(recipe: EngineRecipe, lines: list[str], baseline: float) -> Iterator[str]:
    workers, startup, rate, bare = _pool_rates(recipe, lines)
    name = f"score, {workers} processes"
    yield f"{name:<28}{rate:12,.0f} comments/s   {rate / baseline:.3f}x   (start-up {startup:.1f} s)"
    name = "  the same, --no-spans"
    yield f"{name:<28}{bare:12,.0f} comments/s   {bare / baseline:.3f}x"


#: The data sets of the cascade curve's dev mix, with the names it prints.
CURVE_SETS = (("hatexplain", "HateXplain"), ("olid", "OLID"), ("cadd", "CADD"))


def _dev_mix(data_root: Path, rows: int) -> tuple[list[str], np.ndarray, str]:
    """Up to ``rows`` dev rows interleaved from :data:`CURVE_SETS` (the first ``rows`` of
    the three laid end to end held no CADD row), their labels, and what was read: the
    rows each set gave ("HateXplain 1,319, OLID 1,318, CADD 363")."""
    from threadguard.training import datasets

    blocks = [getattr(datasets, f"load_{key}")(data_root).select("dev") for key, _ in CURVE_SETS]
    order = [
        (b, i)
        for i in range(max(map(len, blocks), default=0))
        for b in range(len(blocks))
        if i < len(blocks[b])
    ][:rows]
    texts = [blocks[b].texts[i] for b, i in order]
    labels = np.array([blocks[b].labels[i] for b, i in order]).reshape(len(order), -1)
    counts = [sum(1 for b, _ in order if b == k) for k in range(len(blocks))]
    read = ", ".join(f"{name} {n:,}" for (_, name), n in zip(CURVE_SETS, counts, strict=True))
    return texts, labels, read


def cascade_curve(engine: Engine, data_root: Path, rows: int = 3000) -> Iterator[str]:
    """Quality and throughput of the cascade as the deep tier's band widens.

    Rows are dev splits of the shared data (never test rows); quality is the AUROC of
    toxicity and identity_attack on the rows that label them. "to deep" is the share of
    comments the engine's routing sent to the deep tier (the fast tier's band, and the
    words of harm and groups that route on top of it), counted as they are scored.
    """
    from sklearn.metrics import roc_auc_score

    from threadguard.training.datasets import HEADS

    texts, labels, read = _dev_mix(data_root, rows)
    items = [CommentInput(t) for t in texts]
    if engine.deep is None:
        yield "cascade: no deep tier installed (src/threadguard/models/deep); fast tier only"
        return
    yield f"cascade curve on {len(texts)} dev comments ({read} from their dev splits):"
    yield f"{'tier':<10}{'deep_from':>10}{'to deep':>9}{'comments/s':>12}{'p50 ms':>8}{'p99 ms':>8}   AUROC tox / identity_attack"
    settings = [
        (Tier.FAST, 1.0),
        (Tier.CASCADE, 0.7),
        (Tier.CASCADE, 0.5),
        (Tier.CASCADE, 0.35),
        (Tier.CASCADE, 0.2),
        (Tier.CASCADE, 0.1),
        (Tier.DEEP, 0.0),
    ]
    attr = [HEADS.index(a) for a in ("toxicity", "identity_attack")]
    for tier, deep_from in settings:
        e = engine.with_cascade(CascadeSettings(tier=tier, deep_from=deep_from, use_context=False))
        scored, deep = e.routing.totals()
        start = time.perf_counter()
        probs = e.head_probabilities(items)
        rate = len(items) / (time.perf_counter() - start)
        scored_now, deep_now = e.routing.totals()
        sent = (deep_now - deep) / max(scored_now - scored, 1)
        aucs = []
        for h in attr:
            mask = ~np.isnan(labels[:, h])
            aucs.append(roc_auc_score(labels[mask, h], probs[mask, h]))
        p50, p99 = percentile_latency(e, texts)
        yield (
            f"{tier:<10}{deep_from:>10.2f}{sent:>8.0%}{rate:>12,.0f}{p50:>8.1f}{p99:>8.1f}   "
            f"{aucs[0]:.3f} / {aucs[1]:.3f}"
        )
    yield "to deep: the share the cascade's routing sent to the deep tier, counted."
