"""Training rows for the civil news comments the deep tier over-reads, written in free
form beside abusive look-alikes in the same words: sympathy with a victim, anger at a
crime, verdicts on events, criticism of public figures, swearing at no one, and readers
pushing back on prejudice.

News desks' civil comments held at toxicity 0.41 to 0.90 in sessions 40-41 were of these
kinds: "That poor woman." (toxicity 0.64: "poor" beside a woman reads as contempt in the
training sets, where "poor baby" mocks), a reader's sympathy describing a victim's injuries
(0.90), "Disgraceful." and "Shocking." said of an event, celebration sworn at no one, and
replies challenging a prejudiced commenter ("Who's 'they'?", 0.53). The deep@46 rows of
session 37 (insults of one person) taught the insult and held more civil criticism of
politicians; these rows put the words of each civil kind beside the same words aimed at a
person (``resources/templates/written_verdicts.toml``), written in session 41 by three
writers who read nothing of the project:

- ``sympathy`` (labelled as anger at a crime is: some call the attacker a coward) beside
  ``sympathy_mocking`` (pity as an insult of one person);
- ``crime_anger`` (no toxicity, threat or identity attack; insult, profanity and sexual
  content unknown: calling a convicted man a scumbag is an insult a news site publishes)
  beside ``crime_vigilante`` (a threat naming a person, or no harm: severity unknown);
- ``verdicts_civil`` (of events, decisions and institutions) beside ``verdicts_at_people``;
- ``politicians_civil`` beside ``politicians_abuse`` (personal abuse; threat unknown: some
  wish harm);
- ``cheers_civil`` (swearing at no one) beside ``cheers_at_people``;
- ``rebuttals_civil`` (pushback, some defending a group by name) beside
  ``rebuttals_abusive`` (the pushback turned into an insult of the commenter).

Kept apart from the evaluation material by the overlap test, as every template, and from
the news desks' threads: rows sharing their text or four words in a row were dropped. The
writers' briefs named each kind with a few examples, five of them a nineteenth desk's civil
comments ("That poor woman.", "Who's 'they'? Say what you mean."), so that desk is not
wholly out of sample for a model trained on these rows.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from threadguard.training.template_tables import TemplateTables
from threadguard.training.templates_news import NO_TARGET, civil, label_row
from threadguard.training.templates_written_desks import insult_label, veiled_threat_label

Row = tuple[str, np.ndarray]

_DATA: Final = TemplateTables.load("written_verdicts.toml")

SYMPATHY: Final = _DATA.strings("sympathy")
SYMPATHY_MOCKING: Final = _DATA.strings("sympathy_mocking")
CRIME_ANGER: Final = _DATA.strings("crime_anger")
CRIME_VIGILANTE: Final = _DATA.strings("crime_vigilante")
VERDICTS_CIVIL: Final = _DATA.strings("verdicts_civil")
VERDICTS_AT_PEOPLE: Final = _DATA.strings("verdicts_at_people")
POLITICIANS_CIVIL: Final = _DATA.strings("politicians_civil")
POLITICIANS_ABUSE: Final = _DATA.strings("politicians_abuse")
CHEERS_CIVIL: Final = _DATA.strings("cheers_civil")
CHEERS_AT_PEOPLE: Final = _DATA.strings("cheers_at_people")
REBUTTALS_CIVIL: Final = _DATA.strings("rebuttals_civil")
REBUTTALS_ABUSIVE: Final = _DATA.strings("rebuttals_abusive")


def anger_label() -> np.ndarray:
    """Anger at a crime or a criminal: no toxicity, threat or identity attack; whether
    naming the criminal is an insult, and any swearing, stay unknown."""
    values = {"toxicity": 0.0, "severe_toxicity": 0.0, "threat": 0.0, "identity_attack": 0.0}
    return label_row(values | NO_TARGET)


def abuse_label() -> np.ndarray:
    """Personal abuse of a public figure: toxic and an insult, no group; whether a wish of
    harm in it is a threat stays unknown."""
    return label_row({"toxicity": 1.0, "insult": 1.0, "identity_attack": 0.0} | NO_TARGET)


def written_verdict_rows() -> list[Row]:
    """Every row, read alone: each civil kind, then its abusive look-alikes."""
    civil_rows = VERDICTS_CIVIL + POLITICIANS_CIVIL + CHEERS_CIVIL + REBUTTALS_CIVIL
    insults = SYMPATHY_MOCKING + VERDICTS_AT_PEOPLE + CHEERS_AT_PEOPLE + REBUTTALS_ABUSIVE
    return (
        [(text, civil(quoting=True)) for text in civil_rows]
        + [(text, anger_label()) for text in SYMPATHY + CRIME_ANGER]
        + [(text, insult_label()) for text in insults]
        + [(text, abuse_label()) for text in POLITICIANS_ABUSE]
        + [(text, veiled_threat_label("")) for text in CRIME_VIGILANTE]
    )
