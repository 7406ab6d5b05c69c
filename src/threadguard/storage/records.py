"""Plain values the store hands in and out, so no ORM object ever leaves a session.

Routers and the CLI see these frozen dataclasses only: nothing lazy-loads behind their
back after the transaction that read them has ended.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from threadguard.analysis import Analysis
from threadguard.moderation import Decision
from threadguard.schema import Verdict
from threadguard.shares import share_of

T = TypeVar("T")

STATUSES = ("approved", "pending", "rejected")
#: The longest moderator's note, in characters: the store refuses a longer one (whatever
#: the surface), the API documents it and the dashboard's note boxes hold it.
MAX_NOTE_CHARS = 10_000
#: The status a comment gets from each policy action.
STATUS_OF_ACTION: dict[str, str] = {
    Verdict.APPROVE: "approved",
    Verdict.HOLD: "pending",
    Verdict.REJECT: "rejected",
}
#: The key of a policy decision's ``details`` under which the store keeps the server
#: policy the decision was made under, as it was told it
#: (:meth:`~threadguard.storage.store.Store.decide_under`: the service's
#: :class:`~threadguard.moderation.fingerprint.PolicyStamp`, ``{"source", "sha256"}``).
#: Decisions stored before it was kept have none.
SERVER_POLICY = "server_policy"


def has_words(text: str) -> bool:
    """Whether a comment's text is text of its own: readers read a comment that has none
    (deleted, an image, no text field) as empty text, so that its replies keep their
    parent; blank text says no more than empty text does."""
    return bool(text.strip())


class StoreError(Exception):
    """Base of the store's refusals; the message is safe to show to the caller. A name it
    quotes is shown as pages show names (:func:`~threadguard.storage.names.quoted`, never
    Python's escapes), and listed in ``names``, for a page to mark a look-alike one."""

    def __init__(self, message: str = "", *, names: Sequence[str | None] = ()) -> None:
        super().__init__(message)
        self.names: tuple[str, ...] = tuple(n for n in names if n)


class NotFoundError(StoreError):
    """The comment, site or key asked for does not exist."""


#: How the store's own comment ids begin (:func:`~threadguard.storage.repositories.bulk.new_comment_id`).
COMMENT_ID_PREFIX = "cm_"


def no_comment(comment_id: str) -> NotFoundError:
    """The error for a comment id the store does not have; an id that is not the store's
    kind says where the store's ids are (desk 76, session 51: a verdict sent to the
    thread's own id "c20" got a bare 404)."""
    message = f"no comment with id {comment_id!r}"
    if not comment_id.startswith(COMMENT_ID_PREFIX):
        message += (
            f" (the store's ids start with {COMMENT_ID_PREFIX!r}: an upload's answer gives "
            "each comment's comment_id beside the thread's own id; the queue lists both)"
        )
    return NotFoundError(message)


class ConflictError(StoreError):
    """The action cannot apply to the object's current state (already resolved, banned...)."""


class InvalidError(StoreError):
    """The request is well-formed but makes no sense (a ban on a comment without author)."""


class StoreBusyError(StoreError):
    """The database stayed locked by other writers for too long; the caller may retry."""


class StoreFullError(StoreBusyError):
    """The database cannot take writes: its disk is full, or it is read-only.

    A :class:`StoreBusyError` because the caller's answer is the same (503, try again
    later: nothing was stored, and the request was fine); only the wait is longer, since
    an operator has to free space. :mod:`threadguard.storage.failures` raises it in place
    of the driver's error.
    """

    #: Seconds a caller should wait before trying again (the ``Retry-After`` header).
    retry_after_s = 30


@dataclass(frozen=True)
class Actor:
    """Who acts, as recorded in moderator actions and the audit log."""

    id: str
    role: str


@dataclass(frozen=True)
class ArticleRef:
    """The article a batch of comments belongs to."""

    external_id: str
    title: str = ""
    url: str = ""


@dataclass(frozen=True)
class Origin:
    """Where comments being stored come from: the site, what received them (``source``:
    ``perspective``, ``coral``, ``native``...), the article they hang under, if any, and
    who sent them (the audit log's actor for an edit; None: the ``source``)."""

    site: str
    source: str
    article: ArticleRef | None = None
    actor: Actor | None = None


@dataclass(frozen=True)
class NewComment:
    """A scored, decided comment to store (the final decision may differ from the analysis')."""

    text: str
    analysis: Analysis
    decision: Decision
    external_id: str | None = None
    author: str | None = None
    parent_id: str | None = None
    depth: int = 0
    position: int = 0
    posted_at: str | None = None
    author_analysis: Analysis | None = None
    details: dict[str, Any] | None = None
    #: The client's idempotency token (Perspective's ``clientToken``): a comment with the
    #: token and the text of one already stored for its site is not stored again. Plain
    #: comments only (no id, author or article).
    client_token: str | None = None

    @property
    def has_text(self) -> bool:
        """Whether the comment has text of its own. Readers keep a comment that has none (a
        deleted comment in a dump, an image, a record without a text field) as an empty
        node so that its replies keep their parent: such a comment never replaces a stored
        comment's text nor its decision (bad input never costs stored data)."""
        return has_words(self.text)

    @property
    def token_hash(self) -> str | None:
        """The SHA-256 (hex) of :attr:`client_token` and the text, as stored; None without
        a token. The text is in it because Google documents ``clientToken`` only as echoed
        back, and clients send one value for every request (an app's name): keyed on the
        token alone, every comment after the first would be answered and never stored,
        so never queued. A retry sends the same text, and is still stored once."""
        if self.client_token is None:
            return None
        digest = hashlib.sha256(self.client_token.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(self.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()


@dataclass(frozen=True)
class ContextComment:
    """A comment kept unscored, as context for a later reply (Coral sends a reply's parent
    by id only): its site, the article it is under (if any), its id there and its text, and
    who wrote it in reply to what."""

    site: str
    story_id: str | None
    comment_id: str
    text: str
    author: str | None = None
    parent_id: str | None = None


@dataclass(frozen=True)
class QueueFilter:
    """Filters of the queue listing; ``None`` means "any"."""

    site: str | None = None
    sites: tuple[str, ...] | None = None
    article: str | None = None
    status: str | None = "pending"
    author: str | None = None
    attribute: str | None = None
    at_least: float | None = None
    #: Per language of the comment's analysis, another ``at_least`` (the policy's own
    #: thresholds for that language).
    at_least_in: Mapping[str, float] | None = None
    above: float | None = None


@dataclass(frozen=True)
class SiteDoc:
    """A site's stored policy document (text as uploaded) and its version."""

    name: str
    policy_text: str | None
    policy_format: str | None
    policy_version: int
    policy_updated_at: datetime | None
    #: Set by :meth:`~threadguard.storage.repositories.sites.SiteRepository.set_site_policy`
    #: when the document sent was the site's current one, byte for byte and in the same
    #: format: nothing was stored, and this is the current version.
    unchanged: bool = False


@dataclass(frozen=True)
class AuthorInfo:
    """What the site policy needs to know about an author before deciding."""

    name: str
    banned: bool = False
    trusted: bool = False
    comment_count: int = 0
    held_count: int = 0
    rejected_count: int = 0
    recent_rejections: int = 0


@dataclass(frozen=True)
class ActionRecord:
    """A moderator action as stored."""

    id: int
    site: str
    comment_id: str | None
    author: str | None
    action: str
    note: str | None
    actor: str
    actor_role: str
    created_at: datetime


@dataclass(frozen=True)
class DecisionRecord:
    """A verdict as stored: by the policy or a moderator."""

    action: str
    reasons: list[str]
    source: str
    actor: str | None
    created_at: datetime
    details: dict[str, Any] | None = None


@dataclass(frozen=True)
class QueueRecord:
    """One queue entry with enough of its comment to moderate from the list."""

    id: int
    comment_id: str
    site: str
    article: str | None
    author: str | None
    text: str
    status: str
    reasons: list[str]
    scores: dict[str, float]
    entered_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None
    #: The comment's id on the site that sent it (``comment_id`` is the store's own).
    external_id: str = ""
    #: The comment it answers, where the store has it.
    parent: ParentComment | None = None


@dataclass(frozen=True)
class CommentRecord:
    """A stored comment with its latest analysis, decisions and moderation history."""

    id: str
    site: str
    article: str | None
    external_id: str
    parent_id: str | None
    author: str | None
    text: str
    source: str
    depth: int
    posted_at: str | None
    received_at: datetime
    status: str
    status_source: str
    version: int
    analysis: dict[str, Any] | None
    author_analysis: dict[str, Any] | None
    policy_decision: DecisionRecord | None
    moderator_decision: DecisionRecord | None
    actions: list[ActionRecord] = field(default_factory=list)


@dataclass(frozen=True)
class ActionResult:
    """What a moderator action changed."""

    action: ActionRecord
    comment_status: str | None
    author: AuthorInfo | None


@dataclass(frozen=True)
class AuditRecord:
    """One audit log entry."""

    id: int
    at: datetime
    actor: str
    actor_role: str
    action: str
    object_type: str
    object_id: str
    site: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class KeyRecord:
    """An API key as stored: everything but the key."""

    prefix: str
    secret_hash: str
    role: str
    site: str | None
    name: str
    rate_per_minute: int | None
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True)
class UserRecord:
    """A dashboard account as listed: never its password hash."""

    name: str
    role: str
    disabled: bool
    created_at: datetime
    #: Dashboard sessions open now (signed in, not yet signed out or swept as expired).
    sessions: int
    #: The one site the account may see and act on (None: every site).
    site: str | None = None


@dataclass(frozen=True)
class HistoryRow:
    """A stored comment as a policy dry run needs it."""

    comment_id: str
    text: str
    author: str | None
    author_seq: int | None
    scores: dict[str, float]
    targets: list[dict[str, Any]]
    author_scores: dict[str, float] | None
    decided: str
    status: str
    #: The language the stored analysis was scored in (its thresholds and the policy's
    #: supported languages decide it); "en" for analyses stored without one.
    language: str = "en"
    #: What the comment answered: its parent's text, else its article's title ("": none).
    context: str = ""
    #: Its article's title where ``context`` is a parent's text ("" otherwise): the topic a
    #: coded-hate entry looks for beside the parent, as the upload that decided it read it.
    title: str = ""
    #: The engine's own scores where a site adaptation changed ``scores`` (None: it did not).
    engine_scores: dict[str, float] | None = None
    #: Whether a moderator set its status (``status_source``): their verdict stands over
    #: any policy, so no policy change moves it (``db rescore`` keeps it too).
    by_moderator: bool = False


@dataclass(frozen=True)
class JobRecord:
    """A background job as stored: what it is, how far it got, and how it ended."""

    id: str
    kind: str
    site: str
    actor: str
    status: str
    total: int
    done: int
    result: dict[str, Any] | None
    error: str | None
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class Page(Generic[T]):
    """A page of results and the total they were taken from."""

    items: list[T]
    total: int
    limit: int
    offset: int


# ------------------------------------------------------------------ dashboard reads


@dataclass(frozen=True)
class PolicyVersion:
    """One stored version of a site's policy document, from the audit log: who stored it,
    when, and whether it was a restore of an earlier one (``restored_from``)."""

    version: int
    text: str
    format: str
    at: datetime
    actor: str
    action: str
    restored_from: int | None = None


@dataclass(frozen=True)
class ThreadSummary:
    """An article with counts of its scored comments: a row of the dashboard's threads list."""

    id: int
    site: str
    external_id: str
    title: str
    url: str
    comments: int
    pending: int
    rejected: int
    last_at: datetime | None


@dataclass(frozen=True)
class ThreadComment:
    """One comment of a stored thread with its latest analysis and its verdicts.

    ``scores`` is None for a comment kept as context only (never scored);
    ``moderator_action`` is the standing verdict of a moderator, if any.
    """

    id: str
    external_id: str
    parent_id: str | None
    author: str | None
    text: str
    depth: int
    position: int
    posted_at: str | None
    received_at: datetime
    status: str
    status_source: str
    scores: dict[str, float] | None
    targets: list[dict[str, Any]]
    spans: list[dict[str, Any]]
    language: str
    policy_action: str | None
    policy_reasons: list[str]
    policy_details: dict[str, Any] | None
    moderator_action: str | None
    moderator: str | None
    moderator_reasons: list[str]
    #: When an admin erased its text and author name, and who (None: never erased).
    erased_at: datetime | None = None
    erased_by: str | None = None


@dataclass(frozen=True)
class StoredThread:
    """A stored article and its comments in the order they were stored (``truncated``:
    more comments than were read)."""

    summary: ThreadSummary
    comments: list[ThreadComment]
    truncated: bool = False


@dataclass(frozen=True)
class DayDecisions:
    """Comments received on one day (UTC, ``YYYY-MM-DD``): how the policy decided them
    (``held``, ``rejected``), the verdicts of moderators that stand on them, and how many
    wait for a moderator or are rejected now, whoever decided (their status now)."""

    day: str
    comments: int
    held: int
    rejected: int
    #: Comments whose status a moderator set (a verdict that stands): approved, rejected.
    moderator_approved: int = 0
    moderator_rejected: int = 0
    #: Comments whose status is pending now (held, no verdict yet), and rejected now (by
    #: the policy or a moderator); the rest are published.
    waiting: int = 0
    rejected_now: int = 0

    @property
    def published(self) -> int:
        """Comments approved now, by the policy or a moderator."""
        return self.comments - self.waiting - self.rejected_now

    @property
    def held_rate(self) -> float:
        return share_of(self.held, self.comments)

    @property
    def rejected_rate(self) -> float:
        return share_of(self.rejected, self.comments)


@dataclass(frozen=True)
class DayAttributes:
    """Scored comments received on one day, and how many of them reached each attribute's
    level (an attribute missing from ``reached`` had none)."""

    day: str
    comments: int
    reached: dict[str, int]


@dataclass(frozen=True)
class GroupCount:
    """A targeted group: the comments naming it, and how many of those the policy flagged."""

    group: str
    comments: int
    flagged: int


@dataclass(frozen=True)
class OffenderCount:
    """An author whose comments the policy held or rejected, with their site's ban flag."""

    site: str
    author: str
    held: int
    rejected: int
    banned: bool

    @property
    def flagged(self) -> int:
        return self.held + self.rejected


@dataclass(frozen=True)
class DayActions:
    """How many actions one moderator took on one day."""

    moderator: str
    day: str
    actions: int


@dataclass(frozen=True)
class ModelAgreement:
    """A moderator's verdicts against the policy's decision on the same analysis: agreed
    means approve for approve, reject for hold or reject."""

    moderator: str
    verdicts: int
    agreed: int
    approved_flagged: int
    rejected_approved: int

    @property
    def share(self) -> float:
        return share_of(self.agreed, self.verdicts)


@dataclass(frozen=True)
class PeriodStats:
    """Every figure of the dashboard's stats page over one period, as the store counted
    them (:meth:`~threadguard.storage.repositories.stats.StatsRepository.period`)."""

    decisions: list[DayDecisions]
    attributes: list[DayAttributes]
    groups: list[GroupCount]
    offenders: list[OffenderCount]
    actions: list[DayActions]
    agreement: list[ModelAgreement]


@dataclass(frozen=True)
class WebSessionRecord:
    """A signed-in dashboard session: who, as what, and until when."""

    id: int
    user_name: str
    role: str
    ip: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    #: The account's site (None: every site), read from the account at each request.
    site: str | None = None


@dataclass(frozen=True)
class ParentComment:
    """A comment above a queued one in its thread (nearest first in a chain)."""

    id: str
    external_id: str
    author: str | None
    text: str
    status: str
    #: An admin erased its text and author name.
    erased: bool = False


@dataclass(frozen=True)
class ReviewItem:
    """A queue entry as a moderator reviews it: the comment, its latest analysis, its
    article's title and its place in the thread."""

    queue_id: int
    comment_id: str
    site: str
    article: str | None
    article_title: str
    author: str | None
    text: str
    status: str
    status_source: str
    reasons: list[str]
    scores: dict[str, float]
    targets: list[dict[str, Any]]
    spans: list[dict[str, Any]]
    depth: int
    entered_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None
    parents: list[ParentComment] = field(default_factory=list)


@dataclass(frozen=True)
class AuthorHistory:
    """What a moderator should know about an author on a site before acting."""

    site: str
    name: str
    comments: int = 0
    held: int = 0
    rejected: int = 0
    banned: bool = False
    banned_until: datetime | None = None
    bans: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class UndoResult:
    """What an undo reverted: the action undone, on which comment (and author), and the
    comment's status now."""

    undone: str
    comment_id: str
    author: str | None
    comment_status: str


@dataclass(frozen=True)
class AdaptationRecord:
    """One stored version of a site's adaptation: its parameters (JSON numbers), the
    verdicts it was fitted on, what it did on them, and whether it is the one served."""

    site: str
    version: int
    kind: str
    active: bool
    approvals: int
    rejections: int
    parameters: dict[str, Any]
    figures: dict[str, Any] | None
    created_by: str
    created_at: datetime
