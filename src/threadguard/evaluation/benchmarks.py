"""Task-specific benchmark metrics on the official test splits, beside published figures.

The per-head table (``training.evaluate``) says how well each of our attributes ranks
each data set's labels. It does not say how ThreadGuard does on the *task a paper
reports*: HateXplain's three classes, OffensEval's three sub-tasks, SemEval's character
F1 for toxic spans. This module turns engine probabilities into those tasks' outputs,
with the same metric the task's organisers used, so the number can sit beside the
published one. Everything here is pure: scores in, numbers out.

How attributes become task outputs (each a decision the report documents):

HateXplain (hate / offensive / normal)
    hate if ``identity_attack >= t_hate``, else offensive if ``toxicity >= t_off``, else
    normal. The threshold pair is grid-searched for macro-F1 on the DEV split only. AUROC
    is the paper's: one-vs-one macro AUROC over the three classes (as in the authors'
    code), from class scores ``[1 - t, t * (1 - h), t * h]`` with ``h = identity_attack``
    and ``t = max(toxicity, h)`` (hate implies toxic).
OLID / OffensEval 2019
    A: OFF if ``toxicity >= t``. B (on gold-OFF tweets, as the sub-task is defined): TIN
    (targeted) if ``max(insult, identity_attack, threat) >= t``, else UNT (untargeted
    profanity). C (on gold-TIN tweets): GRP if ``identity_attack >= t_grp``, else IND if
    ``insult >= t_ind``, else OTH. Thresholds tuned on OLID's dev part (a seeded tenth of
    the training file); test labels are the official ones.
Toxic Spans
    Character F1 of SemEval-2021 Task 5 (see :func:`char_f1`), predicted offsets = the
    union of the characters of every span the engine returns, whatever the attribute.
GHC
    hd -> identity_attack, cv -> threat, vo -> profanity; binary F1 at a DEV-tuned threshold.
Everything binary
    F1 of the positive class (macro-F1 where the task is reported that way) at the
    threshold that maximises it on the data set's own dev split, never on test.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

from threadguard.evaluation.published import PUBLISHED, Published
from threadguard.metrics import auroc, tune_threshold, tune_two_thresholds
from threadguard.training.datasets import HEADS, LabelledRows

Scores = Mapping[str, np.ndarray]

# ------------------------------------------------------------------ Toxic Spans gold


def parse_gold_offsets(gold: str) -> set[int]:
    """The Toxic Spans ``spans`` column: a JSON list of character offsets."""
    return {int(i) for i in json.loads(gold or "[]")}


# ------------------------------------------------------------------ task definitions


@dataclass(frozen=True)
class Part:
    """One split of one data set: its rows and one system's scores for them."""

    block: LabelledRows
    scores: Scores

    def gold(self) -> list[str]:
        return self.block.gold

    def label(self, head: str) -> np.ndarray:
        """The unified label column ``head`` (NaN where the data set does not say)."""
        return self.block.matrix()[:, HEADS.index(head)]


Compute = Callable[[Part, Part], float]


@dataclass(frozen=True)
class Task:
    """One row of the benchmark table: a metric computed from dev and test parts."""

    key: str
    dataset: str
    task: str
    metric: str
    needs: tuple[str, ...]
    compute: Compute
    note: str = ""
    #: For binary tasks, the row labels (1, 0, or -1 = not labelled): gives rows/positives.
    labels: Callable[[Part], np.ndarray] | None = None

    def counts(self, test: LabelledRows) -> tuple[int, int | None]:
        """``(rows scored, positives)`` on the test split; positives only for binary tasks."""
        if self.labels is None:
            return len(test), None
        y = self.labels(Part(test, {}))
        return int((y >= 0).sum()), int((y == 1).sum())

    @property
    def published(self) -> Published | None:
        return PUBLISHED.get((self.key, self.task, self.metric))


# HateXplain ---------------------------------------------------------------

HX_CLASSES = ("normal", "offensive", "hate")


def hatexplain_classes(
    identity_attack: np.ndarray, toxicity: np.ndarray, t_hate: float, t_off: float
) -> np.ndarray:
    """0 normal, 1 offensive, 2 hate: hate first, then offensive, else normal."""
    return np.where(identity_attack >= t_hate, 2, np.where(toxicity >= t_off, 1, 0))


def _hx_y(part: Part) -> np.ndarray:
    index = {c: i for i, c in enumerate(HX_CLASSES)}
    return np.array([index[g] for g in part.gold()], dtype=int)


