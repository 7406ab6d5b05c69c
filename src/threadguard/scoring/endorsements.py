"""A reply that says nothing but "Exactly." says what its parent said.

"Exactly. Couldn't have put it better." under "Refugees are vermin ruining this country"
is the parent's hate said again, in words no model can find it in: alone, it is the most
civil comment of a thread. So where a reply is *only* plain agreement -- what
:func:`threadguard.agreement.endorses` reads ("Exactly.", "Well said!", "Spot on.
Couldn't agree more.", "This. 100%." and nothing else but punctuation) -- and its parent
is no question, the engine also reads the *parent* as the reply's own words, and the
reply keeps the higher of the two readings on the attributes of abuse
(:data:`ENDORSEMENT_ATTRIBUTES`) when the parent's own reading is plainly abusive
(:data:`PLAIN`). Under a civil parent nothing changes; under an abusive one the reply is
held with it. What counts as bare agreement, and why only that, is
:mod:`threadguard.agreement`'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

#: The attributes the parent's reading may raise (the reply agrees with an attack: it
#: attacks). Profanity and sexual content are the parent's words, not the reply's.
ENDORSEMENT_ATTRIBUTES: Final = frozenset(
    {"toxicity", "severe_toxicity", "identity_attack", "insult", "threat"}
)


#: How high a parent's own reading must be, on one of :data:`ENDORSEMENT_ATTRIBUTES`, for
#: plain agreement to take it: plainly abusive, not a close call. Session 34: "Agreed." and
#: "Well said." under "Heartbreaking. The smugglers who put them in that boat should face
#: murder charges." were held with the parent's false positive (toxicity 0.42, threat
#: 0.32: over the default policy's hold, 0.40, by a hair), where the hateful parents this
#: reading is for score far higher ("Those people are vermin and should be thrown out of
#: this country.": toxicity 0.93, identity attack 0.47; "Refugees are vermin ruining this
#: country": 0.98, 0.94). Identity attack is rare and its head low (the default policy
#: holds from 0.21), so its floor is lowest: "Les migrants sont des rats." scores toxicity
#: 0.41 but identity attack 0.27. With these floors (the engine's reading gated on them, a
#: patch measured outside engine.py), ``eval --suite functional`` and ``--suite context
#: --split dev`` were unchanged and the endorsement tests passed. The engine applies
#: them in :meth:`threadguard.engine.Engine._endorsements`; a parent the team's lists hold
#: (a trope, a call to violence the models score low) is the moderation's to carry over
#: (:mod:`threadguard.moderation.endorsed_lists`).
PLAIN: Final = {
    "toxicity": 0.70,
    "severe_toxicity": 0.50,
    "identity_attack": 0.25,
    "insult": 0.50,
    "threat": 0.50,
}


def plainly_abusive(scores: Mapping[str, float]) -> bool:
    """Whether a parent's own reading is abusive enough for a reply that only agrees with
    it to take it (:data:`PLAIN`); a close call is left to the reply's own words."""
    return any(scores.get(attribute, 0.0) >= floor for attribute, floor in PLAIN.items())
