"""The thread page's logic: a stored thread as a reply tree, and its thread signals.

The tree follows each comment's parent id; a comment whose parent is not stored (or
that sits in a parent cycle, which broken input can make) is shown at the top level
rather than lost. The signals are the ones ``scan`` prints
(:func:`threadguard.signals.compute_signals`), computed from the stored analyses, so a
thread reads the same on the dashboard as in the terminal. A comment a moderator has
ruled on counts with the moderator's verdict: an overturned hold is not a problem in
the thread any more.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from threadguard.analysis import Analysis, Target
from threadguard.moderation import Decision, Moderated, Outcome
from threadguard.moderation.coded_hate import CodedMatch, by_pattern, by_pattern_and_group
from threadguard.moderation.watchlist import WatchMatch
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.signals import ThreadSignals, compute_signals
from threadguard.storage.records import AuthorInfo, StoredThread, ThreadComment
from threadguard.thread import Comment, Thread

#: Scores shown beside a comment: its highest ones, at least this high...
SHOWN_SCORE = 0.3
#: ... and at most this many.
SHOWN_SCORES = 3
#: The status of each verdict, for comments without a stored status.
STATUS_WORDS = {"approved": "approved", "pending": "held", "rejected": "rejected"}


def verdict_of(comment: ThreadComment) -> str:
    """The verdict that stands: a moderator's, else the policy's (approve if none)."""
    return comment.moderator_action or comment.policy_action or Verdict.APPROVE.value


@dataclass
class Node:
    """A comment of the tree, with its replies."""

    comment: ThreadComment
    level: int
    children: list[Node] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"c-{self.comment.id}"

    @property
    def verdict(self) -> str:
        return verdict_of(self.comment)

    @property
    def scored(self) -> bool:
        return self.comment.scores is not None

    @property
    def top_scores(self) -> list[tuple[str, float]]:
        """The comment's highest scores (at least :data:`SHOWN_SCORE`), highest first."""
        scores = self.comment.scores or {}
        ranked = sorted(((a, scores.get(a, 0.0)) for a in ATTRIBUTES), key=lambda s: -s[1])
        return [(a, v) for a, v in ranked[:SHOWN_SCORES] if v >= SHOWN_SCORE]

    @property
    def targets(self) -> list[Target]:
        """The stored targets, the models' first (highest first), then the inferred ones
        (:class:`~threadguard.analysis.Target`, ``inferred`` shown as such)."""
        found = []
        for t in self.comment.targets:
            if isinstance(t, dict):
                try:
                    found.append(Target.from_json(t))
                except (TypeError, ValueError):
                    continue
        return sorted(found, key=lambda t: (t.inferred, -t.score))

    @property
    def watched(self) -> list[str]:
        """The watched patterns the policy found in it."""
        details = self.comment.policy_details or {}
        matches = details.get("watchlist") or []
        return sorted(
            {str(m.get("pattern")) for m in matches if isinstance(m, dict) and m.get("pattern")}
        )

    @property
    def coded(self) -> list[tuple[str, str]]:
        """The codes of coded hate the policy found in it: (code, what it means)."""
        details = self.comment.policy_details or {}
        found = details.get("coded_hate") or []
        return sorted(
            {
                (str(m["pattern"]), str(m.get("meaning", "")))
                for m in found
                if isinstance(m, dict) and m.get("pattern")
            }
        )

    @property
    def threats(self) -> list[tuple[str, str]]:
        """The threats the policy found in it: (kind, phrase), the quoted and rebutted ones
        marked so (a moderator sees why they did not hold)."""
        details = self.comment.policy_details or {}
        found = details.get("threats") or []
        if not isinstance(found, list):
            return []
        out = []
        for m in found:
            if not isinstance(m, dict) or not m.get("kind") or not m.get("phrase"):
                continue
            note = " (quoted)" if m.get("quoted") else " (reported)" if m.get("rebutted") else ""
            out.append((str(m["kind"]), " ".join(str(m["phrase"]).split()) + note))
        return list(dict.fromkeys(out))


def build_tree(comments: Sequence[ThreadComment]) -> list[Node]:
    """The comments as a forest of replies, each level in the order given."""
    nodes = [Node(c, 0) for c in comments]
    first: dict[str, int] = {}
    for i, c in enumerate(comments):
        first.setdefault(c.external_id, i)
    parent: list[int | None] = []
    for i, c in enumerate(comments):
        p = first.get(c.parent_id) if c.parent_id is not None else None
        parent.append(None if p == i else p)
    # A parent cycle has no way up to a root: its comments become roots.
    for i in range(len(comments)):
        seen = {i}
        at = parent[i]
        while at is not None:
            if at in seen:
                parent[i] = None
                break
            seen.add(at)
            at = parent[at]
    children: dict[int | None, list[int]] = defaultdict(list)
    for i, p in enumerate(parent):
        children[p].append(i)
    roots = []
    stack = [(i, 0) for i in reversed(children[None])]
    while stack:  # depth first, without recursion: a reply chain can be thousands long
        i, level = stack.pop()
        node = nodes[i]
        node.level = level
        p = parent[i]
        if p is None:
            roots.append(node)
        else:
            nodes[p].children.append(node)
        stack.extend((c, level + 1) for c in reversed(children.get(i, [])))
    return roots


