"""The ordered phases of a decision, each a small pure function with one job.

Like Coral's moderation pipeline, a decision is worked out in phases; each phase sees the
case and the decision so far and returns the decision after it. The order is the policy:

1. ``language``: a comment in a language the models do not cover gets the site's rule
   for unsupported languages; its scores (an English model's) are not read.
2. ``thresholds``: each attribute at or over its hold or reject threshold, for the text
   and (when screened) the author's name, whose scores count only from the policy's
   ``[authors] screen_from`` up; named target groups are added to the reasons.
3. ``trusted_author``: a trusted author's hold for low-severity attributes only is waived.
4. ``watchlist``: watched words in the text and the author's name.
5. ``coded_hate``: codes of the coded-hate lexicon in the text and the author's name
   (:mod:`.coded_hate`), held or named as the policy's ``[coded_hate]`` says.
6. ``threats``: threats and calls for violence or expulsion from the threat list in the
   text (:mod:`.threats`), held or named as the policy's ``[threats]`` says.
7. ``abusive_words``: slurs, insults at a person and obscene dismissals in the other
   covered languages (:mod:`.abusive_words`), held or named as ``[abusive_words]`` says.
8. ``endorsed_lists``: a reply of bare agreement with a comment the lists hold (threats,
   coded hate, abusive words), or one approving whoever said a slur or threat its parent
   reports, is held, naming it (:mod:`.endorsed_lists`).
   ``named_reader``: a reply dismissing its parent's writer by the group that writer named
   as their own ("Your lot have been on benefits since the day you landed." under "I'm
   Somali") is held, naming the group (:mod:`.named_reader`).
9. ``contact_details``: phone numbers, e-mail and home addresses, and spam in the text
   (:mod:`.contact_details`), held or named as the policy's ``[contact_details]`` says.
10. ``banned_author``: a banned author is rejected.
11. ``new_author``: an author's first ``premoderate_first`` comments are held.
12. ``repeat_offender``: an author with enough recent rejections is held.

A phase marks the draft ``final`` when nothing after it may change the verdict; reasons
still accumulate, so a moderator sees every rule that applied. Rules only ever make a
decision stricter, except the trusted author's waiver.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Final, TypeVar

from threadguard.analysis import Analysis, policy_line, shown_against, shown_score
from threadguard.moderation.abusive_words import AbusiveMatch, match_abusive_words
from threadguard.moderation.authors import AuthorContext
from threadguard.moderation.coded_hate import ACTING, CodedAction, CodedMatch, match_coded
from threadguard.moderation.contact_details import ContactMatch, match_contact_details
from threadguard.moderation.endorsed_lists import ListFinds, agreed_reasons, approved_reports
from threadguard.moderation.named_reader import match_named_reader
from threadguard.moderation.policy import Policy
from threadguard.moderation.self_named import says_who_they_are
from threadguard.moderation.threats import ThreatMatch, match_threats
from threadguard.moderation.watchlist import WATCH_EFFECT, WatchMatch, match_watchlist
from threadguard.schema import ATTRIBUTES, Verdict

#: An author "name" that is an opaque id (Coral sends the user's UUID; other platforms
#: long hex ids): not screened for codes, which its digits could spell ("...-1488-...").
OPAQUE_ID: Final = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24,}", re.IGNORECASE
)
#: The attributes whose thresholds hold a comment for abuse (not profanity or sexual
#: content alone): a comment held for them may take its target from its thread.
ABUSE_ATTRIBUTES: Final = frozenset(
    {"toxicity", "severe_toxicity", "identity_attack", "insult", "threat"}
)
#: A crossed threshold (verdict, score, ...): what :func:`most_severe_first` orders.
_Hit = TypeVar("_Hit", bound=tuple[Any, ...])


@dataclass(frozen=True)
class Case:
    """Everything a decision may read: the policy, the comment and what is known of its
    author (``author_analysis``: the scores of the author's name)."""

    policy: Policy
    analysis: Analysis
    text: str
    author: AuthorContext | None = None
    author_analysis: Analysis | None = None
    #: What the comment answers: its parent's text, else the article's title ("": none).
    #: Read where a rule needs the thread to be understood (a call for expulsion of a
    #: group the parent named).
    context: str = ""
    #: The article's title where the comment answers a parent (else it is ``context``
    #: already, or unknown): a ``[[context]]`` entry's topic words are looked for there
    #: too ("Three hundred knackers in one place" answered a parent about the wedding's
    #: guests, under "Mullingar hotel defends hosting Traveller wedding": desk 78), and a
    #: ``topic`` threat entry's ``near`` ("They're welcome to swim back." answered a parent
    #: about "the men in the hotel" under "... asylum hotel ...": desk 84).
    title: str = ""
    #: What the lists found in the parent comment, when its decision is known (a thread's
    #: reply); None: the phases read the parent's text themselves.
    answered: ListFinds | None = None

    @property
    def canonical(self) -> str | None:
        """The text's canonical form as the engine made it, when the analysis is of this
        very text (else None: the matchers normalise it themselves)."""
        known = self.analysis.canonical
        return known[1] if known is not None and known[0] == self.text else None

    @property
    def trusted(self) -> bool:
        """Whether the author is trusted, by the store's flag or the policy's list."""
        a = self.author
        return a is not None and (a.trusted or a.name in self.policy.rules.trusted)

    @property
    def author_scores(self) -> dict[str, float] | None:
        """The author's name's scores when the policy screens names, else None."""
        if self.author_analysis is None or not self.policy.screen_authors:
            return None
        return self.author_analysis.scores


@dataclass(frozen=True)
class Draft:
    """The decision so far: verdict, reasons, watchlist matches, and whether it is final."""

    verdict: Verdict = Verdict.APPROVE
    reasons: tuple[str, ...] = ()
    matches: tuple[WatchMatch, ...] = ()
    #: Codes of the coded-hate lexicon found, and whether they held the comment.
    coded: tuple[CodedMatch, ...] = ()
    coded_held: bool = False
    #: Threatening phrases found, and whether they held the comment.
    threats: tuple[ThreatMatch, ...] = ()
    threat_held: bool = False
    #: Abusive words of the other covered languages found, and whether one held it.
    abusive: tuple[AbusiveMatch, ...] = ()
    abusive_held: bool = False
    #: The groups a reply dismissed its parent's writer by (:mod:`.named_reader`).
    reader_groups: frozenset[str] = frozenset()
    #: Contact details and spam found (where they stand, never what they say).
    contacts: tuple[ContactMatch, ...] = ()
    final: bool = False
    #: Whether the comment's scores were read (not for an unsupported language).
    scored: bool = True
    #: The attributes whose thresholds the text's own scores cross (not its author name's).
    crossed: frozenset[str] = frozenset()

    @property
    def held_for_abuse(self) -> bool:
        """Whether an abuse attribute's threshold (:data:`ABUSE_ATTRIBUTES`) or a list's
        find (a code, threat or abusive word) holds the comment; not where only its
        language, its author's standing or a watched word does. Such a comment may take
        its target from what it says or answers (:mod:`.inferred_targets`)."""
        return bool(
            self.crossed & ABUSE_ATTRIBUTES
            or self.coded_held
            or self.threat_held
            or self.abusive_held
            or bool(self.reader_groups)
        )

    def raised_to(self, floor: Verdict, *reasons: str) -> Draft:
        """The draft with its verdict raised to ``floor`` (unless final) and reasons added."""
        verdict = self.verdict if self.final else self.verdict.at_least(floor)
        return replace(self, verdict=verdict, reasons=self.reasons + reasons)


Phase = Callable[[Case, Draft], Draft]


def crossed(
    policy: Policy, scores: dict[str, float], language: str | None = None
) -> list[tuple[Verdict, float, str, str]]:
    """Every threshold crossed: (verdict, score, attribute, reason text), in attribute order.

    ``language``: the comment's, whose own thresholds (if the policy sets any) apply.
    """
    found = []
    rules = policy.thresholds_for(language)
    for attr in ATTRIBUTES:
        rule = rules.get(attr)
        if rule is None:
            continue
        score = float(scores.get(attr, 0.0))
        if rule.reject is not None and score >= rule.reject:
            found.append(
                (
                    Verdict.REJECT,
                    score,
                    attr,
                    policy_line(attr, score, rule.reject, "reject"),
                )
            )
        elif rule.hold is not None and score >= rule.hold:
            found.append(
                (
                    Verdict.HOLD,
                    score,
                    attr,
                    policy_line(attr, score, rule.hold, "hold"),
                )
            )
    return found


def most_severe_first(hits: list[_Hit]) -> list[_Hit]:
    """Crossed thresholds ordered as the reasons list them: rejections before holds, the
    higher score first within each."""
    return sorted(hits, key=lambda h: (-h[0].severity, -h[1]))


def author_hits(case: Case) -> list[tuple[Verdict, float, str, str]]:
    """The thresholds the author's name crosses (when screened), counting only scores from
    the policy's ``[authors] screen_from`` up: a name is a few characters, and the models
    give plain names scores that cross low thresholds."""
    if case.author_scores is None:
        return []
    if case.author is not None and says_who_they_are(case.author.name):
        return []  # "secular_jew_e5": a name that names its author's group (self_named.py)
    language = case.author_analysis.language if case.author_analysis is not None else None
    return name_hits(case.policy, case.author_scores, language)


def name_hits(
    policy: Policy, scores: dict[str, float], language: str | None = None
) -> list[tuple[Verdict, float, str, str]]:
    """:func:`crossed` for a user name's scores: only those at or above the name floor,
    at the thresholds of the language the name was read in. Where the floor is above the
    line crossed, the reason says the floor (a desk read "author name: insult 0.90 ≥ 0.27"
    and took 0.27 for the line a name is held from)."""
    floor = policy.author_floor
    rules = policy.thresholds_for(language)
    hits = []
    for verdict, score, attr, reason in crossed(policy, scores, language):
        if score < floor:
            continue
        rule = rules[attr]
        line = rule.reject if verdict is Verdict.REJECT else rule.hold
        if line is not None and line < floor:
            shown = shown_against(score, floor)
            reason = (
                f"{attr} {shown} ≥ {floor:.2f} ({verdict}: names are screened from {floor:.2f})"
            )
        hits.append((verdict, score, attr, reason))
    return hits


def language(case: Case, draft: Draft) -> Draft:
    """An unsupported language gets the site's rule, and the scores are not read."""
    code = case.analysis.language
    rule = case.policy.languages
    if code in rule.supported:
        return draft
    return replace(
        draft,
        verdict=rule.unsupported,
        reasons=(*draft.reasons, f"language {code} is not supported"),
        scored=False,
    )


def thresholds(case: Case, draft: Draft) -> Draft:
    """Thresholds crossed by the text's and the author name's scores, most severe first."""
    if not draft.scored:
        return draft
    language = case.analysis.language
    hits = crossed(case.policy, case.analysis.scores, language)
    draft = replace(draft, crossed=frozenset(attr for _, _, attr, _ in hits))
    found = [(v, s, reason) for v, s, _, reason in hits]
    engine = case.analysis.engine_scores
    if engine is not None:
        # A site's adaptation may move holds either way, never lower a rejection: its head
        # caps every attribute at the site's toxicity, so "Find out where the ref lives and
        # pay him a visit" (threat 0.85) went from reject to hold.
        rejected = {a for v, _, a, _ in hits if v is Verdict.REJECT}
        found += [
            (v, s, f"{reason[: -len(')')]}, the engine's score before the site's adaptation)")
            for v, s, a, reason in crossed(case.policy, engine, language)
            if v is Verdict.REJECT and a not in rejected
        ]
    found += [(v, s, f"author name: {reason}") for v, s, _, reason in author_hits(case)]
    if not found:
        return draft
    found = most_severe_first(found)
    reasons = [r for _, _, r in found]
    named = [t for t in case.analysis.targets if t.score >= case.policy.target_report]
    if named:
        reasons.append("targets " + ", ".join(f"{t.group} {shown_score(t.score)}" for t in named))
    return draft.raised_to(found[0][0], *reasons)


def trusted_author(case: Case, draft: Draft) -> Draft:
    """A trusted author's hold for low-severity attributes only is waived."""
    if not case.trusted or draft.verdict is not Verdict.HOLD or not draft.scored:
        return draft
    hits = crossed(case.policy, case.analysis.scores, case.analysis.language)
    hits += author_hits(case)
    held = {attr for v, _, attr, _ in hits if v is Verdict.HOLD}
    if any(v is Verdict.REJECT for v, *_ in hits) or not held <= case.policy.rules.low_severity:
        return draft
    return replace(
        draft,
        verdict=Verdict.APPROVE,
        reasons=(*draft.reasons, f"trusted author: hold for {', '.join(sorted(held))} waived"),
    )


def watchlist(case: Case, draft: Draft) -> Draft:
    """Watched words in the text and the author's name; each pattern named once."""
    rules = case.policy.rules.watchlist
    matches = match_watchlist(rules, case.text, canonical=case.canonical)
    if case.author is not None and case.author.name:
        matches += [
            m
            for m in match_watchlist(rules, case.author.name, in_author=True)
            if m.action != "censor"
        ]
    out = replace(draft, matches=draft.matches + tuple(matches))
    seen: set[tuple[str, bool]] = set()
    for m in matches:
        reason: tuple[str, ...] = ()
        if (m.pattern, m.in_author) not in seen:
            seen.add((m.pattern, m.in_author))
            where = "author name: " if m.in_author else ""
            reason = (f'{where}watched "{m.pattern}" ({m.action})',)
        effect = WATCH_EFFECT[m.action]
        out = out.raised_to(effect or Verdict.APPROVE, *reason)
    return out


def list_verdict(action: CodedAction) -> Verdict:
    """What a list's find that acts does to the comment: ``reject`` rejects it, ``hold``
    (and anything else) holds it."""
    return Verdict.REJECT if action == "reject" else Verdict.HOLD


def coded_hate(case: Case, draft: Draft) -> Draft:
    """Codes of the coded-hate lexicon in the text and the author's name: held (or only
    named, for ``flag``, and for a theory's name the sentence rebuts), each code named once
    with what it means."""
    rules = case.policy.rules
    if rules.coded_action == "off":
        return draft
    found = match_coded(
        case.text,
        ignore=rules.coded_ignore,
        language=case.analysis.language,
        canonical=case.canonical,
        context=case.context,
        topic=case.title,
    )
    name = case.author.name if case.author is not None else ""
    if name and not OPAQUE_ID.fullmatch(name):
        # user names join words with underscores ("white_power_1488"): read them as spaces
        spaced = name.replace("_", " ")
        found += match_coded(spaced, ignore=rules.coded_ignore, language=None, in_author=True)
    if not found:
        return draft
    # one reason per code (and place): rebutted only where every use of it is
    named: dict[tuple[str, bool], CodedMatch] = {}
    for m in found:
        key = (m.term.pattern, m.where.in_author)
        if key not in named or (named[key].rebutted and not m.rebutted):
            named[key] = m
    holds = rules.coded_action in ACTING and any(not m.rebutted for m in found)
    out = replace(draft, coded=draft.coded + tuple(found), coded_held=draft.coded_held or holds)
    reasons = (m.reason() for m in named.values())
    return out.raised_to(list_verdict(rules.coded_action) if holds else Verdict.APPROVE, *reasons)


def threats(case: Case, draft: Draft) -> Draft:
    """Phrases of the threat list in the text: held (or only named, for ``flag``, for a
    phrase inside a quotation and for a call for expulsion its sentence reports or
    rebuts), each phrase named once. Not in user names: a name threatens nobody in
    particular, and the scores screen it."""
    action = case.policy.rules.threat_action
    if action == "off":
        return draft
    found = match_threats(
        case.text,
        language=case.analysis.language,
        canonical=case.canonical,
        context=case.context,
        topic=case.title,
    )
    if not found:
        return draft
    holds = action in ACTING and any(t.holds for t in found)
    out = replace(
        draft, threats=draft.threats + tuple(found), threat_held=draft.threat_held or holds
    )
    # one reason per phrase, whatever its case or spacing ("Watch your back" twice)
    named: dict[tuple[str, str], ThreatMatch] = {}
    for t in found:
        key = (t.kind, " ".join(t.phrase.lower().split()))
        if key not in named or (not named[key].holds and t.holds):
            named[key] = t
    reasons = (t.reason() for t in named.values())
    return out.raised_to(list_verdict(action) if holds else Verdict.APPROVE, *reasons)


def abusive_words(case: Case, draft: Draft) -> Draft:
    """Slurs, insults and obscene dismissals of the comment's language: held (or only
    named, for ``flag`` and for a reported word), each word named once."""
    action = case.policy.rules.abusive_action
    if action == "off":
        return draft
    found = match_abusive_words(
        case.text, language=case.analysis.language, canonical=case.canonical
    )
    if not found:
        return draft
    holds = action in ACTING and any(m.holds for m in found)
    reasons = tuple(dict.fromkeys(m.reason() for m in found))
    out = replace(
        draft, abusive=draft.abusive + tuple(found), abusive_held=draft.abusive_held or holds
    )
    return out.raised_to(list_verdict(action) if holds else Verdict.APPROVE, *reasons)


def endorsed_lists(case: Case, draft: Draft) -> Draft:
    """A reply of bare agreement with what the lists hold in the comment it answers is
    held, naming what it agrees with (:mod:`.endorsed_lists`)."""
    rules, language = case.policy.rules, case.analysis.language
    reasons = agreed_reasons(
        case.text, case.context, rules, language, case.answered
    ) or approved_reports(case.text, case.context, rules, language, case.answered)
    return draft.raised_to(Verdict.HOLD, *reasons) if reasons else draft


def named_reader(case: Case, draft: Draft) -> Draft:
    """A reply dismissing its parent's writer by the group they named as their own is
    held, naming the group (:mod:`.named_reader`). Only in English: its words are."""
    if not case.context or case.analysis.language not in (None, "en"):
        return draft
    found = match_named_reader(case.text, case.context, case.canonical)
    if found is None:
        return draft
    draft = replace(draft, reader_groups=draft.reader_groups | found.groups)
    return draft.raised_to(Verdict.HOLD, found.reason())


def contact_details(case: Case, draft: Draft) -> Draft:
    """Phone numbers, e-mail addresses, home addresses and spam in the text: held (or only
    named, for ``flag``), each find named once. Not in user names."""
    action = case.policy.rules.contact_action
    if action == "off":
        return draft
    found = match_contact_details(case.text)
    if not found:
        return draft
    reasons = tuple(dict.fromkeys(m.reason(case.text) for m in found))
    draft = replace(draft, contacts=draft.contacts + tuple(found))
    verdict = list_verdict(action) if action in ACTING else Verdict.APPROVE
    return draft.raised_to(verdict, *reasons)


def banned_author(case: Case, draft: Draft) -> Draft:
    """A banned author is rejected, whatever came before."""
    if case.author is None or not case.author.banned:
        return draft
    return replace(
        draft, verdict=Verdict.REJECT, reasons=(*draft.reasons, "author is banned"), final=True
    )


def new_author(case: Case, draft: Draft) -> Draft:
    """An untrusted author's first ``premoderate_first`` comments are held."""
    first = case.policy.rules.premoderate_first
    if case.author is None or case.trusted or case.author.prior_comments >= first:
        return draft
    return draft.raised_to(Verdict.HOLD, f"new author: first {first} comment(s) are pre-moderated")


def repeat_offender(case: Case, draft: Draft) -> Draft:
    """An author with ``escalation_rejections`` rejections in the window is held."""
    rules = case.policy.rules
    if case.author is None or not 0 < rules.escalation_rejections <= case.author.recent_rejections:
        return draft
    return draft.raised_to(
        Verdict.HOLD,
        f"repeat offender: {case.author.recent_rejections} rejection(s) "
        f"in {rules.escalation_days} days",
    )


#: The phases in the order they run.
PHASES: tuple[Phase, ...] = (
    language,
    thresholds,
    trusted_author,
    watchlist,
    coded_hate,
    threats,
    abusive_words,
    endorsed_lists,
    named_reader,
    contact_details,
    banned_author,
    new_author,
    repeat_offender,
)
