"""What the site's phrase lists and lexicons found, as the scores the compatibility
endpoints report: one place for both Perspective's attributes and OpenAI's categories.

A threatening phrase, a code of coded hate or an abusive word that holds a comment sets
the attributes (Perspective) and categories (OpenAI) it belongs to, whatever the model
scored: "I will find you and hurt you" is a threat the model scored 0.29, "Cállate,
pendejo." an insult it scored 0.09. Clients apply their own cut-offs to the scores (OpenAI
clients ``harassment > 0.5`` beside ``categories``, Perspective clients 0.5 to 0.8), so a
score the finding set is reported at :func:`floor_for` at least: the surface's own flag
level for it (the site policy's hold threshold, as ``flagged`` reads it) and never below
:data:`RULE_FLOOR`. Only the answer is raised: the stored analysis and its details keep
the model's own scores.
"""

from __future__ import annotations

from typing import Final

from threadguard.moderation import Outcome

#: The least score a finding of the site's lists reports for what it sets: Coral's default
#: Perspective threshold and the top of the cut-offs clients commonly use (0.5 to 0.8), so
#: a client reading scores alone sees what the site holds.
RULE_FLOOR: Final = 0.8

#: OpenAI categories a phrase of the threat list sets, by its kind: an OpenAI client reads
#: ``flagged`` as "some category is true" and looks for which ("I will find you and hurt
#: you." was flagged with every category false).
THREAT_CATEGORIES: Final[dict[str, tuple[str, ...]]] = {
    "intent to harm": ("harassment", "harassment/threatening", "violence"),
    "veiled threat": ("harassment", "harassment/threatening", "violence"),
    "wish of harm": ("harassment", "harassment/threatening", "violence"),
    "encouraging self-harm": ("harassment", "self-harm"),
    "call for violence": ("violence",),
    "call for expulsion": ("hate",),
    "dehumanising language": ("hate",),
    "sexual harassment": ("harassment", "sexual"),
}
#: OpenAI categories an abusive word of the other covered languages sets, by its kind
#: ("Pedały do gazu." was not flagged: the multilingual tier scored it 0.23).
ABUSIVE_CATEGORIES: Final[dict[str, tuple[str, ...]]] = {
    "slur": ("hate", "harassment"),
    "insult": ("harassment",),
    "directed obscenity": ("harassment",),
}
#: Added to a call for violence that names a group of people.
GROUP_VIOLENCE: Final[tuple[str, ...]] = ("hate", "hate/threatening")

#: Perspective attributes a phrase of the threat list sets, by its kind.
THREAT_ATTRIBUTES: Final[dict[str, tuple[str, ...]]] = {
    "intent to harm": ("toxicity", "threat"),
    "veiled threat": ("toxicity", "threat"),
    "wish of harm": ("toxicity", "threat"),
    "encouraging self-harm": ("toxicity",),
    "call for violence": ("toxicity", "threat"),
    "call for expulsion": ("toxicity", "identity_attack"),
    "dehumanising language": ("toxicity", "identity_attack"),
    "sexual harassment": ("toxicity", "sexually_explicit"),
}
#: Perspective attributes an abusive word sets, by its kind.
ABUSIVE_ATTRIBUTES: Final[dict[str, tuple[str, ...]]] = {
    "slur": ("toxicity", "identity_attack", "insult"),
    "insult": ("toxicity", "insult"),
    "directed obscenity": ("toxicity", "insult", "profanity"),
}
#: What a code of coded hate that holds sets.
CODED_CATEGORIES: Final[tuple[str, ...]] = ("hate",)
CODED_ATTRIBUTES: Final[tuple[str, ...]] = ("toxicity", "identity_attack")


def rule_categories(outcome: Outcome | None) -> set[str]:
    """The OpenAI categories the site's rules found that the scores may not show: a
    threatening phrase that holds (by its kind), a code of coded hate that holds (hate),
    an abusive word of another language that holds (by its kind)."""
    if outcome is None:
        return set()
    found: set[str] = set()
    for t in outcome.threats:
        if t.holds:
            found.update(THREAT_CATEGORIES.get(t.kind, ("violence",)))
            if t.kind == "call for violence" and t.groups:
                found.update(GROUP_VIOLENCE)
    if outcome.coded_held:
        found.update(CODED_CATEGORIES)
    for w in outcome.abusive:
        if w.holds:
            found.update(ABUSIVE_CATEGORIES.get(w.kind, ("harassment",)))
    return found


def rule_attributes(outcome: Outcome | None) -> set[str]:
    """The Perspective attributes (ours, lower case) the same findings set."""
    if outcome is None:
        return set()
    found: set[str] = set()
    for t in outcome.threats:
        if t.holds:
            found.update(THREAT_ATTRIBUTES.get(t.kind, ("toxicity", "threat")))
    if outcome.coded_held:
        found.update(CODED_ATTRIBUTES)
    for w in outcome.abusive:
        if w.holds:
            found.update(ABUSIVE_ATTRIBUTES.get(w.kind, ("toxicity", "insult")))
    return found


def floor_for(flag_level: float) -> float:
    """The least score a finding reports for something the surface flags at
    ``flag_level``: that level, and never below :data:`RULE_FLOOR`."""
    return max(RULE_FLOOR, flag_level)


def raised(score: float, found: bool, flag_level: float) -> float:
    """``score`` as reported: raised to :func:`floor_for` where a finding set it."""
    return max(score, floor_for(flag_level)) if found else score


def attribute_floors(outcome: Outcome | None, flag_at: dict[str, float]) -> dict[str, float]:
    """The least score Perspective reports for each attribute a finding set (``flag_at``:
    the policy's flag levels in the comment's language)."""
    return {a: floor_for(flag_at.get(a, RULE_FLOOR)) for a in rule_attributes(outcome)}
