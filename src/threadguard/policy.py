"""A site's moderation policy: thresholds per attribute, and the decision they give.

The policy is data (TOML), so a site can change it without code; ``decide`` is a pure
function of the policy and the scores, so a changed policy can be replayed on stored
analyses (dry runs) and tested without models.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from threadguard.analysis import Decision, Target
from threadguard.schema import ATTRIBUTES

ACTIONS = ("approve", "hold", "reject")


class PolicyError(Exception):
    """A policy file that cannot be read or says something impossible."""


@dataclass(frozen=True)
class Threshold:
    """Scores at or above ``hold`` are held, at or above ``reject`` rejected (None: never)."""

    hold: float | None = None
    reject: float | None = None


@dataclass(frozen=True)
class Policy:
    """Per-attribute thresholds plus the rules around them."""

    name: str
    thresholds: dict[str, Threshold]
    target_report: float = 0.5
    screen_authors: bool = True
    source: str = "<built-in>"
    raw: dict[str, Any] = field(default_factory=dict, compare=False)

    def review_level(self, attribute: str) -> float:
        """The score from which ``attribute`` needs a moderator's eye: its hold threshold,
        else its reject threshold, else 0.5 (what the queue's attribute filter uses)."""
        rule = self.thresholds.get(attribute)
        if rule is not None and rule.hold is not None:
            return rule.hold
        if rule is not None and rule.reject is not None:
            return rule.reject
        return 0.5

    def decide(
        self,
        scores: dict[str, float],
        targets: tuple[Target, ...] = (),
        author_scores: dict[str, float] | None = None,
    ) -> Decision:
        """Approve, hold or reject, with one reason per threshold crossed.

        Reasons name the attribute, its score and the threshold, most severe first, and
        then the targeted groups, so a moderator sees why at a glance.
        """
        found: list[tuple[int, float, str]] = []
        sources = [("", scores)]
        if author_scores is not None and self.screen_authors:
            sources.append(("author name: ", author_scores))
        for prefix, values in sources:
            for attr in ATTRIBUTES:
                rule = self.thresholds.get(attr)
                if rule is None:
                    continue
                score = float(values.get(attr, 0.0))
                if rule.reject is not None and score >= rule.reject:
                    found.append(
                        (2, score, f"{prefix}{attr} {score:.2f} ≥ {rule.reject:.2f} (reject)")
                    )
                elif rule.hold is not None and score >= rule.hold:
                    found.append((1, score, f"{prefix}{attr} {score:.2f} ≥ {rule.hold:.2f} (hold)"))
        if not found:
            return Decision("approve", ())
        found.sort(key=lambda t: (-t[0], -t[1]))
        reasons = [r for _, _, r in found]
        named = [t for t in targets if t.score >= self.target_report]
        if named:
            reasons.append("targets " + ", ".join(f"{t.group} {t.score:.2f}" for t in named))
        return Decision(ACTIONS[found[0][0]], tuple(reasons))


def _threshold(attr: str, value: Any, source: str) -> Threshold:
    if not isinstance(value, dict):
        raise PolicyError(
            f"{source}: thresholds.{attr} must be a table like {{ hold = 0.7, reject = 0.9 }}"
        )
    unknown = set(value) - {"hold", "reject"}
    if unknown:
        raise PolicyError(
            f"{source}: thresholds.{attr}: unknown key(s) {', '.join(sorted(unknown))}"
        )
    out: dict[str, float | None] = {}
    for key in ("hold", "reject"):
        v = value.get(key)
        if v is not None and (
            isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 1
        ):
            raise PolicyError(
                f"{source}: thresholds.{attr}.{key} must be a number in [0, 1], got {v!r}"
            )
        out[key] = None if v is None else float(v)
    hold, reject = out["hold"], out["reject"]
    if hold is not None and reject is not None and hold > reject:
        raise PolicyError(f"{source}: thresholds.{attr}: hold {hold} is above reject {reject}")
    return Threshold(hold, reject)


def parse_policy(data: dict[str, Any], source: str) -> Policy:
    """Validate a policy document (already parsed from TOML or JSON)."""
    raw_thresholds = data.get("thresholds", {})
    if not isinstance(raw_thresholds, dict):
        raise PolicyError(f"{source}: [thresholds] must be a table")
    unknown = set(raw_thresholds) - set(ATTRIBUTES)
    if unknown:
        raise PolicyError(
            f"{source}: unknown attribute(s) in [thresholds]: {', '.join(sorted(unknown))} "
            f"(known: {', '.join(ATTRIBUTES)})"
        )
    thresholds = {a: _threshold(a, v, source) for a, v in raw_thresholds.items()}
    targets = data.get("targets", {})
    authors = data.get("authors", {})
    report = targets.get("report", 0.5) if isinstance(targets, dict) else 0.5
    if isinstance(report, bool) or not isinstance(report, int | float) or not 0 <= report <= 1:
        raise PolicyError(f"{source}: targets.report must be a number in [0, 1]")
    screen = authors.get("screen", True) if isinstance(authors, dict) else True
    if not isinstance(screen, bool):
        raise PolicyError(f"{source}: authors.screen must be true or false")
    return Policy(
        name=str(data.get("name", Path(source).stem)),
        thresholds=thresholds,
        target_report=float(report),
        screen_authors=screen,
        source=source,
        raw=data,
    )


def load_policy(path: Path | None = None) -> Policy:
    """The policy in ``path``, or the built-in default for a news site."""
    if path is None:
        text = (
            resources.files("threadguard.resources")
            .joinpath("default_policy.toml")
            .read_text("utf-8")
        )
        source = "default_policy.toml"
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PolicyError(f"{path}: cannot read policy: {exc}") from exc
        source = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{source}: invalid TOML: {exc}") from exc
    return parse_policy(data, source)
