"""Calibration with news comments weighted in, and the domain measurement around it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.domain import DomainRows, format_result, measure
from threadguard.moderation import Moderator
from threadguard.scoring.linear import platt
from threadguard.training.calibration import (
    fit_heads,
    fit_intercepts,
    fit_platt,
    share_weights,
)
from threadguard.training.datasets import HEADS, load_unhealthy, seeded_split

TOX = HEADS.index("toxicity")
GROUP = HEADS.index("target:religion")


def test_news_rows_carry_the_share_asked_for() -> None:
    is_news = np.array([True] * 10 + [False] * 90)
    w = share_weights(is_news, 0.5)
    assert w[is_news].sum() == pytest.approx(w[~is_news].sum())
    w = share_weights(is_news, 0.2)
    assert w[is_news].sum() / w.sum() == pytest.approx(0.2)
    assert np.all(share_weights(is_news, 0.0) == 1.0)
    assert np.all(share_weights(np.ones(5, dtype=bool), 0.5) == 1.0)


def test_platt_is_identity_when_dev_has_too_few_of_a_class() -> None:
    assert fit_platt(np.array([0.1, 0.5, 2.0]), np.array([1.0, 1.0, 1.0])) == (1.0, 0.0)


def _two_domains(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Margins that rank both domains alike, but news comments are rarely toxic:
    pooled rows 50% toxic, news rows 5%."""
    rng = np.random.default_rng(seed)
    n_pool, n_news = 6000, 1500
    y = np.concatenate([rng.random(n_pool) < 0.5, rng.random(n_news) < 0.05]).astype(float)
    margins = np.where(y == 1.0, 1.0, -1.0) + rng.normal(0, 1.5, len(y))
    is_news = np.arange(len(y)) >= n_pool
    labels = np.full((len(y), len(HEADS)), np.nan)
    labels[:, TOX] = y
    labels[:, GROUP] = y
    m = np.zeros((len(y), len(HEADS)))
    m[:, TOX] = margins
    m[:, GROUP] = margins
    return m, labels, is_news


def _mean_score(a: np.ndarray, b: np.ndarray, m: np.ndarray, rows: np.ndarray, h: int) -> float:
    return float(platt(m[rows, h], a[h], b[h]).mean())


def test_weighting_news_in_moves_attribute_scores_toward_the_news_base_rate() -> None:
    m, labels, is_news = _two_domains()
    fitted = np.ones(len(HEADS), dtype=bool)
    pooled_a, pooled_b = fit_heads(m[~is_news], labels[~is_news], is_news[~is_news], fitted)
    a, b = fit_heads(m, labels, is_news, fitted, share=0.5)
    news_rate = float(labels[is_news, TOX].mean())
    before = _mean_score(pooled_a, pooled_b, m, is_news, TOX)
    after = _mean_score(a, b, m, is_news, TOX)
    # On news rows the pooled calibration overstates toxicity; weighting news in brings the
    # mean score nearer the observed rate, the more so the larger the share.
    assert abs(after - news_rate) < 0.6 * abs(before - news_rate)
    a, b = fit_heads(m, labels, is_news, fitted, share=0.9)
    assert abs(_mean_score(a, b, m, is_news, TOX) - news_rate) < 0.25 * abs(before - news_rate)
    assert b[TOX] < pooled_b[TOX]


def test_group_heads_ignore_the_news_share_and_unfitted_heads_stay_identity() -> None:
    m, labels, is_news = _two_domains()
    fitted = np.ones(len(HEADS), dtype=bool)
    fitted[HEADS.index("threat")] = False
    labels[:, HEADS.index("threat")] = labels[:, TOX]
    a_half, b_half = fit_heads(m, labels, is_news, fitted, share=0.5)
    a_none, b_none = fit_heads(m, labels, is_news, fitted, share=0.0)
    assert (a_half[GROUP], b_half[GROUP]) == pytest.approx((a_none[GROUP], b_none[GROUP]))
    assert b_half[TOX] != pytest.approx(b_none[TOX])
    threat = HEADS.index("threat")
    assert (a_half[threat], b_half[threat]) == (1.0, 0.0)


