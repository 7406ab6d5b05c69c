"""Training rows for the abuse seven news desks' tryouts kept finding published, written in
free form beside civil look-alikes: insults of one person in regional English, stereotypes
insinuated rather than stated, threats with no verb of harm, and replies hateful only
through their parent.

Sessions 33-36 had helpers run ThreadGuard as a news site's trust-and-safety lead would,
on threads they wrote and labelled before scoring; each new desk published 38-45% of its
abuse whatever the lists had learnt from the desk before (docs/evaluation.md, "Issue 12,
session 36"). What stayed published was the models' to read, not the lists': "corrupt
little weasel" and "thick as mince" said of someone, "just asking" stereotypes ("bought
their certificates in a Lagos market"), "they'll get a load of buckshot", "Then stay in
Ireland." under a parent naming the Irish. These rows (``resources/templates/
written_desks.toml``), written in session 37 by four writers who read nothing of the
project (no suite, probe, test, list, data set or desk thread), give that wording beside
civil comments that share its topic, tone or words:

- ``insults`` (toxic, an insult, no identity attack, no group, no threat; severity,
  profanity and sexual content unknown) beside ``insults_civil`` (hard criticism of what a
  person did, the same slang used kindly or of oneself, insults reported: civil, profanity
  and sexual content unknown);
- ``insinuations`` (toxic, an identity attack on the group the writer named, no threat)
  beside ``insinuations_civil``;
- ``veiled`` threats (toxic and a threat; at a group an identity attack on it too, else no
  identity attack and no group; severity unknown: no harm is named) beside
  ``veiled_civil`` (civil on every head that reads threats);
- ``group_threads`` (a parent naming a group, replies attacking it only through the parent,
  civil replies to the same parent) and ``plain_threads`` (a parent naming no group, civil
  replies worded like the hostile ones), read with their parent, as
  :mod:`.templates_written_replies`.

Kept apart from the evaluation material by the overlap test, as every template.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from threadguard.training.datasets import HEADS
from threadguard.training.template_tables import TemplateTables
from threadguard.training.templates_news import NO_TARGET, civil, group_hate, label_row
from threadguard.training.templates_threats import not_threat_label
from threadguard.training.templates_written_replies import reply_rows

Row = tuple[str, np.ndarray]

_DATA: Final = TemplateTables.load("written_desks.toml")

#: Insults of one person (said of them or to the reader), and their civil look-alikes.
INSULTS: Final = _DATA.strings("insults")
INSULTS_CIVIL: Final = _DATA.strings("insults_civil")
#: (text, targeted group) for each insinuated stereotype, and their civil look-alikes.
INSINUATIONS: Final[tuple[tuple[str, str], ...]] = _DATA.group_records(
    "insinuations", (str, str), 1
)
INSINUATIONS_CIVIL: Final = _DATA.strings("insinuations_civil")
#: (text, targeted group or "") for each veiled threat: "" a person, else the group.
VEILED: Final[tuple[tuple[str, str], ...]] = tuple(
    (text, "") for text in _DATA.strings("veiled_at_people")
) + _DATA.group_records("veiled_at_groups", (str, str), 1)
VEILED_CIVIL: Final = _DATA.strings("veiled_civil")
#: (parent, targeted group, hostile replies, civil replies).
GROUP_THREADS: Final[tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]] = (
    _DATA.group_records("group_threads", (str, str, tuple, tuple), 1)
)
#: (parent naming no group, civil replies worded like hostile ones).
PLAIN_THREADS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = _DATA.records(
    "plain_threads", (str, tuple)
)


def insult_label() -> np.ndarray:
    """An insult of one person: toxic and an insult, attacking no group and threatening no
    one; how severe, profane or sexual it is stays unknown."""
    values = {"toxicity": 1.0, "insult": 1.0, "identity_attack": 0.0, "threat": 0.0}
    return label_row(values | NO_TARGET)


def veiled_threat_label(group: str) -> np.ndarray:
    """A threat naming no harm: toxic and a threat, severity unknown; at a group also an
    identity attack on it, at a person no identity attack and no group."""
    if group:
        row = group_hate(group, violent=None)
        row[HEADS.index("threat")] = 1.0
        return row
    return label_row({"toxicity": 1.0, "threat": 1.0, "identity_attack": 0.0} | NO_TARGET)


def desk_insult_rows() -> list[Row]:
    """The insults of one person, then their civil look-alikes."""
    return [(text, insult_label()) for text in INSULTS] + [
        (text, civil(quoting=True)) for text in INSULTS_CIVIL
    ]


def desk_hidden_rows() -> list[Row]:
    """The insinuations and veiled threats, then their civil look-alikes."""
    return (
        [(text, group_hate(group, violent=False)) for text, group in INSINUATIONS]
        + [(text, veiled_threat_label(group)) for text, group in VEILED]
        + [(text, civil()) for text in INSINUATIONS_CIVIL]
        + [(text, not_threat_label()) for text in VEILED_CIVIL]
    )


def written_desk_rows() -> list[Row]:
    """Every row read alone: :func:`desk_insult_rows`, then :func:`desk_hidden_rows`."""
    return desk_insult_rows() + desk_hidden_rows()


def written_desk_reply_rows() -> list[tuple[str, str, np.ndarray]]:
    """(reply, parent, labels): the hostile and civil replies to each group parent, then the
    civil replies to each plain parent."""
    return reply_rows(GROUP_THREADS, PLAIN_THREADS)
