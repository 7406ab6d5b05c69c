"""Words that name a group of people, which make a reply's context worth reading.

Some hate is only hate as an answer: "Count your spoons and lock your bike." under "A
Syrian family has moved into the flat next to ours." The reply alone is calm, so the fast
tier scores it under the cascade's band and the deep tier, which reads a comment with its
parent, never sees it. A parent (or article title) that names a group -- a people, a
faith, a nationality, a sexuality, a disability, or a place or feast that stands for one
("the new mosque", "Pride month") -- is where such answers hide; :func:`names_group` finds
it in the canonical text (lower case, leetspeak undone: :mod:`threadguard.normalize`), and
the engine then sends the reply to the deep tier with its context
(:attr:`threadguard.engine.CascadeSettings.route_on_group_context`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from threadguard.normalize import normalize_text

#: Singular and adjective forms (a Syrian family, Muslim parents, a gay couple) and the
#: places, feasts and institutions that stand for a group.
_GROUP_FORMS: Final = (
    r"immigrant|migrant|refugee|asylum|foreign|muslim|moslem|islam\w*|jew|jewish|christian|"
    r"catholic|hindu|sikh|buddhist|atheist|gay|lesbian|homosexual|bisexual|queer|lgbt\w*|"
    r"trans|transgender|black|white|asian|african|arab|arabic|latino|latina|latinx|hispanic|"
    r"mexican|indian|pakistani|bangladeshi|chinese|japanese|korean|vietnamese|filipino|"
    r"somali|syrian|afghan|iraqi|iranian|nigerian|ghanaian|eritrean|sudanese|ethiopian|"
    r"congolese|romanian|bulgarian|polish|pole|albanian|ukrainian|russian|turkish|kurdish|"
    r"kurd|moroccan|algerian|tunisian|egyptian|palestinian|israeli|lebanese|haitian|jamaican|"
    r"roma|romani|gypsy|gypsies|traveller|traveler|indigenous|aboriginal|first nations|native|"
    r"disabled|disability|wheelchair|autistic|deaf|blind|down syndrome|"
    r"mosque|synagogue|temple|gurdwara|madrasa|halal|kosher|hijab|burqa|niqab|turban|"
    r"ramadan|eid|diwali|hanukkah|passover|pride|same-sex|same sex|minorit(?:y|ies)|"
    r"ethnic|racial|newcomers?|resettle\w*"
)
#: Any of them as a whole word of the canonical text, plural too ("Syrians", "mosques").
#: Words for people in general ("people", "families", "workers") are not among them: nearly
#: every parent has one, and a reply to it is no more likely to attack a group.
GROUP_WORDS: Final = re.compile(rf"\b(?:{_GROUP_FORMS})(?:e?s)?\b")


def names_group(canonical: str) -> bool:
    """Whether a canonical text names a group of people (or a place or feast of one)."""
    return GROUP_WORDS.search(canonical) is not None


@lru_cache(maxsize=1024)
def context_names_group(context: str) -> bool:
    """:func:`names_group` of a raw context (normalised here). Cached: a thread's
    top-level comments share its title, and every second reading of a reply its parent."""
    return bool(context.strip()) and names_group(normalize_text(context))
