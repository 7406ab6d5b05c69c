"""Round three of the team's training templates for German, French and Spanish
(threadguard-fast-xx@3): the phenomena still weak after round two.

Kept apart from :mod:`threadguard.training.templates_languages` (rounds one and two, and
the groups every round fills its frames with), which adds these rows to each language's
block. Training rows only: the functional suites are written separately, and
``templates_languages.overlap_with_suites`` and a five-word-run test check. The sentences
are data, in ``resources/templates/languages_round3.toml``; this module labels them.
"""

from __future__ import annotations

from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import (
    all_clear,
    fill_group,
    groups_in_turn,
    no_target,
    swearing_at_no_one,
    target_labels,
)
from threadguard.training.template_tables import TemplateTables

#: The sentences, per language: ``resources/templates/languages_round3.toml`` (its comments
#: say what the round was written for).
_TABLES = TemplateTables.load("languages_round3.toml")

#: Everyday swearing aimed at no one (a delay, the weather, a broken thing): all clear on
#: toxicity, identity attack, insult and threat; profanity is left unlabelled.
PROFANE_MILD = _TABLES.sentences("profane_mild")
#: Outbursts dense with swearwords (still at no one): toxic, and profane where the
#: language's rows label profanity.
PROFANE_DENSE = _TABLES.sentences("profane_dense")
#: Harsh words about things (a product, a film, the weather, a service): all clear.
OBJECTS = _TABLES.sentences("objects")
#: Attacks on a group in the registers still missed: implicit derogation (no slur, a
#: stereotype implied), coded hate, sarcasm, and hate stated calmly as an opinion.
#: ``{g}`` is the group's noun; each frame is filled with two groups in turn.
SUBTLE_HATE = _TABLES.sentences("subtle_hate")
#: Coded hate that names its target by a code word rather than the group's noun:
#: (sentence, schema group) pairs.
CODED = _TABLES.pairs("coded")
#: Warm statements about a group and defences of it, in new wordings, and opinions about
#: a group that are warm: all clear. Each frame is filled with two groups in turn.
WARM = _TABLES.sentences("warm")
#: Civil opinions that open like the hateful ones ("I think ..."): all clear.
CIVIL_OPINIONS = _TABLES.sentences("civil_opinions")
#: Veiled, conditional and implied threats against one person: threat and toxicity.
VEILED_THREATS = _TABLES.sentences("veiled_threats")
#: Calm mentions that report, reject or deny hatred in new wordings: all clear. They keep
#: the group nouns balanced: without them, the attacks above (about fifty rows naming a
#: group per language) raised every sentence naming a group, counter-speech included (a
#: first try: German counter-speech quoting a slogan 5/10 -> 1/10).
CALM = _TABLES.sentences("calm")

CALM_GROUPS_PER_FRAME = {"de": 3, "fr": 2, "es": 2}

#: Nouns that are slurs themselves: left out of the warm frames.
_SLUR_NOUNS = frozenset({"los sudacas"})
#: How many groups fill each round-three frame (in turn, so every group is used); the warm
#: frames of French and Spanish take three (their suites held warm wordings most).
ROUND_THREE_GROUPS_PER_FRAME = 2
WARM_GROUPS_PER_FRAME = {"de": 2, "fr": 3, "es": 3}


def round_three_rows(language: str, groups: tuple[tuple[str, str], ...], out: LabelledRows) -> None:
    """Add the round-three rows for a language that has them; ``groups``: its (schema
    group, noun) pairs, which the frames are filled with in turn."""
    if language not in SUBTLE_HATE:
        return
    for text in PROFANE_MILD[language]:
        out.add(text, "train", swearing_at_no_one())
    for text in PROFANE_DENSE[language]:
        labels = {"toxicity": 1.0, "identity_attack": 0.0, "insult": 0.0, "threat": 0.0}
        if language == "de":  # the only one of the three whose rows label profanity
            labels["profanity"] = 1.0
        labels.update(no_target())
        out.add(text, "train", labels)
    for text in (*OBJECTS[language], *CIVIL_OPINIONS[language]):
        out.add(text, "train", all_clear())
    for text in VEILED_THREATS[language]:
        out.add(text, "train", {"toxicity": 1.0, "threat": 1.0, "identity_attack": 0.0})
    warm_groups = [g for g in groups if g[1] not in _SLUR_NOUNS]
    for f in groups_in_turn(SUBTLE_HATE[language], groups, ROUND_THREE_GROUPS_PER_FRAME):
        out.add(fill_group(f.frame, f.noun), "train", _subtle_hate_labels(f.group))
    for text, group in CODED[language]:
        out.add(text, "train", _subtle_hate_labels(group))
    w = WARM_GROUPS_PER_FRAME[language]
    for f in groups_in_turn(WARM[language], warm_groups, w):
        out.add(fill_group(f.frame, f.noun), "train", all_clear())
    c = CALM_GROUPS_PER_FRAME[language]
    for f in groups_in_turn(CALM[language], warm_groups, c, start=1):
        out.add(fill_group(f.frame, f.noun), "train", all_clear())


def _subtle_hate_labels(group: str) -> dict[str, float]:
    """An attack on ``group`` as round three labels it: threat left unknown."""
    labels = {"toxicity": 1.0, "identity_attack": 1.0, "insult": 0.0}
    labels.update(target_labels({group}))
    return labels
