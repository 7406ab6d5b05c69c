"""Training templates that teach the deep tier to read a reply *through* its parent.

:mod:`.templates_thread_replies` puts hostile and civil replies under the same parents
naming a group; its hostile replies fit any group ("Their sort never fit in anywhere."),
so a network can learn them as words. Hate that needs its parent is mostly a stereotype
aimed at *the* group the parent names, in words that are harmless elsewhere: under "A
Nigerian family has opened a restaurant on the high street.", "Check the bill twice,
then." insinuates fraud; under "The new restaurant has had complaints about
overcharging.", the same words are good advice.

So each row here is one reply and two parents: a parent naming a group, under which the
reply attacks that group (toxicity and identity attack, the group targeted; threat left
unknown), and a parent naming no group, under which the same reply is civil (nothing
abusive, no target). Only the parent differs, so only the parent can decide. Both rows are
always read with their parent (:class:`~threadguard.training.deep_tier.Example`
``keep_context``): alone, the reply is no attack on anyone.

The rows (:data:`threadguard.training.templates_contrast_data.CONTRAST`) were written in
session 19 by a helper shown the phenomenon, this design and a list of stereotype themes
(crime, fraud, terrorism, disease, "taking over", ...), never the functional suite, the
blind checks or any evaluation set; but the session that wrote its brief had read the
suite's cases of hate that needs its parent, so that functionality is no blind measure of
these rows. A test checks that no row shares a sentence or a run of five words with the
evaluation material (tests/evaluation/test_functional_suite.py).
"""

from __future__ import annotations

import numpy as np

from threadguard.training.templates_contrast_data import CONTRAST
from threadguard.training.templates_news import civil, group_hate


def contrast_reply_rows() -> list[tuple[str, str, np.ndarray]]:
    """(reply, parent, labels): every reply twice, as an identity attack on the group its
    group parent names and as a civil answer to its parent that names no group."""
    rows: list[tuple[str, str, np.ndarray]] = []
    for group, group_parent, reply, civil_parent in CONTRAST:
        rows.append((reply, group_parent, group_hate(group, violent=None)))
        rows.append((reply, civil_parent, civil()))
    return rows