def hatexplain_thresholds(dev: Part) -> tuple[float, float]:
    """``(t_hate, t_off)`` maximising 3-class macro-F1 on the dev rows."""
    return tune_two_thresholds(
        dev.scores["identity_attack"], dev.scores["toxicity"], _hx_y(dev), hatexplain_classes, 3
    )


def _hx_pred(dev: Part, test: Part) -> tuple[np.ndarray, np.ndarray]:
    t_hate, t_off = hatexplain_thresholds(dev)
    pred = hatexplain_classes(
        test.scores["identity_attack"], test.scores["toxicity"], t_hate, t_off
    )
    return _hx_y(test), pred


def hatexplain_class_scores(identity_attack: np.ndarray, toxicity: np.ndarray) -> np.ndarray:
    """Per-class scores ``[normal, offensive, hate]`` that sum to 1 (for the OvO AUROC)."""
    h = np.clip(identity_attack, 0.0, 1.0)
    t = np.maximum(np.clip(toxicity, 0.0, 1.0), h)
    return np.column_stack([1.0 - t, t * (1.0 - h), t * h])


def _hx_accuracy(dev: Part, test: Part) -> float:
    y, pred = _hx_pred(dev, test)
    return float(accuracy_score(y, pred))


def _hx_macro_f1(dev: Part, test: Part) -> float:
    y, pred = _hx_pred(dev, test)
    return float(f1_score(y, pred, labels=[0, 1, 2], average="macro", zero_division=0))


def _hx_auroc(dev: Part, test: Part) -> float:
    y = _hx_y(test)
    if len(set(y.tolist())) < 3:
        return float("nan")
    s = hatexplain_class_scores(test.scores["identity_attack"], test.scores["toxicity"])
    return float(roc_auc_score(y, s, multi_class="ovo", average="macro"))


def _hx_toxic_auroc(dev: Part, test: Part) -> float:
    return auroc(_hx_y(test) > 0, test.scores["toxicity"])


# OLID ---------------------------------------------------------------------


def olid_levels(gold: str) -> tuple[str, str, str]:
    """OLID's gold ``A|B|C`` (e.g. ``OFF|TIN|IND``) as its three levels, NULL where absent."""
    a, b, c = [*gold.split("|"), "NULL", "NULL"][:3]
    return a, b, c


def _olid_levels(part: Part) -> list[tuple[str, str, str]]:
    return [olid_levels(g) for g in part.gold()]


def _subset(part: Part, keep: np.ndarray) -> dict[str, np.ndarray]:
    return {k: np.asarray(v)[keep] for k, v in part.scores.items()}


def _olid_a(dev: Part, test: Part) -> float:
    def xy(p: Part) -> tuple[np.ndarray, np.ndarray]:
        levels = _olid_levels(p)
        keep = np.array([a in ("OFF", "NOT") for a, _, _ in levels], dtype=bool)
        y = np.array([a == "OFF" for a, _, _ in levels], dtype=int)[keep]
        return np.asarray(p.scores["toxicity"])[keep], y

    s_dev, y_dev = xy(dev)
    s_test, y_test = xy(test)
    t = tune_threshold(s_dev, y_dev, macro=True)
    return float(f1_score(y_test, (s_test >= t).astype(int), average="macro", zero_division=0))


def olid_targeted_score(scores: Mapping[str, np.ndarray]) -> np.ndarray:
    """Sub-task B: how targeted an offence is: the strongest of insult, identity attack, threat."""
    stacked = np.vstack([np.asarray(scores[a]) for a in ("insult", "identity_attack", "threat")])
    return np.asarray(stacked.max(axis=0))


def _olid_b(dev: Part, test: Part) -> float:
    def xy(p: Part) -> tuple[np.ndarray, np.ndarray]:
        levels = _olid_levels(p)
        keep = np.array([a == "OFF" and b in ("TIN", "UNT") for a, b, _ in levels], dtype=bool)
        y = np.array([b == "TIN" for _, b, _ in levels], dtype=int)[keep]
        return olid_targeted_score(_subset(p, keep)), y

    s_dev, y_dev = xy(dev)
    s_test, y_test = xy(test)
    if not len(y_test):
        return float("nan")
    t = tune_threshold(s_dev, y_dev, macro=True)
    return float(f1_score(y_test, (s_test >= t).astype(int), average="macro", zero_division=0))


OLID_C_CLASSES = ("IND", "GRP", "OTH")


