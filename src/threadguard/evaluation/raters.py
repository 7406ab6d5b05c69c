"""How often a data set's own raters agree with its labels: the point no model can beat.

A news set's "hostile" or "toxic" is the majority of a few crowd raters, and they often
disagree: in Unhealthy Conversations half of the hostile comments were called so by three
raters of five, and one "healthy" comment in seven had a rater who called it hostile.
``eval --suite decisions`` compares ThreadGuard's decisions with that majority; this
module says where the raters themselves stand against it, so a reader can tell how much
of a gap is the model and how much is the labels.

*A rater* here is one of a comment's raters, drawn in proportion to the export's trust
weights (its confidences are trust-weighted shares), deciding "hold" where they called the
comment hostile (Unhealthy) or toxic or very toxic (SFU, levels 3 and 4): their civil held
is the mean share of raters who called a civil comment so, their caught the same mean over
the abusive comments. Each rater is judged against a majority they were part of, so the
point flatters the raters (a held-out rater would agree less); it is a bound on agreement
with these labels, not a target. The policy's point is counted on the same rows (those the
export gives an agreement for), so the two can be read side by side.

The shares come from the exports' aggregated confidences: Unhealthy's ``hostile:confidence``
(:func:`threadguard.training.datasets.hostile_share`); SFU's two most chosen toxicity levels
and their confidences (the rest of the votes, 2% on average, are not itemised, so SFU's
shares are lower bounds). The other sets give no per-rater agreement.

Everything here is pure but the two readers of the data folder.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from threadguard.evaluation.decision_sets import Item
from threadguard.training.datasets import csv_rows, hostile_share

#: SFU's levels a rater who "holds" chose: toxic and very toxic (the decisions suite's
#: abusive rows are those whose most chosen level is one of these).
SFU_HOLD_LEVELS: Final = frozenset({"3", "4"})


@dataclass(frozen=True)
class RaterPoint:
    """A random rater's decisions on a set's civil and abusive rows (see the module docs).

    ``civil`` and ``abusive`` count the rows with a known share (rows the export gives no
    agreement for are left out); ``civil_held`` and ``caught`` are shares of them.
    """

    civil: int
    abusive: int
    civil_held: float
    caught: float
    #: The policy's civil held and caught on the same rows.
    policy_civil_held: float = math.nan
    policy_caught: float = math.nan


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else math.nan


def rater_point(
    items: Iterable[Item], shares: Mapping[str, float], flagged: Iterable[bool]
) -> RaterPoint:
    """The raters' point on ``items``: each item's share of raters who would hold it
    (looked up by its text), averaged per kind; beside it the policy's point on the same
    items (``flagged``: whether the policy held or rejected each, in the items' order)."""
    civil: list[float] = []
    abusive: list[float] = []
    policy: dict[str, list[float]] = {"civil": [], "abusive": []}
    for item, held in zip(items, flagged, strict=True):
        share = shares.get(item.text)
        if share is not None:
            (civil if item.kind == "civil" else abusive).append(share)
            policy[item.kind].append(float(held))
    return RaterPoint(
        len(civil),
        len(abusive),
        _mean(civil),
        _mean(abusive),
        _mean(policy["civil"]),
        _mean(policy["abusive"]),
    )


def sfu_share(row: Mapping[str, str]) -> float | None:
    """The share of an SFU comment's raters who chose level 3 or 4, from the two most
    chosen levels and their confidences (None where the row gives no first level)."""
    if not row.get("is_toxic_popular_answer_1"):
        return None
    share = 0.0
    for answer, confidence in (
        ("is_toxic_popular_answer_1", "is_toxic:confidence_answer1"),
        ("is_toxic_popular_answer_2", "is_toxic:confidence_answer2"),
    ):
        if row.get(answer, "") in SFU_HOLD_LEVELS:
            try:
                share += float(row.get(confidence) or 0.0)
            except ValueError:
                return None
    return min(max(share, 0.0), 1.0)


def _by_text(pairs: Iterable[tuple[str, float | None]]) -> dict[str, float]:
    """Shares keyed by text; a text found twice gets the mean of its rows' shares."""
    found: defaultdict[str, list[float]] = defaultdict(list)
    for text, share in pairs:
        if share is not None:
            found[text].append(share)
    return {text: _mean(values) for text, values in found.items()}


def unhealthy_share(row: Mapping[str, str]) -> float | None:
    """The share of an Unhealthy Conversations comment's raters who called it hostile;
    None where the row gives no agreement (``hostile_share`` would fall back to the
    majority label, which here would count as raters who all agreed)."""
    try:
        float(row["hostile:confidence"])
    except (KeyError, TypeError, ValueError):
        return None
    return hostile_share(dict(row))


def unhealthy_shares(root: Path) -> dict[str, float]:
    """Each Unhealthy Conversations comment's share of raters who called it hostile."""
    folder = root / "unhealthy_conversations"
    return _by_text(
        (r["comment"], unhealthy_share(r))
        for name in ("val.csv", "test.csv")
        for r in csv_rows(folder / name)
    )


def sfu_shares(root: Path) -> dict[str, float]:
    """Each SFU comment's share of raters who called it toxic or very toxic."""
    rows = csv_rows(root / "sfu_ctc" / "SFU_constructiveness_toxicity.csv")
    return _by_text((r["comment"], sfu_share(r)) for r in rows)


#: The decision sets whose exports say how their raters split, by the set's key.
RATER_SHARES: Final[dict[str, Callable[[Path], dict[str, float]]]] = {
    "unhealthy": unhealthy_shares,
    "sfu": sfu_shares,
}
