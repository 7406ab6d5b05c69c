"""The unified label schema: the seven attributes and the target groups of DESIGN.md.

Every data set's labels are mapped onto these names by ``training.datasets``; every
model head, score and policy threshold is keyed by them.
"""

from __future__ import annotations

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

#: The coarse group that each fine group belongs to.
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