def olid_c_classes(
    identity_attack: np.ndarray, insult: np.ndarray, t_grp: float, t_ind: float
) -> np.ndarray:
    """Sub-task C: 1 GRP if identity_attack >= t_grp, else 0 IND if insult >= t_ind, else 2 OTH."""
    return np.where(identity_attack >= t_grp, 1, np.where(insult >= t_ind, 0, 2))


def _olid_c(dev: Part, test: Part) -> float:
    index = {c: i for i, c in enumerate(OLID_C_CLASSES)}

    def xy(p: Part) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        levels = _olid_levels(p)
        keep = np.array([b == "TIN" and c in index for _, b, c in levels], dtype=bool)
        y = np.array([index.get(c, 0) for _, _, c in levels], dtype=int)[keep]
        s = _subset(p, keep)
        return s["identity_attack"], s["insult"], y

    ia_dev, ins_dev, y_dev = xy(dev)
    ia_test, ins_test, y_test = xy(test)
    if not len(y_test):
        return float("nan")
    t_grp, t_ind = tune_two_thresholds(ia_dev, ins_dev, y_dev, olid_c_classes, 3)
    pred = olid_c_classes(ia_test, ins_test, t_grp, t_ind)
    return float(f1_score(y_test, pred, labels=[0, 1, 2], average="macro", zero_division=0))


# Binary tasks ---------------------------------------------------------------


def binary_task(attribute: str, positive: Callable[[Part], np.ndarray], metric: str) -> Compute:
    """A binary task: ``positive(part)`` gives 1/0/-1 (-1 = row not labelled for it).

    ``metric`` is ``F1`` (positive class), ``macro-F1``, ``accuracy`` (all three at the
    dev-tuned threshold) or ``AUROC``.
    """

    def compute(dev: Part, test: Part) -> float:
        y_test_all = positive(test)
        keep_test = y_test_all >= 0
        y_test = y_test_all[keep_test]
        s_test = np.asarray(test.scores[attribute])[keep_test]
        if metric == "AUROC":
            return auroc(y_test, s_test)
        y_dev_all = positive(dev)
        keep_dev = y_dev_all >= 0
        t = tune_threshold(
            np.asarray(dev.scores[attribute])[keep_dev],
            y_dev_all[keep_dev],
            macro=metric == "macro-F1",
        )
        pred = (s_test >= t).astype(int)
        if not len(y_test):
            return float("nan")
        if metric == "accuracy":
            return float(accuracy_score(y_test, pred))
        average = "macro" if metric == "macro-F1" else "binary"
        return float(f1_score(y_test, pred, average=average, zero_division=0))

    return compute


def gold_is(*positives: str) -> Callable[[Part], np.ndarray]:
    """1 where the row's gold string is one of ``positives``, else 0."""
    return lambda p: np.array([1 if g in positives else 0 for g in p.gold()], dtype=int)


def gold_is_not(*negatives: str) -> Callable[[Part], np.ndarray]:
    """1 where the row's gold string is none of ``negatives``, else 0."""
    return lambda p: np.array([0 if g in negatives else 1 for g in p.gold()], dtype=int)


def ghc_flag(position: int) -> Callable[[Part], np.ndarray]:
    """GHC gold is three digits ``hd cv vo``: the flag at ``position``."""
    return lambda p: np.array(
        [int(g[position]) if len(g) == 3 else -1 for g in p.gold()], dtype=int
    )


def label_of(head: str) -> Callable[[Part], np.ndarray]:
    """The unified label column as 1/0, -1 where missing."""

    def get(p: Part) -> np.ndarray:
        col = p.label(head)
        return np.where(np.isnan(col), -1, (col >= 0.5).astype(int))

    return get


def perspective_auroc(test: LabelledRows) -> float:
    """CAT-LARGE: AUROC of the Perspective API scores shipped in the file (``gold``)."""
    y = test.matrix()[:, HEADS.index("toxicity")]
    s = np.array([float(g) if g not in ("", None) else np.nan for g in test.gold])
    keep = ~np.isnan(y) & ~np.isnan(s)
    return auroc(y[keep].astype(int), s[keep])


def _binary_rows(
    key: str,
    dataset: str,
    task: str,
    attribute: str,
    positive: Callable[[Part], np.ndarray],
    metrics: Sequence[str],
    note: str = "",
) -> list[Task]:
    return [
        Task(
            key, dataset, task, m, (attribute,), binary_task(attribute, positive, m), note, positive
        )
        for m in metrics
    ]


