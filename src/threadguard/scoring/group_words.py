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
#: places, feasts and institutions that stand for a group, each with the target groups it
#: names (:data:`threadguard.schema.GROUPS`; a nationality is a people and, in news
#: threads, most often migrants).
FORM_GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "immigrant": ("nationality_migration",),
    "migrant": ("nationality_migration",),
    "refugee": ("nationality_migration",),
    "asylum": ("nationality_migration",),
    "foreign": ("nationality_migration",),
    "muslim": ("muslims",),
    "moslem": ("muslims",),
    r"islam\w*": ("muslims",),
    "jew": ("jews",),
    "jewish": ("jews",),
    "christian": ("christians",),
    "catholic": ("christians",),
    "hindu": ("religion",),
    "sikh": ("religion",),
    "buddhist": ("religion",),
    "atheist": ("religion",),
    "gay": ("sexual_orientation",),
    "lesbian": ("sexual_orientation",),
    "homosexual": ("sexual_orientation",),
    "bisexual": ("sexual_orientation",),
    "queer": ("sexual_orientation",),
    "sodomite": ("sexual_orientation",),
    r"lgbt\w*": ("sexual_orientation", "gender"),
    "trans": ("gender",),
    "transgender": ("gender",),
    "black": ("black_people",),
    "white": ("white_people",),
    "asian": ("asians",),
    "african": ("black_people",),
    "arab": ("arabs",),
    "arabic": ("arabs",),
    "latino": ("latinx",),
    "latina": ("latinx",),
    "latinx": ("latinx",),
    "hispanic": ("latinx",),
    "mexican": ("latinx", "nationality_migration"),
    "indian": ("race_ethnicity",),
    "pakistani": ("race_ethnicity", "nationality_migration"),
    "bangladeshi": ("race_ethnicity", "nationality_migration"),
    "chinese": ("asians",),
    "japanese": ("asians",),
    "korean": ("asians",),
    "vietnamese": ("asians",),
    "filipino": ("asians", "nationality_migration"),
    "somali": ("black_people", "nationality_migration"),
    "syrian": ("arabs", "nationality_migration"),
    "afghan": ("nationality_migration",),
    "iraqi": ("arabs", "nationality_migration"),
    "iranian": ("nationality_migration",),
    "nigerian": ("black_people", "nationality_migration"),
    "ghanaian": ("black_people", "nationality_migration"),
    "eritrean": ("black_people", "nationality_migration"),
    "sudanese": ("black_people", "nationality_migration"),
    "ethiopian": ("black_people", "nationality_migration"),
    "congolese": ("black_people", "nationality_migration"),
    "romanian": ("nationality_migration",),
    "bulgarian": ("nationality_migration",),
    "polish": ("nationality_migration",),
    "pole": ("nationality_migration",),
    "albanian": ("nationality_migration",),
    "ukrainian": ("nationality_migration",),
    "russian": ("nationality_migration",),
    "turkish": ("nationality_migration",),
    "kurdish": ("race_ethnicity", "nationality_migration"),
    "kurd": ("race_ethnicity", "nationality_migration"),
    "moroccan": ("arabs", "nationality_migration"),
    "algerian": ("arabs", "nationality_migration"),
    "tunisian": ("arabs", "nationality_migration"),
    "egyptian": ("arabs", "nationality_migration"),
    "palestinian": ("arabs", "nationality_migration"),
    "israeli": ("jews",),
    "lebanese": ("arabs", "nationality_migration"),
    "haitian": ("black_people", "nationality_migration"),
    "jamaican": ("black_people", "nationality_migration"),
    "roma": ("race_ethnicity",),
    "romani": ("race_ethnicity",),
    "gypsy": ("race_ethnicity",),
    "gypsies": ("race_ethnicity",),
    "traveller": ("race_ethnicity",),
    "traveler": ("race_ethnicity",),
    "indigenous": ("race_ethnicity",),
    "aboriginal": ("race_ethnicity",),
    "first nations": ("race_ethnicity",),
    "native": ("race_ethnicity",),
    # peoples the lists above lacked when news desks wrote about them (session 55: desk 91's
    # "Maoris should be grateful ... Stone age savages" named no group, so its replies were
    # never read with it); not the adjectives of things as often as of people (Cuban cigars,
    # Colombian coffee, Punjabi food, Amish furniture, a Mormon choir: a code review's)
    "maori": ("race_ethnicity",),
    "pasifika": ("race_ethnicity", "nationality_migration"),
    "pacific islanders?": ("race_ethnicity", "nationality_migration"),
    "samoan": ("race_ethnicity", "nationality_migration"),
    "tongan": ("race_ethnicity", "nationality_migration"),
    "fijian": ("race_ethnicity", "nationality_migration"),
    "torres strait islanders?": ("race_ethnicity",),
    "inuit": ("race_ethnicity",),
    "metis": ("race_ethnicity",),
    "rohingya": ("race_ethnicity", "nationality_migration"),
    "uyghur": ("race_ethnicity", "muslims"),
    "tamil": ("race_ethnicity", "nationality_migration"),
    "yemeni": ("arabs", "nationality_migration"),
    "venezuelan": ("latinx", "nationality_migration"),
    "guatemalan": ("latinx", "nationality_migration"),
    "honduran": ("latinx", "nationality_migration"),
    "salvadoran": ("latinx", "nationality_migration"),
    "hmong": ("asians", "nationality_migration"),
    "hasidic": ("jews",),
    "disabled": ("disability",),
    "disability": ("disability",),
    "wheelchair": ("disability",),
    "autistic": ("disability",),
    "deaf": ("disability",),
    "blind": ("disability",),
    "down syndrome": ("disability",),
    "mosque": ("muslims",),
    "synagogue": ("jews",),
    "temple": ("religion",),
    "gurdwara": ("religion",),
    "madrasa": ("muslims",),
    "halal": ("muslims",),
    "kosher": ("jews",),
    "hijab": ("muslims",),
    "burqa": ("muslims",),
    "niqab": ("muslims",),
    "turban": ("religion",),
    "ramadan": ("muslims",),
    "eid": ("muslims",),
    "diwali": ("religion",),
    "hanukkah": ("jews",),
    "passover": ("jews",),
    "pride": ("sexual_orientation", "gender"),
    "same-sex": ("sexual_orientation",),
    "same sex": ("sexual_orientation",),
    r"minorit(?:y|ies)": ("race_ethnicity",),
    "ethnic": ("race_ethnicity",),
    "racial": ("race_ethnicity",),
    "newcomers?": ("nationality_migration",),
    r"resettle\w*": ("nationality_migration",),
}
#: The forms as one alternation, for patterns that put their own words around them.
GROUP_FORMS: Final = "|".join(FORM_GROUPS)
#: Any of them as a whole word of the canonical text, plural too ("Syrians", "mosques").
#: Words for people in general ("people", "families", "workers") are not among them: nearly
#: every parent has one, and a reply to it is no more likely to attack a group.
GROUP_WORDS: Final = re.compile(rf"\b(?:{GROUP_FORMS})(?:e?s)?\b")


