"""`eval --tier fast` says what it did: why the other tiers were not measured, and what
the fast tier does with context."""

from __future__ import annotations

from threadguard.engine import CascadeSettings, Engine
from threadguard.evaluation.report import EvalReport, to_markdown
from threadguard.evaluation.throughput import measure_tiers
from threadguard.schema import Tier


def test_a_fast_only_run_says_the_deep_tier_was_not_asked_for() -> None:
    """It said "deep tier not installed or not loaded" though the deep tier ships."""
    engine = Engine.load(cascade=CascadeSettings(tier=Tier.FAST))
    rows = measure_tiers(engine, ["a calm comment", "you idiot"] * 20, latency_samples=5)
    by_tier = {r.tier: r for r in rows}
    assert by_tier["fast"].per_second is not None
    for tier in ("cascade", "deep"):
        assert by_tier[tier].per_second is None
        assert by_tier[tier].note == "--tier fast (the deep tier is not loaded)"


def test_the_header_says_what_the_fast_tier_reads_of_context() -> None:
    fast = to_markdown(EvalReport("m", "fast", True, None))
    assert "context on (the fast tier reads it only for replies of bare agreement)" in fast
    assert "context on," in to_markdown(EvalReport("m", "cascade", True, None))
    assert "context off," in to_markdown(EvalReport("m", "fast", False, None))
