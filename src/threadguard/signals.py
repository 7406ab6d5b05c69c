"""Thread signals: what is happening to a thread as a whole, not just to one comment.

A moderator who opens a busy thread needs to know more than which comments crossed a
threshold: is the thread getting worse, is an argument escalating, is a crowd ganging up
on one person, is one group the target of many comments, and who keeps causing trouble.
These functions answer that from data the engine already produced (each comment's
:class:`~threadguard.analysis.Analysis` and the reply tree), so they are pure: no models,
no I/O, cheap enough to recompute on every change to a thread, and replayable on stored
analyses.

Every signal carries ``explanation``: one plain-English sentence, shown wherever the
signal is shown (tree, JSON, dashboard), so that nobody has to know what a "pile-on
score" is to act on it.

"Abuse" below is the highest of a comment's harm scores (toxicity, severe toxicity,
identity attack, insult, threat): a threat such as "watch your back" can score low on the
toxicity head alone, and it is still the step that makes an argument an escalation.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from threadguard.schema import GROUP_PARENT

if TYPE_CHECKING:
    from threadguard.analysis import Analysis
    from threadguard.moderation import Moderated
    from threadguard.thread import Thread

FLAGGED_ACTIONS = frozenset({"hold", "reject"})
TREND_WORDS = ("rising", "falling", "steady")


@dataclass(frozen=True)
class SignalSettings:
    """Thresholds of the thread signals; the defaults suit a general news site.

    They are deliberately conservative: a signal that fires on every lively debate
    teaches moderators to ignore it.
    """

    #: Harm attributes whose highest score is a comment's "abuse" score.
    abuse_attributes: tuple[str, ...] = (
        "toxicity",
        "severe_toxicity",
        "identity_attack",
        "insult",
        "threat",
    )
    #: Fewest comments in a row, each more abusive than the one it replies to.
    escalation_min_length: int = 3
    #: Smallest rise from one comment of the chain to the next (ignores score noise).
    escalation_min_rise: float = 0.05
    #: The last comment of the chain must reach this abuse score.
    escalation_min_peak: float = 0.5
    #: Fewest distinct authors replying abusively to one commenter to call it a pile-on.
    pile_on_min_authors: int = 3
    #: A reply is abusive when held/rejected or when its abuse score reaches this.
    pile_on_min_abuse: float = 0.5
    #: A comment targets a group when the group's target score reaches this.
    group_min_score: float = 0.5
    #: A group is concentrated when targeted in this many comments ...
    group_min_comments: int = 3
    #: ... or in this share of the thread's comments (and at least two of them).
    group_min_share: float = 0.2
    #: The timeline is cut into at most this many equal segments ...
    health_max_segments: int = 4
    #: ... of at least this many comments each (small threads get fewer segments).
    health_min_segment_size: int = 3
    #: Fitted change of the held+rejected share from first to last segment that counts
    #: as a trend; smaller changes are "steady".
    health_trend_min_change: float = 0.15
    #: Held + rejected comments in a thread that make an author a repeat offender.
    repeat_offender_min: int = 2


DEFAULT_SETTINGS = SignalSettings()


# --------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class HealthSegment:
    """One stretch of the timeline: how many comments, and how many were held or rejected."""

    comments: int
    flagged: int
    first_id: str
    last_id: str

    @property
    def share(self) -> float:
        return self.flagged / self.comments if self.comments else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "comments": self.comments,
            "flagged": self.flagged,
            "share": round(self.share, 4),
            "first_id": self.first_id,
            "last_id": self.last_id,
        }


@dataclass(frozen=True)
class ThreadHealth:
    """Share of comments held or rejected, overall and along the timeline, with its trend."""

    comments: int
    held: int
    rejected: int
    order: str  # "created_at" or "reading"
    segments: tuple[HealthSegment, ...]
    trend: str  # one of TREND_WORDS
    explanation: str

    @property
    def flagged_share(self) -> float:
        return (self.held + self.rejected) / self.comments if self.comments else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "comments": self.comments,
            "held": self.held,
            "rejected": self.rejected,
            "flagged_share": round(self.flagged_share, 4),
            "order": self.order,
            "segments": [s.to_json() for s in self.segments],
            "trend": self.trend,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Escalation:
    """A reply chain whose abuse rises at every step, ending at a meaningful level."""

    comment_ids: tuple[str, ...]
    scores: tuple[float, ...]
    authors: tuple[str, ...]
    explanation: str

    def to_json(self) -> dict[str, Any]:
        return {
            "comment_ids": list(self.comment_ids),
            "scores": [round(s, 4) for s in self.scores],
            "authors": list(self.authors),
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class PileOn:
    """Several distinct authors replying abusively to the comments of one author."""

    target_author: str
    target_comment_ids: tuple[str, ...]
    attackers: tuple[str, ...]
    comment_ids: tuple[str, ...]
    explanation: str

    def to_json(self) -> dict[str, Any]:
        return {
            "target_author": self.target_author,
            "target_comment_ids": list(self.target_comment_ids),
            "attackers": list(self.attackers),
            "comment_ids": list(self.comment_ids),
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class GroupConcentration:
    """One group attacked across many comments of the thread."""

    group: str
    comments: int
    share: float
    comment_ids: tuple[str, ...]
    explanation: str

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "comments": self.comments,
            "share": round(self.share, 4),
            "comment_ids": list(self.comment_ids),
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class AuthorSummary:
    """What one author did in one thread, or across threads once merged.

    Every field is a count or a maximum, so summaries of the same author from many
    threads merge exactly (:func:`merge_author_summaries`): a cross-thread store needs
    nothing else to find people who cause trouble everywhere. Comment ids are left out on
    purpose: they are only unique within a thread.
    """

    author: str
    comments: int
    held: int
    rejected: int
    max_abuse: float
    threads: int = 1
    repeat_offender_min: int = field(default=DEFAULT_SETTINGS.repeat_offender_min, repr=False)

    @property
    def flagged(self) -> int:
        return self.held + self.rejected

    @property
    def repeat_offender(self) -> bool:
        """Held or rejected at least ``repeat_offender_min`` times (in all the threads merged)."""
        return self.flagged >= self.repeat_offender_min

    @property
    def explanation(self) -> str:
        where = "in this thread" if self.threads == 1 else f"across {self.threads} threads"
        text = (
            f"{_who(self.author)} wrote {_count(self.comments, 'comment')} {where}, "
            f"{self.held} held and {self.rejected} rejected, "
            f"with a highest abuse score of {self.max_abuse:.2f}"
        )
        if self.repeat_offender:
            text += ", which makes them a repeat offender"
        return text + "."

    def to_json(self) -> dict[str, Any]:
        return {
            "author": self.author,
            "comments": self.comments,
            "held": self.held,
            "rejected": self.rejected,
            "max_abuse": round(self.max_abuse, 4),
            "threads": self.threads,
            "repeat_offender": self.repeat_offender,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class ThreadSignals:
    """Every thread signal of one thread; ``to_json`` is the ``signals`` of ``scan --format json``."""

    decisions: dict[str, int]
    health: ThreadHealth
    escalations: tuple[Escalation, ...] = ()
    pile_ons: tuple[PileOn, ...] = ()
    group_concentration: tuple[GroupConcentration, ...] = ()
    authors: tuple[AuthorSummary, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "decisions": dict(self.decisions),
            "health": self.health.to_json(),
            "escalations": [e.to_json() for e in self.escalations],
            "pile_ons": [p.to_json() for p in self.pile_ons],
            "group_concentration": [g.to_json() for g in self.group_concentration],
            "authors": [a.to_json() for a in self.authors],
        }


# --------------------------------------------------------------------------- computing


def compute_signals(
    thread: Thread,
    scored: Sequence[Moderated],
    settings: SignalSettings = DEFAULT_SETTINGS,
) -> ThreadSignals:
    """All signals of a thread from its scored comments (``Engine.scan``'s output).

    ``scored`` is the source of truth for the comments (it carries them); ``thread`` is
    taken for symmetry with the renderers and future signals that need the article.
    """
    del thread  # every signal so far needs only the comments and their analyses
    counts = Counter(s.decision.action.value for s in scored)
    return ThreadSignals(
        decisions={a: counts.get(a, 0) for a in ("approve", "hold", "reject")},
        health=thread_health(scored, settings),
        escalations=escalations(scored, settings),
        pile_ons=pile_ons(scored, settings),
        group_concentration=group_concentration(scored, settings),
        authors=author_summaries(scored, settings),
    )


def abuse(analysis: Analysis, settings: SignalSettings = DEFAULT_SETTINGS) -> float:
    """The comment's highest harm score: the one number the chain signals compare."""
    return max((float(analysis.scores.get(a, 0.0)) for a in settings.abuse_attributes), default=0.0)


def _flagged(s: Moderated) -> bool:
    return s.decision.action in FLAGGED_ACTIONS


def _count(n: int, noun: str, plural: str = "") -> str:
    """ "1 comment", "3 comments"."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def _who(name: str) -> str:
    """An author name fit for a sentence: quoted when it is itself a sentence.

    Thread dumps put whole sentences where names go ("Thanks for posting this."), and
    "Thanks for posting this. wrote 1 comment" would read as two sentences.
    """
    if not name:
        return "(no name)"
    if name[-1] in ".!?:;," or len(name.split()) > 4:
        return f"“{name}”"
    return name


def _names(names: Sequence[str]) -> str:
    """Names joined for a sentence: "a", "a and b", "a, b and c"."""
    shown = [_who(n) for n in names]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


#: How a sentence names the people a coarse group stands for.
GROUP_WORDS = {
    "religion": "people for their religion",
    "race_ethnicity": "people for their race or ethnicity",
    "nationality_migration": "immigrants and refugees",
    "gender": "people for their gender",
    "sexual_orientation": "people for their sexual orientation",
    "disability": "disabled people",
}


def _group_words(group: str) -> str:
    return GROUP_WORDS.get(group, group.replace("_", " "))


# ----------------------------------------------------------------- health and timeline


def _parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 timestamp or epoch seconds as an aware datetime; None if neither.

    Naive timestamps are taken as UTC so they compare with aware ones.
    """
    if not value:
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            return datetime.fromtimestamp(float(text), tz=UTC)
        except (ValueError, OverflowError, OSError):
            return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def timeline(scored: Sequence[Moderated]) -> tuple[list[int], str]:
    """Indices of ``scored`` in timeline order, and which order that is.

    By ``created_at`` only when every comment has a readable one: ordering some comments
    by time and the rest by position would invent a history. Otherwise reading order,
    which on most sites is roughly the order of posting within each branch.
    """
    times = [_parse_time(s.comment.created_at) for s in scored]
    if scored and all(t is not None for t in times):
        stamped = [(t, i) for i, t in enumerate(times) if t is not None]
        return [i for _, i in sorted(stamped)], "created_at"
    return list(range(len(scored))), "reading"


def _trend(shares: Sequence[float], min_change: float) -> tuple[str, float]:
    """The trend word and the least-squares fitted change from first to last segment.

    A fitted slope uses every segment, so one noisy segment in the middle neither makes
    nor hides a trend the way comparing only the ends would.
    """
    k = len(shares)
    if k < 2:
        return "steady", 0.0
    mean_x = (k - 1) / 2
    mean_y = sum(shares) / k
    sxx = sum((x - mean_x) ** 2 for x in range(k))
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(shares))
    change = sxy / sxx * (k - 1)
    if change >= min_change:
        return "rising", change
    if change <= -min_change:
        return "falling", change
    return "steady", change


