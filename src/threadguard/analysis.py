"""What the engine says about one comment: scores, targets, spans, language, model.

An analysis carries no decision: that is the moderator's (:mod:`threadguard.moderation`).
``Analysis.to_json`` gives the scoring fields of the ``threadguard score`` line contract
of DESIGN.md in its key order; keep the names as they are: outside tools parse them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Any

from threadguard.schema import ATTRIBUTES


def shown_score(value: float) -> str:
    """A score as people read it beside a threshold: two decimals, rounded *down*, so a
    score under a threshold never reads as the threshold (a desk saw "toxicity 0.40"
    beside APPROVE under a hold line of 0.40: the score was 0.398). Scores in the JSON
    contracts keep their precision; this is for reasons, the terminal and the pages."""
    return f"{math.floor(value * 100 + 1e-9) / 100:.2f}"


def shown_against(value: float, threshold: float) -> str:
    """A score beside the threshold it crossed: :func:`shown_score`, with a third decimal
    where two would read as the threshold itself. Two news desks read "toxicity 0.40 ≥
    0.40 (hold)" (a score of 0.405) as a tie the tool had broken against the reader."""
    shown = shown_score(value)
    if shown != f"{threshold:.2f}" or value <= threshold:
        return shown
    return f"{math.floor(value * 1000 + 1e-9) / 1000:.3f}"


#: A reason that is a score over a policy line, as :func:`policy_line` writes it.
_POLICY_LINE = re.compile(r"^(?P<attr>[a-z_]+) (?P<shown>[\d.]+) ≥ [\d.]+ \((?:hold|reject)\)$")


def policy_line(attribute: str, score: float, line: float, action: str) -> str:
    """The reason a score over a policy line gives: "toxicity 0.405 ≥ 0.40 (hold)"."""
    return f"{attribute} {shown_against(score, line)} ≥ {line:.2f} ({action})"


#: How a list's find that did not hold its comment (quoted, reported, rebutted) ends its
#: reason: a note beside the decision, not a cause of it.
NOT_HELD = "not held for it"


def not_held_note(why: str) -> str:
    """The end of such a reason: " (reported or rebutted: not held for it)"."""
    return f" ({why}: {NOT_HELD})"


def is_not_held_note(reason: str) -> bool:
    """Whether a reason names a find that did not hold the comment (:data:`NOT_HELD`)."""
    return reason.endswith(f": {NOT_HELD})")


def read_policy_line(reason: str) -> tuple[str, str] | None:
    """The attribute and the score as shown of a reason :func:`policy_line` wrote; None for
    any other reason (a list's find, a watched word, a name screened from its own floor):
    the author summaries and the tree read reasons back with it."""
    found = _POLICY_LINE.match(reason)
    return (found["attr"], found["shown"]) if found else None


@dataclass(frozen=True)
class Span:
    """Code-point offsets ``[begin, end)`` into the original text carrying an attribute."""

    begin: int
    end: int
    attribute: str
    score: float

    def to_json(self) -> dict[str, Any]:
        return {
            "begin": self.begin,
            "end": self.end,
            "attribute": self.attribute,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class Target:
    """A group the comment attacks, with the probability that it does."""

    group: str
    score: float
    #: Inferred by the moderator from the comment's words or its thread, not scored by the
    #: models (:mod:`threadguard.moderation.inferred_targets`): in JSON ``"inferred": true``,
    #: since a desk (session 46) reading the JSON could tell one only by its 0.45.
    inferred: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"group": self.group, "score": round(self.score, 4)}
        if self.inferred:
            out["inferred"] = True
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Target:
        """A target as :meth:`to_json` wrote it (a stored comment's)."""
        return cls(
            str(data.get("group", "")), float(data.get("score", 0.0)), data.get("inferred") is True
        )


@dataclass(frozen=True)
class Analysis:
    """Scores for all seven attributes, targeted groups and the spans behind them."""

    id: str | None
    scores: dict[str, float]
    targets: tuple[Target, ...] = ()
    spans: tuple[Span, ...] = ()
    language: str = "en"
    model: str = ""
    #: The engine's own scores when a site adaptation (:mod:`threadguard.adaptation`)
    #: changed ``scores``; None otherwise. Not part of the score line: the store keeps it.
    engine_scores: dict[str, float] | None = None
    #: The text the engine read and its canonical form (``normalize_text``), kept so the
    #: moderator's watched words and coded hate need not normalise it again (about a
    #: quarter of a decision's cost); None where the engine did not read the text whole.
    #: A reader checks the text is the one it decides on. Not part of any output.
    canonical: tuple[str, str] | None = field(default=None, compare=False, repr=False)

    def top(self, n: int = 3) -> list[tuple[str, float]]:
        """The ``n`` highest attribute scores, highest first."""
        return sorted(self.scores.items(), key=lambda kv: -kv[1])[:n]

    def to_json(self) -> dict[str, Any]:
        """The scoring half of a ``threadguard score`` line (DESIGN.md): everything but the
        decision, which :func:`threadguard.documents.score_line` adds in its place."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out["scores"] = {a: round(float(self.scores.get(a, 0.0)), 4) for a in ATTRIBUTES}
        out["targets"] = [t.to_json() for t in self.targets]
        out["spans"] = [s.to_json() for s in self.spans]
        out["language"] = self.language
        out["model"] = self.model
        return out


def merged_targets(*found: tuple[Target, ...]) -> tuple[Target, ...]:
    """Every group of ``found`` once, at its highest score, highest first (a group's name
    breaks ties, so two merges of the same finds give the same order)."""
    best: dict[str, Target] = {}
    for t in (t for targets in found for t in targets):
        held = best.get(t.group)
        # the higher score; at a tie, a reading over an inference
        if held is None or (t.score, not t.inferred) > (held.score, not held.inferred):
            best[t.group] = t
    return tuple(sorted(best.values(), key=lambda t: (-t.score, t.group)))


def highest_readings(a: Analysis, b: Analysis) -> Analysis:
    """``a`` with each attribute's and group's higher score of two readings of one text
    (a long comment's pieces, its parts in other languages), and the spans of both: what
    one reading missed, the other may have found."""
    scores = {k: max(a.scores[k], b.scores[k]) for k in a.scores}
    targets = merged_targets(a.targets, b.targets)
    # pieces overlap the whole reading: a span both found is kept once, at its higher
    spans: dict[tuple[int, int, str], Span] = {}
    for span in a.spans + b.spans:
        key = (span.begin, span.end, span.attribute)
        if key not in spans or span.score > spans[key].score:
            spans[key] = span
    return replace(
        a,
        scores=scores,
        targets=targets,
        spans=tuple(sorted(spans.values(), key=lambda s: (s.begin, s.end))),
    )
