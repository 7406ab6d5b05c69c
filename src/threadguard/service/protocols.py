"""The contract between the service's routers and what sits behind them.

Compatibility routers (Perspective, OpenAI, Coral) and the native API are written
against these types only (and :class:`StoreBusyError`, a database too busy to answer now), so each can be tested with a fake and the storage layer can
change without touching them. ``threadguard.service.app`` wires the real ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from threadguard.analysis import Analysis
from threadguard.engine import Engine
from threadguard.moderation import Moderator, Outcome
from threadguard.service.settings import ServiceSettings
from threadguard.storage.records import (
    ArticleRef,
    ContextComment,
    NewComment,
    Origin,
    StoreBusyError,
)

__all__ = [
    "Arrival",
    "ArticleRef",
    "AuthorRef",
    "CommentLog",
    "ContextComment",
    "NewComment",
    "Origin",
    "Principal",
    "ServiceContext",
    "ServiceSettings",
    "StoreBusyError",
]


@dataclass(frozen=True)
class Principal:
    """Who is calling: an API key's id, role (admin, moderator, client) and site."""

    key_id: str
    role: str
    site: str | None = None
    name: str = ""


@dataclass(frozen=True)
class AuthorRef:
    """Who wrote a comment arriving on its own and, for an edit of one already stored, its
    id under its article (``story_id``), so it keeps the rank among its author's comments
    it first had."""

    name: str | None
    comment_id: str | None = None
    story_id: str | None = None


@dataclass(frozen=True)
class Arrival:
    """One comment arriving on its own (Coral, Perspective, OpenAI), scored and to be
    decided under its site's rules (``site`` None: the server's policy, no history).

    ``author``, with a site, brings in the author rules; ``context`` is what the comment
    answers (the parent's text, else the article's title) for the rules that read it;
    ``title`` the article's title where known (read beside a parent: a code review found a
    Perspective call with both dropping it).
    """

    site: str | None
    analysis: Analysis
    text: str
    author: AuthorRef | None = None
    context: str = ""
    title: str = ""


class CommentLog(Protocol):
    """Stored comments: context for later comments, and the moderation queue's input."""

    def remember(self, comment: ContextComment) -> None:
        """Keep a comment's text so a later reply can use it as context (Coral sends IDs only)."""

    def recall(self, *, site: str, comment_id: str) -> str | None:
        """The text of a comment seen before, or None."""

    def record(self, origin: Origin, item: NewComment) -> str:
        """Store a scored comment with its decision (held ones enter the queue); returns its id
        once it is stored. ``item.details``: what the site rules found
        (:meth:`Outcome.details`)."""

    async def record_async(self, origin: Origin, item: NewComment) -> str:
        """:meth:`record` from a coroutine, without blocking the event loop (and without
        tying up a worker thread while the write waits for its commit)."""

    def record_status(self, origin: Origin, item: NewComment) -> tuple[str, str]:
        """:meth:`record`, returning the stored comment's id and its status after the write
        (approved, pending, rejected): the policy's decision, unless a moderator's verdict
        on this same text stands. An edit (new text) is always the policy's again."""


class ServiceContext(Protocol):
    """Everything a router needs: the engine, a moderator per site, the comment log,
    settings."""

    engine: Engine
    settings: ServiceSettings
    comments: CommentLog

    def moderator_for(self, site: str | None) -> Moderator:
        """The moderator under the site's policy (the server's when site is None)."""

    def adapt(self, site: str | None, analyses: list[Analysis]) -> list[Analysis]:
        """The engine's analyses through the site's active adaptation, learnt from its
        moderators' verdicts (:mod:`threadguard.adaptation`); unchanged for None or a site
        without one. Reads the database at most once a cache period."""

    def site_decision(self, arrival: Arrival) -> Outcome:
        """The site's decision on one comment the engine scored, by the site's moderator
        (:mod:`threadguard.moderation`).

        The watchlist always applies. With an ``author`` (and a ``site``), so do the author
        rules -- bans, trusted authors, pre-moderation of new authors, escalation -- from
        what the store knows about the author, which reads the database: call it off the
        event loop then.
        """
