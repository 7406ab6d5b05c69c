"""Learning from a site's own moderators: their verdicts are labels.

A site's moderators approve and reject comments; each verdict says what this site calls
abuse. :mod:`.fit` learns a small, per-site adaptation of the engine's scores from those
verdicts (refusing below :data:`MIN_VERDICTS_PER_CLASS` of either kind), :mod:`.params`
holds it as plain numbers (stored as JSON, never a pickle), and :mod:`.apply` maps an
analysis through it before the site's moderator decides.

Two kinds (:data:`KINDS`):

- ``head`` (the default): a logistic regression over the seven attribute logits, fitted
  on the verdicts, becomes the site's ``toxicity``; the other attributes, kinds of
  toxicity, are capped at it. It re-weighs the attributes, so it changes the ranking.
- ``calibration``: each attribute mapped by its own monotone (Platt) curve fitted on the
  verdicts. An attribute's ranking cannot change; only their mix under the policy can.

Either way the result is moved as a whole (one logit shift) so that the site's policy
catches the same share of the comments its moderators rejected as the engine's own
scores did: the adaptation trades the civil comments held, not the abuse caught.

English only until fits are per language (:data:`LANGUAGES`): the fit reads only the
verdicts on English comments, and a comment in any other language keeps the engine's
scores (the fit's shift is set against the policy's English thresholds).

Core: imports the analysis and the schema only (no HTTP, database or terminal).
"""

from threadguard.adaptation.apply import LANGUAGES, adapt, adapted_model
from threadguard.adaptation.fit import (
    DEFAULT_KIND,
    KINDS,
    MIN_VERDICTS_PER_CLASS,
    RECENT_COMMENTS,
    Example,
    Fitted,
    HoldsMoreOfTheSite,
    TooFewVerdicts,
    WorseThanEngine,
    fit_adaptation,
    held_on,
    holds_too_many,
)
from threadguard.adaptation.params import Adaptation, AdaptationError

__all__ = [
    "DEFAULT_KIND",
    "KINDS",
    "LANGUAGES",
    "MIN_VERDICTS_PER_CLASS",
    "RECENT_COMMENTS",
    "Adaptation",
    "AdaptationError",
    "Example",
    "Fitted",
    "HoldsMoreOfTheSite",
    "TooFewVerdicts",
    "WorseThanEngine",
    "adapt",
    "adapted_model",
    "fit_adaptation",
    "held_on",
    "holds_too_many",
]
