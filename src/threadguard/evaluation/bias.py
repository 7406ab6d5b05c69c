"""Unintended identity bias on WikiMadlibs, with the metrics of Borkan et al. (2019).

A classifier that learned "a sentence naming gay people is toxic" can still have a fine
overall AUC. Borkan et al.'s three per-identity AUCs isolate that failure:

subgroup AUC
    AUC on the rows that mention the identity only: can the model tell toxic from
    non-toxic *within* the group's sentences?
BPSN AUC (background positive, subgroup negative)
    toxic rows that do not mention the identity against non-toxic rows that do. Low when
    the identity word alone pushes a harmless sentence up (false positives).
BNSP AUC (background negative, subgroup positive)
    non-toxic rows that do not mention it against toxic rows that do. Low when abuse of
    the group scores *lower* than abuse of others (false negatives).

The overall summary is the one the Jigsaw Unintended Bias competition built on these
metrics: each metric's generalised mean over identities with power -5 (so the worst
identities dominate), and the final score ``0.25 * overall AUC + 0.25 * each mean``.

Identities are not hard-coded. WikiMadlibs sentences are templates with one identity slot
("Hiro is a awful old.", "You are a nice latinx.", "Being trans is great."); the slot's
fillers are read from the texts. Occupations fill the same slot of one template only
("You are a good nurse.": a non-identity control), so a subgroup is a filler seen in at
least two different templates. Matching is by the whole slot, so "african american"
is not counted as "american".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.metrics import roc_auc_score

#: The power of the generalised mean (Jigsaw Unintended Bias in Toxicity Classification).
POWER = -5.0
#: A subgroup with fewer rows than this gets no figures: its AUCs would be noise.
MIN_ROWS = 10

_TEMPLATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("name_is_adj", re.compile(r"^\S+ is an? \S+ (?P<slot>.+?)\.?$")),
    ("you_are_adj", re.compile(r"^You are an? \S+ (?P<slot>.+?)\.?$", re.IGNORECASE)),
    ("being_is_adj", re.compile(r"^Being (?P<slot>.+?) is \S+\.?$", re.IGNORECASE)),
    ("i_am", re.compile(r"^I am (?:an? )?(?P<slot>.+?)\.?$", re.IGNORECASE)),
    ("i_hate", re.compile(r"^I hate (?P<slot>.+?)\.?$", re.IGNORECASE)),
)


def template_slot(text: str) -> tuple[str, str] | None:
    """``(template, slot filler)`` of a WikiMadlibs sentence, or None if no template fits."""
    t = text.strip()
    for name, pattern in _TEMPLATES:
        m = pattern.match(t)
        if m:
            return name, m.group("slot").strip().lower()
    return None


def derive_subgroups(texts: Sequence[str], min_templates: int = 2) -> list[str]:
    """Identity terms: slot fillers that occur in at least ``min_templates`` templates."""
    seen: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        found = template_slot(text)
        if found is not None:
            seen[found[1]].add(found[0])
    return sorted(term for term, templates in seen.items() if len(templates) >= min_templates)


def _auc(y: np.ndarray, p: np.ndarray) -> float | None:
    """ROC AUC, or None where only one class is present (undefined, not 0.5)."""
    if len(y) == 0 or y.min() == y.max():
        return None
    return float(roc_auc_score(y, p))


def subgroup_auc(y: np.ndarray, p: np.ndarray, in_group: np.ndarray) -> float | None:
    """AUC restricted to the rows that mention the subgroup."""
    return _auc(y[in_group], p[in_group])


def bpsn_auc(y: np.ndarray, p: np.ndarray, in_group: np.ndarray) -> float | None:
    """Background positive, subgroup negative: identity-driven false positives."""
    keep = (~in_group & (y == 1)) | (in_group & (y == 0))
    return _auc(y[keep], p[keep])


def bnsp_auc(y: np.ndarray, p: np.ndarray, in_group: np.ndarray) -> float | None:
    """Background negative, subgroup positive: identity-driven false negatives."""
    keep = (~in_group & (y == 0)) | (in_group & (y == 1))
    return _auc(y[keep], p[keep])


def generalized_mean(values: Sequence[float], power: float = POWER) -> float | None:
    """``(mean(v ** power)) ** (1 / power)``: dominated by the smallest values for power < 0."""
    v = np.asarray([x for x in values if x is not None], dtype=np.float64)
    if not len(v):
        return None
    v = np.clip(v, 1e-12, None)  # an AUC of exactly 0 would make the power infinite
    return float(np.mean(v**power) ** (1.0 / power))


@dataclass(frozen=True)
class SubgroupBias:
    """The three Borkan et al. AUCs for one identity term."""

    term: str
    rows: int
    positives: int
    subgroup_auc: float | None
    bpsn_auc: float | None
    bnsp_auc: float | None


@dataclass(frozen=True)
class BiasReport:
    """Per-identity AUCs plus the generalised-mean summary, for one model and one head."""

    system: str
    head: str
    rows: int
    overall_auc: float | None
    subgroups: list[SubgroupBias] = field(default_factory=list)
    means: dict[str, float | None] = field(default_factory=dict)

    @property
    def final_score(self) -> float | None:
        """Jigsaw's combination: a quarter overall AUC, a quarter each generalised mean."""
        parts = [self.overall_auc, *self.means.values()]
        if any(p is None for p in parts) or len(parts) != 4:
            return None
        return float(sum(0.25 * p for p in parts if p is not None))

    def worst(self, metric: str = "bpsn_auc", k: int = 5) -> list[SubgroupBias]:
        """The ``k`` identities with the lowest value of ``metric``."""
        scored = [s for s in self.subgroups if getattr(s, metric) is not None]
        return sorted(scored, key=lambda s: getattr(s, metric))[:k]