def walk(roots: Sequence[Node]) -> list[Node]:
    """Every node in reading order (depth first), for a flat rendering."""
    out: list[Node] = []
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.children))
    return out


def moderated(comments: Sequence[ThreadComment]) -> list[Moderated]:
    """The scored comments as the signals read them (context-only comments left out)."""
    out = []
    for position, c in enumerate(x for x in comments if x.scores is not None):
        scores = c.scores or {}
        targets = tuple(Target.from_json(t) for t in c.targets if isinstance(t, dict))
        reasons = c.moderator_reasons if c.moderator_action else c.policy_reasons
        out.append(
            Moderated(
                Comment(
                    id=c.external_id,
                    text=c.text,
                    author=c.author or "",
                    parent=c.parent_id,
                    depth=c.depth,
                    created_at=c.posted_at,
                    position=position,
                ),
                Analysis(
                    c.external_id, {a: float(scores.get(a, 0.0)) for a in ATTRIBUTES}, targets
                ),
                None,
                Outcome(
                    Decision(Verdict(verdict_of(c)), tuple(reasons)),
                    coded=stored_codes(c.policy_details or {}),
                ),
            )
        )
    return out


def stored_codes(details: dict[str, Any]) -> tuple[CodedMatch, ...]:
    """The codes of coded hate a stored decision found, for the signals (a code the
    lexicon no longer lists, or a malformed entry, is left out)."""
    terms = by_pattern()
    found = details.get("coded_hate")
    out = []
    for m in found if isinstance(found, list) else []:
        pattern = m.get("pattern") if isinstance(m, dict) else None
        if not isinstance(pattern, str) or pattern not in terms:
            continue
        try:
            begin, end = int(m["begin"]), int(m["end"])
        except (KeyError, TypeError, ValueError, OverflowError):
            continue
        where = WatchMatch(pattern, "hold", begin, end, m.get("in") == "author")
        term = by_pattern_and_group().get((pattern, str(m.get("group"))), terms[pattern])
        out.append(CodedMatch(term, where, bool(m.get("rebutted", False))))
    return tuple(out)


@dataclass(frozen=True)
class Said:
    """A piece of a signal's sentence: plain words, or an author's name (``name``), which
    the page shows as it shows a name everywhere: isolated, its invisible and
    direction-changing characters as code points, with a look-alike badge."""

    text: str
    name: bool = False


def names_in(signal: object) -> list[str]:
    """The author names a signal's sentence is about: a summary's author, a pile-on's
    target and attackers, an escalation's authors."""
    names = [getattr(signal, a, None) for a in ("author", "target_author")]
    for many in ("attackers", "authors"):
        names += list(getattr(signal, many, ()) or ())
    return [n for n in names if isinstance(n, str) and n]


def said(sentence: str, names: Iterable[str]) -> list[Said]:
    """``sentence`` cut at the author ``names`` in it (the longest first, as whole words):
    the signals write names into plain sentences, and a name with a U+200B and a U+202E
    in it was shown raw, reversing the rest of its line ("... wrote 1 comment ...")."""
    wanted = sorted(set(names), key=len, reverse=True)
    if not wanted:
        return [Said(sentence)]
    found = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, wanted)) + r")(?!\w)")
    out: list[Said] = []
    at = 0
    for m in found.finditer(sentence):
        if m.start() > at:
            out.append(Said(sentence[at : m.start()]))
        out.append(Said(m.group(), name=True))
        at = m.end()
    if at < len(sentence) or not out:
        out.append(Said(sentence[at:]))
    return out


@dataclass(frozen=True)
class ThreadView:
    """What the thread page shows: the thread, its tree, its signals, and the standing
    on the site of each author with a flagged comment in it."""

    thread: StoredThread
    roots: list[Node]
    signals: ThreadSignals
    anchors: dict[str, str]
    standing: dict[str, AuthorInfo]

    @property
    def nodes(self) -> list[Node]:
        return walk(self.roots)

    def link(self, external_id: str) -> str:
        """The page anchor of a comment named by its id in the thread."""
        return self.anchors.get(external_id, "")

    @staticmethod
    def said(signal: object) -> list[Said]:
        """A signal's explanation, its author names marked (:func:`said`)."""
        return said(str(getattr(signal, "explanation", "")), names_in(signal))


def thread_view(thread: StoredThread, standing: Mapping[str, AuthorInfo]) -> ThreadView:
    """The page's view of a stored thread; ``standing``: the authors' state on the site."""
    items = moderated(thread.comments)
    signals = compute_signals(Thread(title=thread.summary.title), items)
    anchors = {c.external_id: f"c-{c.id}" for c in reversed(thread.comments)}
    return ThreadView(thread, build_tree(thread.comments), signals, anchors, dict(standing))
