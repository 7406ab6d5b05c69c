"""Training rows for threats at one person written in free form, beside civil comments that
share their words.

The frames of :mod:`threadguard.training.templates_threats` teach a threat's shape with a
few hundred slot-filled sentences; with them read three times, deep@20 still published most
of a blind set of threats set in sport, politics and work threads (session 21: 25 of 50 held
by the deep tier alone) and held a sixth of the figurative talk beside them ("kill the
clock", "break a leg"). These rows, written by writers who saw neither the evaluation
suites nor the probe sets (``resources/templates/written_threats.toml``: 720 threats and 718
look-alikes, the second batch veiled threats, calls on others, doxxing, praise and
incitement without a verb of harm beside harmless mentions of routines, addresses and
gatherings; deep@32 read only the first 431 and 424, the shipped deep@34 all), give the wording
of such threats (intent, wishes, calls on others, veiled threats with no verb of harm,
weapons, praise of an attack) and of their look-alikes (figurative violence, idioms,
reports, condemnation, fiction, hopes that no one is hurt), labelled as the frames are:
a threat is toxic and a threat with no identity attack and no group target, severe where
the harm is explicit killing or maiming; a look-alike is civil on the heads that read
threats. Kept apart from the evaluation material by the overlap test, as every template.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from threadguard.training.template_tables import TemplateTables
from threadguard.training.templates_threats import not_threat_label, threat_label

Row = tuple[str, np.ndarray]

_DATA: Final = TemplateTables.load("written_threats.toml")
#: (text, severe) for each threat.
THREATS: Final[tuple[tuple[str, bool], ...]] = _DATA.records("threats", (str, bool))
#: The civil look-alikes.
CIVIL: Final = _DATA.strings("civil")


def written_threat_rows() -> list[Row]:
    """Every row: the threats, then the look-alikes, in the file's order."""
    return [(text, threat_label(severe)) for text, severe in THREATS] + [
        (text, not_threat_label()) for text in CIVIL
    ]