def bias_report(
    texts: Sequence[str],
    labels: Sequence[float] | np.ndarray,
    scores: Sequence[float] | np.ndarray,
    *,
    system: str = "ThreadGuard",
    head: str = "toxicity",
    subgroups: Sequence[str] | None = None,
    min_rows: int = MIN_ROWS,
) -> BiasReport:
    """Borkan et al.'s AUCs for every identity in ``texts`` (derived when not given)."""
    y = np.asarray(labels, dtype=np.float64)
    p = np.asarray(scores, dtype=np.float64)
    keep = ~np.isnan(y)
    y_int = y[keep].astype(int)
    p = p[keep]
    kept_texts = [t for t, k in zip(texts, keep, strict=True) if k]
    slots = [template_slot(t) for t in kept_texts]
    slot_of = np.array([s[1] if s is not None else "" for s in slots], dtype=object)
    terms = list(subgroups) if subgroups is not None else derive_subgroups(kept_texts)
    counts = Counter(slot_of.tolist())
    rows: list[SubgroupBias] = []
    for term in terms:
        if counts.get(term, 0) < min_rows:
            continue
        in_group = slot_of == term
        rows.append(
            SubgroupBias(
                term=term,
                rows=int(in_group.sum()),
                positives=int(y_int[in_group].sum()),
                subgroup_auc=subgroup_auc(y_int, p, in_group),
                bpsn_auc=bpsn_auc(y_int, p, in_group),
                bnsp_auc=bnsp_auc(y_int, p, in_group),
            )
        )
    means: dict[str, float | None] = {
        metric: generalized_mean(
            [getattr(r, metric) for r in rows if getattr(r, metric) is not None]
        )
        for metric in ("subgroup_auc", "bpsn_auc", "bnsp_auc")
    }
    return BiasReport(
        system=system,
        head=head,
        rows=len(y_int),
        overall_auc=_auc(y_int, p),
        subgroups=rows,
        means=means,
    )
