"""``threadguard eval --suite languages``: every language beyond English on its official test
split beside the best published figure, its functional suite, and its bias figures.

Each non-English set is scored by the engine of its language (:meth:`Engine.for_language`),
as a comment in that language would be. The decision threshold for the binary task
(offensive / toxic / hostile vs not) is chosen on the set's dev rows to maximise macro-F1,
then applied to the test rows: the published systems were tuned on their training data too.

The functional suites (``resources/functional_suite_<lang>.jsonl``, written by the team,
never trained on) are judged on decisions, as the English suite is. Bias per language comes
from the suites, where every group is mentioned in the same frames: per target group, the
share of calm mentions (cases a moderator should approve) that were held, beside the share
of attacks on that group that were held. A group whose calm mentions are held far more
often than others' is one the model has learnt to distrust.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.functional import (
    Case,
    SuiteResult,
    inputs,
    judge_decisions,
    parse_suite,
)
from threadguard.evaluation.published import PUBLISHED, Published
from threadguard.moderation import Moderator
from threadguard.schema import Verdict
from threadguard.training.datasets import HEADS, LabelledRows
from threadguard.training.datasets_multilingual import LANGUAGE_SETS, load_language_sets
from threadguard.training.unseen import evaluated_rows

#: The binary task each set is reported on (the key of its published figure).
TASKS: dict[str, str] = {
    "germeval2018": "coarse (OFFENSE vs OTHER)",
    "offenseval2020_tr": "sub-task A (OFF vs NOT)",
    "told_br": "toxic vs not (1-annotator split)",
    "osact2022_ar": "offensive (OFF vs NOT_OFF)",
    "mlma_fr": "hostile vs normal",
    "mlma_ar": "hostile vs normal",
}
#: Languages with a team-written functional suite.
SUITE_LANGUAGES: tuple[str, ...] = ("de", "fr", "es")
_TOX = HEADS.index("toxicity")


@dataclass(frozen=True)
class LanguageRow:
    """One set's test split: the binary task's macro-F1 and AUROC per labelled attribute."""

    dataset: str
    language: str
    task: str
    rows: int
    positives: int
    threshold: float
    macro_f1: float
    auroc: dict[str, float]
    published: Published | None
    #: Test rows left out because a train or dev row copies them (:mod:`threadguard.training.unseen`).
    copies_left_out: int = 0


def _probabilities(engine: Engine, block: LabelledRows) -> np.ndarray:
    return engine.head_probabilities([CommentInput(t) for t in block.texts])


def best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The threshold (a grid of 0.05 to 0.95) with the best macro-F1 on these rows."""
    grid = np.round(np.linspace(0.05, 0.95, 91), 2)
    scores = [f1_score(y, p >= t, average="macro", zero_division=0) for t in grid]
    return float(grid[int(np.argmax(scores))])


def evaluate_block(
    engine: Engine, block: LabelledRows, split: str = "test", root: Path | None = None
) -> LanguageRow:
    """Macro-F1 of the binary task (threshold from dev) and AUROCs on ``split``; with the
    data folder ``root``, test rows that a training or dev row copies are left out."""
    language = LANGUAGE_SETS[block.dataset][1]
    scorer = engine.for_language(language)
    dev = block.select("dev")
    y_dev = dev.matrix()[:, _TOX]
    threshold = best_threshold(y_dev, _probabilities(scorer, dev)[:, _TOX])
    rows = block.select(split) if root is None else evaluated_rows(block, split, root)
    labels = rows.matrix()
    probs = _probabilities(scorer, rows)
    y = labels[:, _TOX]
    auroc = {}
    for h, head in enumerate(HEADS):
        known = ~np.isnan(labels[:, h])
        positives = labels[known, h].sum()
        if positives >= 5 and known.sum() - positives >= 5:
            auroc[head] = float(roc_auc_score(labels[known, h], probs[known, h]))
    task = TASKS[block.dataset]
    return LanguageRow(
        dataset=block.dataset,
        language=language,
        task=task,
        rows=len(rows),
        positives=int(np.nansum(y)),
        threshold=threshold,
        macro_f1=float(f1_score(y, probs[:, _TOX] >= threshold, average="macro")),
        auroc=auroc,
        published=PUBLISHED.get((block.dataset, task, "macro-F1")),
        copies_left_out=len(block.select(split)) - len(rows),
    )


def evaluate_languages(engine: Engine, root: Path, split: str = "test") -> list[LanguageRow]:
    """Every non-English set in the data folder, by the engine of its language."""
    return [evaluate_block(engine, b, split, root) for b in load_language_sets(root)]


def load_language_suite(language: str) -> list[Case]:
    """The team's functional suite for ``language`` (``functional_suite_<lang>.jsonl``)."""
    name = f"functional_suite_{language}.jsonl"
    text = resources.files("threadguard.resources").joinpath(name).read_text("utf-8")
    return parse_suite(text.splitlines(), name)


@dataclass(frozen=True)
class GroupBias:
    """How one group's mentions fared in a language's suite."""

    group: str
    calm: int
    calm_held: int
    attacks: int
    attacks_held: int


@dataclass(frozen=True)
class LanguageSuite:
    """A language's suite judged on decisions, the languages it was detected as, and bias."""

    language: str
    result: SuiteResult
    detected: dict[str, int]
    bias: tuple[GroupBias, ...]


def run_language_suite(
    engine: Engine, moderator: Moderator, language: str, cases: Sequence[Case] | None = None
) -> LanguageSuite:
    """Score the suite as comments (language detected from the text, as in production),
    decide with the moderator, and judge the decisions."""
    chosen = list(cases) if cases is not None else load_language_suite(language)
    analyses = engine.analyze(inputs(chosen), spans=False)
    actions = [moderator.decide(a, c.text).action for a, c in zip(analyses, chosen, strict=True)]
    detected: dict[str, int] = {}
    for a in analyses:
        detected[a.language] = detected.get(a.language, 0) + 1
    counts: dict[str, list[int]] = {}
    for case, action in zip(chosen, actions, strict=True):
        if case.target is None or case.decision is None:
            continue
        c = counts.setdefault(case.target, [0, 0, 0, 0])
        held = action is not Verdict.APPROVE
        if case.decision is Verdict.APPROVE:
            c[0] += 1
            c[1] += held
        else:
            c[2] += 1
            c[3] += held
    bias = tuple(GroupBias(g, *v) for g, v in sorted(counts.items()))
    return LanguageSuite(language, judge_decisions(chosen, actions), detected, bias)
