"""The moderator: one object that turns analyses into decisions, for every interface.

The engine scores; the moderator decides, from the analysis, the site's policy and what
is known of the author. The command line (``score``, ``scan``), every HTTP endpoint, the
dashboard and batch jobs all decide through :meth:`Moderator.decide`, so a site's rules
mean the same wherever a comment arrives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from threadguard.analysis import Analysis
from threadguard.engine import Engine, ScoredComment
from threadguard.moderation.authors import AuthorContext, AuthorHistory, NoHistory, rank_authors
from threadguard.moderation.coded_hate import ACTING
from threadguard.moderation.decision import Decision, Outcome, with_findings
from threadguard.moderation.endorsed_lists import ListFinds
from threadguard.moderation.inferred_targets import inferred_groups
from threadguard.moderation.phases import (
    PHASES,
    Case,
    Draft,
    Phase,
    crossed,
    most_severe_first,
    name_hits,
    thresholds,
)
from threadguard.moderation.policy import Policy, load_policy
from threadguard.moderation.watchlist import censor
from threadguard.schema import Verdict
from threadguard.scoring.endorsements import PLAIN
from threadguard.thread import Comment, Thread


@dataclass(frozen=True)
class Moderated:
    """A thread comment with its analysis (its targets and spans with what the outcome's
    lists found: :func:`.decision.with_findings`), its author name's analysis and its
    outcome."""

    comment: Comment
    analysis: Analysis
    author_analysis: Analysis | None
    outcome: Outcome

    @property
    def decision(self) -> Decision:
        """The final decision (the outcome's)."""
        return self.outcome.decision


def carried(case: Case, draft: Draft) -> tuple[str, ...]:
    """The reasons a reply of bare agreement takes over from a comment held for abuse: every
    reason where a list's find held it, else the thresholds its own scores cross plainly
    (:data:`threadguard.scoring.endorsements.PLAIN`, the floors at which the engine gives
    agreement its parent's reading); none for a close call. "Ha, spot on." under "Only thing
    getting slaughtered in this town is the high street tbh" (held at toxicity 0.53, a dark
    joke) was held with it (an eighteenth news desk), where "This. Spot on." under a parent
    held at identity attack 0.33 must be (a seventeenth)."""
    if draft.coded_held or draft.threat_held or draft.abusive_held or _locates(case, draft):
        return draft.reasons
    hits = crossed(case.policy, case.analysis.scores, case.analysis.language)
    return tuple(
        reason for _, score, attr, reason in hits if attr in PLAIN and score >= PLAIN[attr]
    )


#: The contact details that give a person away: "Well said." under a comment held for a
#: reader's home address, or where a man works and drinks beside a call to go there, was
#: published (news desks 82 and 84, session 53; docs/policy.md: agreement with a parent a
#: list holds is held). A phone number or a link is often a business's, and agreeing with
#: its comment is no harm.
LOCATING: Final = frozenset({"home address", "whereabouts", "vehicle registration"})


def _locates(case: Case, draft: Draft) -> bool:
    """Whether the contact details held the comment for where a person can be found."""
    return case.policy.rules.contact_action in ACTING and any(
        c.kind in LOCATING for c in draft.contacts
    )


class Moderator:
    """Decides under one policy, in the ordered phases of :mod:`.phases`.

    ``context=False`` reads every comment alone, as ``--no-context`` promises: the lists
    then never see the parent or title either (an approval of what the parent reported,
    a reply agreeing with a parent's slur, the groups a held reply takes from its thread),
    not only the models.
    """

    def __init__(
        self,
        policy: Policy | None = None,
        phases: Sequence[Phase] = PHASES,
        *,
        context: bool = True,
    ) -> None:
        self.policy = policy if policy is not None else load_policy()
        self.phases = tuple(phases)
        self.reads_context = context

    def decide(
        self,
        analysis: Analysis,
        text: str,
        author: AuthorContext | None = None,
        author_analysis: Analysis | None = None,
        *,
        context: str = "",
        answered: Outcome | None = None,
        title: str = "",
    ) -> Outcome:
        """The decision on one scored comment, with the watched words found in it.
        ``context``: what it answers (the parent comment's text, else the article's title);
        ``answered``: the parent comment's outcome, when decided (its lists' finds are then
        not looked for again); ``title``: the article's title (where ``context`` is a
        parent's text, the topic words of a coded-hate entry are looked for there too); all
        three ignored by a moderator made with ``context=False``."""
        if not self.reads_context:
            context, answered, title = "", None, ""
        finds = (
            ListFinds(
                tuple(c for c in answered.coded if not c.where.in_author),
                answered.threats,
                answered.abusive,
                answered.carried,
            )
            if answered is not None
            else None
        )
        topic = title if title != context else ""
        case = Case(self.policy, analysis, text, author, author_analysis, context, topic, finds)
        draft = Draft()
        for phase in self.phases:
            draft = phase(case, draft)
        censored = (
            censor(text, draft.matches)
            if any(m.action == "censor" for m in draft.matches)
            else None
        )
        inferred: frozenset[str] = frozenset()
        abuse_held = draft.verdict is not Verdict.APPROVE and draft.held_for_abuse
        if abuse_held:
            inferred = draft.reader_groups | inferred_groups(
                text, context, case.canonical, identity_attack="identity_attack" in draft.crossed
            )
        return Outcome(
            Decision(draft.verdict, draft.reasons),
            draft.matches,
            censored,
            draft.coded,
            draft.coded_held,
            draft.threats,
            draft.threat_held,
            draft.scored,
            draft.abusive,
            draft.abusive_held,
            draft.contacts,
            inferred,
            abuse_held,
            carried(case, draft) if abuse_held or _locates(case, draft) else (),
        )

    def on_scores(self, analysis: Analysis) -> Decision:
        """The thresholds' decision on scores alone."""
        draft = thresholds(Case(self.policy, analysis, ""), Draft())
        return Decision(draft.verdict, draft.reasons)

    def on_author_scores(self, analysis: Analysis) -> Decision:
        """What a user name's scores alone decide: the thresholds crossed from the policy's
        name floor (``[authors] screen_from``) up, as they count for its comments."""
        hits = most_severe_first(name_hits(self.policy, analysis.scores, analysis.language))
        if not hits:
            return Decision(Verdict.APPROVE, ())
        return Decision(hits[0][0], tuple(reason for *_, reason in hits))

    def decide_thread(
        self,
        scored: Sequence[ScoredComment],
        history: AuthorHistory | None = None,
        *,
        title: str = "",
        contexts: Mapping[str, str] | None = None,
    ) -> list[Moderated]:
        """Decide every scored comment of a thread, ranking authors by ``history`` (none:
        only this thread counts) so pre-moderation and escalation see the right count.
        Each comment's context is its parent's text (from ``contexts`` by comment id, for a
        parent outside ``scored``, else the parent among them), else ``title``."""
        texts = {s.comment.id: s.comment.text for s in scored}
        given = contexts or {}
        decided: dict[str, Outcome] = {}

        def context(c: Comment) -> str:
            parent = texts.get(c.parent, "") if c.parent else ""
            return given.get(c.id) or parent or title

        def answered(c: Comment) -> Outcome | None:
            # the parent's own decision, when the reply's context is that parent's text
            if not c.parent or c.id in given or c.parent not in texts:
                return None
            return decided.get(c.parent)

        authors = rank_authors(
            [(s.comment.id, s.comment.author or None) for s in scored],
            history or NoHistory(),
            self.policy.rules.escalation_days,
        )
        out = []
        for s, who in zip(scored, authors, strict=True):
            outcome = self.decide(
                s.analysis,
                s.comment.text,
                who,
                s.author_analysis,
                context=context(s.comment),
                answered=answered(s.comment),
                title=title,
            )
            decided[s.comment.id] = outcome
            analysis = with_findings(s.analysis, outcome)
            out.append(Moderated(s.comment, analysis, s.author_analysis, outcome))
        return out

    def moderate_thread(
        self, engine: Engine, thread: Thread, history: AuthorHistory | None = None
    ) -> list[Moderated]:
        """Score a thread with ``engine`` (user names too, when the policy screens them)
        and decide every comment."""
        scored = engine.scan(thread, authors=self.policy.screen_authors)
        return self.decide_thread(scored, history, title=thread.title)
