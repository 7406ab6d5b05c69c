"""Fitting a site's adaptation from verdicts, and scores through it: pure functions."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import numpy as np
import pytest

from threadguard.adaptation import (
    LANGUAGES,
    MIN_VERDICTS_PER_CLASS,
    Adaptation,
    AdaptationError,
    Example,
    TooFewVerdicts,
    adapt,
    fit_adaptation,
)
from threadguard.adaptation.apply import adapted_scores
from threadguard.analysis import Analysis, Span, Target
from threadguard.schema import ATTRIBUTES

#: A policy's flag levels that the synthetic site below is written against (heated civil
#: comments over the toxicity level, insults told apart only by the insult score); fixed
#: here rather than read from the shipped policy, whose thresholds the decisions rule moves.
LEVELS = {
    "toxicity": 0.70,
    "severe_toxicity": 0.50,
    "identity_attack": 0.50,
    "insult": 0.70,
    "threat": 0.45,
    "profanity": 0.85,
    "sexually_explicit": 0.60,
}


def site_verdicts(n: int, seed: int = 0) -> list[Example]:
    """A site whose moderators reject insults and approve heated but civil comments: the
    engine's toxicity is high on both, its insult score tells them apart."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(2 * n):
        rejected = i % 2 == 0
        scores = {a: float(rng.uniform(0.01, 0.1)) for a in ATTRIBUTES}
        scores["toxicity"] = float(rng.uniform(0.55, 0.95))
        scores["insult"] = float(rng.uniform(0.5, 0.9) if rejected else rng.uniform(0.05, 0.45))
        out.append(Example(scores, rejected))
    return out


def test_the_minimum_is_fifty_of_each_verdict_and_below_it_the_fit_refuses() -> None:
    assert MIN_VERDICTS_PER_CLASS == 50
    examples = site_verdicts(50)
    fit_adaptation(examples, LEVELS)  # exactly 50 of each: fitted
    short = [e for e in examples if not e.rejected] + [e for e in examples if e.rejected][:49]
    with pytest.raises(TooFewVerdicts) as refused:
        fit_adaptation(short, LEVELS)
    assert refused.value.rejections == 49 and refused.value.approvals == 50
    assert "50 approved and 49 rejected" in str(refused.value)
    assert "at least 50 of each" in str(refused.value)
    with pytest.raises(TooFewVerdicts):
        fit_adaptation([], LEVELS)
    with pytest.raises(ValueError, match="unknown adaptation kind 'forest'"):
        fit_adaptation(examples, LEVELS, kind="forest")