#: Idioms whose words name a group only as a figure of speech: "the lunatics are running the
#: asylum" names no asylum seekers (a fifteenth news desk: a slur at a trans sprinter was
#: taken to attack migrants by its closing idiom).
IDIOMS: Final = re.compile(
    r"\b(?:lunatics?|inmates|patients|loonies|nutters)\s+(?:are\s+|have\s+|had\s+|now\s+)*"
    r"(?:running|run|runs|ran|taken\s+over|took\s+over|in\s+charge\s+of)\s+the\s+asylum\b"
)


def names_group(canonical: str) -> bool:
    """Whether a canonical text names a group of people (or a place or feast of one),
    outside the idioms that only borrow a group's word (:data:`IDIOMS`)."""
    found = GROUP_WORDS.search(canonical)
    if found is None:
        return False
    if "asylum" in canonical and IDIOMS.search(canonical):
        return GROUP_WORDS.search(IDIOMS.sub(" ", canonical)) is not None
    return True


@lru_cache(maxsize=1024)
def context_names_group(context: str) -> bool:
    """:func:`names_group` of a raw context (normalised here). Cached: a thread's
    top-level comments share its title, and every second reading of a reply its parent."""
    return bool(context.strip()) and names_group(normalize_text(context))


_FORMS: Final = tuple(
    (re.compile(rf"\b(?:{form})(?:e?s)?\b"), groups) for form, groups in FORM_GROUPS.items()
)


def groups_mentioned(canonical: str) -> frozenset[str]:
    """The target groups a canonical text names by :data:`FORM_GROUPS` (its places and
    feasts too: "the new mosque" names Muslims)."""
    if not names_group(canonical):
        return frozenset()
    if "asylum" in canonical:
        canonical = IDIOMS.sub(" ", canonical)
    return frozenset(g for form, groups in _FORMS if form.search(canonical) for g in groups)