def test_unhealthy_dev_rows_carry_the_calibration_labels(tmp_path: Path) -> None:
    d = tmp_path / "unhealthy_conversations"
    d.mkdir()
    header = "comment,healthy,hostile\n"
    # the validation file is halved by a seeded split on the text: only its dev half
    # calibrates (the other half trains)
    texts = ["a calm remark", "you fool", "how condescending of you"]
    dev = [
        f"{t} {i}" for t in texts for i in range(50) if seeded_split(f"{t} {i}", 0.5, 0.0) == "dev"
    ]
    picked = [next(t for t in dev if t.startswith(p)) for p in texts]
    held_out = next(f"a calm remark {i}" for i in range(50) if f"a calm remark {i}" not in dev)
    body = "".join(f"{t},{h}\n" for t, h in zip(picked, ("1,0", "0,1", "0,0"), strict=True))
    (d / "val.csv").write_text(header + body + f"{held_out},1,0\n", encoding="utf-8")
    (d / "test.csv").write_text(header + "never read for calibration,1,0\n", encoding="utf-8")
    rows = load_unhealthy(tmp_path).select("dev")
    assert rows.texts == picked
    assert set(rows.splits) == {"dev"}
    m = rows.matrix()
    assert np.all(m[0, :7] == 0.0)  # civil: clear of every attribute
    assert m[1, TOX] == 1.0 and np.isnan(m[1, HEADS.index("insult")])
    assert m[2, TOX] == 0.0 and np.isnan(m[2, HEADS.index("insult")])
    assert m[0, GROUP] == 0.0  # a healthy comment attacks no group
    assert np.isnan(m[1, GROUP])  # a hostile one may


def test_measure_counts_civil_held_and_abusive_caught(engine: Engine) -> None:
    texts = [
        "The ferry timetable changes on the first of June.",
        "Thanks for the clear write-up, very helpful.",
        "you are a pathetic moron",
        "shut the fuck up",
    ]
    rows = DomainRows(
        dataset="tiny",
        split="dev",
        news=True,
        items=[CommentInput(t) for t in texts],
        civil=np.array([True, True, False, False]),
        abusive=np.array([False, False, True, True]),
        toxic=np.array([0.0, 0.0, 1.0, 1.0]),
    )
    r = measure(engine, Moderator(), rows)
    assert (r.rows, r.civil, r.abusive) == (4, 2, 2)
    assert r.civil_held == 0.0 and r.abusive_caught == 1.0
    assert r.auroc == 1.0
    assert 0.0 <= r.deep_routed <= 1.0 and r.civil_toxicity[0] < 0.5
    assert format_result(r).startswith("tiny")


def test_a_prior_correction_moves_only_the_intercepts_of_attribute_heads() -> None:
    m, labels, is_news = _two_domains(seed=1)
    fitted = np.ones(len(HEADS), dtype=bool)
    a, b = fit_heads(m[~is_news], labels[~is_news], is_news[~is_news], fitted)
    news_rate = float(labels[is_news, TOX].mean())
    new_b = fit_intercepts(m, labels, is_news, a, b, share=0.5)
    assert new_b[TOX] < b[TOX]
    assert new_b[GROUP] == b[GROUP]  # target heads keep theirs
    before = _mean_score(a, b, m, is_news, TOX)
    after = _mean_score(a, new_b, m, is_news, TOX)
    assert abs(after - news_rate) < 0.6 * abs(before - news_rate)
    # with no news rows weighted in, the intercept fitted on pooled rows stays put
    same = fit_intercepts(m[~is_news], labels[~is_news], is_news[~is_news], a, b, share=0.5)
    assert same[TOX] == pytest.approx(b[TOX], abs=1e-3)
