"""Groups named as a moderator reads them: ``threadguard eval --suite targets``.

A comment held for hate is only half explained until its ``targets`` say whom it attacks:
the queue, the thread's signals, the batch report's chart of targeted groups and the
dashboard's statistics all read them. The models' target heads name a group where they
read an attack on it; the site's lists (coded hate, calls for expulsion, dehumanising
phrases, abusive words) name the group of what they find, however low the models scored
it (:meth:`threadguard.moderation.Outcome.named_groups`). This suite counts, on the rows
whose annotators said which group a comment attacks, what a moderator would see:

- of the comments labelled an attack on a group that the default policy holds, how many
  name a labelled group (by the models' heads alone, and as the outputs report them:
  with the lists' groups), how many name only other groups, and how many name none;
- of the civil comments (no attack on a group, not labelled toxic), how many name a group
  all the same (any decision; a civil comment held *and* said to target a group reads as
  an accusation);
- of the comments in which the lists found a group attacked, how many annotators labelled
  an attack on that group: the measure behind
  :data:`~threadguard.moderation.decision.LISTED_TARGET`.

The sets are HateXplain (official split; its labels name only gender, religion and race),
the Implicit Hate Corpus (its free-text targets read as groups; seeded split) and ETHOS
(seeded split), and the team's functional suite (every case whose ``decision`` and
``target`` are given; it has no split and is reported with either).

Everything below is pure except :func:`target_sets`, which reads the data folder.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Final

from threadguard.analysis import Analysis
from threadguard.engine import CommentInput, Engine
from threadguard.evaluation.functional import load_suite
from threadguard.moderation import Moderator, with_findings
from threadguard.schema import GROUPS, Verdict, with_parents
from threadguard.training.datasets import (
    HEADS,
    LabelledRows,
    load_ethos,
    load_hatexplain,
    load_implicit_hate,
)
from threadguard.training.unseen import evaluated_rows

#: The data sets whose rows say which group a comment attacks, in the order reported.
LOADERS: Final[dict[str, Callable[[Path], LabelledRows]]] = {
    "hatexplain": load_hatexplain,
    "implicit_hate": load_implicit_hate,
    "ethos": load_ethos,
}
#: How many comments are scored at a time.
BATCH: Final = 256


@dataclass(frozen=True)
class TargetCase:
    """One comment with what its annotators said of the groups it attacks.

    ``groups``: the groups labelled attacked (with their coarse groups), empty for none;
    ``known``: whether the annotators said which groups it attacks (an empty ``groups``
    then means "none"); ``civil``: labelled neither an attack on a group nor toxic.
    """

    text: str
    groups: frozenset[str]
    known: bool
    civil: bool
    parent: str = ""
    title: str = ""


@dataclass(frozen=True)
class TargetCounts:
    """One set's counts (see the module docs)."""

    name: str
    attacks: int = 0
    held: int = 0
    named_by_models: int = 0
    named: int = 0
    wrong_only: int = 0
    unnamed: int = 0
    civil: int = 0
    civil_named: int = 0
    listed: int = 0
    listed_right: int = 0


def cases_of(rows: LabelledRows, split: str) -> list[TargetCase]:
    """The rows of ``split`` in which annotators judged the groups attacked, or which
    are civil: a row that is toxic with its groups unknown says nothing here."""
    at = {g: HEADS.index(f"target:{g}") for g in GROUPS}
    tox, ia = HEADS.index("toxicity"), HEADS.index("identity_attack")
    out = []
    for i, s in enumerate(rows.splits):
        if s != split:
            continue
        lab = rows.labels[i]
        known = not any(math.isnan(float(lab[j])) for j in at.values())
        groups = frozenset(g for g, j in at.items() if lab[j] == 1.0)
        civil = float(lab[ia]) == 0.0 and float(lab[tox]) != 1.0 and not groups
        if groups or civil or known:
            out.append(
                TargetCase(rows.texts[i], groups, known, civil, rows.parents[i], rows.titles[i])
            )
    return out


