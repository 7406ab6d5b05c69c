"""Show a moderated thread on a terminal: a Rich tree, the thread signals and a summary.

The tree shows what a moderator needs at a glance: who wrote what, which words were
flagged, the top scores, the groups targeted and the decision with its reasons. (The
JSON documents for programs are :mod:`threadguard.documents`'.)
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text
from rich.tree import Tree

from threadguard.analysis import Span, read_policy_line, shown_score
from threadguard.documents import decision_counts
from threadguard.moderation import Moderated
from threadguard.signals import ThreadSignals
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


def highlight(text: str, spans: tuple[Span, ...]) -> Text:
    """The comment text with each flagged span styled by its attribute."""
    out = Text(text)
    for s in spans:
        out.stylize(f"{ATTRIBUTE_STYLE.get(s.attribute, 'red')} underline", s.begin, s.end)
    return out


#: Flagged words listed under a held comment at most; the rest are counted.
MAX_WORDS_SHOWN = 6


def flagged_words(text: str, spans: tuple[Span, ...]) -> Text:
    """The words a held or rejected comment was flagged for, written out with their
    attribute ("words: "sodomites" identity_attack"). The highlight alone is lost where
    the tree is not drawn on a colour terminal (piped to a file or a pager): a desk
    reading ``scan`` output there saw no flagged words at all (desk 13)."""
    seen: dict[tuple[int, int], str] = {}
    for span in sorted(spans, key=lambda x: (x.begin, -x.score)):
        seen.setdefault((span.begin, span.end), span.attribute)
    out = Text("words: ", style="dim")
    for n, ((begin, end), attribute) in enumerate(seen.items()):
        if n == MAX_WORDS_SHOWN:
            out.append(f"… {len(seen) - n} more", style="dim")
            break
        out.append(f'"{text[begin:end]}"', style=f"{ATTRIBUTE_STYLE.get(attribute, 'red')}")
        out.append(f" {attribute}" + ("  " if n + 1 < len(seen) else ""), style="dim")
    return out


def _shown_as_reasoned(attribute: str, value: float, reasons: tuple[str, ...]) -> str:
    """A score as its own reason shows it ("toxicity 0.409 ≥ 0.40 (hold)" gives 0.409), else
    :func:`shown_score`: desk 63 (session 49) read "toxicity 0.40" on the line above that
    reason as two different scores."""
    for reason in reasons:
        # a policy line's own reason only: not "(reject, the engine's score before the
        # site's adaptation)", which shows another score (a code review's)
        read = read_policy_line(reason)
        if read is not None and read[0] == attribute:
            return read[1]
    return shown_score(value)


def _no_text(author: str) -> str:
    """What stands for a comment with no text. A bullet line that reads as a sentence
    ("• Thanks for posting this.") is kept as the author's name and screened as one; desk 63
    (session 49) thought its words lost, so the tree says where they went."""
    words = author.split()
    if author.rstrip().endswith((".", "!", "?")) or len(words) >= 4:
        return "(no text: the bullet line's words are read as the author's name, and screened)"
    return "(no text)"


def _node(s: Moderated) -> Group:
    a = s.analysis
    d = s.decision
    head = Text()
    head.append(s.comment.author or "(no name)", style="bold")
    head.append("  ")
    head.append(d.action.upper(), style=ACTION_STYLE[d.action])
    lines: list[Text] = [head]
    if s.comment.text:
        lines.append(highlight(s.comment.text, a.spans))
    else:
        lines.append(Text(_no_text(s.comment.author), style="dim italic"))
    scores = "  ".join(f"{k} {_shown_as_reasoned(k, v, d.reasons)}" for k, v in a.top(3))
    lines.append(Text(scores, style="dim"))
    if d.action != "approve" and a.spans and s.comment.text:
        lines.append(flagged_words(s.comment.text, a.spans))
    read = [t for t in a.targets if not t.inferred]
    if read:
        shown = ", ".join(f"{t.group} {shown_score(t.score)}" for t in read)
        lines.append(Text(f"targets: {shown}", style="magenta"))
    inferred = [t.group for t in a.targets if t.inferred]
    if inferred:
        # Every news desk from 14 to 63 read "targets: muslims 0.45 (inferred)" on a civil
        # comment the models held as an accusation: an inference gets its own words.
        lines.append(
            Text(f"probably about (inferred, not scored): {', '.join(inferred)}", style="dim")
        )
    for reason in d.reasons:
        lines.append(Text(f"↳ {reason}", style=ACTION_STYLE[d.action]))
    return Group(*lines)


#: Reply levels drawn nested at most; deeper replies collapse under a marker line.
MAX_LEVELS = 12
#: Columns a level's indentation takes, and what is left at least for the text.
_INDENT = 4
_TEXT_COLUMNS = 40


def levels_for(width: int) -> int:
    """How many reply levels fit a terminal ``width`` columns wide (2 to ``MAX_LEVELS``)."""
    return max(2, min(MAX_LEVELS, (width - _TEXT_COLUMNS) // _INDENT))


def thread_tree(thread: Thread, scored: list[Moderated], levels: int = MAX_LEVELS) -> Tree:
    """The thread as a Rich tree: the article at the root, replies nested under parents.

    At most ``levels`` reply levels are nested; deeper ones would be squeezed to nothing
    at the right edge. The replies under a comment at the last level collapse into one
    line that counts them and their held and rejected ones ("… 4,983 more replies, 6
    held"), and every held or rejected one among them is still shown under that line,
    after the path that leads to it. Nothing a moderator must see is hidden.
    """
    root = Tree(Text(thread.title or "(untitled thread)", style="bold underline"))
    children: dict[str | None, list[Moderated]] = {}
    seen: set[str] = set()
    for s in scored:
        parent = s.comment.parent if s.comment.parent in seen else None
        children.setdefault(parent, []).append(s)
        seen.add(s.comment.id)
    stack: list[tuple[Tree, Moderated, int]] = [
        (root, s, 1) for s in reversed(children.get(None, []))
    ]
    while stack:
        under, s, level = stack.pop()
        node = under.add(_node(s))
        replies = children.get(s.comment.id, [])
        if level < levels:
            stack.extend((node, r, level + 1) for r in reversed(replies))
        elif replies:
            _collapse(node, s, children)
    return root


def _collapse(node: Tree, top: Moderated, children: dict[str | None, list[Moderated]]) -> None:
    """Everything below ``top`` as one counted line, with its held and rejected comments."""
    parent: dict[str, Moderated] = {}
    hidden: list[Moderated] = []
    stack = [top]
    while stack:
        s = stack.pop()
        for r in reversed(children.get(s.comment.id, [])):
            parent[r.comment.id] = s
            stack.append(r)
        if s is not top:
            hidden.append(s)
    flagged = [s for s in hidden if s.decision.action != "approve"]
    marker = node.add(Text(_hidden_count(len(hidden), flagged), style="dim"))
    for s in flagged:
        path = [parent[s.comment.id]]
        while path[-1] is not top:
            path.append(parent[path[-1].comment.id])
        marker.add(Group(_path_line(path[::-1]), _node(s)))


def _hidden_count(replies: int, flagged: list[Moderated]) -> str:
    words = [f"… {replies:,} more {'reply' if replies == 1 else 'replies'}"]
    for action, label in (("hold", "held"), ("reject", "rejected")):
        n = sum(s.decision.action == action for s in flagged)
        if n:
            words.append(f"{n:,} {label}")
    if not flagged:
        words.append("all approved")
    return ", ".join(words)


def _path_line(path: list[Moderated]) -> Text:
    """Where a collapsed comment sits: how far below the last comment drawn, and the
    replies that lead to it from there (``path``: that comment down to the parent)."""
    names = [_who(s) for s in path]
    if len(names) > 5:
        names = [*names[:2], f"… {len(names) - 4:,} more", *names[-2:]]
    down = len(path)
    return Text(
        f"⋮ {down:,} {'reply' if down == 1 else 'replies'} down, via {' › '.join(names)}",
        style="dim",
    )


def _who(s: Moderated) -> str:
    return s.comment.author or s.comment.id


TREND_STYLE = {"rising": "bold red", "falling": "green", "steady": "dim"}


def signals_panel(signals: ThreadSignals) -> RenderableType:
    """The thread signals under the tree: health always, the others only when found.

    Each line is the signal's one-sentence explanation, so the panel reads as plain
    English; the JSON output carries the same sentences beside the numbers.
    """
    health = signals.health
    lines: list[Text] = []
    # the trend is of the share held, not of the thread's health: "health falling" read
    # as a thread getting worse while its held share fell (desk 15)
    head = Text("held share ", style="bold")
    head.append(health.shape or health.trend, style=TREND_STYLE.get(health.trend, ""))
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


def summary_line(scored: list[Moderated]) -> Text:
    """ "N comments: A approved, H held, R rejected"."""
    counts = decision_counts(scored)
    out = Text(f"{len(scored)} {'comment' if len(scored) == 1 else 'comments'}: ")
    out.append(f"{counts['approve']} approved", style="green")
    out.append(", ")
    out.append(f"{counts['hold']} held", style="yellow")
    out.append(", ")
    out.append(f"{counts['reject']} rejected", style="bold red")
    return out
