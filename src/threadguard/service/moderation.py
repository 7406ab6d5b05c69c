"""Threads through the moderation core for the service: the store's history in, the
store's rows and the API's documents out, and policy dry runs over stored comments.

Deciding is the moderator's (:mod:`threadguard.moderation`); this module only connects it
to the store. The same moderator serves live ingestion and the policy dry run, so a dry
run shows exactly what the live path would decide.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from threadguard.adaptation import adapt
from threadguard.analysis import Analysis, Target
from threadguard.documents import thread_document
from threadguard.moderation import Moderated, Moderator, Outcome
from threadguard.moderation.authors import author_context
from threadguard.moderation.decision import held_long
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.service import metrics
from threadguard.service.context import ServiceState, SitePolicy
from threadguard.service.history import StoreHistory
from threadguard.storage.records import ArticleRef, HistoryRow, NewComment
from threadguard.storage.repositories.ingest import Stored
from threadguard.thread import Thread


def article_for(thread: Thread, override: str | None) -> ArticleRef:
    """The article a thread's comments are filed under.

    The caller's ``?article=`` wins, then the thread's own id, then its URL, then a hash
    of its title and body (so uploading the same dump twice updates, not duplicates);
    a thread with none of these gets a fresh id, so unrelated uploads never merge.
    """
    key = override or thread.id or thread.url
    if not key and (thread.title or thread.body):
        digest = hashlib.sha256(f"{thread.title}\n{thread.body}".encode()).hexdigest()
        key = f"sha256:{digest[:20]}"
    return ArticleRef(key or f"upload:{secrets.token_hex(8)}", thread.title, thread.url)


def moderate_thread(
    state: ServiceState, site: str, thread: Thread, article: ArticleRef
) -> tuple[SitePolicy, list[Moderated]]:
    """Score every comment of a thread and decide it under the site's policy and rules,
    with each author's standing and rank from the store."""
    policy = state.site_policy(site)
    history = StoreHistory(state.store, site, article.external_id)
    scored = state.engine.scan(thread, authors=policy.policy.screen_authors)
    if policy.adaptation is not None:
        # the site's adaptation maps the comments' scores (not the user names': its
        # verdicts judged comments), English ones only (adapt leaves the others)
        scored = [replace(s, analysis=adapt(s.analysis, policy.adaptation)) for s in scored]
    items = policy.moderator.decide_thread(scored, history, title=thread.title)
    limit = state.settings.max_text_chars
    items = [
        replace(m, outcome=replace(m.outcome, decision=held_long(m.decision, limit)))
        if len(m.comment.text) > limit
        else m
        for m in items
    ]
    for item in items:
        metrics.observe_decision(item.analysis, item.decision.action)
    return policy, items


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


def stored_thread_document(
    thread: Thread,
    items: list[Moderated],
    moderator: Moderator,
    stored: Sequence[Stored],
) -> dict[str, Any]:
    """The ``scan --format json`` document with the site's decisions and the store's ids
    and statuses; ``left_as_stored`` marks a comment the store left as it was (no text of
    its own: its stored text, decision and queue entry stand)."""
    doc = thread_document(thread, items, moderator)
    for entry, result in zip(doc["comments"], stored, strict=True):
        entry["comment_id"] = result.id
        entry["status"] = result.status
        if result.kept:
            entry["left_as_stored"] = True
    return doc


# ------------------------------------------------------------------------------ dry runs


def _stored_analysis(row: HistoryRow) -> tuple[Analysis, Analysis | None]:
    targets = tuple(
        Target(str(t.get("group", "")), float(t.get("score", 0.0)))
        for t in row.targets
        if isinstance(t, dict)
    )
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
                m.decide(analysis, row.text, author, author_analysis, context=row.context)
                for m in moderators
            ],
        )


def dry_run(state: ServiceState, site: str, moderator: Moderator, limit: int) -> dict[str, Any]:
    """What ``moderator`` (a candidate policy) would decide on the site's last ``limit``
    comments, against what was decided when they arrived (see :func:`_replay`)."""
    current: Counter[str] = Counter()
    candidate: Counter[str] = Counter()
    changes = []
    compared = 0
    for row, [outcome] in _replay(state, site, [moderator], limit):
        compared += 1
        after = outcome.decision.action.value
        current[row.decided] += 1
        candidate[after] += 1
        if after != row.decided:
            changes.append(
                {
                    "comment_id": row.comment_id,
                    "from": row.decided,
                    "to": after,
                    "reasons": list(outcome.decision.reasons),
                }
            )
    return {
        "site": site,
        "compared": compared,
        "current": {v.value: current.get(v.value, 0) for v in Verdict},
        "candidate": {v.value: candidate.get(v.value, 0) for v in Verdict},
        "changed": len(changes),
        "changes": changes,
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
    the comments they decide differently (newest first)."""

    compared: int
    current: dict[str, int]
    candidate: dict[str, int]
    changes: list[ChangedDecision] = field(default_factory=list)


def compare_policies(
    state: ServiceState, site: str, current: Moderator, candidate: Moderator, limit: int
) -> PolicyComparison:
    """What changing the site's policy from ``current`` to ``candidate`` would do to its
    last ``limit`` stored comments: both decide every comment now, the same way a dry run
    does (:func:`_replay`), so the difference is the change's alone, not that of other
    changes since the comments arrived."""
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    changes = []
    compared = 0
    for row, [now, then] in _replay(state, site, [current, candidate], limit):
        compared += 1
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
    )
