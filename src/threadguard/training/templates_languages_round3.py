"""Round three of the team's training templates for German, French and Spanish
(threadguard-fast-xx@3): the phenomena still weak after round two.

Kept apart from :mod:`threadguard.training.templates_languages` (rounds one and two, and
the groups every round fills its frames with), which adds these rows to each language's
block. Training rows only: the functional suites are written separately, and
``templates_languages.overlap_with_suites`` and a five-word-run test check. The sentences
are data, in ``resources/templates/languages_round3.toml``; this module declares the steps
that label them (:mod:`threadguard.training.template_rounds` adds the rows).
"""

from __future__ import annotations

from threadguard.training.datasets import LabelledRows
from threadguard.training.labels import all_clear, dense_swearing, swearing_at_no_one
from threadguard.training.template_rounds import (
    Aimed,
    Filled,
    Fixed,
    LanguageRound,
    attack_threat_unknown,
    calm_mention,
    threat_to_a_person,
)

#: Nouns that are slurs themselves: left out of the warm and calm frames.
_SLUR_NOUNS = frozenset({"los sudacas"})
#: How many groups fill each round-three frame (in turn, so every group is used); the warm
#: frames of French and Spanish take three (their suites held warm wordings most).
ROUND_THREE_GROUPS_PER_FRAME = 2
WARM_GROUPS_PER_FRAME = {"de": 2, "fr": 3, "es": 3}
CALM_GROUPS_PER_FRAME = {"de": 3, "fr": 2, "es": 2}

#: ``resources/templates/languages_round3.toml`` (its comments say what the round was
#: written for), per language, the rows in order: everyday swearing aimed at no one (a
#: delay, the weather, a broken thing), clear on toxicity, identity attack, insult and
#: threat, profanity left unlabelled; outbursts dense with swearwords (still at no one),
#: toxic, and profane where the language's rows label profanity (German only); harsh
#: words about things and civil opinions that open like the hateful ones ("I think ..."),
#: all clear; veiled, conditional and implied threats against one person; attacks on a
#: group in the registers still missed (implicit derogation, coded hate, sarcasm, hate
#: stated calmly as an opinion), each frame filled with two groups in turn; coded hate
#: naming its target by a code word ((sentence, schema group) pairs); warm statements
#: about a group and defences of it, all clear; calm mentions that report, reject or deny
#: hatred, all clear. The calm mentions keep the group nouns balanced: without them, the
#: attacks (about fifty rows naming a group per language) raised every sentence naming a
#: group, counter-speech included (a first try: German counter-speech quoting a slogan
#: 5/10 -> 1/10).
ROUND_THREE = LanguageRound(
    "languages_round3.toml",
    [
        Fixed(("profane_mild",), swearing_at_no_one),
        Fixed(("profane_dense",), dense_swearing, also={"de": {"profanity": 1.0}}),
        Fixed(("objects", "civil_opinions"), all_clear),
        Fixed(("veiled_threats",), threat_to_a_person),
        Filled(("subtle_hate",), ROUND_THREE_GROUPS_PER_FRAME, attack_threat_unknown),
        Aimed(("coded",), attack_threat_unknown),
        Filled(("warm",), WARM_GROUPS_PER_FRAME, calm_mention, leave_out=_SLUR_NOUNS),
        Filled(("calm",), CALM_GROUPS_PER_FRAME, calm_mention, start=1, leave_out=_SLUR_NOUNS),
    ],
    nouns=None,
    covers="subtle_hate",
)
#: Everyday swearing aimed at no one, and outbursts dense with swearwords, per language.
PROFANE_MILD = ROUND_THREE.tables.sentences("profane_mild")
PROFANE_DENSE = ROUND_THREE.tables.sentences("profane_dense")


def round_three_rows(language: str, groups: tuple[tuple[str, str], ...], out: LabelledRows) -> None:
    """Add the round-three rows for a language that has them; ``groups``: its (schema
    group, noun) pairs (those of rounds one and two), which the frames are filled with in
    turn."""
    ROUND_THREE.add_rows(language, out, nouns=groups)
