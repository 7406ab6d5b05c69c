"""Threads through the moderation core for the service: the store's history in, the
store's rows and the API's documents out, and policy dry runs over stored comments.

Deciding is the moderator's (:mod:`threadguard.moderation`); this module only connects it
to the store. The same moderator serves live ingestion and the policy dry run, so a dry
run shows exactly what the live path would decide.

A thread uploaded again is read beside what the store holds of it (:class:`Reading`):
a comment stored with the same text and context keeps its stored analysis and decision,
and only new, edited and re-contexted comments are scored and decided. A stored decision
changes only with its comment (audited), never because the policy changed meanwhile: a
dry run (:func:`dry_run`, :func:`compare_policies`) shows what the policy would change,
and only on comments that arrive from then on.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from threadguard.adaptation import adapt
from threadguard.analysis import Analysis, Span, Target
from threadguard.documents import decision_counts, thread_document
from threadguard.engine import CommentInput, Engine, ScoredComment
from threadguard.moderation import Decision, Moderated, Moderator, Outcome
from threadguard.moderation.authors import author_context
from threadguard.moderation.decision import held_long
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.service import metrics
from threadguard.service.context import ServiceState, SitePolicy
from threadguard.service.history import StoreHistory
from threadguard.storage.records import (
    STATUS_OF_ACTION,
    ArticleRef,
    HistoryRow,
    NewComment,
    has_words,
)
from threadguard.storage.repositories.ingest import Stored
from threadguard.storage.repositories.threads import StoredArticle
from threadguard.thread import Comment, Thread, first_languages


def article_for(thread: Thread, override: str | None) -> ArticleRef:
    """The article a thread's comments are filed under.

    The caller's ``?article=`` wins, then the thread's own id, then its URL, then a hash
    of its title and body (so uploading the same dump twice updates, not duplicates);
    a thread with none of these gets a fresh id, so unrelated uploads never merge. Two
    threads with one title and no body share that hash: :func:`unidentified_conflicts`
    keeps the second from overwriting the first.
    """
    key = override or thread.id or thread.url
    if not key and (thread.title or thread.body):
        digest = hashlib.sha256(f"{thread.title}\n{thread.body}".encode()).hexdigest()
        key = f"{HASHED_KEY}{digest[:20]}"
    return ArticleRef(key or f"upload:{secrets.token_hex(8)}", thread.title, thread.url)


#: How the key of a thread filed by its title and body begins.
HASHED_KEY = "sha256:"


def unidentified_conflicts(
    state: ServiceState, site: str, thread: Thread, ref: ArticleRef
) -> list[str]:
    """For a thread filed by a hash of its title and body (no id, URL or ``?article=``):
    the ids of its comments that differ, in text or author, from those stored at the same
    places under that key. A hardening review (session 51): Tuesday's "Open thread" (a
    text dump, comments numbered c1, c2, ...) was read as Monday's edited, replacing its
    stored comments and dropping their verdicts. An upload that would do so is refused;
    a thread uploaded again as it was, or with replies added, has none."""
    if not ref.external_id.startswith(HASHED_KEY) or thread.id or thread.url:
        return []
    ids = [c.id for c in thread.comments]
    stored = state.store.threads.stored_comments(site, ref.external_id, ids).comments
    return [
        c.id
        for c in thread.comments
        if c.id in stored
        and (stored[c.id].text != c.text or (stored[c.id].author or "") != (c.author or ""))
    ]


@dataclass(frozen=True)
class ThreadModeration:
    """A thread's comments decided under a site's policy: each one's outcome, in reading
    order, and which of them were left as stored (uploaded again unchanged)."""

    policy: SitePolicy
    items: list[Moderated]
    #: By position in ``items``: the comments uploaded again with the text and context
    #: they are stored with, and their stored policy decision's details (what the lists
    #: found), which the answer shows as :func:`comment_entry` shows a new decision's.
    kept: dict[int, dict[str, Any] | None] = field(default_factory=dict)

    @property
    def unchanged(self) -> frozenset[str]:
        """The ids of the comments left as stored."""
        return frozenset(self.items[i].comment.id for i in self.kept)


def moderate_thread(
    state: ServiceState, site: str, thread: Thread, article: ArticleRef
) -> ThreadModeration:
    """Score and decide a thread's comments under the site's policy and rules, with each
    author's standing and rank from the store.

    A comment the store already has under the article, with the same text, the same
    parent and the same context (what it is read with: its parent's text, else the
    article's title) is not scored nor decided again: it keeps its stored analysis and
    decision (:class:`Reading`). Only new comments, edited ones and those whose context
    changed are read, so a thread uploaded again (a retry, the README's advice after a
    crash) changes no stored decision unless its comments changed, whatever the site's
    policy or an author's standing became meanwhile; and only what a crash did not store
    is scored again.
    """
    policy = state.site_policy(site)
    history = StoreHistory(state.store, site, article.external_id)
    wanted = {c.id for c in thread.comments if c.id} | {
        c.parent for c in thread.comments if c.parent
    }
    known = state.store.threads.stored_comments(site, article.external_id, wanted)
    reading = Reading(thread, known)
    screen = policy.policy.screen_authors
    if known.comments:
        scored = reading.scan(state.engine, authors=screen)
    else:  # nothing of it stored: the engine reads the thread as it is
        scored = state.engine.scan(replace(thread, title=reading.title), authors=screen)
    fresh = [i for i in range(len(scored)) if i not in reading.kept]
    if policy.adaptation is not None:
        # the site's adaptation maps the comments' scores (not the user names': its
        # verdicts judged comments), English ones only (adapt leaves the others); a kept
        # comment's stored analysis is adapted already
        for i in fresh:
            scored[i] = replace(scored[i], analysis=adapt(scored[i].analysis, policy.adaptation))
    deciding = reading.deciding(fresh)
    decided = policy.moderator.decide_thread(
        [scored[i] for i in deciding],
        history,
        title=reading.title,
        contexts=reading.contexts(deciding),
    )
    outcome = dict(zip(deciding, decided, strict=True))
    limit = state.settings.max_text_chars
    items = []
    for i, c in enumerate(thread.comments):
        if i in reading.kept:
            items.append(reading.stored_item(i))
            continue
        m = outcome[i]
        if len(c.text) > limit:
            m = replace(m, outcome=replace(m.outcome, decision=held_long(m.decision, limit)))
        metrics.observe_decision(m.analysis, m.decision.action)
        items.append(m)
    return ThreadModeration(policy, items, {i: reading.details(i) for i in sorted(reading.kept)})


class Reading:
    """A thread as an upload gives it, beside what the store holds of it: what each comment
    is read with, and which comments are stored as they are now (kept, not read again).

    A comment's context is its parent's text, else the title (as the engine reads it). A
    parent the upload names without text of its own (a deleted comment in a dump), or not
    at all (part of a thread sent again), is read as stored. The title is the upload's,
    else the stored article's (a CSV upload has none).
    """

    def __init__(self, thread: Thread, known: StoredArticle) -> None:
        self.thread = thread
        self.known = known.comments
        self.title = thread.title or known.title
        comments = thread.comments
        by_id = thread.by_id()
        self.index = {c.id: i for i, c in reversed(list(enumerate(comments)))}
        #: Each comment's parent: the upload's, else the stored one (a reader makes a
        #: reply whose parent is not in the upload a top-level comment; the store keeps
        #: its parent).
        self.parent_ids = [c.parent or self._stored_parent(c) for c in comments]
        self.parents = [self._parent_text(c, by_id) for c in comments]
        twice = {i for i, n in Counter(c.id for c in comments).items() if n > 1}
        self.kept = {
            i for i, c in enumerate(comments) if c.id not in twice and self._unchanged(i, c)
        }

    def _stored_parent(self, c: Comment) -> str | None:
        stored = self.known.get(c.id)
        return stored.parent_id if stored is not None else None

    def _parent_text(self, c: Comment, by_id: dict[str, Comment]) -> str:
        if not c.parent:
            stored = self.known.get(c.id)
            return stored.parent_text if stored is not None and stored.parent_id else ""
        parent = by_id.get(c.parent)
        if parent is not None and has_words(parent.text):
            return parent.text
        stored = self.known.get(c.parent)
        if stored is not None:
            return stored.text
        return parent.text if parent is not None else ""

    def context(self, i: int) -> str:
        """What comment ``i`` is read with: its parent's text, else the title."""
        return self.parents[i] or self.title

    def _unchanged(self, i: int, c: Comment) -> bool:
        stored = self.known.get(c.id)
        return (
            stored is not None
            and stored.scored
            and has_words(c.text)
            and stored.text == c.text
            and (stored.parent_id or None) == (self.parent_ids[i] or None)
            and stored.context == self.context(i)
        )

    def scan(self, engine: Engine, *, authors: bool) -> list[ScoredComment]:
        """The thread's comments scored as :meth:`Engine.scan` scores them, but for the
        kept ones, which keep their stored analyses (and their authors' names')."""
        comments = self.thread.comments
        fresh = [i for i in range(len(comments)) if i not in self.kept]
        inputs = [
            CommentInput(
                comments[i].text,
                id=comments[i].id,
                parent=self.parents[i],
                title=self.title,
                language=comments[i].language,
            )
            for i in fresh
        ]
        analyses = dict(zip(fresh, engine.analyze(inputs) if inputs else [], strict=True))
        for i in self.kept:
            analyses[i] = self.stored_analysis(i)
        spoken = first_languages(
            (c.author for c in comments), (analyses[i].language for i in range(len(comments)))
        )
        names = {comments[i].author for i in fresh if comments[i].author}
        named = engine.read_names({n: spoken[n] for n in names}) if authors else {}
        return [
            ScoredComment(
                c,
                analyses[i],
                self.stored_author(i) if i in self.kept else named.get(c.author),
            )
            for i, c in enumerate(comments)
        ]

    def deciding(self, fresh: Sequence[int]) -> list[int]:
        """The comments to decide, in reading order: the fresh ones and the parents of
        those among the kept (a reply of bare agreement is held as its parent is)."""
        comments = self.thread.comments
        parents = {self.index[p] for i in fresh if (p := comments[i].parent) in self.index}
        return sorted(set(fresh) | (parents & self.kept))

    def contexts(self, deciding: Sequence[int]) -> dict[str, str]:
        """The context of each comment to decide whose parent is not decided with it, or
        is read as stored: the moderator would take the title instead."""
        comments = self.thread.comments
        ids = {comments[i].id for i in deciding}
        out = {}
        for i in deciding:
            c, parent, parent_id = comments[i], self.parents[i], self.parent_ids[i]
            if not parent or not parent_id:
                continue
            if c.parent != parent_id or parent_id not in ids:
                out[c.id] = parent  # the stored parent, or one not decided now
            elif not has_words(comments[self.index[parent_id]].text):
                out[c.id] = parent  # the parent's stored text
        return out

    def stored_analysis(self, i: int) -> Analysis:
        """Kept comment ``i``'s stored analysis."""
        c = self.thread.comments[i]
        row = self.known[c.id].analysis or {}
        return Analysis(
            c.id,
            {a: float(row.get("scores", {}).get(a, 0.0)) for a in ATTRIBUTES},
            tuple(Target.from_json(t) for t in row.get("targets", []) if isinstance(t, dict)),
            tuple(
                Span(int(s["begin"]), int(s["end"]), str(s["attribute"]), float(s["score"]))
                for s in row.get("spans", [])
                if isinstance(s, dict) and {"begin", "end", "attribute", "score"} <= s.keys()
            ),
            language=str(row.get("language") or "en"),
            model=str(row.get("model") or ""),
        )

    def stored_author(self, i: int) -> Analysis | None:
        """The stored analysis of kept comment ``i``'s author name, if it was read."""
        row = self.known[self.thread.comments[i].id].analysis or {}
        found = row.get("author_scores")
        if not isinstance(found, dict):
            return None
        return Analysis(None, {a: float(found.get(a, 0.0)) for a in ATTRIBUTES})

    def stored_item(self, i: int) -> Moderated:
        """Kept comment ``i`` as stored: its analysis and policy decision."""
        c = self.thread.comments[i]
        decision = self.known[c.id].decision or {}
        reasons = tuple(str(r) for r in decision.get("reasons", []))
        unsupported = any(
            r.startswith("language ") and r.endswith(" is not supported") for r in reasons
        )
        return Moderated(
            c,
            self.stored_analysis(i),
            self.stored_author(i),
            Outcome(
                Decision(Verdict(decision.get("action", "approve")), reasons),
                scored=not unsupported,
            ),
        )

    def details(self, i: int) -> dict[str, Any] | None:
        """What the lists found in kept comment ``i``, as stored with its decision."""
        decision = self.known[self.thread.comments[i].id].decision or {}
        found = decision.get("details")
        return found if isinstance(found, dict) else None


def to_store(items: list[Moderated]) -> list[NewComment]:
    """The moderated comments as the store takes them."""
    return [
        NewComment(
            text=m.comment.text,
            analysis=m.analysis,
            decision=m.decision,
            external_id=m.comment.id,
            author=m.comment.author or None,
            parent_id=m.comment.parent,
            depth=m.comment.depth,
            position=m.comment.position,
            posted_at=m.comment.created_at,
            author_analysis=m.author_analysis,
            details=m.outcome.details(),
        )
        for m in items
    ]


#: The keys of a comment's entry that say what the site's lists found (as
#: :meth:`~threadguard.moderation.decision.Outcome.details` stores them).
FINDS = ("watchlist", "coded_hate", "threats", "abusive_words", "contact_details")


def stored_thread_document(
    thread: Thread, done: ThreadModeration, stored: Sequence[Stored]
) -> dict[str, Any]:
    """The ``scan --format json`` document with the site's decisions and the store's ids
    and statuses. ``unchanged`` marks a comment uploaded again as it is stored (its
    stored analysis and decision are shown, with what the lists found then);
    ``left_as_stored`` one the store left as it was (no text of its own, or erased by
    an admin: its stored text, decision and queue entry stand).

    The signals count the decision each comment's entry gives (a moderator's verdict
    where one stands), as the dashboard's thread page does: a re-upload after a moderator
    approved one held comment and rejected another counted the policy's, so its summary
    said two comments were still waiting. Where a decision other than the policy's
    stands, the policy's counts are beside them as ``signals.policy_decisions``."""
    stands = [standing(m.decision.to_json(), r) for m, r in zip(done.items, stored, strict=True)]
    counted = [as_standing(m, d) for m, (d, _) in zip(done.items, stands, strict=True)]
    doc = thread_document(thread, done.items, done.policy.moderator, standing=counted)
    if any(policy is not None for _, policy in stands):
        # only where a verdict stands: a comment left as stored (sent again with no text)
        # has its stored decision, and the policy's of an empty text is no count to show
        # (a code review's, session 55)
        doc["signals"]["policy_decisions"] = decision_counts(done.items)
    for i, (entry, result) in enumerate(zip(doc["comments"], stored, strict=True)):
        entry["comment_id"] = result.id
        entry["status"] = result.status
        entry["decision"], policy = stands[i]
        if policy is not None:
            entry["policy_decision"] = policy
        # the score line's decision is the same action as a plain string (the README): a
        # comment sent again whose verdict stands answered "hold" there beside "approve"
        entry["analysis"] = with_action(entry["analysis"], entry["decision"])
        if result.kept:
            entry["left_as_stored"] = True
        if i in done.kept:
            details = done.kept[i] or {}
            entry.update({k: details[k] for k in FINDS if details.get(k)})
            if details.get("censored_text") is not None:
                entry["censored_text"] = details["censored_text"]
            entry["unchanged"] = True
    return doc


def as_standing(m: Moderated, decision: dict[str, Any]) -> Moderated:
    """``m`` with ``decision`` (the one its answer gives, :func:`standing`) as its
    decision where its action is not the policy's, for the thread's signals to count;
    ``m`` itself where the actions agree (the policy's reasons say more of why)."""
    if decision["action"] == m.decision.action.value:
        return m
    stood = Decision(Verdict(decision["action"]), tuple(decision["reasons"]))
    return replace(m, outcome=replace(m.outcome, decision=stood))


#: The policy action that gives each status.
ACTION_OF_STATUS: dict[str, Verdict] = {v: Verdict(k) for k, v in STATUS_OF_ACTION.items()}


def with_action(analysis: dict[str, Any], decision: dict[str, Any]) -> dict[str, Any]:
    """A ``score``-line analysis carrying ``decision`` (the one its answer gives to act
    on) as its plain-string ``decision`` (and its ``reasons``, where it has them)."""
    out = {**analysis, "decision": decision["action"]}
    if "reasons" in analysis:
        out["reasons"] = list(decision["reasons"])
    return out


def standing(
    decision: dict[str, Any], result: Stored
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The decision an answer gives a stored comment, and the policy's where it is not it.

    A comment whose status is not what the policy's ``decision`` gives had a moderator's
    verdict stand over it (a thread sent again answered ``approve`` for a comment a
    moderator rejected, and a CMS acting on ``decision.action``, as the README says, would
    have published it again: desks 79 and 80); the verdict is the decision, the policy's
    beside it. A comment left as stored (no text of its own, or erased) was decided on no
    text: its stored status's decision stands, whoever set it (a review: it was said to
    be a moderator's)."""
    return standing_over(decision, result.status, kept=result.kept, erased=result.erased)


def standing_over(
    decision: dict[str, Any], status: str, *, kept: bool = False, erased: bool = False
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """:func:`standing` for a comment whose status is ``status`` and whose policy decision
    is ``decision``: where the status is not the policy's, the decision its status gives
    (a moderator's verdict; ``kept``: its stored status, the comment left as stored,
    ``erased`` saying it was erased),
    and the policy's beside it. ``GET /api/v1/comments/{id}`` answers with it too.

    A comment left as stored is said so even where the fresh decision gives its status:
    that decision's reasons are the text the store did not keep (an erased comment sent
    again unchanged was answered with the reasons it was held for, its address among them)."""
    action = ACTION_OF_STATUS[status].value
    if kept:
        left = (
            "left as stored (erased by an admin: its text is not stored again): its stored "
            "status stands"
            if erased
            else "left as stored (no text of its own): its stored status stands"
        )
        return {"action": action, "reasons": [left]}, None
    if STATUS_OF_ACTION[Verdict(decision["action"])] == status:
        return decision, None
    said = {"approved": "approved", "rejected": "rejected", "pending": "held"}[status]
    verdict = f"a moderator {said} it: their verdict stands over the policy's"
    return {"action": action, "reasons": [verdict]}, decision


# ------------------------------------------------------------------------------ dry runs


def _stored_analysis(row: HistoryRow) -> tuple[Analysis, Analysis | None]:
    targets = tuple(Target.from_json(t) for t in row.targets if isinstance(t, dict))
    scores = {a: float(row.scores.get(a, 0.0)) for a in ATTRIBUTES}
    author = (
        Analysis(None, {a: float(row.author_scores.get(a, 0.0)) for a in ATTRIBUTES})
        if row.author_scores is not None
        else None
    )
    # the stored language, not Analysis's "en" default: a language's own thresholds and
    # the policy's supported languages decide a replayed comment as they did a live one
    return Analysis(row.comment_id, scores, targets, language=row.language), author


def _replay(
    state: ServiceState, site: str, moderators: Sequence[Moderator], limit: int
) -> Iterator[tuple[HistoryRow, list[Outcome]]]:
    """The site's last ``limit`` stored comments, each with what every one of
    ``moderators`` decides on it now.

    Stored analyses are re-decided (no re-scoring: the model is not what changes). An
    author's rank among their comments is the one recorded at the time; ban, trust and
    recent rejections are the author's state now (read once, for the longest escalation
    window among the moderators).
    """
    rows = state.store.history(site, limit)
    names = [r.author for r in rows if r.author]
    days = max(m.policy.rules.escalation_days for m in moderators)
    authors = state.store.authors(site, names, days=days)
    for row in rows:
        analysis, author_analysis = _stored_analysis(row)
        author = None
        if row.author:
            prior = row.author_seq - 1 if row.author_seq is not None else 0
            author = author_context(authors.get(row.author), row.author, prior)
        yield (
            row,
            [
                m.decide(
                    analysis,
                    row.text,
                    author,
                    author_analysis,
                    context=row.context,
                    title=row.title,
                )
                for m in moderators
            ],
        )


def dry_run(state: ServiceState, site: str, moderator: Moderator, limit: int) -> dict[str, Any]:
    """What changing the site's policy to ``moderator``'s (a candidate) would change on its
    last ``limit`` comments: :func:`compare_policies` with the site's policy now, the
    dashboard's preview, as the API's answer.

    ``current`` and ``candidate`` are the decisions of the two policies now, on the same
    stored analyses, so ``changed`` is the candidate's effect alone; comments a moderator
    decided are counted apart (``moderator_kept``), in neither. It used to compare
    with the decision stored when each comment arrived, and so also counted every past
    policy change and every ban lifted since: the site's own policy sent as the
    candidate showed 38 of 177 changed, the dashboard none."""
    result = compare_policies(state, site, state.site_policy(site).moderator, moderator, limit)
    return {
        "site": site,
        "compared": result.compared,
        "moderator_kept": result.moderator_kept,
        "current": result.current,
        "candidate": result.candidate,
        "changed": len(result.changes),
        "changes": [
            {
                "comment_id": c.comment_id,
                # what a reviewer needs to judge the change without a lookup per id (desk 73)
                "text": c.text,
                "author": c.author,
                "from": c.before,
                "to": c.after,
                "reasons": list(c.reasons),
            }
            for c in result.changes
        ],
    }


@dataclass(frozen=True)
class ChangedDecision:
    """A stored comment that a candidate policy decides differently from the current one."""

    comment_id: str
    text: str
    author: str | None
    before: str
    after: str
    reasons: tuple[str, ...]
    reasons_before: tuple[str, ...]


@dataclass(frozen=True)
class PolicyComparison:
    """Two policies replayed on the same stored comments: the decisions under each, and
    the comments they decide differently (newest first).

    ``compared`` counts every comment read; ``moderator_kept`` those of them whose status
    a moderator set, which no policy changes (their verdict stands, as ``db rescore``
    keeps it): they are in neither ``current``, ``candidate`` nor ``changes``, so the
    two counts differ by the changes alone."""

    compared: int
    current: dict[str, int]
    candidate: dict[str, int]
    changes: list[ChangedDecision] = field(default_factory=list)
    moderator_kept: int = 0


def compare_policies(
    state: ServiceState, site: str, current: Moderator, candidate: Moderator, limit: int
) -> PolicyComparison:
    """What changing the site's policy from ``current`` to ``candidate`` would do to its
    last ``limit`` stored comments: both decide every comment now, the same way a dry run
    does (:func:`_replay`), so the difference is the change's alone, not that of other
    changes since the comments arrived. A comment a moderator decided is counted apart
    (:class:`PolicyComparison`): a policy change never moves it, and a preview listed it
    as a change ("from approve to hold") that could never happen."""
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    changes = []
    compared = kept = 0
    for row, [now, then] in _replay(state, site, [current, candidate], limit):
        compared += 1
        if row.by_moderator:
            kept += 1
            continue
        was, will = now.decision.action.value, then.decision.action.value
        before[was] += 1
        after[will] += 1
        if was != will:
            changes.append(
                ChangedDecision(
                    row.comment_id,
                    row.text,
                    row.author,
                    was,
                    will,
                    then.decision.reasons,
                    now.decision.reasons,
                )
            )
    return PolicyComparison(
        compared,
        {v.value: before.get(v.value, 0) for v in Verdict},
        {v.value: after.get(v.value, 0) for v in Verdict},
        changes,
        moderator_kept=kept,
    )
