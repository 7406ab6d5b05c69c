"""Scoring plus site rules: what the service decides for a thread, and what a policy would.

The engine scores and applies thresholds; the site's rules (watchlist, new, trusted and
repeat authors) need what the store knows about each author, so they are applied here,
between the engine and the store. The same function serves live ingestion and the
policy dry run, so a dry run shows exactly what the live path would decide.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from threadguard.analysis import Analysis, Target
from threadguard.engine import ScoredComment
from threadguard.policy import ACTIONS, Policy
from threadguard.render import thread_json
from threadguard.schema import ATTRIBUTES
from threadguard.site_policy import AuthorContext, SiteOutcome, SiteRules, decide
from threadguard.storage.records import ArticleRef, AuthorInfo, HistoryRow, NewComment
from threadguard.thread import Thread

if TYPE_CHECKING:  # context.py imports this module for ServiceState.site_decision
    from threadguard.service.context import ServiceState, SitePolicy


@dataclass(frozen=True)
class Moderated:
    """A thread comment scored by the engine and decided under the site's rules."""

    scored: ScoredComment
    outcome: SiteOutcome


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


def author_context(info: AuthorInfo | None, name: str, prior: int) -> AuthorContext:
    """What the site rules know about an author, ``prior`` comments into their history."""
    if info is None:
        return AuthorContext(name, prior_comments=prior)
    return AuthorContext(
        name,
        prior_comments=prior,
        recent_rejections=info.recent_rejections,
        banned=info.banned,
        trusted=info.trusted,
    )


def moderate_thread(
    state: ServiceState, site: str, thread: Thread, article: ArticleRef
) -> tuple[SitePolicy, list[Moderated]]:
    """Score every comment of a thread and decide it under the site's policy and rules."""
    policy = state.site_policy(site)
    scored = policy.engine.scan(thread)
    names = [c.author for c in thread.comments if c.author]
    authors = state.store.authors(site, names, days=policy.rules.escalation_days)
    known = state.store.known_comments(site, article.external_id, [c.id for c in thread.comments])
    new_so_far: Counter[str] = Counter()
    out = []
    for s in scored:
        comment = s.comment
        author = None
        if comment.author:
            info = authors.get(comment.author)
            if comment.id in known:
                seq = known[comment.id]
                prior = seq - 1 if seq is not None else 0
            else:
                prior = (info.comment_count if info else 0) + new_so_far[comment.author]
                new_so_far[comment.author] += 1
            author = author_context(info, comment.author, prior)
        outcome = decide(
            policy.policy, policy.rules, s.analysis, comment.text, author, s.author_analysis
        )
        out.append(Moderated(s, outcome))
    return policy, out


def decide_comment(
    state: ServiceState,
    site: str | None,
    analysis: Analysis,
    text: str,
    *,
    author: str | None = None,
    comment_id: str | None = None,
    story_id: str | None = None,
) -> SiteOutcome:
    """One comment arriving on its own (Coral, Perspective, OpenAI) under the site's rules.

    The same :func:`~threadguard.site_policy.decide` as a thread upload, so a site's
    watchlist, bans, trusted authors, pre-moderation and escalation mean the same on every
    endpoint. The author's rank is their stored comment count (the comment is not stored
    yet), or, for an edit of a comment already stored under ``story_id``, the rank it had
    when first scored -- so editing a first comment does not pre-moderate it again, and
    editing an old one does not count as new.
    """
    policy = state.site_policy(site)
    who = None
    if author and site is not None:
        info = state.store.authors(site, [author], days=policy.rules.escalation_days).get(author)
        prior = info.comment_count if info is not None else 0
        if comment_id is not None:
            known = state.store.known_comments(site, story_id or "", [comment_id])
            if comment_id in known:
                seq = known[comment_id]
                prior = seq - 1 if seq is not None else 0
        who = author_context(info, author, prior)
    return decide(policy.policy, policy.rules, analysis, text, who)


def to_store(items: list[Moderated]) -> list[NewComment]:
    """The moderated comments as the store takes them."""
    return [
        NewComment(
            text=m.scored.comment.text,
            analysis=m.scored.analysis,
            decision=m.outcome.decision,
            external_id=m.scored.comment.id,
            author=m.scored.comment.author or None,
            parent_id=m.scored.comment.parent,
            depth=m.scored.comment.depth,
            position=m.scored.comment.position,
            posted_at=m.scored.comment.created_at,
            author_analysis=m.scored.author_analysis,
            details=m.outcome.details(),
        )
        for m in items
    ]


def thread_document(
    thread: Thread, items: list[Moderated], ids: list[str], statuses: list[str]
) -> dict[str, Any]:
    """The ``scan --format json`` document with the site's decisions and the store's ids."""
    doc = thread_json(thread, [m.scored for m in items])
    counts: Counter[str] = Counter()
    for entry, m, cid, status in zip(doc["comments"], items, ids, statuses, strict=True):
        entry["comment_id"] = cid
        entry["status"] = status
        entry["decision"] = m.outcome.decision.to_json()
        entry["analysis"]["decision"] = m.outcome.decision.action
        if m.outcome.matches:
            entry["watchlist"] = [w.to_json() for w in m.outcome.matches]
        if m.outcome.censored_text is not None:
            entry["censored_text"] = m.outcome.censored_text
        counts[m.outcome.decision.action] += 1
    doc["signals"] = {**doc["signals"], "decisions": {a: counts.get(a, 0) for a in ACTIONS}}
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
    return Analysis(row.comment_id, scores, targets), author


def dry_run(
    state: ServiceState, site: str, policy: Policy, rules: SiteRules, limit: int
) -> dict[str, Any]:
    """What ``policy`` and ``rules`` would decide on the site's last ``limit`` comments,
    against what was decided when they arrived.

    Stored analyses are re-decided (no re-scoring: the model is not what changes). An
    author's rank among their comments is the one recorded at the time; ban, trust and
    recent rejections are the author's state now.
    """
    rows = state.store.history(site, limit)
    names = [r.author for r in rows if r.author]
    authors = state.store.authors(site, names, days=rules.escalation_days)
    current: Counter[str] = Counter()
    candidate: Counter[str] = Counter()
    changes = []
    for row in rows:
        analysis, author_analysis = _stored_analysis(row)
        author = None
        if row.author:
            prior = row.author_seq - 1 if row.author_seq is not None else 0
            author = author_context(authors.get(row.author), row.author, prior)
        outcome = decide(policy, rules, analysis, row.text, author, author_analysis)
        after = outcome.decision.action
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
        "compared": len(rows),
        "current": {a: current.get(a, 0) for a in ACTIONS},
        "candidate": {a: candidate.get(a, 0) for a in ACTIONS},
        "changed": len(changes),
        "changes": changes,
    }
