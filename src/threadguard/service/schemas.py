"""Request and response bodies of the native API, as Pydantic models.

They exist for two reasons: FastAPI publishes them in the OpenAPI document (so clients
can be generated), and responses are checked against them, so a field cannot silently
disappear from the contract.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic.dataclasses import dataclass

from threadguard.storage.records import MAX_NOTE_CHARS, AuditRecord
from threadguard.validation import storable

Action = Literal["approve", "hold", "reject"]
Status = Literal["approved", "pending", "rejected"]


def _storable_first(value: object) -> object:
    """A string checked before pydantic reads it as one: a lone surrogate was refused in
    pydantic's words ("Input should be a valid string, unable to parse raw data as a
    unicode string"), not as one (:func:`threadguard.validation.storable`)."""
    return storable(value) if isinstance(value, str) else value


#: Request text that is stored: no NUL (PostgreSQL has none), no lone surrogate.
StoredText = Annotated[str, BeforeValidator(_storable_first)]
#: A moderator's note, within the store's limit: set on the string itself, before the
#: storable check, so a refusal counts characters ("String should have at most 10000
#: characters"), not the "items" a limit on ``StoredText | None`` counted.
NoteText = Annotated[
    str, StringConstraints(max_length=MAX_NOTE_CHARS), BeforeValidator(_storable_first)
]


class Model(BaseModel):
    """Base: unknown fields are refused in requests, so typos are reported, not ignored."""

    model_config = ConfigDict(extra="forbid")


class ErrorDetail(BaseModel):
    code: int = Field(description="HTTP status code.")
    status: str = Field(description="Status name, as in Google's JSON errors.")
    message: str = Field(description="What was wrong with the request.")


class ErrorBody(BaseModel):
    """Every error the service returns."""

    error: ErrorDetail


class TargetOut(BaseModel):
    group: str
    score: float


class SpanOut(BaseModel):
    begin: int = Field(description="Code-point offset into the original text.")
    end: int
    attribute: str
    score: float


class AnalysisOut(BaseModel):
    """One ``threadguard score`` line (DESIGN.md)."""

    id: str | None = None
    scores: dict[str, float]
    targets: list[TargetOut]
    spans: list[SpanOut]
    decision: str
    language: str
    model: str


class DecisionOut(BaseModel):
    action: Action
    reasons: list[str]


class WatchMatchOut(BaseModel):
    pattern: str
    action: Literal["block", "hold", "flag", "censor"]
    begin: int
    end: int
    in_: str | None = Field(default=None, alias="in", description="'author' for a name match.")


class CodedMatchOut(BaseModel):
    pattern: str = Field(description="The code as the coded-hate lexicon lists it.")
    group: str = Field(description="The group it attacks.")
    meaning: str
    begin: int
    end: int
    rebutted: bool = Field(
        default=False, description="A theory's name its sentence rebuts: named, not held for."
    )
    in_: str | None = Field(default=None, alias="in", description="'author' for a name match.")


class AbusiveWordOut(BaseModel):
    kind: str = Field(
        description="slur, insult, or directed obscenity (a plain string, so a kind the list "
        "renames never breaks a stored record)."
    )
    word: str = Field(description="The word or phrase as the comment wrote it.")
    begin: int
    end: int
    targets: list[str] = Field(
        default_factory=list, description="The groups a slur attacks (schema group names)."
    )
    reported: bool = Field(
        default=False,
        description="Quoted, after a verb of naming, or the writer's word for themselves or "
        "their own: named, not held.",
    )


class ThreatMatchOut(BaseModel):
    kind: str = Field(
        description="intent to harm, veiled threat, wish of harm, call for violence, call "
        "for expulsion, or dehumanising language (a plain string, so a kind the list renames "
        "never breaks a stored record)."
    )
    phrase: str = Field(description="The threatening phrase as the comment wrote it.")
    begin: int
    end: int
    quoted: bool = Field(
        default=False, description="Inside quotation marks (reported speech): named, not held."
    )
    rebutted: bool = Field(
        default=False,
        description=(
            "A call for expulsion or dehumanising language its sentence reports or rebuts: "
            "named, not held."
        ),
    )
    groups: list[str] = Field(
        default_factory=list,
        description="The target groups of the people a call or dehumanising phrase names "
        "(in the phrase, else near it or in what the comment answers).",
    )


