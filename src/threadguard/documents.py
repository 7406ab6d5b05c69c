"""The JSON documents of the contracts: a ``score`` line and the ``scan --format json`` thread.

Pure functions of analyses and decisions (no terminal, no HTTP), shared by the command
line, the HTTP service and batch jobs so each writes the same bytes. Key order and names
are DESIGN.md's: outside tools parse them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from threadguard.analysis import Analysis
from threadguard.moderation import Decision, Moderated, Moderator
from threadguard.moderation.decision import contacts_json
from threadguard.schema import Verdict
from threadguard.signals import compute_signals
from threadguard.thread import Thread


def score_line(analysis: Analysis, decision: Decision) -> dict[str, Any]:
    """One ``threadguard score`` output line: the analysis with the decision and its
    reasons in their place (after the spans, before the language)."""
    out: dict[str, Any] = {}
    for key, value in analysis.to_json().items():
        if key == "language":
            out["decision"] = decision.action.value
            out["reasons"] = list(decision.reasons)
        out[key] = value
    return out


def decision_counts(items: Sequence[Moderated]) -> dict[str, int]:
    """How many comments each verdict got, every verdict listed."""
    counts = Counter(m.decision.action for m in items)
    return {v.value: counts.get(v, 0) for v in Verdict}


def comment_entry(m: Moderated, moderator: Moderator) -> dict[str, Any]:
    """One comment of the ``scan`` document, with the watched words and censored text
    when the site rules found any."""
    c = m.comment
    entry: dict[str, Any] = {
        "id": c.id,
        "parent": c.parent,
        "author": c.author,
        "depth": c.depth,
        "created_at": c.created_at,
        "text": c.text,
        "analysis": score_line(m.analysis, m.decision),
        "decision": m.decision.to_json(),
    }
    if m.author_analysis is not None:
        entry["author_analysis"] = score_line(
            m.author_analysis, moderator.on_author_scores(m.author_analysis)
        )
    if m.outcome.matches:
        entry["watchlist"] = [w.to_json() for w in m.outcome.matches]
    if m.outcome.coded:
        entry["coded_hate"] = [c.to_json() for c in m.outcome.coded]
    if m.outcome.threats:
        entry["threats"] = [t.to_json() for t in m.outcome.threats]
    if m.outcome.abusive:
        entry["abusive_words"] = [w.to_json() for w in m.outcome.abusive]
    if m.outcome.contacts:
        entry["contact_details"] = contacts_json(m.outcome.contacts)
    if m.outcome.censored_text is not None:
        entry["censored_text"] = m.outcome.censored_text
    return entry


def thread_document(
    thread: Thread,
    items: Sequence[Moderated],
    moderator: Moderator,
    *,
    standing: Sequence[Moderated] | None = None,
) -> dict[str, Any]:
    """The ``scan --format json`` document, comments in reading order, with every thread
    signal (:mod:`threadguard.signals`) and the decision counts.

    ``standing``: the same comments with the decision that stands on each where it is not
    the policy's (a moderator's verdict on a stored comment), for the signals to count, so
    that their counts say what the comments' ``decision`` says (the caller sets each
    entry's); by default ``items``, the policy's decisions."""
    return {
        "thread": {"title": thread.title, "body": thread.body, "url": thread.url, "id": thread.id},
        "comments": [comment_entry(m, moderator) for m in items],
        "signals": compute_signals(thread, list(items if standing is None else standing)).to_json(),
    }
