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

Only a finding that held the comment counts (:func:`held_findings`): one its phase's
action holds for under the site's policy (``threat_action``, ``coded_action``,
``abusive_action`` = ``"hold"`` or ``"reject"``), and not quoted, reported or rebutted. A site whose
policy only flags threats (a reason, no hold) stored "I will find you and hurt you."
approved while Perspective answered THREAT 0.8 and OpenAI violence 0.8 (review 35): the
answer must not say more than the site decided. Perspective's sentence spans
(``spanAnnotations``) get the floor where a finding is in them (:class:`Floors`), so the
summary and its spans agree (THREAT 0.8 beside spans of 0.003 and 0.26, and no span at all
over ``scoreThreshold`` 0.5).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Finding:
    """A finding of the site's lists that held the comment: where it is in the comment's
    text (None: in no place of it, as a code in the author's name) and what it sets."""

    where: tuple[int, int] | None
    attributes: tuple[str, ...]
    categories: tuple[str, ...]

    def within(self, begin: int, end: int) -> bool:
        """Whether the finding is (partly) in ``text[begin:end]``; one with no place in the
        text is in every part of it."""
        return self.where is None or (self.where[0] < end and begin < self.where[1])


def held_findings(outcome: Outcome | None) -> list[Finding]:
    """The findings that held the comment: threatening phrases, codes of coded hate and
    abusive words, each only where its phase held under the site's policy (``flag`` names
    a finding and holds nothing) and it is not quoted, reported or rebutted."""
    if outcome is None:
        return []
    found: list[Finding] = []
    if outcome.threat_held:
        for t in outcome.threats:
            if t.holds:
                categories = THREAT_CATEGORIES.get(t.kind, ("violence",))
                if t.kind == "call for violence" and t.groups:
                    categories += GROUP_VIOLENCE
                attributes = THREAT_ATTRIBUTES.get(t.kind, ("toxicity", "threat"))
                found.append(Finding((t.begin, t.end), attributes, categories))
    if outcome.coded_held:
        for c in outcome.coded:
            if not c.rebutted:
                where = None if c.where.in_author else (c.where.begin, c.where.end)
                found.append(Finding(where, CODED_ATTRIBUTES, CODED_CATEGORIES))
    if outcome.abusive_held:
        for w in outcome.abusive:
            if w.holds:
                attributes = ABUSIVE_ATTRIBUTES.get(w.kind, ("toxicity", "insult"))
                categories = ABUSIVE_CATEGORIES.get(w.kind, ("harassment",))
                found.append(Finding((w.begin, w.end), attributes, categories))
    return found


def rule_categories(outcome: Outcome | None) -> set[str]:
    """The OpenAI categories the site's rules found that the scores may not show: those of
    every finding that held the comment (:func:`held_findings`)."""
    return {c for f in held_findings(outcome) for c in f.categories}


def rule_attributes(outcome: Outcome | None) -> set[str]:
    """The Perspective attributes (ours, lower case) the same findings set."""
    return {a for f in held_findings(outcome) for a in f.attributes}


def floor_for(flag_level: float) -> float:
    """The least score a finding reports for something the surface flags at
    ``flag_level``: that level, and never below :data:`RULE_FLOOR`."""
    return max(RULE_FLOOR, flag_level)


def raised(score: float, found: bool, flag_level: float) -> float:
    """``score`` as reported: raised to :func:`floor_for` where a finding set it."""
    return max(score, floor_for(flag_level)) if found else score


@dataclass(frozen=True)
class Floors:
    """The least score Perspective reports for each attribute a held finding set: in the
    summary, and in a span of the text the finding is in (``flag_at``: the policy's flag
    levels in the comment's language)."""

    findings: tuple[Finding, ...] = ()
    flag_at: Mapping[str, float] | None = None

    def _of(self, findings: list[Finding]) -> dict[str, float]:
        flag_at = self.flag_at or {}
        attributes = {a for f in findings for a in f.attributes}
        return {a: floor_for(flag_at.get(a, RULE_FLOOR)) for a in attributes}

    def summary(self) -> dict[str, float]:
        """The floors of the whole comment's summary scores."""
        return self._of(list(self.findings))

    def span(self, begin: int, end: int) -> dict[str, float]:
        """The floors of the span ``text[begin:end]``: those of the findings in it."""
        return self._of([f for f in self.findings if f.within(begin, end)])


def attribute_floors(outcome: Outcome | None, flag_at: Mapping[str, float]) -> Floors:
    """The floors Perspective reports for ``outcome``'s held findings (:class:`Floors`)."""
    return Floors(tuple(held_findings(outcome)), flag_at)
