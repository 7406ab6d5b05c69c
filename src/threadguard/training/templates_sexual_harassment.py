"""Training rows for sexual harassment aimed at a person, beside civil comments that share
its words.

``sexually_explicit`` is otherwise learned from weak labels (the project's lexicon applied
to toxic rows), so it reads explicit words and little else: at session 21's head
(deep@20) a blind set of news comments that harass someone sexually was published 16 times
in 20 (innuendo, remarks on a body, demands for photographs, "she slept her way to the
job", scored sexually explicit 0.00-0.04). These rows, written by two writers who saw
neither the evaluation suites nor the probe sets (``resources/templates/
sexual_harassment.toml``), give that wording (objectifying remarks, propositions, sexual
remarks about someone's relatives, sexual rating, threats of sexual violence) and its
look-alikes (reports of harassment trials, sexual health and education, fashion judged by
the clothes, bodies in sport, condemnation of harassers). Labels: harassment is toxic and
sexually explicit, a threat only where it threatens sexual violence (else not), with the
group targets, insult, identity attack and severity unknown (some of it demeans a gender
or a sexual orientation); a look-alike is civil on every head that reads it. Kept apart
from the evaluation material by the overlap test, as every template.

deep@34, trained with them, still published the implicit kind (a second blind probe of short
news comments, session 23: 20 of 50 held): asking what someone is wearing, "she slept her
way onto that panel", rumours of someone's sex life, propositions and persistence. A third
writer, as blind, wrote that kind and its look-alikes (the ``implicit_`` tables).
"""

from __future__ import annotations

from typing import Final

import numpy as np

from threadguard.training.template_tables import TemplateTables
from threadguard.training.templates_news import NO_TARGET, label_row

Row = tuple[str, np.ndarray]

_DATA: Final = TemplateTables.load("sexual_harassment.toml")
#: (text, threatens sexual violence) for each comment that harasses: the first writers' rows,
#: then (session 23) the implicit kind (what she wears, whom she slept with for the job).
HARASSMENT: Final[tuple[tuple[str, bool], ...]] = _DATA.records(
    "harassment", (str, bool)
) + _DATA.records("implicit_harassment", (str, bool))
#: The civil look-alikes, in the same order.
CIVIL: Final = _DATA.strings("civil") + _DATA.strings("implicit_civil")


def harassment_label(threat: bool) -> np.ndarray:
    """Sexual harassment of a person: toxic, sexually explicit, a threat only when it
    threatens sexual violence. The group targets stay unknown: some rows demean a person for
    being gay, lesbian or a woman, and the rows do not say which (deep@34 was trained with
    them all 0, a flaw fixed since for the next version)."""
    return label_row({"toxicity": 1.0, "sexually_explicit": 1.0, "threat": float(threat)})


def not_harassment_label() -> np.ndarray:
    """Words of sex, bodies and attention with no one harassed: civil on every head."""
    heads = (
        "toxicity",
        "severe_toxicity",
        "sexually_explicit",
        "insult",
        "threat",
        "identity_attack",
    )
    return label_row(dict.fromkeys(heads, 0.0) | NO_TARGET)


def sexual_harassment_rows() -> list[Row]:
    """Every row: the harassment, then the look-alikes, in the file's order."""
    return [(text, harassment_label(threat)) for text, threat in HARASSMENT] + [
        (text, not_harassment_label()) for text in CIVIL
    ]