def held_at_equal_caught(examples: list[Example], adaptation: Adaptation | None) -> int:
    """Approved examples ranked at or above the rejected one at the middle of the rank."""

    def flag(e: Example) -> float:
        scores = adapted_scores(dict(e.scores), adaptation) if adaptation else dict(e.scores)
        return max(scores[a] / lv for a, lv in LEVELS.items())

    rejected = sorted((flag(e) for e in examples if e.rejected), reverse=True)
    cut = rejected[len(rejected) // 2]
    return sum(1 for e in examples if not e.rejected and flag(e) >= cut)


def test_the_head_learns_what_this_site_rejects_and_holds_fewer_approved_at_equal_caught() -> None:
    fitted = fit_adaptation(site_verdicts(60), LEVELS, kind="head")
    head = fitted.adaptation
    assert head.kind == "head"
    assert head.head["insult"] > abs(head.head["toxicity"])  # insult is what tells apart
    fresh = site_verdicts(200, seed=1)
    assert held_at_equal_caught(fresh, head) < 0.5 * held_at_equal_caught(fresh, None)


def test_the_fit_keeps_the_policy_catching_as_many_rejected_comments() -> None:
    for kind in ("head", "calibration"):
        fitted = fit_adaptation(site_verdicts(60), LEVELS, kind=kind)
        assert fitted.caught_after == fitted.caught_before, kind
        assert fitted.approvals == fitted.rejections == 60
    figures = fitted.figures()
    assert set(figures) >= {"caught_before", "caught_after", "approved_held_after"}


def test_calibration_is_monotone_in_every_attribute() -> None:
    adaptation = fit_adaptation(site_verdicts(60), LEVELS, kind="calibration").adaptation
    assert adaptation.calibration  # at least one attribute fitted
    grid = np.linspace(0.0, 1.0, 101)
    for attribute in adaptation.calibration:
        out = [adapted_scores({attribute: float(p)}, adaptation)[attribute] for p in grid]
        assert all(b >= a for a, b in itertools.pairwise(out)), attribute
        assert out[-1] > out[0]


def make_analysis() -> Analysis:
    scores = {a: 0.05 for a in ATTRIBUTES}
    scores.update(toxicity=0.8, insult=0.2, identity_attack=0.6)
    return Analysis(
        "c1",
        scores,
        targets=(Target("religion", 0.7),),
        spans=(Span(0, 4, "toxicity", 0.8),),
        model="threadguard-1+fast@2",
    )


def test_apply_keeps_the_engine_scores_names_the_version_and_caps_every_attribute() -> None:
    head = replace(fit_adaptation(site_verdicts(60), LEVELS).adaptation, version=3)
    original = make_analysis()
    adapted = adapt(original, head)
    assert adapted.engine_scores == original.scores
    assert adapted.model == "threadguard-1+fast@2+site-adaptation@3"
    assert adapted.scores["toxicity"] != original.scores["toxicity"]
    assert all(adapted.scores[a] <= adapted.scores["toxicity"] for a in ATTRIBUTES)
    assert all(0.0 <= v <= 1.0 for v in adapted.scores.values())
    assert adapted.targets == original.targets and adapted.spans == original.spans
    # The score line contract is unchanged: the engine's scores are not in it.
    assert set(adapted.to_json()) == set(original.to_json())
    # Adapting again (another version) starts from the engine's scores, not the adapted ones.
    assert adapt(adapted, head) == adapted
    again = adapt(adapted, replace(head, version=4))
    assert again.scores == adapted.scores and again.model.endswith("+site-adaptation@4")
    assert adapt(original, None) is original


def test_parameters_round_trip_through_json_and_bad_ones_are_named() -> None:
    for kind in ("head", "calibration"):
        adaptation = fit_adaptation(site_verdicts(60), LEVELS, kind=kind).adaptation
        back = Adaptation.from_json(adaptation.to_json(), version=2)
        assert back == replace(adaptation, version=2)
    good = fit_adaptation(site_verdicts(60), LEVELS).adaptation.to_json()
    cases = [
        ([], "must be a JSON object"),
        ({**good, "format": 9}, "unknown adaptation format 9"),
        ({**good, "kind": "forest"}, "unknown adaptation kind 'forest'"),
        ({**good, "shift": math.inf}, "shift must be a finite number"),
        ({**good, "head": {"weights": {"spam": 1.0}, "bias": 0.0}}, "unknown attribute 'spam'"),
        ({**good, "head": {"weights": {"insult": "1"}, "bias": 0.0}}, "head.weights.insult"),
        (
            {"format": 1, "kind": "calibration", "shift": 0.0, "calibration": {"insult": [-1, 0]}},
            "slope must be positive",
        ),
    ]
    for doc, message in cases:
        with pytest.raises(AdaptationError, match=message):
            Adaptation.from_json(doc)


def test_english_only_until_fits_are_per_language() -> None:
    """The fit reads English verdicts only (its shift is set against the English
    thresholds), and a comment in any other language keeps the engine's scores."""
    english = site_verdicts(50)
    german = [replace(e, language="de") for e in site_verdicts(50, seed=1)]
    assert frozenset({"en"}) == LANGUAGES
    mixed = fit_adaptation(english + german, LEVELS)
    alone = fit_adaptation(english, LEVELS)
    assert (mixed.approvals, mixed.rejections) == (50, 50)
    assert mixed.adaptation == alone.adaptation
    with pytest.raises(TooFewVerdicts) as refused:  # German verdicts do not count
        fit_adaptation(english[:60] + german, LEVELS)
    assert (refused.value.approvals, refused.value.rejections) == (30, 30)
    head = replace(alone.adaptation, version=2)
    original = make_analysis()
    assert adapt(original, head).scores != original.scores
    for language in ("de", "fr", "ja"):
        other = replace(original, language=language)
        assert adapt(other, head) is other


def test_an_adaptation_never_lowers_a_rejection() -> None:
    """The head caps every attribute at the site's toxicity: "Find out where the ref lives
    and pay him a visit, lads." (threat 0.85) went from reject to hold on the adapted site."""
    from threadguard.moderation import Moderator, load_policy
    from threadguard.schema import Verdict

    head = replace(fit_adaptation(site_verdicts(60), LEVELS).adaptation, version=1)
    policy = load_policy()
    threat = policy.thresholds["threat"].reject
    assert threat is not None
    scores = dict.fromkeys(ATTRIBUTES, 0.05) | {"threat": threat + 0.05, "toxicity": 0.5}
    original = Analysis(id=None, scores=scores)
    adapted = adapt(original, head)
    assert adapted.scores["threat"] < threat  # capped by the site's toxicity
    text = "Find out where the ref lives and pay him a visit, lads."
    outcome = Moderator(policy).decide(adapted, text)
    assert outcome.action is Verdict.REJECT
    assert "before the site's adaptation" in outcome.decision.reasons[0]
