"""Label rows shared by the data set loaders and the team's templates.

A row's labels are a dict over the heads (:data:`threadguard.training.datasets.HEADS`);
a head left out is unknown (masked in training), never negative. These build the common
ones: a row judged clean, "attacks no group", "attacks these groups", free-text targets
read as schema groups, and a template frame filled with a group's name.
"""

from __future__ import annotations

from collections.abc import Iterable

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


def fill_group(frame: str, noun: str) -> str:
    """A template frame with ``{g}`` replaced by a group's noun, capitalised."""
    text = frame.replace("{g}", noun)
    return text[0].upper() + text[1:]
