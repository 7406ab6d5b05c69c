"""Training rows for civil opinions on immigration, religion and foreign policy that name
the groups they are about, beside hostile comments on the same topics that attack a group.

On two probes of news comments written apart from the project (session 27), the shipped
models held 7 of 30 civil immigration opinions and 4 of 24 civil disagreements, nearly all
on the models' scores (both tiers blended where the deep tier reads): the topic and the group
named read as hate. The civil news comments of :mod:`threadguard.training.templates_civic`
are slot-filled frames; these rows (``resources/templates/written_policy.toml``), written in
session 27 by a writer who read nothing of the project, argue every side in free form (restrictionist and liberal, religious
and secular, hawkish and dovish, blunt or sarcastic about governments), beside hostile
comments on the same topics that attack a people, a faith's followers or migrants as a whole,
so that the attack decides and not the topic:

- ``policy_civil``: immigration, deportation, asylum, borders, wars, sanctions, armies;
- ``religion_civil``: religion in public life, criticism of institutions and doctrines;
- ``hostile``: [text, targeted group].

Labels: the civil rows are civil on every head; the hostile rows toxic and an identity attack
on the one group the writer named (attacks on two groups at once were dropped: the other
would be labelled not targeted), threat unknown (most call for no harm, a few wish it, and
the writer did not mark which). Kept apart from the evaluation material by the overlap test.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from threadguard.training.template_tables import TemplateTables
from threadguard.training.templates_news import civil, group_hate

Row = tuple[str, np.ndarray]

_DATA: Final = TemplateTables.load("written_policy.toml")

#: Civil opinions on immigration and foreign policy, then on religion in public life.
POLICY_CIVIL: Final = _DATA.strings("policy_civil")
RELIGION_CIVIL: Final = _DATA.strings("religion_civil")
#: (text, targeted group): the same topics, a group attacked as a whole.
HOSTILE: Final[tuple[tuple[str, str], ...]] = _DATA.group_records("hostile", (str, str), 1)


def written_policy_rows() -> list[Row]:
    """Every row: the civil opinions, then the hostile comments."""
    return [(text, civil()) for text in POLICY_CIVIL + RELIGION_CIVIL] + [
        (text, group_hate(group, violent=None)) for text, group in HOSTILE
    ]
