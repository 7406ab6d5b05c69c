"""The evaluation report's metrics: hand-computed cases, dev-only tuning, honest peers.

Every number `threadguard eval` prints beside a published figure must be computed the
way the task's organisers computed it, from thresholds that never saw a test row, and a
peer that cannot run must show as unavailable rather than as a number.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from threadguard.evaluation.benchmarks import (
    TASKS,
    BenchmarkRow,
    Part,
    binary_task,
    gold_is,
    hatexplain_class_scores,
    hatexplain_classes,
    hatexplain_thresholds,
    olid_c_classes,
    olid_levels,
    parse_gold_offsets,
)
from threadguard.evaluation.bias import (
    bias_report,
    bnsp_auc,
    bpsn_auc,
    derive_subgroups,
    generalized_mean,
    subgroup_auc,
    template_slot,
)
from threadguard.evaluation.peers import (
    HATESONAR,
    PROFANITY_CHECK,
    load_hatesonar,
    load_peers,
    load_profanity_check,
    map_hatesonar,
    map_profanity_check,
)
from threadguard.evaluation.published import PUBLISHED
from threadguard.evaluation.report import EvalReport, subsample, to_markdown
from threadguard.metrics import char_f1, mean_char_f1, span_offsets, tune_threshold
from threadguard.training.datasets import LabelledRows

# ------------------------------------------------------------------ character F1


def test_char_f1_both_empty_is_one() -> None:
    assert char_f1(set(), set()) == 1.0


def test_char_f1_one_side_empty_is_zero() -> None:
    assert char_f1({1, 2}, set()) == 0.0
    assert char_f1(set(), {1, 2}) == 0.0


def test_char_f1_partial_overlap() -> None:
    # 2 shared of 4 predicted and 4 gold: 2 * 2 / (4 + 4)
    assert char_f1({1, 2, 3, 4}, {3, 4, 5, 6}) == pytest.approx(0.5)
    # precision 1, recall 1/3: F1 = 2 * 1 * (1/3) / (4/3) = 0.5
    assert char_f1({10}, {10, 11, 12}) == pytest.approx(0.5)


def test_char_f1_is_averaged_over_posts() -> None:
    predicted = [set(), {1, 2, 3, 4}, {7}]
    gold = [set(), {3, 4, 5, 6}, set()]
    assert mean_char_f1(predicted, gold) == pytest.approx((1.0 + 0.5 + 0.0) / 3)


def test_span_offsets_are_end_exclusive_and_unioned() -> None:
    assert span_offsets([(0, 3), (2, 5)]) == {0, 1, 2, 3, 4}
    assert span_offsets([]) == set()
    assert parse_gold_offsets("[84, 85, 86]") == {84, 85, 86}
    assert parse_gold_offsets("[]") == set()


# ------------------------------------------------------------------ dev-only thresholds


def _block(dataset: str, split: str, gold: list[str]) -> LabelledRows:
    b = LabelledRows(dataset)
    for i, g in enumerate(gold):
        b.add(f"{dataset} {split} row {i}", split, {}, gold=g)
    return b


def test_binary_threshold_is_tuned_on_dev_not_test() -> None:
    # Dev separates at ~0.3; test separates at ~0.7. A threshold from dev calls every
    # test row positive (F1 = 2/3); one peeking at test would score a perfect 1.0.
    dev_gold = ["hate"] * 10 + ["not"] * 10
    dev = Part(
        _block("d", "dev", dev_gold),
        {"identity_attack": np.array([0.35] * 10 + [0.25] * 10)},
    )
    test = Part(
        _block("d", "test", ["hate"] * 5 + ["not"] * 5),
        {"identity_attack": np.array([0.8] * 5 + [0.6] * 5)},
    )
    t = tune_threshold(dev.scores["identity_attack"], np.array([1] * 10 + [0] * 10))
    assert 0.25 < t <= 0.35
    f1 = binary_task("identity_attack", gold_is("hate"), "F1")(dev, test)
    assert f1 == pytest.approx(2 * 5 / (10 + 5))
    # AUROC needs no threshold: the test ranking is perfect.
    assert binary_task("identity_attack", gold_is("hate"), "AUROC")(dev, test) == 1.0


def test_hatexplain_thresholds_come_from_dev_rows() -> None:
    # On dev, hate rows have identity_attack 0.2 and offensive rows toxicity 0.2: the
    # tuned cuts must sit at or below 0.2, far from what the test rows would suggest.
    gold = ["hate"] * 6 + ["offensive"] * 6 + ["normal"] * 6
    ia = np.array([0.2] * 6 + [0.05] * 6 + [0.01] * 6)
    tox = np.array([0.9] * 6 + [0.2] * 6 + [0.1] * 6)
    dev = Part(_block("hatexplain", "dev", gold), {"identity_attack": ia, "toxicity": tox})
    t_hate, t_off = hatexplain_thresholds(dev)
    assert 0.05 < t_hate <= 0.2
    assert 0.1 < t_off <= 0.2
    assert (hatexplain_classes(ia, tox, t_hate, t_off) == [2] * 6 + [1] * 6 + [0] * 6).all()


def test_hatexplain_class_scores_sum_to_one() -> None:
    s = hatexplain_class_scores(np.array([0.9, 0.1, 0.7]), np.array([0.5, 0.8, 0.1]))
    assert np.allclose(s.sum(axis=1), 1.0)
    assert s[0].argmax() == 2  # strong identity attack: hate
    assert s[1].argmax() == 1  # toxic, no identity attack: offensive


def test_olid_levels_and_target_classes() -> None:
    assert olid_levels("OFF|TIN|IND") == ("OFF", "TIN", "IND")
    assert olid_levels("NOT") == ("NOT", "NULL", "NULL")
    ia = np.array([0.9, 0.1, 0.1])
    insult = np.array([0.9, 0.9, 0.1])
    # GRP (1) wins over IND (0) when identity_attack is high; else OTH (2).
    assert olid_c_classes(ia, insult, 0.5, 0.5).tolist() == [1, 0, 2]


# ------------------------------------------------------------------ bias metrics


def test_borkan_aucs_on_a_hand_made_example() -> None:
    y = np.array([1, 1, 0, 0, 1, 0])
    in_group = np.array([True, True, True, False, False, False])
    p = np.array([0.9, 0.4, 0.5, 0.45, 0.6, 0.3])
    # subgroup: positives {.9, .4} vs negative {.5}: 1 of 2 pairs ranked right
    assert subgroup_auc(y, p, in_group) == pytest.approx(0.5)
    # BPSN: background positive {.6} vs subgroup negative {.5}: ranked right
    assert bpsn_auc(y, p, in_group) == pytest.approx(1.0)
    # BNSP: subgroup positives {.9, .4} vs background negatives {.45, .3}: 3 of 4 pairs
    assert bnsp_auc(y, p, in_group) == pytest.approx(0.75)


def test_generalised_mean_is_dominated_by_the_worst_value() -> None:
    assert generalized_mean([0.5, 1.0]) == pytest.approx(16.5**-0.2)
    assert generalized_mean([0.8, 0.8, 0.8]) == pytest.approx(0.8)
    assert generalized_mean([]) is None


def test_subgroups_are_derived_from_template_slots() -> None:
    texts = [
        "Ann is a kind muslim.",
        "Bo is a vile muslim.",
        "Being muslim is great.",
        "You are a good nurse.",  # occupation control: one template only
        "Being african american is fun.",
        "Cy is a nice african american.",
    ]
    assert template_slot("You are a good nurse.") == ("you_are_adj", "nurse")
    assert derive_subgroups(texts) == ["african american", "muslim"]


def test_bias_report_counts_whole_slots_and_summarises() -> None:
    texts = [
        f"N{i} is a {adj} {term}."
        for term in ("gay", "american", "african american")
        for i, adj in enumerate(("vile", "nice") * 6)
    ]
    texts += [f"Being {term} is ok." for term in ("gay", "american", "african american")]
    y = np.array([1, 0] * 18 + [0, 0, 0])
    p = np.where(y == 1, 0.9, 0.1).astype(float)
    report = bias_report(texts, y, p, min_rows=5)
    terms = {s.term: s for s in report.subgroups}
    assert set(terms) == {"gay", "american", "african american"}
    assert terms["american"].rows == 13  # "african american" rows are not "american"
    assert report.overall_auc == 1.0 and report.final_score == pytest.approx(1.0)


# ------------------------------------------------------------------ published figures


def test_every_published_number_has_a_citation_and_source() -> None:
    for key, pub in PUBLISHED.items():
        assert pub.source.strip(), key
        if pub.value is not None:
            assert pub.citation.strip(), key
            assert 0.0 < pub.value <= 1.0, key
            assert any(ch.isdigit() for ch in pub.citation), f"{key}: citation needs a year"


def test_every_task_has_a_published_entry() -> None:
    for task in TASKS:
        assert (task.key, task.task, task.metric) in PUBLISHED, task


# ------------------------------------------------------------------ peers


def test_hatesonar_mapping_reads_class_names() -> None:
    fake = [
        {
            "text": "x",
            "top_class": "neither",
            "classes": [  # deliberately not in the package's order
                {"class_name": "neither", "confidence": 0.5},
                {"class_name": "offensive_language", "confidence": 0.3},
                {"class_name": "hate_speech", "confidence": 0.2},
            ],
        }
    ]
    scores = map_hatesonar(fake)
    assert scores["identity_attack"].tolist() == pytest.approx([0.2])
    assert scores["toxicity"].tolist() == pytest.approx([0.5])


def test_profanity_check_mapping() -> None:
    scores = map_profanity_check(np.array([0.1, 0.95]))
    assert scores["toxicity"].tolist() == pytest.approx([0.1, 0.95])
    assert scores["profanity"].tolist() == pytest.approx([0.1, 0.95])
    assert set(scores) == {"toxicity", "profanity"}


def test_a_peer_that_cannot_import_is_unavailable_not_faked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "hatesonar", None)
    monkeypatch.setitem(sys.modules, "profanity_check", None)
    for peer in (load_hatesonar(), load_profanity_check()):
        assert not peer.available and peer.score is None
        assert "not importable" in peer.reason
    report = EvalReport("m", "fast", True, None, peers=load_peers())
    report.benchmarks.append(
        BenchmarkRow("olid", "OLID", "A: OFF vs NOT", "macro-F1", 10, 4, {"ThreadGuard": 0.8})
    )
    md = to_markdown(report)
    assert f"{HATESONAR} (unavailable)" in md and f"{PROFANITY_CHECK} (unavailable)" in md
    assert "UNAVAILABLE" in md


def test_unknown_peer_is_refused() -> None:
    with pytest.raises(ValueError):
        load_peers(["perspective"])


def test_quick_sample_is_stable_and_bounded() -> None:
    block = _block("x", "test", [str(i) for i in range(50)])
    a, b = subsample(block, 10), subsample(block, 10)
    assert len(a) == 10 and a.texts == b.texts
    assert subsample(block, None) is block


# ------------------------------------------------------------------ the real command


@pytest.mark.slow
def test_eval_quick_on_the_shared_data(data_root: Path, tmp_path: Path) -> None:
    from threadguard.cli import app

    out = tmp_path / "report.md"
    start = time.perf_counter()
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "--data",
            str(data_root),
            "--quick",
            "--tier",
            "fast",
            "--no-peers",
            "--no-per-head",
            "--out",
            str(out),
        ],
    )
    elapsed = time.perf_counter() - start
    assert result.exit_code == 0, result.output
    for needle in ("HateXplain", "char-F1", "Mathew et al. 2021", "BPSN", "comments/s"):
        assert needle in result.output, needle
    text = out.read_text(encoding="utf-8")
    assert "## Benchmarks" in text and "## Identity bias" in text
    assert elapsed < 60, f"quick eval took {elapsed:.0f}s"
