"""What moderation concludes about a comment: a verdict with its reasons, and what the site
rules found on the way (watched words, codes of coded hate, threatening phrases, the text
to publish if some were censored).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Final

from threadguard.analysis import Analysis, Span, Target, merged_targets
from threadguard.moderation.abusive_words import AbusiveMatch
from threadguard.moderation.coded_hate import CodedMatch
from threadguard.moderation.contact_details import ContactMatch
from threadguard.moderation.inferred_targets import INFERRED_TARGET
from threadguard.moderation.threats import ThreatMatch
from threadguard.moderation.watchlist import WatchMatch
from threadguard.schema import Verdict, with_parents

#: The score of a group that the site's lists found attacked (a code of coded hate, a
#: call for expulsion or dehumanising phrase, an abusive word naming its group) where the
#: models' own target score is lower: the share of such finds that annotators labelled an
#: attack on that group, on the dev rows of the data sets that label groups (174 of 236
#: comments of HateXplain, Implicit Hate and ETHOS: ``threadguard eval --suite targets
#: --split dev``). A floor more than a measure: most of the rest are slurs in rows
#: HateXplain labels offensive, for which the data set names no group.
LISTED_TARGET: Final = 0.74
#: The attribute a find's words carry as a span, by the find's kind (a code of coded hate
#: is an identity attack; a threat list kind not named here is a threat; an abusive word
#: of a kind not named here is toxicity).
FIND_ATTRIBUTES: Final = {
    "call for expulsion": "identity_attack",
    "dehumanising language": "identity_attack",
    "sexual harassment": "sexually_explicit",
    "slur": "identity_attack",
    "insult": "insult",
}


@dataclass(frozen=True)
class Decision:
    """The verdict (approve, hold or reject) and why, most severe reason first."""

    action: Verdict
    reasons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Accept the plain strings of the contracts ("hold") as well as the enum.
        object.__setattr__(self, "action", Verdict(self.action))
        object.__setattr__(self, "reasons", tuple(self.reasons))

    def to_json(self) -> dict[str, Any]:
        return {"action": self.action.value, "reasons": list(self.reasons)}


@dataclass(frozen=True)
class Outcome:
    """The final decision, the watchlist matches and codes of coded hate behind it, and
    the censored text if any."""

    decision: Decision
    matches: tuple[WatchMatch, ...] = ()
    censored_text: str | None = None
    coded: tuple[CodedMatch, ...] = ()
    #: Whether a code held the comment (not only named: see :mod:`.coded_hate`).
    coded_held: bool = False
    #: Threatening phrases found (:mod:`.threats`), and whether one held the comment.
    threats: tuple[ThreatMatch, ...] = ()
    threat_held: bool = False
    #: Whether the scores were read: False for a language the models do not cover, which
    #: the site's rule for unsupported languages decided instead.
    scored: bool = True
    #: Abusive words of the other covered languages (:mod:`.abusive_words`), and whether
    #: one held the comment.
    abusive: tuple[AbusiveMatch, ...] = ()
    abusive_held: bool = False
    #: Contact details and spam found (:mod:`.contact_details`): their kind and offsets
    #: only, so a moderator sees where they stand and no copy of them is kept.
    contacts: tuple[ContactMatch, ...] = ()
    #: The groups a comment held for abuse is taken to attack where the models name none
    #: (:mod:`.inferred_targets`): those it names, where an identity attack held it, else
    #: those its parent or the article's title names, where it speaks of "them".
    inferred_groups: frozenset[str] = frozenset()
    #: Whether the comment is held or rejected for abuse: an abuse attribute's threshold or
    #: a list's find (not only its language, its author's standing or a watched word). A
    #: reply of bare agreement with it is held too (:mod:`.endorsed_lists`).
    abuse_held: bool = False
    #: What a reply of bare agreement with it takes over: the reasons it was held for where
    #: they are plain abuse or a list's find, none for a close call
    #: (:func:`.moderator.carried`).
    carried: tuple[str, ...] = ()

    @property
    def action(self) -> Verdict:
        """The verdict, for callers that need only that."""
        return self.decision.action

    @property
    def named_groups(self) -> frozenset[str]:
        """The groups the site's lists found attacked in the comment's own words, with
        their coarse groups: a code of coded hate it uses (not rebutted; a code in the
        user name is the name's), a call for expulsion or dehumanising phrase that holds,
        an abusive word that holds. The reasons name them; so must the comment's targets,
        since the models' target scores often do not ("Muslims are a cancer": muslims 0.35,
        under the report line, while the dehumanising phrase held the comment)."""
        coded = {c.term.group for c in self.coded if not c.rebutted and not c.where.in_author}
        threats = {g for t in self.threats if t.holds for g in t.groups}
        abusive = {g for m in self.abusive if m.holds for g in m.targets}
        return frozenset(with_parents(coded | threats | abusive))

    @property
    def found_spans(self) -> tuple[Span, ...]:
        """Where the finds that hold stand in the text, as spans of the attribute each
        is (:data:`FIND_ATTRIBUTES`): the words a moderator should see highlighted, which
        the models' spans miss where they scored the comment low (a desk counted 21 of 32
        held comments without a span; those held by a code had none)."""
        found = [
            (c.where.begin, c.where.end, "identity_attack")
            for c in self.coded
            if not c.rebutted and not c.where.in_author
        ]
        found += [
            (t.begin, t.end, FIND_ATTRIBUTES.get(t.kind, "threat")) for t in self.threats if t.holds
        ]
        found += [
            (m.begin, m.end, FIND_ATTRIBUTES.get(m.kind, "toxicity"))
            for m in self.abusive
            if m.holds
        ]
        return tuple(Span(b, e, a, LISTED_TARGET) for b, e, a in sorted(set(found)) if b < e)

    def details(self) -> dict[str, Any] | None:
        """What to store beside the decision (None when the site rules found nothing)."""
        if not (self.matches or self.coded or self.threats or self.abusive or self.contacts) and (
            self.censored_text is None
        ):
            return None
        out: dict[str, Any] = {
            "watchlist": [m.to_json() for m in self.matches],
            "censored_text": self.censored_text,
        }
        if self.coded:
            out["coded_hate"] = [c.to_json() for c in self.coded]
        if self.threats:
            out["threats"] = [t.to_json() for t in self.threats]
        if self.abusive:
            out["abusive_words"] = [m.to_json() for m in self.abusive]
        if self.contacts:
            out["contact_details"] = contacts_json(self.contacts)
        return out


def with_findings(analysis: Analysis, outcome: Outcome, *, spans: bool = True) -> Analysis:
    """``analysis`` with what its outcome's lists found: the groups attacked among its
    targets (at :data:`LISTED_TARGET`, or the models' score where higher) and the words
    of each find that holds among its spans (:attr:`Outcome.found_spans`; a span the
    models marked at the same place and attribute keeps the higher score; none where the
    caller asked for no spans), and the groups the moderator inferred
    (:attr:`Outcome.inferred_groups`, at :data:`INFERRED_TARGET` unless read higher). The
    comment's targets and spans as every output and the store report them; scores are
    unchanged."""
    named, found = outcome.named_groups, outcome.found_spans if spans else ()
    inferred = with_parents(set(outcome.inferred_groups))
    if not named and not found and not inferred:
        return analysis
    listed = tuple(Target(g, LISTED_TARGET) for g in sorted(named))
    listed += tuple(Target(g, INFERRED_TARGET, inferred=True) for g in sorted(inferred))
    marked = {(s.begin, s.end, s.attribute): s for s in analysis.spans}
    for s in found:
        key = (s.begin, s.end, s.attribute)
        if key not in marked or marked[key].score < s.score:
            marked[key] = s
    return replace(
        analysis,
        targets=merged_targets(analysis.targets, listed),
        spans=tuple(sorted(marked.values(), key=lambda s: (s.begin, s.end, s.attribute))),
    )


def contacts_json(found: tuple[ContactMatch, ...]) -> list[dict[str, Any]]:
    """Each find's kind and offsets (code points), never its text: the reasons show three
    characters of it, and a news desk's moderators could not tell what was found where."""
    return [{"kind": m.kind, "begin": m.begin, "end": m.end} for m in found]


def held_long(decision: Decision, limit: int) -> Decision:
    """The decision for a comment longer than the service's text limit, read whole anyway
    (where refusing it would cost more: Coral publishes what it is refused, and a thread
    upload lost every other comment with it): held for a person at least, since such a
    length is a flood or padding around something, and no reader expects it published
    unread. The length is among the reasons whatever else decided it (a long comment
    rejected on its scores lost it), first where it alone holds the comment."""
    reason = f"longer than {limit:,} characters"
    if decision.action == Verdict.APPROVE:
        return Decision(Verdict.HOLD, (reason, *decision.reasons))
    return Decision(decision.action, (*decision.reasons, reason))
