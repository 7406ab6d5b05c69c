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
from dataclasses import replace
from typing import Any

from threadguard.adaptation import adapt
from threadguard.analysis import Analysis, Target
from threadguard.documents import thread_document
from threadguard.moderation import Moderated, Moderator
from threadguard.moderation.authors import author_context
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.service import metrics
from threadguard.service.context import ServiceState, SitePolicy
from threadguard.service.history import StoreHistory
from threadguard.storage.records import ArticleRef, HistoryRow, NewComment
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
        # verdicts judged comments)
        scored = [replace(s, analysis=adapt(s.analysis, policy.adaptation)) for s in scored]
    items = policy.moderator.decide_thread(scored, history)
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
    ids: list[str],
    statuses: list[str],
) -> dict[str, Any]:
    """The ``scan --format json`` document with the site's decisions and the store's ids."""
    doc = thread_document(thread, items, moderator)
    for entry, cid, status in zip(doc["comments"], ids, statuses, strict=True):
        entry["comment_id"] = cid
        entry["status"] = status
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


def dry_run(state: ServiceState, site: str, moderator: Moderator, limit: int) -> dict[str, Any]:
    """What ``moderator`` (a candidate policy) would decide on the site's last ``limit``
    comments, against what was decided when they arrived.

    Stored analyses are re-decided (no re-scoring: the model is not what changes). An
    author's rank among their comments is the one recorded at the time; ban, trust and
    recent rejections are the author's state now.
    """
    rows = state.store.history(site, limit)
    names = [r.author for r in rows if r.author]
    authors = state.store.authors(site, names, days=moderator.policy.rules.escalation_days)
    current: Counter[str] = Counter()
    candidate: Counter[str] = Counter()
    changes = []
    for row in rows:
        analysis, author_analysis = _stored_analysis(row)
        author = None
        if row.author:
            prior = row.author_seq - 1 if row.author_seq is not None else 0
            author = author_context(authors.get(row.author), row.author, prior)
        outcome = moderator.decide(analysis, row.text, author, author_analysis)
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
        "compared": len(rows),
        "current": {v.value: current.get(v.value, 0) for v in Verdict},
        "candidate": {v.value: candidate.get(v.value, 0) for v in Verdict},
        "changed": len(changes),
        "changes": changes,
    }
