"""`threadguard bench`'s cascade curve: its label names the rows it read (it said
"HateXplain, OLID, CADD dev" over 3000 rows that held no CADD row), and "to deep" is the
share the engine's routing sent there, not the fast tier's band alone."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

import threadguard.bench as bench
from threadguard.analysis import Analysis
from threadguard.engine import CascadeSettings, CommentInput, Routing
from threadguard.parallel import EngineRecipe
from threadguard.schema import Tier
from threadguard.training import datasets
from threadguard.training.datasets import HEADS, LabelledRows


def _block(name: str, n: int) -> LabelledRows:
    block = LabelledRows(name)
    for i in range(n):
        toxic = float(i // 2 % 2)
        text = f"{name} {i} {'calm' if i % 2 else 'harm'}"
        block.add(text, "dev", {"toxicity": toxic, "identity_attack": toxic})
    return block


class CountingEngine:
    """Fast scores all under every band (the fast tier alone would send nothing deep);
    its routing, like the real one's words of harm, sends every text with "harm"."""

    deep = object()

    def __init__(self, cascade: CascadeSettings | None = None) -> None:
        self.cascade = cascade or CascadeSettings()
        self.routing = Routing()

    def with_cascade(self, cascade: CascadeSettings) -> CountingEngine:
        return CountingEngine(cascade)

    def head_probabilities(self, items: Sequence[CommentInput]) -> np.ndarray:
        tier = self.cascade.tier
        routed = [tier == Tier.DEEP or (tier == Tier.CASCADE and "harm" in it.text) for it in items]
        self.routing.add(len(items), sum(routed))
        return np.array([[0.01 + 0.001 * i] * len(HEADS) for i in range(len(items))])

    def analyze(self, items: Sequence[CommentInput], *, spans: bool = True) -> list[Analysis]:
        return []


def test_the_curve_names_the_rows_it_read_and_counts_what_went_deep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, n in (("hatexplain", 40), ("olid", 40), ("cadd", 4)):
        monkeypatch.setattr(datasets, f"load_{key}", lambda _root, k=key, m=n: _block(k, m))
    lines = list(bench.cascade_curve(CountingEngine(), tmp_path, rows=28))  # type: ignore[arg-type]
    assert lines[0] == (
        "cascade curve on 28 dev comments (HateXplain 12, OLID 12, CADD 4 from their dev splits):"
    )
    shares = {(row.split()[0], row.split()[1]): row.split()[2] for row in lines[2:-1]}
    assert shares[("fast", "1.00")] == "0%"
    # half the texts name harm: the fast tier's band alone (every score under 0.1) said 0%
    assert all(shares[("cascade", f"{cut:.2f}")] == "50%" for cut in (0.7, 0.5, 0.35, 0.2, 0.1))
    assert shares[("deep", "0.00")] == "100%"
    assert lines[-1].startswith("to deep: the share the cascade's routing sent")


def test_every_core_says_its_share_to_deep_is_the_fast_tiers_estimate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """That share is read off the fast tier's scores (the pool does not report routing):
    it is printed as an estimate, not as what went deep."""

    class Recipe(EngineRecipe):
        def load(self, threads: int | None = None) -> CountingEngine:  # type: ignore[override]
            return CountingEngine()

    monkeypatch.setattr(datasets, "load_sfu_news", lambda _root: _block("sfu", 8))
    monkeypatch.setattr(datasets, "load_unhealthy", lambda _root: _block("unhealthy", 8))
    monkeypatch.setattr(bench, "dev_texts", lambda _root, rows: ["a", "b"])
    monkeypatch.setattr(bench, "_pool_rates", lambda *a, **k: (2, 0.0, 100.0, float("nan")))
    lines = list(bench.cascade_on_every_core(Recipe(), tmp_path, n=8))
    rates = [line for line in lines if "deep_from" in line]
    assert len(rates) == 6 and all("~  0% to deep (est.)" in line for line in rates), rates
    assert "estimated from the fast tier's scores alone" in lines[-1]