#: Marker for the one task that needs spans rather than scores (computed by the runner).
SPANS = "spans"

TASKS: tuple[Task, ...] = (
    Task(
        "hatexplain",
        "HateXplain",
        "3-class",
        "accuracy",
        ("identity_attack", "toxicity"),
        _hx_accuracy,
    ),
    Task(
        "hatexplain",
        "HateXplain",
        "3-class",
        "macro-F1",
        ("identity_attack", "toxicity"),
        _hx_macro_f1,
    ),
    Task(
        "hatexplain",
        "HateXplain",
        "3-class",
        "AUROC (OvO)",
        ("identity_attack", "toxicity"),
        _hx_auroc,
    ),
    Task("hatexplain", "HateXplain", "toxic vs normal", "AUROC", ("toxicity",), _hx_toxic_auroc),
    Task("olid", "OLID", "A: OFF vs NOT", "macro-F1", ("toxicity",), _olid_a),
    Task(
        "olid",
        "OLID",
        "B: TIN vs UNT",
        "macro-F1",
        ("insult", "identity_attack", "threat"),
        _olid_b,
    ),
    Task("olid", "OLID", "C: IND/GRP/OTH", "macro-F1", ("identity_attack", "insult"), _olid_c),
    Task("toxic_spans", "Toxic Spans", "spans", "char-F1", (SPANS,), lambda d, t: float("nan")),
    *_binary_rows("ghc", "GHC", "hd (human dignity)", "identity_attack", ghc_flag(0), ["F1"]),
    *_binary_rows("ghc", "GHC", "cv (call for violence)", "threat", ghc_flag(1), ["F1"]),
    *_binary_rows("ghc", "GHC", "vo (vulgarity)", "profanity", ghc_flag(2), ["F1"]),
    *_binary_rows(
        "cat_gc",
        "CAT-LARGE gc",
        "toxic, labelled in context",
        "toxicity",
        label_of("toxicity"),
        ["AUROC"],
        note="scored with the parent comment as context",
    ),
    *_binary_rows(
        "cadd", "CADD", "abusive vs not", "toxicity", gold_is_not("0"), ["macro-F1", "AUROC"]
    ),
    *_binary_rows(
        "unhealthy", "Unhealthy Conv.", "hostile", "toxicity", label_of("toxicity"), ["AUROC"]
    ),
    *_binary_rows(
        "unhealthy", "Unhealthy Conv.", "unhealthy (healthy=0)", "toxicity", gold_is("0"), ["AUROC"]
    ),
    *_binary_rows(
        "ethos", "ETHOS", "hate (seeded split)", "identity_attack", gold_is("hate"), ["F1", "AUROC"]
    ),
    *_binary_rows(
        "stormfront",
        "Stormfront",
        "hate (official test)",
        "identity_attack",
        gold_is("hate"),
        ["accuracy", "F1", "AUROC"],
    ),
    *_binary_rows(
        "implicit_hate",
        "Implicit Hate",
        "hate (seeded split)",
        "identity_attack",
        gold_is_not("not_hate"),
        ["F1", "AUROC"],
    ),
    *_binary_rows(
        "davidson",
        "Davidson",
        "hate (seeded split)",
        "identity_attack",
        gold_is("hate"),
        ["F1", "AUROC"],
    ),
)

#: Data sets the table reads, in report order (WikiMadlibs is the bias section's).
BENCHMARK_SETS: tuple[str, ...] = tuple(dict.fromkeys(t.key for t in TASKS))


@dataclass
class BenchmarkRow:
    """One rendered row: ThreadGuard's value and each peer's (None = cannot be computed)."""

    key: str
    dataset: str
    task: str
    metric: str
    rows: int
    positives: int | None = None
    values: dict[str, float | None] = field(default_factory=dict)
    published: Published | None = None
    note: str = ""


def run_task(
    task: Task, dev: LabelledRows, test: LabelledRows, dev_scores: Scores, test_scores: Scores
) -> float | None:
    """The task's value for one system, or None when the system lacks an attribute it needs."""
    if any(a not in test_scores or a not in dev_scores for a in task.needs):
        return None
    value = task.compute(Part(dev, dev_scores), Part(test, test_scores))
    return None if np.isnan(value) else float(value)


def scores_from_probabilities(probs: np.ndarray) -> dict[str, np.ndarray]:
    """Engine head probabilities ``[n, len(HEADS)]`` as a name -> column mapping."""
    return {h: probs[:, i].astype(np.float64) for i, h in enumerate(HEADS)}