def thread_health(
    scored: Sequence[Moderated], settings: SignalSettings = DEFAULT_SETTINGS
) -> ThreadHealth:
    """Held and rejected share overall and per timeline segment, with a trend word."""
    n = len(scored)
    held = sum(s.decision.action == "hold" for s in scored)
    rejected = sum(s.decision.action == "reject" for s in scored)
    order, basis = timeline(scored)
    k = min(settings.health_max_segments, n // max(settings.health_min_segment_size, 1))
    k = max(k, 1) if n else 0
    segments = []
    for j in range(k):
        part = order[j * n // k : (j + 1) * n // k]
        segments.append(
            HealthSegment(
                comments=len(part),
                flagged=sum(_flagged(scored[i]) for i in part),
                first_id=scored[part[0]].comment.id,
                last_id=scored[part[-1]].comment.id,
            )
        )
    shares = [s.share for s in segments]
    trend, _ = _trend(shares, settings.health_trend_min_change)
    share = (held + rejected) / n if n else 0.0
    if n == 0:
        explanation = "The thread has no comments yet, so there is nothing to judge."
    else:
        explanation = (
            f"{held + rejected} of {_count(n, 'comment')} ({share:.0%}) "
            f"{'was' if held + rejected == 1 else 'were'} held or rejected"
        )
        when = "posting time" if basis == "created_at" else "reading order"
        if k < 2:
            explanation += ", too few comments to tell a trend."
        elif trend == "steady":
            explanation += (
                f", and that share stayed roughly level across the thread "
                f"({_segment_shares(shares)} in {k} parts by {when})."
            )
        else:
            word = "rose" if trend == "rising" else "fell"
            explanation += (
                f", and that share {word} from {shares[0]:.0%} at the start to "
                f"{shares[-1]:.0%} at the end ({k} parts by {when})."
            )
    return ThreadHealth(
        comments=n,
        held=held,
        rejected=rejected,
        order=basis,
        segments=tuple(segments),
        trend=trend,
        explanation=explanation,
    )


def _segment_shares(shares: Sequence[float]) -> str:
    return " / ".join(f"{s:.0%}" for s in shares)


# ------------------------------------------------------------------------ reply tree


def _tree(scored: Sequence[Moderated]) -> tuple[list[int | None], list[int]]:
    """Parent index of each comment and the comments in top-down (parent-first) order.

    A comment whose parent is missing from the thread is treated as top-level; comments
    caught in a parent cycle (broken input) are left out of the chain signals rather
    than followed forever.
    """
    index: dict[str, int] = {}
    for i, s in enumerate(scored):
        index.setdefault(s.comment.id, i)
    parent: list[int | None] = []
    for i, s in enumerate(scored):
        p = index.get(s.comment.parent) if s.comment.parent is not None else None
        parent.append(None if p == i else p)
    children: dict[int | None, list[int]] = defaultdict(list)
    for i, p in enumerate(parent):
        children[p].append(i)
    order: list[int] = []
    queue = deque(children[None])
    while queue:
        i = queue.popleft()
        order.append(i)
        queue.extend(children.get(i, ()))
    return parent, order


def escalations(
    scored: Sequence[Moderated], settings: SignalSettings = DEFAULT_SETTINGS
) -> tuple[Escalation, ...]:
    """Reply chains where each comment is more abusive than the one it answers.

    Walks the tree once, top-down, keeping for every comment the length of the rising
    run that ends at it; a run is reported where no reply carries it further, so a
    chain that branches is reported once per distinct end and never as a piece of a
    longer one. Runs are found on every root-to-leaf path without listing the paths.
    """
    parent, order = _tree(scored)
    score = [abuse(s.analysis, settings) for s in scored]
    run = [0] * len(scored)
    continued = [False] * len(scored)
    for i in order:
        p = parent[i]
        if p is not None and run[p] and score[i] >= score[p] + settings.escalation_min_rise:
            run[i] = run[p] + 1
            continued[p] = True
        else:
            run[i] = 1
    found = []
    for i in order:
        if continued[i] or run[i] < settings.escalation_min_length:
            continue
        if score[i] < settings.escalation_min_peak:
            continue
        chain: list[int] = []
        j: int | None = i
        while j is not None and len(chain) < run[i]:
            chain.append(j)
            j = parent[j]
        chain.reverse()
        ids = tuple(scored[c].comment.id for c in chain)
        scores = tuple(score[c] for c in chain)
        authors = tuple(scored[c].comment.author for c in chain)
        found.append(
            Escalation(
                comment_ids=ids,
                scores=scores,
                authors=authors,
                explanation=_escalation_sentence(scores, authors),
            )
        )
    found.sort(key=lambda e: (-e.scores[-1], -len(e.comment_ids)))
    return tuple(found)


def _escalation_sentence(scores: Sequence[float], authors: Sequence[str]) -> str:
    people = list(dict.fromkeys(authors))
    who = f"between {_names(people)}" if len(people) > 1 else f"by {_who(people[0])}"
    climb = " → ".join(f"{s:.2f}" for s in scores)
    return (
        f"In a reply chain of {len(scores)} comments {who}, each comment was more abusive than "
        f"the one it answered, climbing {climb}."
    )


def pile_ons(
    scored: Sequence[Moderated], settings: SignalSettings = DEFAULT_SETTINGS
) -> tuple[PileOn, ...]:
    """Authors whose comments drew abusive direct replies from several other authors.

    Only named authors count on either side: comments without a name cannot be told
    apart, so "three anonymous replies" may be one person.
    """
    parent, _ = _tree(scored)
    attacks: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(scored):
        p = parent[i]
        if p is None:
            continue
        target = scored[p].comment.author
        author = s.comment.author
        if not target or not author or author == target:
            continue
        if _flagged(s) or abuse(s.analysis, settings) >= settings.pile_on_min_abuse:
            attacks[target].append(i)
    found = []
    for target, replies in attacks.items():
        attackers = tuple(dict.fromkeys(scored[i].comment.author for i in replies))
        if len(attackers) < settings.pile_on_min_authors:
            continue
        targeted = tuple(
            dict.fromkeys(scored[p].comment.id for i in replies if (p := parent[i]) is not None)
        )
        found.append(
            PileOn(
                target_author=target,
                target_comment_ids=targeted,
                attackers=attackers,
                comment_ids=tuple(scored[i].comment.id for i in replies),
                explanation=(
                    f"{len(attackers)} different people ({_names(list(attackers))}) replied "
                    f"abusively to {_who(target)}, in {_count(len(replies), 'reply', 'replies')} to "
                    f"{_count(len(targeted), 'comment')} of theirs."
                ),
            )
        )
    found.sort(key=lambda p: (-len(p.attackers), -len(p.comment_ids), p.target_author))
    return tuple(found)


def group_concentration(
    scored: Sequence[Moderated], settings: SignalSettings = DEFAULT_SETTINGS
) -> tuple[GroupConcentration, ...]:
    """Groups targeted in many comments of the thread, most targeted first.

    A coarse group (``religion``) is left out when a finer group it contains
    (``muslims``) is reported for every one of the same comments: it would repeat the
    same finding less precisely.
    """
    n = len(scored)
    hits: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(scored):
        groups = {t.group for t in s.analysis.targets if t.score >= settings.group_min_score}
        for g in groups:
            hits[g].append(i)
    reported: dict[str, list[int]] = {}
    for g, idx in hits.items():
        share = len(idx) / n
        if len(idx) >= settings.group_min_comments or (
            len(idx) >= 2 and share >= settings.group_min_share
        ):
            reported[g] = idx
    for fine, coarse in GROUP_PARENT.items():
        if fine in reported and coarse in reported and set(reported[coarse]) <= set(reported[fine]):
            del reported[coarse]
    found = [
        GroupConcentration(
            group=g,
            comments=len(idx),
            share=len(idx) / n,
            comment_ids=tuple(scored[i].comment.id for i in idx),
            explanation=(
                f"{len(idx)} of the thread's {_count(n, 'comment')} ({len(idx) / n:.0%}) "
                f"{'attacks' if len(idx) == 1 else 'attack'} {_group_words(g)}."
            ),
        )
        for g, idx in reported.items()
    ]
    found.sort(key=lambda c: (-c.comments, c.group))
    return tuple(found)


# ------------------------------------------------------------------------- authors


def author_summaries(
    scored: Sequence[Moderated], settings: SignalSettings = DEFAULT_SETTINGS
) -> tuple[AuthorSummary, ...]:
    """One summary per named author, most held/rejected first.

    Comments without an author name are left out: lumping unrelated anonymous people
    together would make a "repeat offender" out of nobody in particular.
    """
    grouped: dict[str, list[Moderated]] = defaultdict(list)
    for s in scored:
        if s.comment.author:
            grouped[s.comment.author].append(s)
    out = [
        AuthorSummary(
            author=author,
            comments=len(items),
            held=sum(s.decision.action == "hold" for s in items),
            rejected=sum(s.decision.action == "reject" for s in items),
            max_abuse=max(abuse(s.analysis, settings) for s in items),
            threads=1,
            repeat_offender_min=settings.repeat_offender_min,
        )
        for author, items in grouped.items()
    ]
    return tuple(sorted(out, key=_author_rank))


def _author_rank(a: AuthorSummary) -> tuple[int, int, float, str]:
    return (-a.flagged, -a.rejected, -a.max_abuse, a.author)


def merge_author_summaries(
    summaries: Iterable[AuthorSummary | Iterable[AuthorSummary]],
    settings: SignalSettings = DEFAULT_SETTINGS,
) -> tuple[AuthorSummary, ...]:
    """Merge per-thread author summaries into one per author, across threads.

    Takes summaries or lists of them (e.g. each thread's ``ThreadSignals.authors``).
    Counts add up, the maximum abuse is the maximum, and the repeat-offender flag is
    decided again on the merged counts: someone held once in each of three threads is a
    repeat offender across the site even if no single thread shows it.
    """
    flat: list[AuthorSummary] = []
    for item in summaries:
        if isinstance(item, AuthorSummary):
            flat.append(item)
        else:
            flat.extend(item)
    merged: dict[str, AuthorSummary] = {}
    for s in flat:
        prev = merged.get(s.author)
        if prev is None:
            merged[s.author] = AuthorSummary(
                author=s.author,
                comments=s.comments,
                held=s.held,
                rejected=s.rejected,
                max_abuse=s.max_abuse,
                threads=s.threads,
                repeat_offender_min=settings.repeat_offender_min,
            )
        else:
            merged[s.author] = AuthorSummary(
                author=s.author,
                comments=prev.comments + s.comments,
                held=prev.held + s.held,
                rejected=prev.rejected + s.rejected,
                max_abuse=max(prev.max_abuse, s.max_abuse),
                threads=prev.threads + s.threads,
                repeat_offender_min=settings.repeat_offender_min,
            )
    return tuple(sorted(merged.values(), key=_author_rank))
