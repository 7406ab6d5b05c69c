"""Label rows shared by the data set loaders and the team's templates.

A row's labels are a dict over the heads (:data:`threadguard.training.datasets.HEADS`);
a head left out is unknown (masked in training), never negative. These build the common
ones: a row judged clean, "attacks no group", "attacks these groups", an attack on one
group and an insult of one person (as the language templates label them), free-text
targets read as schema groups, and template frames filled with groups' names.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from threadguard.schema import ATTRIBUTES, GROUPS, with_parents


def all_clear() -> dict[str, float]:
    """Labels for a row its annotators judged clean: no attribute, no target."""
    labels = {a: 0.0 for a in ATTRIBUTES}
    labels.update({f"target:{g}": 0.0 for g in GROUPS})
    return labels


def no_target() -> dict[str, float]:
    """Labels saying that no group is attacked."""
    return {f"target:{g}": 0.0 for g in GROUPS}


# --- words that name groups, used to read free-text targets (implicit hate, stage 3) ---
_GROUP_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("muslims", ("muslim", "islam", "moslem", "arabian")),
    ("jews", ("jew", "jewish", "zionist")),
    ("christians", ("christian", "catholic")),
    ("black_people", ("black", "african")),
    ("arabs", ("arab",)),
    ("asians", ("asian", "chinese", "japanese", "korean")),
    ("white_people", ("white", "caucasian")),
    ("latinx", ("mexican", "hispanic", "latino", "latina", "latinx")),
    ("nationality_migration", ("immigrant", "migrant", "refugee", "illegal", "alien", "foreigner")),
    ("women", ("women", "woman", "female", "girls", "feminist")),
    ("gender", ("women", "woman", "female", "feminist", "trans", "men ", "male")),
    ("sexual_orientation", ("gay", "lesbian", "lgbt", "homosexual", "queer", "bisexual")),
    ("disability", ("disab", "retard", "autis", "handicap")),
    ("religion", ("hindu", "sikh", "buddhist", "atheist")),
    ("race_ethnicity", ("minorit", "non-white", "people of color", "race", "racial", "indian")),
)


def groups_in(target_text: str) -> set[str]:
    """Map a free-text target description ("illegal immigrants") to schema groups."""
    t = f" {target_text.lower()} "
    return with_parents({g for g, words in _GROUP_WORDS if any(w in t for w in words)})


def target_labels(groups: Iterable[str]) -> dict[str, float]:
    """Labels naming the attacked groups (and their coarse groups); every other target 0."""
    labels = no_target()
    for g in with_parents(set(groups)):
        labels[f"target:{g}"] = 1.0
    return labels


def capitalised(text: str) -> str:
    """``text`` with its first letter upper case and the rest as written (``str.capitalize``
    would lower "NATO" and "Muslims")."""
    return text[0].upper() + text[1:]


def fill_group(frame: str, noun: str) -> str:
    """A template frame with ``{g}`` replaced by a group's noun, capitalised."""
    return capitalised(frame.replace("{g}", noun))


def group_attack(group: str) -> dict[str, float]:
    """Labels for an attack on one schema group: toxic, an identity attack naming the group
    (and its coarse group), neither an insult of a person nor a threat."""
    labels = {"toxicity": 1.0, "identity_attack": 1.0, "insult": 0.0, "threat": 0.0}
    labels.update(target_labels({group}))
    return labels


def personal_insult() -> dict[str, float]:
    """Labels for an insult of one person: toxic and an insult, no identity attack, no
    threat, no group attacked."""
    labels = {"toxicity": 1.0, "insult": 1.0, "identity_attack": 0.0, "threat": 0.0}
    labels.update(no_target())
    return labels


def swearing_at_no_one() -> dict[str, float]:
    """Labels for swearing aimed at no one (a delay, the weather, a broken thing): not
    toxic, no identity attack, insult or threat, no group attacked; profanity (and every
    other head) left unknown."""
    labels = {"toxicity": 0.0, "identity_attack": 0.0, "insult": 0.0, "threat": 0.0}
    labels.update(no_target())
    return labels


def dense_swearing() -> dict[str, float]:
    """Labels for an outburst dense with swearwords, still at no one: toxic, with no
    identity attack, insult or threat and no group attacked; profanity left unknown (the
    caller labels it where the language's rows have that head)."""
    labels = {"toxicity": 1.0, "identity_attack": 0.0, "insult": 0.0, "threat": 0.0}
    labels.update(no_target())
    return labels


class Filling(NamedTuple):
    """One frame to fill with one group's noun: ``i``, the frame's place among the frames;
    ``j``, the group's turn within that frame; ``n``, the filling's place among all of
    them (``i * per_frame + j``)."""

    frame: str
    group: str
    noun: str
    i: int
    j: int
    n: int


def groups_in_turn(
    frames: Iterable[str], groups: Sequence[tuple[str, str]], per_frame: int, start: int = 0
) -> Iterator[Filling]:
    """Each frame with ``per_frame`` of the (schema group, noun) ``groups``, taken in turn
    from the ``start``-th (so every group is used, wrapping round): the ``n``-th filling
    takes group ``(n + start) % len(groups)``."""
    for i, frame in enumerate(frames):
        for j in range(per_frame):
            n = i * per_frame + j
            group, noun = groups[(n + start) % len(groups)]
            yield Filling(frame, group, noun, i, j, n)