class ThreadMeta(BaseModel):
    title: str
    body: str
    url: str
    id: str


class ContactMatchOut(BaseModel):
    kind: str = Field(
        description="phone number, e-mail address, home address, whereabouts, number plate, "
        "shortened link or commercial offer with a link"
    )
    begin: int = Field(description="Offsets in the comment (code points); the text is not copied.")
    end: int


class ThreadComment(BaseModel):
    """A comment of an ingested thread with its analysis, decision and store id."""

    id: str = Field(description="The comment's id in the uploaded thread.")
    comment_id: str = Field(description="Its id in ThreadGuard (for /api/v1/comments/{id}).")
    parent: str | None
    author: str
    depth: int
    created_at: str | None
    text: str
    analysis: AnalysisOut
    decision: DecisionOut
    status: Status = Field(description="Current status (a moderator's verdict stands).")
    policy_decision: DecisionOut | None = Field(
        None,
        description="Present where a moderator's verdict stands over the policy's decision: "
        "the policy's decision, while `decision` is the moderator's verdict (what to act on).",
    )
    left_as_stored: bool | None = Field(
        None,
        description="Present (true) when the comment had no text of its own (a deleted "
        "comment, a record without text) and a comment with its id was already stored: "
        "that one was left as it was (its text, decision and queue entry; status is the "
        "stored one), and the upload's empty node only keeps its replies' parent. Also "
        "when an admin erased the stored comment: its text is not stored again (the "
        "upload's problems say which).",
    )
    unchanged: bool | None = Field(
        None,
        description="Present (true) when the comment was uploaded again as it is stored "
        "(same text, parent and context: its parent's text, else the article's title): "
        "it was not scored or decided again, and analysis, decision and status are the "
        "stored ones, whatever the site's policy became meanwhile. Absent for a new "
        "comment, an edited one and a reply whose context changed, which were moderated "
        "under the policy now.",
    )
    author_analysis: AnalysisOut | None = None
    watchlist: list[WatchMatchOut] | None = None
    coded_hate: list[CodedMatchOut] | None = None
    threats: list[ThreatMatchOut] | None = None
    abusive_words: list[AbusiveWordOut] | None = None
    contact_details: list[ContactMatchOut] | None = None
    censored_text: str | None = None


class ThreadOut(BaseModel):
    """The ``scan --format json`` document, plus where it was stored and what was odd."""

    thread: ThreadMeta
    comments: list[ThreadComment]
    signals: dict[str, Any] = Field(
        description="The thread signals, counting the decision each comment gives (a "
        "moderator's verdict where one stands): `decisions` counts the comments' "
        "`decision.action`; `policy_decisions`, there only while a verdict stands over the "
        "policy's decision of one of them, counts the policy's."
    )
    site: str
    article: str
    format: str
    problems: list[str] = Field(description="Damaged parts of the upload that were skipped.")


class SiteDeletedOut(BaseModel):
    """A deleted site (one that held no comments, verdicts or adaptations)."""

    site: str
    deleted: bool = Field(description="Always true: the site and its own policy are gone.")
    policy_version: int = Field(description="The site's policy version when deleted (0: none).")
    keys: list[str] = Field(
        description="Prefixes of active keys still bound to the site's name (left as they are)."
    )
    users: list[str] = Field(description="Enabled accounts still bound to the site's name.")


class JobCounts(BaseModel):
    comments: int = Field(description="Comments in the upload.")
    stored: int = Field(description="Comments stored so far.")


class JobOut(BaseModel):
    """A background job (a large upload): poll it until ``status`` is done or failed."""

    id: str
    kind: str = Field(description="thread_upload")
    site: str
    status: Literal["queued", "running", "done", "failed"]
    counts: JobCounts
    result: dict[str, Any] | None = Field(
        description=(
            "When done: site, article, format, problems, statuses (count of each) and "
            "comments (each one's id, comment_id, status and decision, left_as_stored "
            "where a stored comment was left as it was, and unchanged where a comment was "
            "uploaded again as it is stored, as in a thread upload's answer)."
        )
    )
    error: str | None = Field(description="When failed: what went wrong.")
    url: str = Field(description="Where to poll the job.")
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None


