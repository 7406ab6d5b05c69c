"""Training templates for short support of a group, and for replies that push back on hate.

Issue 12 found readers held for standing up for a group: "Black lives matter." (identity
attack 0.76), "Muslims are welcome here. Bigots are not.", and "That is disgusting. Muslims
are our neighbours." under a hateful parent, where the parent's context pushed the reply's
identity attack up. Both tiers read a short sentence that names a group as an attack,
because in the public sets short sentences naming a group are mostly attacks. These rows
say the opposite with the same vocabulary: slogans, welcomes and solidarity (no context),
and pushback replies read with the hateful comment they answer as their context (the
parent is hateful, the reply is not).

Kept apart from the evaluation material like the other templates: the overlap test in
``tests/evaluation/test_functional_suite.py`` reads these rows through
:func:`threadguard.training.augment.template_rows` and
:func:`threadguard.training.augment.context_rows`. Seeded: the same rows on
every run.
"""

from __future__ import annotations

import random
from typing import Final

import numpy as np

from threadguard.training.templates_news import PEOPLES, civil, group_hate

#: Support said in a line or two: {G} the plural capitalised, {g} as written mid-sentence,
#: {adj} the adjective.
SUPPORT: Final = (
    "{adj} lives matter.",
    "{G} belong here.",
    "{G} are welcome here. Bigots are not.",
    "{G} are welcome here.",
    "{G} are our neighbours.",
    "{G} are our neighbours and our friends.",
    "Love to our {adj} neighbours.",
    "Standing with {g} today.",
    "Solidarity with {g}.",
    "{G} deserve the same respect as anyone.",
    "{G} are people, full stop.",
    "Hate has no home here. {G} are welcome.",
    "Nobody should be afraid because they are {adj}.",
    "Thinking of the {adj} community tonight.",
    "{G} are entitled to live here in peace.",
    "Equal rights for {g}. It's not complicated.",
    "{G} are not the enemy.",
    "Racism against {g} has to stop.",
    "Attacks on {g} shame us all.",
    "Proud of our {adj} community.",
    "{adj} rights are human rights.",
    "We need more {adj} voices in this debate, not fewer.",
)
#: Replies to a hateful parent that reject it: civil, though they repeat the group's name.
PUSHBACK: Final = (
    "That is vile. {G} are our neighbours.",
    "Shame on you. {G} are welcome here.",
    "Take your bigotry somewhere else.",
    "No. {G} are people like you and me.",
    "Reported. This is hate, plain and simple.",
    "This comment should be removed. {G} deserve better.",
    "You are talking about my neighbours.",
    "Disgusting comment. Hate has no place in this section.",
    "I'm {adj} and I am not going anywhere.",
    "Moderators, please remove this. It targets {g}.",
    "What a hateful thing to write about {g}.",
    "Nobody decent talks about {g} like that.",
)
#: Hateful comments that the pushback answers ({G}: the plural capitalised).
PARENTS: Final = (
    "{G} are a plague on this country and should be sent back.",
    "Honestly {g} are ruining everything, get them out.",
    "{G} are vermin. Simple as that.",
    "Every one of these {g} should be deported tomorrow.",
    "{G} don't belong in a civilised country.",
)


#: The peoples of the news templates, and the ones slogans of support most often name.
SUPPORTED: Final = (
    *PEOPLES,
    ("black_people", "Black people", "Black"),
    ("asians", "Asian people", "Asian"),
    ("race_ethnicity", "Indigenous people", "Indigenous"),
    ("disability", "disabled people", "disabled"),
    ("sexual_orientation", "lesbians", "lesbian"),
)


def fill_frame(template: str, plural: str, adj: str) -> str:
    """A frame filled: {G} the plural capitalised, {g} as written, {adj} the adjective;
    the sentence starts with a capital."""
    text = template.format(G=plural[0].upper() + plural[1:], g=plural, adj=adj)
    return text[0].upper() + text[1:]


def support_rows() -> list[tuple[str, np.ndarray]]:
    """Every support line for every people: civil, no attribute, no target attacked."""
    return [
        (fill_frame(t, plural, adj), civil()) for t in SUPPORT for _group, plural, adj in SUPPORTED
    ]


def pushback_rows(seed: int = 29) -> list[tuple[str, str, np.ndarray]]:
    """(reply, parent, labels): each pushback line under a hateful parent about the same
    people, civil; and each parent on its own as the hate it is (so the pair teaches that
    the reply's stance, not its words, decides)."""
    rng = random.Random(seed)
    out: list[tuple[str, str, np.ndarray]] = []
    for group, plural, adj in SUPPORTED:
        parents = [fill_frame(p, plural, adj) for p in PARENTS]
        for template in PUSHBACK:
            out.append((fill_frame(template, plural, adj), rng.choice(parents), civil()))
        for parent in parents:
            out.append((parent, "", group_hate(group)))
    return out
