"""What moderation knows about a comment's author, and where that knowledge comes from.

The site rules (bans, trusted authors, pre-moderation of newcomers, escalation of repeat
offenders) need an author's history. The service keeps it in its store; the command line
has none. :class:`AuthorHistory` is the one question moderation asks, so the same rules
run over a database, over nothing, or over a test's dictionary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class AuthorContext:
    """What is known about a comment's author when it arrives.

    ``prior_comments`` counts the author's earlier comments on the site (0 for a first
    comment); ``recent_rejections`` their rejected comments in the escalation window.
    """

    name: str
    prior_comments: int = 0
    recent_rejections: int = 0
    banned: bool = False
    trusted: bool = False


class AuthorFacts(Protocol):
    """An author's standing on a site (the store's ``AuthorInfo`` is one)."""

    @property
    def comment_count(self) -> int: ...
    @property
    def recent_rejections(self) -> int: ...
    @property
    def banned(self) -> bool: ...
    @property
    def trusted(self) -> bool: ...


class AuthorHistory(Protocol):
    """Where an author's standing and a known comment's rank come from."""

    def authors(self, names: Sequence[str], days: int) -> Mapping[str, AuthorFacts]:
        """The standing of each named author who has one (rejections counted over ``days``)."""
        ...

    def ranks(self, comment_ids: Sequence[str]) -> Mapping[str, int | None]:
        """For comments already seen, their 1-based rank among their author's comments."""
        ...


class NoHistory:
    """No history at all: every author is new, and only the thread itself counts."""

    def authors(self, names: Sequence[str], days: int) -> Mapping[str, AuthorFacts]:
        return {}

    def ranks(self, comment_ids: Sequence[str]) -> Mapping[str, int | None]:
        return {}


def author_context(info: AuthorFacts | None, name: str, prior: int) -> AuthorContext:
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


def rank_authors(
    comments: Sequence[tuple[str, str | None]], history: AuthorHistory, days: int
) -> list[AuthorContext | None]:
    """Each comment's author context, for ``(comment id, author)`` pairs in reading order.

    A comment seen before keeps the rank it had then (an edit of a first comment is not
    pre-moderated again); a new one comes after the author's stored comments and after
    their earlier new comments in this batch.
    """
    names = sorted({a for _, a in comments if a})
    facts = history.authors(names, days) if names else {}
    known = history.ranks([cid for cid, a in comments if a and cid]) if names else {}
    new_so_far: Counter[str] = Counter()
    out: list[AuthorContext | None] = []
    for cid, author in comments:
        if not author:
            out.append(None)
            continue
        info = facts.get(author)
        if cid in known:
            seq = known[cid]
            prior = seq - 1 if seq is not None else 0
        else:
            prior = (info.comment_count if info else 0) + new_so_far[author]
            new_so_far[author] += 1
        out.append(author_context(info, author, prior))
    return out
