"""Which rows of each data set are civil and which abusive, for ``eval --suite decisions``.

A moderator's two questions are "how many readers who did nothing wrong did it hold?" and
"how much abuse did it let through?". Each data set answers them once its labels are
read as *civil* or *abusive*; rows whose labels say neither (mildly toxic, unhealthy in
some other way, the middle of a continuous score) are left out rather than forced into
a class. The coding of every set is written beside it and printed with the results.

News comments come first: they are what ThreadGuard's sites moderate. The team's own
suites (the functional hard cases, the civil news sentences) come last; they have no
split, so dev and test runs read the same cases.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from threadguard.evaluation.blind_check import load_blind_check
from threadguard.evaluation.civil_news import load_civil_news, load_group_mentions
from threadguard.evaluation.functional import load_suite
from threadguard.evaluation.twin_suites import CALLS as CALLS_SUITE
from threadguard.evaluation.twin_suites import JUDGEMENTS as JUDGEMENTS_SUITE
from threadguard.evaluation.twin_suites import PERSON_THREATS as PERSON_THREATS_SUITE
from threadguard.evaluation.twin_suites import load_twin_suite
from threadguard.schema import Verdict
from threadguard.training.datasets import (
    HEADS,
    LabelledRows,
    load_cadd,
    load_context_toxicity,
    load_hateval_en,
    load_ruddit,
    load_sfu_news,
    load_unhealthy,
)
from threadguard.training.unseen import evaluated_rows

#: Ruddit offensiveness (-1 most supportive .. +1 most offensive) as decisions read it: at
#: most this is civil, at least ``RUDDIT_ABUSIVE_FROM`` abusive, the middle left out. Zero
#: is the scale's neutral point; 0.5 keeps the top ~9% of rows, which read as clearly
#: offensive, where 0.25 still holds heated but civil disagreement.
RUDDIT_CIVIL_AT_MOST = 0.0
RUDDIT_ABUSIVE_FROM = 0.5

Kind = Literal["civil", "abusive"]
_TOXICITY: Final = HEADS.index("toxicity")


@dataclass(frozen=True)
class Item:
    """One comment to decide, with its context and whether it is civil or abusive."""

    text: str
    kind: Kind
    parent: str = ""
    title: str = ""


@dataclass(frozen=True)
class DecisionSet:
    """A labelled data set read as civil / abusive: ``kind(gold, toxicity label)`` of one
    row, None for neither (the label is NaN where the set does not say)."""

    key: str
    name: str
    news: bool
    coding: str
    load: Callable[[Path], LabelledRows]
    kind: Callable[[str, float], Kind | None]


def _unhealthy(gold: str, toxicity: float) -> Kind | None:
    if toxicity == 1.0:
        return "abusive"
    return "civil" if gold == "1" else None


def _sfu(gold: str, _toxicity: float) -> Kind | None:
    return "civil" if gold == "1" else "abusive" if gold in ("3", "4") else None


def _binary(_gold: str, toxicity: float) -> Kind | None:
    return "abusive" if toxicity == 1.0 else "civil" if toxicity == 0.0 else None


def _cadd(gold: str, _toxicity: float) -> Kind | None:
    return "civil" if gold == "0" else "abusive"


def _ruddit(gold: str, _toxicity: float) -> Kind | None:
    score = float(gold)
    if score <= RUDDIT_CIVIL_AT_MOST:
        return "civil"
    return "abusive" if score >= RUDDIT_ABUSIVE_FROM else None


def _hateval(gold: str, _toxicity: float) -> Kind | None:
    return "abusive" if gold.startswith("1") else "civil"


#: The labelled sets, news comments first.
DATA_SETS: Final[tuple[DecisionSet, ...]] = (
    DecisionSet(
        "unhealthy",
        "Unhealthy Conversations (news)",
        True,
        "civil: healthy and not hostile; abusive: hostile (other unhealthy rows left out)",
        load_unhealthy,
        _unhealthy,
    ),
    DecisionSet(
        "sfu",
        "SFU Constructiveness and Toxicity (news)",
        True,
        "civil: toxicity level 1 of 4; abusive: level 3 or 4 (mildly toxic left out); "
        "seeded split keyed on the text, 30% dev and 40% test (the training split)",
        load_sfu_news,
        _sfu,
    ),
    DecisionSet(
        "cat_gc",
        "CAT-LARGE gc (Wikipedia talk, parent as context)",
        False,
        "civil: not toxic; abusive: toxic (labelled with the parent in view)",
        load_context_toxicity,
        _binary,
    ),
    DecisionSet(
        "cadd",
        "CADD (Reddit, post title as context)",
        False,
        "civil: L1 none; abusive: hate, derogatory or profanity (L2 abusive)",
        load_cadd,
        _cadd,
    ),
    DecisionSet(
        "ruddit",
        "Ruddit (Reddit, post title as context)",
        False,
        f"civil: offensiveness <= {RUDDIT_CIVIL_AT_MOST:g}; abusive: >= "
        f"{RUDDIT_ABUSIVE_FROM:g} (between left out)",
        load_ruddit,
        _ruddit,
    ),
    DecisionSet(
        "hateval",
        "HatEval 2019 EN (tweets on immigrants and women)",
        False,
        "civil: HS 0, i.e. not hateful, which is not civil: many of these tweets swear at "
        "or insult a woman or a migrant without the task calling them hate, so the share "
        "held is not a civil-reader figure (read its caught share); abusive: HS 1 (hateful)",
        load_hateval_en,
        _hateval,
    ),
)

#: The team's suites, which ship in the package (reported after the data sets).
FUNCTIONAL = "functional"
CIVIL_NEWS = "civil_news"
GROUP_MENTIONS = "group_mentions"
BLIND_CHECK = "blind_check"
JUDGEMENTS = "judgements"
CALLS = "calls"
PERSON_THREATS = "person_threats"
#: In the order they are reported.
SUITES: Final = (
    FUNCTIONAL,
    CIVIL_NEWS,
    GROUP_MENTIONS,
    BLIND_CHECK,
    JUDGEMENTS,
    CALLS,
    PERSON_THREATS,
)
SUITE_NAMES: Final = {
    FUNCTIONAL: "Functional suite (team-written hard cases)",
    CIVIL_NEWS: "Civil news sentences (team-written)",
    GROUP_MENTIONS: "Friendly mentions of groups (team-written)",
    BLIND_CHECK: "Blind check (written apart from the templates)",
    JUDGEMENTS: "Harsh words at things or at people (team-written)",
    CALLS: "Calls for violence or expulsion, threats, and their civil twins (team-written)",
    PERSON_THREATS: "Threats at one person and their look-alikes (written apart, session 21)",
}
#: The suites that set abuse beside its civil twin, by key (:mod:`.twin_suites`).
TWIN_SUITES: Final = {
    JUDGEMENTS: JUDGEMENTS_SUITE,
    CALLS: CALLS_SUITE,
    PERSON_THREATS: PERSON_THREATS_SUITE,
}
SUITE_CODING: Final = {
    FUNCTIONAL: "civil: cases expecting approve; abusive: cases expecting hold",
    CIVIL_NEWS: "civil only: political and religious-affairs sentences",
    GROUP_MENTIONS: "civil only: short friendly or neutral mentions of groups",
    BLIND_CHECK: "civil: cases expecting approve; abusive: cases expecting hold (never chosen on)",
    JUDGEMENTS: "civil: a thing judged harshly; abusive: the same words at people",
    CALLS: "civil: the civil twins; abusive: calls for violence or expulsion and threats",
    PERSON_THREATS: "civil: idioms, figurative talk, reports, fiction; abusive: threats at a person",
}


def _stable_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def capped(items: list[Item], cap: int | None) -> list[Item]:
    """At most ``cap`` items of each kind, chosen by a hash of the text: the same rows on
    every run and machine, whatever else the file holds; kept in file order."""
    if cap is None:
        return items
    keep: set[int] = set()
    for kind in ("civil", "abusive"):
        idx = [i for i, it in enumerate(items) if it.kind == kind]
        idx.sort(key=lambda i: _stable_key(items[i].text))
        keep.update(idx[:cap])
    return [it for i, it in enumerate(items) if i in keep]


def data_items(spec: DecisionSet, root: Path, split: str, cap: int | None) -> list[Item]:
    """The civil and abusive rows of one split of a data set, capped per kind; test rows
    that a training or dev row copies are left out (:mod:`threadguard.training.unseen`)."""
    block = evaluated_rows(spec.load(root), split, root)
    toxicity = block.matrix()[:, _TOXICITY]
    items = []
    for i, text in enumerate(block.texts):
        kind = spec.kind(block.gold[i], float(toxicity[i]))  # NaN equals nothing: neither
        if kind is not None and text.strip():
            items.append(Item(text, kind, block.parents[i], block.titles[i]))
    return capped(items, cap)


def suite_items(name: str) -> list[Item]:
    """The team's functional cases (with their parents), civil news sentences, friendly
    mentions of groups, blind-check cases, judgements of things and people, calls and
    threats beside their civil twins, or threats at one person beside their look-alikes."""
    if name == CIVIL_NEWS:
        return [Item(s.text, "civil") for s in load_civil_news()]
    if name == GROUP_MENTIONS:
        return [Item(s.text, "civil") for s in load_group_mentions()]
    if name == BLIND_CHECK or name in TWIN_SUITES:
        cases = load_blind_check() if name == BLIND_CHECK else load_twin_suite(TWIN_SUITES[name])
        return [
            Item(c.text, "civil" if c.decision is Verdict.APPROVE else "abusive") for c in cases
        ]
    return [
        Item(c.text, "civil" if c.decision is Verdict.APPROVE else "abusive", c.parent)
        for c in load_suite()
        if c.decision is not None
    ]