def suite_cases() -> list[TargetCase]:
    """The functional suite's cases with a decision: a case to hold that names its
    target is an attack on it; a case to approve is civil."""
    out = []
    for c in load_suite():
        if c.decision is None:
            continue
        if c.decision is Verdict.APPROVE:
            out.append(TargetCase(c.text, frozenset(), True, True, c.parent or ""))
        elif c.target is not None:
            groups = frozenset(with_parents({c.target}))
            out.append(TargetCase(c.text, groups, True, False, c.parent or ""))
    return out


def target_sets(root: Path | None, split: str) -> list[tuple[str, list[TargetCase]]]:
    """Each data set's cases of ``split`` under ``root`` (none: the suite only; test rows a
    training or dev row copies left out), then the functional suite's."""
    sets = []
    if root is not None:
        for name, load in LOADERS.items():
            # test rows that a training or dev row copies are left out, as everywhere
            sets.append((name, cases_of(evaluated_rows(load(root), split, root), split)))
    sets.append(("functional suite", suite_cases()))
    return sets


def _names(groups: Iterable[str], labelled: frozenset[str]) -> bool:
    """Whether reported ``groups`` name a labelled group (a fine group names its coarse
    one: HateXplain labels "religion" where a comment attacks Muslims)."""
    return bool(with_parents(set(groups)) & labelled)


def count(
    name: str,
    cases: Sequence[TargetCase],
    analyses: Sequence[Analysis],
    moderator: Moderator,
) -> TargetCounts:
    """One set's counts from its cases and their analyses, decided by ``moderator``."""
    n = {f.name: 0 for f in fields(TargetCounts) if f.name != "name"}
    for case, a in zip(cases, analyses, strict=True):
        outcome = moderator.decide(
            a, case.text, context=case.parent or case.title, title=case.title
        )
        reported = {t.group for t in with_findings(a, outcome).targets}
        if case.known and outcome.named_groups:
            n["listed"] += 1
            n["listed_right"] += bool(outcome.named_groups & case.groups)
        if case.civil:
            n["civil"] += 1
            n["civil_named"] += bool(reported)
        if not case.groups:
            continue
        n["attacks"] += 1
        if outcome.action is Verdict.APPROVE:
            continue
        n["held"] += 1
        n["named_by_models"] += _names((t.group for t in a.targets), case.groups)
        if _names(reported, case.groups):
            n["named"] += 1
        elif reported:
            n["wrong_only"] += 1
        else:
            n["unnamed"] += 1
    return TargetCounts(name, **n)


def run_targets(
    engine: Engine,
    moderator: Moderator,
    sets: Sequence[tuple[str, Sequence[TargetCase]]],
    log: Callable[[str], None] = lambda _: None,
) -> list[TargetCounts]:
    """Score and decide every case of every set; one :class:`TargetCounts` each."""
    out = []
    for name, cases in sets:
        log(f"{name}: {len(cases):,} comments")
        analyses: list[Analysis] = []
        for k in range(0, len(cases), BATCH):
            chunk = cases[k : k + BATCH]
            analyses += engine.analyze(
                [CommentInput(c.text, parent=c.parent, title=c.title) for c in chunk]
            )
        out.append(count(name, cases, analyses, moderator))
    return out


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def targets_markdown(rows: Sequence[TargetCounts], title: str) -> str:
    """The suite's table as Markdown (``--out``, and docs/evaluation.md)."""
    head = (
        "| set | attacks on a group held | named right by the models | named right "
        "(with the lists) | only other groups | none | civil named | lists' groups labelled |"
    )
    lines = [f"## {title}", "", head, "|" + " --- |" + " ---: |" * 7]
    for r in rows:
        lines.append(
            f"| {r.name} | {r.held:,} of {r.attacks:,} | {_share(r.named_by_models, r.held)} "
            f"| {_share(r.named, r.held)} | {r.wrong_only:,} | {r.unnamed:,} "
            f"| {r.civil_named:,} of {r.civil:,} | {r.listed_right:,} of {r.listed:,} |"
        )
    return "\n".join(lines) + "\n"
