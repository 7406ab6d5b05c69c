"""A site adaptation's parameters: plain numbers, to and from JSON, checked on the way in.

The store keeps them as a JSON document; :meth:`Adaptation.from_json` refuses anything it
would not have written (an unknown kind or attribute, a number that is not finite), so a
damaged row is an error naming the fault, never a silently wrong score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Final

from threadguard.schema import ATTRIBUTES

#: The document's format number: bump it when the shape changes.
FORMAT: Final = 1
#: Scores are clipped to [EPS, 1 - EPS] before taking logits (a 0 or 1 has none).
EPS: Final = 1e-4


class AdaptationError(ValueError):
    """A stored adaptation that cannot be read; the message names the fault."""


@dataclass(frozen=True)
class Adaptation:
    """One fitted adaptation of a site's scores (see :mod:`threadguard.adaptation`).

    ``head``: the weight of each attribute's logit and a bias (kind ``head``);
    ``calibration``: each attribute's Platt slope and intercept on its logit (kind
    ``calibration``); ``shift``: the logit shift that keeps the policy's catch rate.
    ``version``: the store's version number for the site (0 before it is stored).
    """

    kind: str
    head: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    calibration: dict[str, tuple[float, float]] = field(default_factory=dict)
    shift: float = 0.0
    version: int = 0

    def to_json(self) -> dict[str, Any]:
        """The parameters as a JSON object (the version is the store's, not in here)."""
        out: dict[str, Any] = {"format": FORMAT, "kind": self.kind, "shift": self.shift}
        if self.kind == "head":
            out["head"] = {"weights": dict(self.head), "bias": self.bias}
        else:
            out["calibration"] = {a: [s, b] for a, (s, b) in self.calibration.items()}
        return out

    @classmethod
    def from_json(cls, doc: Any, version: int = 0) -> Adaptation:
        """Read a stored document back; :class:`AdaptationError` naming what is wrong."""
        if not isinstance(doc, dict):
            raise AdaptationError("an adaptation must be a JSON object")
        if doc.get("format") != FORMAT:
            raise AdaptationError(f"unknown adaptation format {doc.get('format')!r}")
        kind = doc.get("kind")
        shift = _number(doc.get("shift"), "shift")
        if kind == "head":
            head = doc.get("head")
            if not isinstance(head, dict) or not isinstance(head.get("weights"), dict):
                raise AdaptationError("a head adaptation needs head.weights")
            weights = {a: _number(w, f"head.weights.{a}") for a, w in head["weights"].items()}
            _known(weights, "head.weights")
            return cls(
                "head",
                weights,
                _number(head.get("bias"), "head.bias"),
                shift=shift,
                version=version,
            )
        if kind == "calibration":
            table = doc.get("calibration")
            if not isinstance(table, dict):
                raise AdaptationError("a calibration adaptation needs a calibration table")
            curves: dict[str, tuple[float, float]] = {}
            for a, pair in table.items():
                if not isinstance(pair, list) or len(pair) != 2:
                    raise AdaptationError(f"calibration.{a} must be [slope, intercept]")
                slope = _number(pair[0], f"calibration.{a}[0]")
                if slope <= 0:
                    raise AdaptationError(f"calibration.{a}: the slope must be positive")
                curves[a] = (slope, _number(pair[1], f"calibration.{a}[1]"))
            _known(curves, "calibration")
            return cls("calibration", calibration=curves, shift=shift, version=version)
        raise AdaptationError(f"unknown adaptation kind {kind!r}")


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise AdaptationError(f"{where} must be a finite number, not {value!r}")
    return float(value)


def _known(table: dict[str, Any], where: str) -> None:
    unknown = sorted(set(table) - set(ATTRIBUTES))
    if unknown:
        raise AdaptationError(f"{where}: unknown attribute {unknown[0]!r}")


def logit(p: float) -> float:
    """The log-odds of a score, clipped to [EPS, 1 - EPS] first."""
    p = min(max(float(p), EPS), 1.0 - EPS)
    return math.log(p / (1.0 - p))


def sigmoid(z: float) -> float:
    """The inverse of :func:`logit`, stable for large ``|z|``."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)
