"""Show a scanned thread: a Rich tree for people, a JSON document for programs.

The JSON document is DESIGN.md's ``scan --format json`` contract; the tree shows the
same facts a moderator needs at a glance: who wrote what, which words were flagged,
the top scores, the groups targeted and the decision with its reasons.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text
from rich.tree import Tree

from threadguard.analysis import Span
from threadguard.engine import ScoredComment
from threadguard.signals import ThreadSignals, compute_signals
from threadguard.thread import Thread

ACTION_STYLE = {"approve": "green", "hold": "yellow", "reject": "bold red"}
ATTRIBUTE_STYLE = {
    "identity_attack": "bold magenta",
    "threat": "bold red",
    "severe_toxicity": "bold red",
    "insult": "red",
    "toxicity": "red",
    "profanity": "yellow",
    "sexually_explicit": "cyan",
}


def thread_json(
    thread: Thread, scored: list[ScoredComment], signals: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The ``scan --format json`` document, comments in reading order.

    ``signals`` defaults to every thread signal (:mod:`threadguard.signals`); its
    ``decisions`` counts are the same as :func:`summary`'s.
    """
    comments = []
    for s in scored:
        c = s.comment
        entry: dict[str, Any] = {
            "id": c.id,
            "parent": c.parent,
            "author": c.author,
            "depth": c.depth,
            "created_at": c.created_at,
            "text": c.text,
            "analysis": s.analysis.to_json(),
            "decision": s.analysis.decision.to_json(),
        }
        if s.author_analysis is not None:
            entry["author_analysis"] = s.author_analysis.to_json()
        comments.append(entry)
    return {
        "thread": {"title": thread.title, "body": thread.body, "url": thread.url, "id": thread.id},
        "comments": comments,
        "signals": signals if signals is not None else compute_signals(thread, scored).to_json(),
    }


def summary(scored: list[ScoredComment]) -> dict[str, Any]:
    """Counts of decisions: the one thread-level signal every scan reports."""
    counts = Counter(s.analysis.decision.action for s in scored)
    return {"decisions": {a: counts.get(a, 0) for a in ("approve", "hold", "reject")}}


def highlight(text: str, spans: tuple[Span, ...]) -> Text:
    """The comment text with each flagged span styled by its attribute."""
    out = Text(text)
    for s in spans:
        out.stylize(f"{ATTRIBUTE_STYLE.get(s.attribute, 'red')} underline", s.begin, s.end)
    return out


def _node(s: ScoredComment) -> Group:
    a = s.analysis
    d = a.decision
    head = Text()
    head.append(s.comment.author or "(no name)", style="bold")
    head.append("  ")
    head.append(d.action.upper(), style=ACTION_STYLE[d.action])
    lines: list[Text] = [head]
    if s.comment.text:
        lines.append(highlight(s.comment.text, a.spans))
    else:
        lines.append(Text("(no text)", style="dim italic"))
    scores = "  ".join(f"{k} {v:.2f}" for k, v in a.top(3))
    lines.append(Text(scores, style="dim"))
    if a.targets:
        lines.append(
            Text(
                "targets: " + ", ".join(f"{t.group} {t.score:.2f}" for t in a.targets),
                style="magenta",
            )
        )
    for reason in d.reasons:
        lines.append(Text(f"↳ {reason}", style=ACTION_STYLE[d.action]))
    return Group(*lines)


def thread_tree(thread: Thread, scored: list[ScoredComment]) -> Tree:
    """The thread as a Rich tree: the article at the root, replies nested under parents."""
    root = Tree(Text(thread.title or "(untitled thread)", style="bold underline"))
    nodes: dict[str, Tree] = {}
    for s in scored:
        parent = nodes.get(s.comment.parent or "", root)
        nodes[s.comment.id] = parent.add(_node(s))
    return root


TREND_STYLE = {"rising": "bold red", "falling": "green", "steady": "dim"}


def signals_panel(signals: ThreadSignals) -> RenderableType:
    """The thread signals under the tree: health always, the others only when found.

    Each line is the signal's one-sentence explanation, so the panel reads as plain
    English; the JSON output carries the same sentences beside the numbers.
    """
    health = signals.health
    lines: list[Text] = []
    head = Text("health ", style="bold")
    head.append(health.trend, style=TREND_STYLE.get(health.trend, ""))
    head.append(f"  {health.explanation}")
    lines.append(head)
    for e in signals.escalations:
        lines.append(_signal_line("escalation", " → ".join(e.comment_ids), e.explanation))
    for p in signals.pile_ons:
        lines.append(_signal_line("pile-on", p.target_author, p.explanation))
    for g in signals.group_concentration:
        lines.append(_signal_line("targeted group", g.group, g.explanation))
    for a in signals.authors:
        if a.flagged:
            label = "repeat offender" if a.repeat_offender else "author"
            lines.append(_signal_line(label, a.author, a.explanation))
    return Panel(Group(*lines), title="Thread signals", title_align="left", expand=False)


def _signal_line(kind: str, subject: str, explanation: str) -> Text:
    out = Text(f"{kind} ", style="bold red")
    out.append(subject, style="bold")
    out.append(f"  {explanation}")
    return out


def summary_line(scored: list[ScoredComment]) -> Text:
    """ "N comments: A approved, H held, R rejected"."""
    counts = summary(scored)["decisions"]
    out = Text(f"{len(scored)} comments: ")
    out.append(f"{counts['approve']} approved", style="green")
    out.append(", ")
    out.append(f"{counts['hold']} held", style="yellow")
    out.append(", ")
    out.append(f"{counts['reject']} rejected", style="bold red")
    return out
