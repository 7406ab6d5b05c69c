"""Requests that arrive together are scored in one engine call, each getting its own results."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from threadguard.analysis import Analysis
from threadguard.engine import CommentInput, Engine
from threadguard.service import batching

TEXTS = [
    "Thanks for the article, very informative.",
    "you are a complete idiot and everyone here knows it",
    "Go back to where you came from, nobody wants your kind here.",
    "Interesting, but what about the people who lost their jobs?",
]


class CountingEngine:
    """An engine stand-in that records each batch it is asked to score."""

    def __init__(self, engine: Engine, fail_on: str | None = None) -> None:
        self.engine = engine
        self.fail_on = fail_on
        self.calls: list[int] = []

    def analyze(self, items: Sequence[CommentInput], *, spans: bool = True) -> list[Analysis]:
        self.calls.append(len(items))
        if self.fail_on is not None and any(it.text == self.fail_on for it in items):
            raise ValueError("cannot score this")
        return self.engine.analyze(items, spans=spans)


def run_concurrently(fake: CountingEngine, groups: list[list[str]]) -> list[object]:
    async def main() -> list[object]:
        calls = [
            batching.analyze(fake, [CommentInput(t) for t in g])  # type: ignore[arg-type]
            for g in groups
        ]
        return await asyncio.gather(*calls, return_exceptions=True)

    return asyncio.run(main())


def test_concurrent_requests_share_one_engine_call(engine: Engine) -> None:
    fake = CountingEngine(engine)
    groups = [[t] for t in TEXTS] + [TEXTS[:2]]
    results = run_concurrently(fake, groups)
    assert fake.calls == [len(TEXTS) + 2]
    for group, result in zip(groups, results, strict=True):
        alone = fake.engine.analyze([CommentInput(t) for t in group], spans=False)
        assert isinstance(result, list)
        assert [a.scores for a in result] == [a.scores for a in alone]


def test_one_failing_request_does_not_fail_the_others(engine: Engine) -> None:
    fake = CountingEngine(engine, fail_on="boom")
    results = run_concurrently(fake, [[TEXTS[0]], ["boom"], [TEXTS[1]]])
    assert isinstance(results[1], ValueError)
    assert isinstance(results[0], list) and isinstance(results[2], list)
    assert results[2][0].scores["insult"] > results[0][0].scores["insult"]


def test_a_lone_request_is_scored_at_once(engine: Engine) -> None:
    fake = CountingEngine(engine)
    assert len(run_concurrently(fake, [[TEXTS[1]]])) == 1
    assert fake.calls == [1]


@pytest.mark.parametrize("n", [batching.MAX_BATCH + 5])
def test_batches_stop_growing_at_the_engine_batch_size(engine: Engine, n: int) -> None:
    fake = CountingEngine(engine)
    run_concurrently(fake, [[TEXTS[i % len(TEXTS)]] for i in range(n)])
    assert fake.calls == [batching.MAX_BATCH, 5]


def test_long_inputs_are_scored_off_the_event_loop(engine: Engine) -> None:
    fake = CountingEngine(engine)
    long_text = "word " * (batching.INLINE_CHARS // 4)
    results = run_concurrently(fake, [[long_text], [TEXTS[0]]])
    assert all(isinstance(r, list) for r in results)
    assert sorted(fake.calls) == [1, 1]
