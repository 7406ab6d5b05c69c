"""A reply of bare agreement with what the team's lists hold in the comment it answers.

The engine reads "Agreed." as its parent's words when the parent's scores are plainly
abusive (:mod:`threadguard.scoring.endorsements`), but the lists exist for what the scores
miss: "100% agree, about time someone said it." under "Jews control the banks and the
media." (a trope the coded-hate lexicon holds, the models score low) was published, as was
"Stimmt genau." under a call to burn a refugee home in German (session 34's news-desk
tryout). So the phase reads the parent with the lists the policy turns on -- threats,
coded hate, the other languages' abusive words -- and a reply that only agrees with a
parent one of them holds is decided as that parent would be, with the reason naming what
it agrees with. A quoted, reported or rebutted phrase in the parent does not carry over.
"""

from __future__ import annotations

from threadguard.agreement import endorses
from threadguard.moderation.abusive_words import match_abusive_words
from threadguard.moderation.coded_hate import match_coded
from threadguard.moderation.policy import SiteRules
from threadguard.moderation.threats import match_threats


def agreed_reasons(text: str, parent: str, rules: SiteRules, language: str | None) -> list[str]:
    """The reasons a reply agrees with what the lists hold in ``parent`` (``rules``: the
    policy's site rules); none when the reply is not bare agreement or the parent holds
    nothing."""
    if not parent.strip() or not endorses(text, parent):
        return []
    held: list[str] = []
    if rules.threat_action == "hold":
        held += [t.reason() for t in match_threats(parent, language=language) if t.holds]
    if rules.coded_action == "hold":
        coded = match_coded(parent, ignore=rules.coded_ignore, language=language)
        held += [m.reason() for m in coded if not m.rebutted]
    if rules.abusive_action == "hold":
        held += [m.reason() for m in match_abusive_words(parent, language=language) if m.holds]
    return [f"agrees with what it answers: {r}" for r in dict.fromkeys(held)]
