"""The contrast replies: one reply, two parents, and only the parent decides.

A reply that attacks a group only through the comment it answers must be taught beside the
same words answering something else civilly, or the network learns the words."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from threadguard.moderation.threats import GROUP
from threadguard.schema import ATTRIBUTES, GROUPS, with_parents
from threadguard.training.augment import context_rows
from threadguard.training.datasets import HEADS
from threadguard.training.templates_contrast_data import CONTRAST
from threadguard.training.templates_contrast_replies import contrast_reply_rows

_IA = HEADS.index("identity_attack")
#: Words that name a group of people, beyond the threat list's names: a civil parent must
#: hold none, or the row would teach that a parent naming a group makes a reply civil.
_NAMES_A_GROUP = re.compile(
    rf"\b(?:{GROUP}|wom[ae]n|gay|lesbian|trans|black|white|jewish|muslim|christian|"
    r"catholic|disabled|roma|traveller|polish|chinese|nigerian|indian|mexican|"
    r"immigra\w*|refugee\w*|mosque|synagogue|church|cathedral|temple|islam\w*)\b",
    re.IGNORECASE,
)


def test_every_reply_is_hostile_under_its_group_parent_and_civil_under_the_other() -> None:
    rows = contrast_reply_rows()
    assert len(rows) == 2 * len(CONTRAST) >= 160
    labels_of: dict[str, list[float]] = {}
    for reply, parent, labels in rows:
        labels_of.setdefault(reply, []).append(float(labels[_IA]))
    assert all(sorted(v) == [0.0, 1.0] for v in labels_of.values())
    targets = [i for i, h in enumerate(HEADS) if h.startswith("target:")]
    for group, group_parent, reply, civil_parent in CONTRAST:
        assert group in GROUPS
        assert group_parent != civil_parent
        hostile = next(y for r, p, y in rows if r == reply and p == group_parent)
        assert hostile[HEADS.index("toxicity")] == 1.0
        assert hostile[HEADS.index(f"target:{group}")] == 1.0
        assert np.isnan(hostile[HEADS.index("threat")])  # an insinuation names no harm
        # the group and its coarse group are targeted; no other group is
        named = {HEADS.index(f"target:{g}") for g in with_parents({group})}
        assert all(hostile[i] == (1.0 if i in named else 0.0) for i in targets)
        civil = next(y for r, p, y in rows if r == reply and p == civil_parent)
        assert not np.isnan(civil[: len(ATTRIBUTES)]).any()
        assert civil[: len(ATTRIBUTES)].sum() == 0.0  # nothing abusive at all
        assert all(civil[i] == 0.0 for i in targets)


def test_the_civil_parents_name_no_group_and_the_replies_name_none_either() -> None:
    named = [p for _, _, _, p in CONTRAST if _NAMES_A_GROUP.search(p)]
    assert named == []
    # the reply carries no group's name: only its group parent makes it an attack
    assert [r for _, _, r, _ in CONTRAST if _NAMES_A_GROUP.search(r)] == []


def test_the_rows_are_varied_and_read_with_their_parents() -> None:
    replies = [r for _, _, r, _ in CONTRAST]
    parents = [p for row in CONTRAST for p in (row[1], row[3])]
    assert len(set(replies)) == len(replies)
    assert len(set(parents)) == len(parents)
    per_group = Counter(g for g, *_ in CONTRAST)
    assert len(per_group) >= 10 and min(per_group.values()) >= 2
    # every row reaches the trainer's context rows, which are never read alone
    in_context = {(r, p) for r, p, _ in context_rows()}
    assert {(r, p) for r, p, _ in contrast_reply_rows()} <= in_context
