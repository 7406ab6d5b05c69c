"""Scores through a site's adaptation: a pure function of an analysis.

The adapted analysis keeps everything but its scores and model string: targets, spans
(their scores are the engine's, for where the words are), language. The engine's own
scores travel beside the adapted ones (:attr:`Analysis.engine_scores`), so the store
keeps them and the next fit learns from the engine, not from an earlier adaptation; and
an analysis adapted twice is adapted once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from threadguard.adaptation.params import Adaptation, logit, sigmoid
from threadguard.analysis import Analysis
from threadguard.schema import ATTRIBUTES

#: The languages an adaptation is fitted on and applied to: English only until fits are
#: per language. The fit's shift is set against the policy's English thresholds, and the
#: multilingual tier's scores are on other scales (and other thresholds) altogether.
LANGUAGES: Final = frozenset({"en"})


def adapted_scores(scores: dict[str, float], adaptation: Adaptation) -> dict[str, float]:
    """The seven scores through the adaptation (see :mod:`threadguard.adaptation`)."""
    raw = {a: float(scores.get(a, 0.0)) for a in ATTRIBUTES}
    if adaptation.kind == "head":
        z = adaptation.bias + adaptation.shift
        z += sum(w * logit(raw[a]) for a, w in adaptation.head.items())
        site = sigmoid(z)
        # every attribute is a kind of toxicity: none is scored above the site's toxicity
        out = {a: min(raw[a], site) for a in ATTRIBUTES}
        out["toxicity"] = site
        return out
    out = dict(raw)
    for a, (slope, intercept) in adaptation.calibration.items():
        out[a] = sigmoid(slope * logit(raw[a]) + intercept + adaptation.shift)
    return out


def adapted_model(model: str, adaptation: Adaptation) -> str:
    """The model string of an adapted analysis: the engine's, plus the site adaptation."""
    return f"{model}+site-adaptation@{adaptation.version}"


def adapt(analysis: Analysis, adaptation: Adaptation | None) -> Analysis:
    """``analysis`` with the site's adaptation applied (unchanged for None, and for an
    analysis in a language the adaptation is not fitted on: :data:`LANGUAGES`)."""
    if adaptation is None or analysis.language not in LANGUAGES:
        return analysis
    engine = analysis.engine_scores if analysis.engine_scores is not None else analysis.scores
    model = analysis.model.split("+site-adaptation@")[0]
    return replace(
        analysis,
        scores=adapted_scores(engine, adaptation),
        engine_scores=dict(engine),
        model=adapted_model(model, adaptation),
    )