class ModeratorDecisionOut(BaseModel):
    action: str
    reasons: list[str]
    actor: str | None
    at: datetime


class ActionOut(BaseModel):
    id: int
    action: str
    note: str | None
    actor: str
    actor_role: str
    at: datetime = Field(validation_alias="created_at")  # read from the store's ActionRecord


class CommentOut(BaseModel):
    """A stored comment: its analysis, the policy's decision and any moderator's."""

    id: str
    site: str
    article: str | None
    external_id: str
    parent: str | None
    author: str | None
    text: str
    source: str
    received_at: datetime
    status: Status
    status_source: Literal["policy", "moderator"]
    analysis: AnalysisOut | None
    decision: DecisionOut | None = Field(
        description="The decision to act on: a moderator's verdict where one stands over "
        "the policy's (as `status` says), else the policy's (latest) decision. The "
        "analysis's `decision` is its action as a plain string."
    )
    policy_decision: DecisionOut | None = Field(
        description="The policy's (latest) decision, whether or not a moderator's verdict "
        "stands over it."
    )
    watchlist: list[WatchMatchOut] | None = None
    coded_hate: list[CodedMatchOut] | None = None
    threats: list[ThreatMatchOut] | None = None
    abusive_words: list[AbusiveWordOut] | None = None
    contact_details: list[ContactMatchOut] | None = None
    censored_text: str | None = None
    moderator_decision: ModeratorDecisionOut | None
    actions: list[ActionOut]


class QueueParentOut(BaseModel):
    """The comment a queued one answers, as stored (a reply held for agreeing with its
    parent is judged with it)."""

    model_config = ConfigDict(from_attributes=True)

    comment_id: str = Field(validation_alias="id", description="The store's id (cm_...).")
    external_id: str = Field(description="Its id on the site that sent it.")
    author: str | None
    text: str = Field(description="Empty where an admin erased it.")
    status: Status


class QueueItemOut(BaseModel):
    comment_id: str
    external_id: str = Field(description="The comment's id on the site that sent it.")
    site: str
    article: str | None
    author: str | None
    text: str
    status: Status
    reasons: list[str]
    #: As stored, not rounded: a client may pass one back as ``min_score`` (kept above).
    scores: dict[str, float]
    entered_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None
    parent: QueueParentOut | None = Field(
        None,
        description="The comment it answers, where the store has it (null: a top-level "
        "comment, or a parent never sent).",
    )


class QueuePage(BaseModel):
    items: list[QueueItemOut]
    total: int
    limit: int
    offset: int
    next_offset: int | None


def _json_true(value: object) -> object:
    """JSON's ``true`` itself: a number is refused before ``Literal[True]`` reads 1 (or 1.0)
    as True, which erased a comment for ``{"confirm": 1}``."""
    if not isinstance(value, bool):
        raise ValueError(f"must be true (JSON's true), not {type(value).__name__} {value!r:.40}")
    return value


#: ``true`` and nothing that equals it (an erasure's confirmation).
JsonTrue = Annotated[Literal[True], BeforeValidator(_json_true)]


class EraseIn(Model):
    """An erasure: the comment's text and author name go; ``confirm`` must be true."""

    confirm: JsonTrue = Field(
        description="Must be true: an erasure cannot be undone (a client's slip erases nothing)."
    )
    reason: NoteText | None = Field(None, description="Why, in the admin's words (audited).")


class ErasedOut(Model):
    """What was erased, as its audit entry records it."""

    comment_id: str
    site: str
    erased_at: datetime
    erased_by: str
    text_sha256: str = Field(description="The SHA-256 (hex) of the text erased.")


class ActionIn(Model):
    """A moderator action on a comment (ban, unban, trust and untrust act on its author)."""

    action: Literal["approve", "reject", "ban", "unban", "trust", "untrust", "note"]
    note: NoteText | None = None
    #: The comment's status as the moderator saw it: with it, approve or reject also
    #: overturns an earlier moderator's verdict (409 if the status is no longer this).
    expected_status: Status | None = None
    text_sha256: str | None = Field(
        None,
        pattern="^[0-9a-fA-F]{64}$",
        description=(
            "The SHA-256 (hex) of the comment's text (UTF-8) as the moderator read it: "
            "the action is refused (409) if the comment was edited since."
        ),
    )


