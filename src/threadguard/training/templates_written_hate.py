"""Training rows for coded hate and sarcasm aimed at a group, written in free form, beside
civil comments that share their topics, tone and words.

:mod:`threadguard.training.templates_hidden_hate` writes these phenomena as slot-filled
frames (a sarcastic sentence with ``{p}`` for a people), and the deep tier learnt the frames
more than the phenomena: with deep@34 and the default policy the functional suite still
missed more than half of its coded hate and about four in ten of its sarcasm at a group
(session 26, `threadguard eval --suite functional`), and even reading every case the deep
tier held 18 of 32 and 22 of 32. These rows (``resources/templates/written_hate.toml``),
written in session 26 by three writers who read nothing of the project (no evaluation
suite, no probe, no data set), give the wording itself, each kind beside its civil
look-alikes so that a topic or a tone cannot decide alone:

- ``coded``: dog whistles, nicknames for places and peoples, ironic quotation marks,
  replacement and remigration talk, insinuations "by the numbers", attacks on a faith's
  prophet or book; ``coded_civil``: the same topics argued civilly, a dog whistle named to
  reject it, the code words in their innocent senses; ``coded_quoted``: hate quoted to
  condemn or report it;
- ``sarcasm``: mock praise, fake surprise and ironic welcomes aimed at a group;
  ``sarcasm_civil``: the same tone aimed at governments, companies, clubs and bigots;
  ``countered``: a hateful claim repeated to rebut it.

Labels: the hostile rows are toxic and an identity attack on the group the writer named
(coded hate a threat only where unknown: "remigration" names no harm, so threat and
severity stay unknown; sarcasm no threat); the civil rows are civil on every head, the
quoting ones with profanity and sexual content unknown (:func:`templates_news.civil`).
Kept apart from the evaluation material by the overlap test, as every template.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from threadguard.training.template_tables import TemplateTables
from threadguard.training.templates_news import civil, group_hate

Row = tuple[str, np.ndarray]

_DATA: Final = TemplateTables.load("written_hate.toml")


#: (text, targeted group) for each comment of coded hate, then of sarcasm at a group.
CODED: Final[tuple[tuple[str, str], ...]] = _DATA.group_records("coded", (str, str), 1)
SARCASM: Final[tuple[tuple[str, str], ...]] = _DATA.group_records("sarcasm", (str, str), 1)
#: The civil look-alikes: topics argued civilly, codes rejected or innocent; the same tone
#: aimed at no group.
CODED_CIVIL: Final = _DATA.strings("coded_civil")
SARCASM_CIVIL: Final = _DATA.strings("sarcasm_civil")
#: Civil comments that repeat hate to condemn, report or rebut it.
QUOTING: Final = _DATA.strings("coded_quoted") + _DATA.strings("countered")


def written_hate_rows() -> list[Row]:
    """Every row: coded hate, sarcasm, their civil look-alikes, then the quoting rows."""
    return (
        [(text, group_hate(group, violent=None)) for text, group in CODED]
        + [(text, group_hate(group, violent=False)) for text, group in SARCASM]
        + [(text, civil()) for text in CODED_CIVIL + SARCASM_CIVIL]
        + [(text, civil(quoting=True)) for text in QUOTING]
    )
