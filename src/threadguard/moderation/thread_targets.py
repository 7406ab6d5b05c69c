"""The group a held reply attacks through its thread: "They breed faster than we do."
under a story about a mosque, "They're like rats." under one about a Traveller site.

Most of the abuse news desks found held was written this way: the reply speaks of "them",
and the people meant are named only in the parent comment or the article's title. The
models' target heads read the reply's own words and name no group (a tenth news desk: 1
of 17 held abusive comments with a labelled group named it), so the queue, the thread's
group concentration and the batch report's chart of targeted groups never saw the group.
A comment held for abuse (a threshold of an abuse attribute crossed, or a code, threat or
abusive word that holds) that names no group itself but speaks of people in the third
person plural takes the groups its context names (:func:`~threadguard.scoring.group_words.
groups_mentioned`) as targets, at :data:`THREAD_TARGET`: an inference from the thread, weaker
than a head's reading or a list's find.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.normalize import normalize_text
from threadguard.scoring.group_words import groups_mentioned, names_group

#: The score of a group a held reply takes from its thread: shown with the comment, under
#: the 0.5 from which the reasons name a target and the thread signals count one, since
#: a civil comment the models held wrongly takes its thread's group too. Two news desks'
#: held replies the rule reads (in-sample, as it was written from them): 10 of 12 attacked
#: the group their thread named; a third desk's, written after it: 3 of 5 (the other two
#: civil comments held by the models, "I'm sorry that happens to your kids, Hodan. Kids
#: repeat what they hear at home.", which the thread signals then counted as attacking
#: black people at 0.5).
THREAD_TARGET: Final = 0.45
#: People spoken of in the third person plural: "they", "them", "these people", "this lot".
THEY: Final = re.compile(
    r"\b(?:they|them|their|theirs|themselves|(?:these|those) (?:people|ones|types)|"
    r"(?:this|that) lot|the lot of them|their kind)\b",
    re.IGNORECASE,
)


def groups_from_thread(text: str, context: str, canonical: str | None = None) -> frozenset[str]:
    """The groups ``context`` (the parent comment, else the article's title) names, where
    ``text`` names none itself and speaks of "them"; empty otherwise. ``canonical``:
    ``normalize_text(text)`` if known."""
    if not context.strip() or THEY.search(text) is None:
        return frozenset()
    if names_group(canonical if canonical is not None else normalize_text(text)):
        return frozenset()
    return groups_mentioned(normalize_text(context))