class AuthorOut(BaseModel):
    name: str
    banned: bool
    trusted: bool
    comment_count: int
    held_count: int
    rejected_count: int


class ActionResultOut(BaseModel):
    action: ActionOut
    comment_id: str
    comment_status: Status | None
    author: AuthorOut | None


# The store's audit record, checked and published as it is (so the two cannot drift apart).
# No docstring: it would become the entry's description in the OpenAPI document.
@dataclass(frozen=True)
class AuditOut(AuditRecord):
    pass


class AuditPage(BaseModel):
    items: list[AuditOut]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class PolicyOut(BaseModel):
    """A site's policy: the document as stored, and the effective policy it gives."""

    site: str
    source: Literal["site", "default"]
    format: str | None
    text: str | None
    version: int
    updated_at: datetime | None
    effective: dict[str, Any] = Field(description="The base policy with the site's on top.")
    warnings: list[str] = Field(
        default_factory=list,
        description="What the site's document leaves out of the server's policy that it "
        "may not mean to: a `[watchlist]` list replaces the server's for its action.",
    )
    unchanged: bool = Field(
        default=False,
        description="A PUT's answer: true when the document sent was the site's current "
        "one (the same text and format): nothing was stored or audited, and `version` is "
        "the current one. Always false from GET.",
    )


class DryRunChange(BaseModel):
    comment_id: str
    text: str
    author: str | None
    from_: Action = Field(alias="from")
    to: Action
    reasons: list[str]


class DryRunOut(BaseModel):
    """What a candidate policy would have decided on the site's last comments."""

    site: str
    compared: int = Field(description="The site's last comments read (at most `limit`).")
    moderator_kept: int = Field(
        description="Of those, comments whose status a moderator set: their verdict stands "
        "whatever the policy (as `threadguard db rescore` keeps it), so they are in none of "
        "`current`, `candidate`, `changed` and `changes`."
    )
    current: dict[str, int] = Field(
        description="The site's policy now, deciding the comments no moderator decided."
    )
    candidate: dict[str, int] = Field(
        description="The candidate deciding the same comments on the same stored analyses."
    )
    changed: int = Field(description="How many of them the candidate decides otherwise.")
    changes: list[DryRunChange]
    warnings: list[str] = Field(
        default_factory=list,
        description="What the candidate leaves out of the server's policy that it may not "
        "mean to, as a PUT of it would answer: a `[watchlist]` list replaces the server's "
        "for its action.",
    )


class HealthOut(BaseModel):
    status: Literal["ok", "degraded"]
    model: str
    database: Literal["ok", "busy", "unwritable", "unreachable"]


class AdaptationOut(BaseModel):
    """One version of a site's adaptation, fitted from its moderators' verdicts."""

    site: str
    version: int
    kind: Literal["head", "calibration"]
    active: bool
    approvals: int = Field(description="Approved comments it was fitted on.")
    rejections: int = Field(description="Rejected comments it was fitted on.")
    figures: dict[str, int] | None = Field(
        None,
        description="On the verdicts it was fitted on (in-sample): rejected comments the "
        "policy catches and approved ones it holds, before and after.",
    )
    parameters: dict[str, Any] = Field(description="The fitted numbers, as stored.")
    created_by: str
    created_at: datetime


class AdaptationsOut(BaseModel):
    """A site's adaptation versions, newest first, and the one served."""

    site: str
    active: int | None = Field(description="The version served (null: the engine's scores).")
    minimum_per_class: int = Field(
        description="Approvals and rejections each needed before a fit is allowed."
    )
    items: list[AdaptationOut]


class AdaptationRequest(Model):
    """What to fit (optional body)."""

    kind: Literal["head", "calibration"] = "head"
    #: Serve a fit that holds more approved comments than the engine's scores (refused
    #: with 422 otherwise).
    force: bool = False
