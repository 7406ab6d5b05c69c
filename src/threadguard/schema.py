"""The project's vocabulary: attributes, target groups and their hierarchy, and the enums
for tiers, policy verdicts, moderator actions and roles.

Every data set's labels are mapped onto these names by ``training.datasets``; every
model head, score and policy threshold is keyed by them. The enums are ``StrEnum``s, so
a value compares equal to (and serialises as) the plain string the contracts use.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

ATTRIBUTES: Final[tuple[str, ...]] = (
    "toxicity",
    "severe_toxicity",
    "identity_attack",
    "insult",
    "threat",
    "profanity",
    "sexually_explicit",
)

#: How people read the attributes (the dashboard's labels): the name with its first
#: letter capitalised and spaces for underscores.
ATTRIBUTE_LABELS: Final[dict[str, str]] = {a: a.replace("_", " ").capitalize() for a in ATTRIBUTES}

#: Target groups: coarse groups first, then the finer groups DESIGN.md names.
GROUPS: Final[tuple[str, ...]] = (
    "religion",
    "muslims",
    "jews",
    "christians",
    "race_ethnicity",
    "black_people",
    "arabs",
    "asians",
    "white_people",
    "latinx",
    "nationality_migration",
    "gender",
    "women",
    "sexual_orientation",
    "disability",
)

#: The coarse group that each fine group belongs to (the one group hierarchy: training
#: labels, templates and thread signals all read it from here).
GROUP_PARENT: Final[dict[str, str]] = {
    "muslims": "religion",
    "jews": "religion",
    "christians": "religion",
    "black_people": "race_ethnicity",
    "arabs": "race_ethnicity",
    "asians": "race_ethnicity",
    "white_people": "race_ethnicity",
    "latinx": "race_ethnicity",
    "women": "gender",
}

PERSPECTIVE_NAMES: Final[dict[str, str]] = {a: a.upper() for a in ATTRIBUTES}


def with_parents(groups: set[str]) -> set[str]:
    """``groups`` plus the coarse group of each fine one (``jews`` implies ``religion``)."""
    return groups | {GROUP_PARENT[g] for g in groups if g in GROUP_PARENT}


class Tier(StrEnum):
    """Which models score: the n-gram tier alone, the cascade, or both tiers on every comment."""

    FAST = "fast"
    CASCADE = "cascade"
    DEEP = "deep"


class Ranked(StrEnum):
    """A StrEnum whose members are ranked in the order they are written."""

    @property
    def rank(self) -> int:
        """The member's place: 0 for the first."""
        return list(type(self)).index(self)


class Verdict(Ranked):
    """What the policy decides for a comment, mildest first (the order is the severity)."""

    APPROVE = "approve"
    HOLD = "hold"
    REJECT = "reject"

    @property
    def severity(self) -> int:
        """0 for approve, 1 for hold, 2 for reject."""
        return self.rank

    def at_least(self, floor: Verdict) -> Verdict:
        """This verdict, raised to ``floor`` if that is stricter."""
        return floor if floor.severity > self.severity else self


class ModeratorAction(StrEnum):
    """What a moderator can do to a comment or its author."""

    APPROVE = "approve"
    REJECT = "reject"
    BAN = "ban"
    UNBAN = "unban"
    TRUST = "trust"
    UNTRUST = "untrust"
    NOTE = "note"


class Role(Ranked):
    """Who a key or account acts as, ranked: each role may do what the ones before it may
    (``rank`` is 0 for client, 1 for moderator, 2 for admin)."""

    CLIENT = "client"
    MODERATOR = "moderator"
    ADMIN = "admin"
