"""Coral Talk's external moderation phase: ``POST /coral/moderation``.

Coral calls this for every NEW or EDIT comment that its own phases left undecided, signs
the raw JSON body with the phase's signing secret (``X-Coral-Signature: sha256=<hex>``,
several comma-separated while a secret is being rotated), and waits at most the phase's
timeout. Coral only accepts a 200 whose body passes its schema, or a 204; anything else,
or no answer in time, and it skips the phase and goes on -- it publishes the comment.
Hence:

- the signature is checked in constant time against the configured secret before the body
  is even parsed; no secret configured means 503, never "accept unsigned"; a request
  without one is refused before its body is read, and a body over ``max_body_bytes`` is
  read (up to :data:`~threadguard.service.limits.SIGNATURE_READ_FACTOR` times the limit)
  to check it: unsigned or wrongly signed it is a 401 like any other, signed it gets PREMOD;
- the answer is the comment's status in the store once it is stored, so Coral and
  ThreadGuard's queue always agree: an EDIT is moderated again (a moderator's verdict
  on the old text does not carry over), a NEW sent again with the same text keeps a
  moderator's verdict;
- **fail closed**: when scoring or storing fails (a busy database included) or misses
  ``coral_deadline_s``, the answer is PREMOD, so the comment waits for a person rather
  than being published unmoderated; a comment scored after its deadline is stored held
  for review, as Coral was told. ``coral_fail_open`` chooses the other way: 204 (no
  opinion), or 503 with ``Retry-After`` for a busy database;
- the answer uses only what Coral's schema allows: statuses, FLAG actions with reason
  ``COMMENT_DETECTED_TOXIC``, and no tags (Coral accepts only FEATURED and STAFF there, and
  one unknown value makes it discard the whole answer).

Coral sends only the parent's ID, so every comment seen is remembered (when Coral sends the
comment's own ``id``) and a reply is scored with its parent's text as context.

The decision is the site's, as for a thread uploaded to the native API: Coral's
``site.id`` names the ThreadGuard site and ``author.id`` the author, so the site's
thresholds, watchlist, bans, trusted authors, pre-moderation of new authors and
escalation for repeat offenders all apply (:meth:`ServiceContext.site_decision`).
"""

import asyncio
import hashlib
import hmac
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import JSONResponse
from starlette.requests import Request
from starlette.responses import Response

from threadguard.engine import CommentInput
from threadguard.moderation import Decision, Outcome
from threadguard.moderation.decision import held_long, with_findings
from threadguard.readers.htmltext import html_to_text
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.service.compat import DEFAULT_SITE, Dependency, parse_json_object, read_body
from threadguard.service.compat.errors import RETRY_AFTER, CompatError, PlainErrorRoute
from threadguard.service.edges import seconds_since_arrival
from threadguard.service.limits import CORAL_PATH, SIGNATURE_READ_FACTOR
from threadguard.service.protocols import (
    Arrival,
    ArticleRef,
    AuthorRef,
    ContextComment,
    NewComment,
    Origin,
    ServiceContext,
    ServiceSettings,
    StoreBusyError,
)
from threadguard.validation import InvalidField, check_id, check_site, check_text, printable

log = logging.getLogger("threadguard.service.compat.coral")

SIGNATURE_HEADER = "X-Coral-Signature"
#: What a held comment becomes in Coral: withheld from readers and put in the moderation
#: queue, as Coral's own toxicity phase does (PREMOD is Coral's "pre-moderate everything").
HOLD_STATUS = "SYSTEM_WITHHELD"
TOXIC = "COMMENT_DETECTED_TOXIC"
TOXIC_FLAG = {"actionType": "FLAG", "reason": TOXIC}
#: The flag reasons Coral's external moderation phase accepts: its response schema allows
#: only COMMENT_FLAG_DETECTED_REASON's values (Coral's graph/schema/schema.graphql), and an
#: answer with any other is thrown away whole -- Coral then skips the phase and publishes.
#: COMMENT_DETECTED_BODY_COUNT and _NEW_COMMENTER are flag reasons of Coral's own phases,
#: not among these.
DETECTED_REASONS = frozenset(
    {
        TOXIC,
        "COMMENT_DETECTED_SPAM",
        "COMMENT_DETECTED_LINKS",
        "COMMENT_DETECTED_BANNED_WORD",
        "COMMENT_DETECTED_SUSPECT_WORD",
        "COMMENT_DETECTED_RECENT_HISTORY",
        "COMMENT_DETECTED_PREMOD_USER",
        "COMMENT_DETECTED_REPEAT_POST",
    }
)
#: What a comment held for its length (:func:`held_long`'s reason) is flagged as: Coral's
#: external phase has no reason for a length, and SUSPECT_WORD is what a comment no model
#: reads gets (a language no model covers), "a person must read it".
LONG_FLAG = "COMMENT_DETECTED_SUSPECT_WORD"
LONG_REASON = "longer than "


def signature_valid(secret: str, body: bytes, header: str | None) -> bool:
    """Whether any ``sha256=<hex>`` in the header is the HMAC-SHA256 of ``body``.

    Every candidate is compared with :func:`hmac.compare_digest`, so timing says nothing
    about how much of a forged signature was right.
    """
    if not header:
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest().encode()
    found = False
    for part in header.split(","):
        scheme, _, value = part.strip().partition("=")
        if scheme.lower() == "sha256" and value:
            found |= hmac.compare_digest(value.strip().lower().encode(), expected)
    return found


def signature_offered(header: str | None) -> bool:
    """Whether the header holds any ``sha256=<hex>`` to check: without one the request is
    refused before its body is read."""
    return any(
        scheme.strip().lower() == "sha256" and value.strip()
        for scheme, _, value in (p.partition("=") for p in (header or "").split(","))
    )


async def read_signed(request: Request, secret: str, limit: int) -> bytes | None:
    """The body of a request signed with ``secret``; None for a signed body over ``limit``
    (``max_body_bytes``: answered without a decision). A missing or wrong signature is a 401 whatever the
    body's size: an unsigned 1.5 MB body got 200 PREMOD, as if Coral had sent it. A body
    over :data:`SIGNATURE_READ_FACTOR` times the limit is not read to check it: a 401."""
    header = request.headers.get(SIGNATURE_HEADER)
    refused = CompatError(401, f"Missing or invalid {SIGNATURE_HEADER}.")
    if not signature_offered(header):
        raise refused
    try:
        raw = await read_body(request, limit * SIGNATURE_READ_FACTOR)
    except (CompatError, HTTPException) as exc:
        if exc.status_code != 413:
            raise
        log.warning("coral: a body over %d bytes; its signature was not checked", limit)
        raise CompatError(
            401,
            f"Missing or invalid {SIGNATURE_HEADER}: a body over "
            f"{limit * SIGNATURE_READ_FACTOR} bytes is not read to check it.",
        ) from None
    if not signature_valid(secret, raw, header):
        raise refused
    if len(raw) > limit:
        # signed, but over the limit: a 413 is "skip the phase" to Coral, which publishes,
        # so a person decides instead
        log.warning("coral: a signed body over %d bytes; answered without a decision", limit)
        return None
    return raw


@dataclass(frozen=True)
class CoralComment:
    """The fields of Coral's ExternalModerationRequest that ThreadGuard uses."""

    action: str
    text: str
    comment_id: str | None
    parent_id: str | None
    author_id: str | None
    story_id: str | None
    site: str


def _field(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int):
        raise CompatError(400, f"'{key}' must be a string.")
    return str(value)


def _section(body: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = body.get(key) or {}
    if not isinstance(value, dict):
        raise CompatError(400, f"'{key}' must be an object.")
    return value


def parse_request(body: Mapping[str, Any]) -> CoralComment:
    """Coral's request, with the body's HTML reduced to the text readers see, whole: Coral
    publishes what it is not told to hold, so a comment is never cut to a limit (abuse
    after 20,000 characters of filler was approved); the engine reads a long text in
    windows, and one past ``max_text_chars`` is held (:func:`held_long`)."""
    action = body.get("action")
    if action not in ("NEW", "EDIT"):
        raise CompatError(400, "'action' must be NEW or EDIT.")
    comment = _section(body, "comment")
    html = comment.get("body")
    if not isinstance(html, str):
        raise CompatError(400, "'comment.body' must be a string.")
    # Repaired, not refused: a refusal is Coral's "skip the phase", which publishes, so a
    # lone surrogate (how JavaScript's JSON.stringify writes half an emoji) or a NUL put
    # in on purpose got abuse published unread.
    html = printable(html).replace("\x00", "\ufffd")
    item = CoralComment(
        action=action,
        text=html_to_text(html),
        comment_id=_field(comment, "id"),
        parent_id=_field(comment, "parentID"),
        author_id=_field(_section(body, "author"), "id"),
        story_id=_field(_section(body, "story"), "id"),
        site=_field(_section(body, "site"), "id") or DEFAULT_SITE,
    )
    check_storable(item)
    return item


def check_storable(item: CoralComment) -> None:
    """Every field that is stored, as the store can keep it (:mod:`threadguard.validation`):
    a 400 naming the field, never a 500 from one database and not the other."""
    check_text("comment.body", item.text)
    check_id("comment.id", item.comment_id)
    check_id("comment.parentID", item.parent_id)
    check_id("author.id", item.author_id)
    check_id("story.id", item.story_id)
    check_site("site.id", item.site)


#: The answer when no decision could be made in time (fail closed): a person decides.
PREMOD = {"status": "PREMOD"}
#: The reason a comment decided after Coral was answered PREMOD is stored held.
LATE_REASON = "no decision within Coral's deadline: answered PREMOD, held for review"


#: A threshold's reason starts with its attribute ("insult 0.91 ≥ 0.27 (hold)"): what the
#: models decided. The lists' finds are read from the outcome itself, not its wording.
_SCORED = tuple(f"{a} " for a in ATTRIBUTES)


def flag_reasons(outcome: Outcome | None) -> list[str]:
    """Coral's flag reasons for what held or rejected a comment, so Coral's moderators read
    why (every one was COMMENT_DETECTED_TOXIC: a banned author's civil comment, a watched
    word, a phone number). Only the reasons Coral's own phases give and it validates; the
    models, coded hate and threats are TOXIC, a length past ``max_text_chars`` SUSPECT_WORD
    (:data:`LONG_FLAG`), and anything unknown (a stored verdict) TOXIC; never a reason
    outside :data:`DETECTED_REASONS`."""
    if outcome is None:
        return [TOXIC]
    found: list[str] = []
    reasons = outcome.decision.reasons
    if (
        any(r.startswith(_SCORED) for r in reasons)
        or outcome.coded_held
        or outcome.threat_held
        or outcome.abusive_held
    ):
        found.append(TOXIC)
    if any(m.action == "block" for m in outcome.matches):
        found.append("COMMENT_DETECTED_BANNED_WORD")
    if any(m.action == "hold" for m in outcome.matches):
        found.append("COMMENT_DETECTED_SUSPECT_WORD")
    if any(m.spam for m in outcome.contacts):
        found.append("COMMENT_DETECTED_SPAM")
    if any(not m.spam for m in outcome.contacts) or not outcome.scored:
        found.append("COMMENT_DETECTED_SUSPECT_WORD")
    if any(r.startswith(("author is banned", "new author", "repeat offender")) for r in reasons):
        found.append("COMMENT_DETECTED_RECENT_HISTORY")
    if any(r.startswith(LONG_REASON) for r in reasons):
        found.append(LONG_FLAG)
    return [r for r in dict.fromkeys(found) if r in DETECTED_REASONS] or [TOXIC]


def _flags(outcome: Outcome | None) -> list[dict[str, str]]:
    return [{"actionType": "FLAG", "reason": r} for r in flag_reasons(outcome)]


def coral_answer(status: str, approve_clean: bool, outcome: Outcome | None = None) -> Response:
    """Coral's ExternalModerationResponse for the comment's status in the store
    (approved, pending, rejected), flagged with what decided it (``outcome``: the site's
    decision, when it is the answer); 204 is no opinion."""
    if status == "rejected":
        return JSONResponse({"status": "REJECTED", "actions": _flags(outcome)})
    if status == "pending":
        return JSONResponse({"status": HOLD_STATUS, "actions": _flags(outcome)})
    if approve_clean:
        return JSONResponse({"status": "APPROVED"})
    return Response(status_code=204)


def failed_answer(settings: ServiceSettings, *, busy: bool) -> Response:
    """The answer when no decision was made (see the module docs): PREMOD, or with
    ``coral_fail_open`` 204, or 503 with ``Retry-After`` for a busy database."""
    if not settings.coral_fail_open:
        return JSONResponse(PREMOD)
    if busy:
        raise CompatError(503, "The database is busy; try again shortly.", headers=RETRY_AFTER)
    return Response(status_code=204)


class Deadline:
    """Which came first: the request's deadline (Coral is answered without a decision) or
    the work's stored decision (Coral is answered with it). Exactly one wins, under a
    lock, so the answer and the store never disagree: a decision stored just as the
    deadline passed is either the answer, or is stored again held."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._passed = False
        self._finished = False

    def pass_(self) -> bool:
        """The handler's deadline: True when it came first (answer without a decision),
        False when the work had already stored its decision (answer with it)."""
        with self._lock:
            if self._finished:
                return False
            self._passed = True
            return True

    def finish(self) -> bool:
        """The work stored its decision: True when that came first (it is the answer)."""
        with self._lock:
            if self._passed:
                return False
            self._finished = True
            return True

    @property
    def passed(self) -> bool:
        with self._lock:
            return self._passed


def held_late(decision: Decision) -> Decision:
    """The decision to store for a comment Coral was answered PREMOD for: held."""
    return Decision(Verdict.HOLD, (LATE_REASON, *decision.reasons))


def build_router(ctx: Dependency, *, approve_clean: bool = True) -> APIRouter:
    """``POST /coral/moderation``; ``approve_clean=False`` answers 204 for clean comments,
    leaving them to Coral's own default instead of approving them."""
    router = APIRouter(tags=["coral"], route_class=PlainErrorRoute)

    @router.post(
        CORAL_PATH,
        summary="Coral external moderation phase",
        responses={204: {"description": "No opinion (or past the deadline)."}},
    )
    async def moderate(
        request: Request, context: Annotated[ServiceContext, Depends(ctx)]
    ) -> Response:
        settings = context.settings
        if not settings.coral_secret:
            raise CompatError(
                503,
                "Coral endpoint not configured: set THREADGUARD_CORAL_SECRET (or coral_secret "
                "in the settings file) to the phase's signing secret.",
            )
        raw = await read_signed(request, settings.coral_secret, settings.max_body_bytes)
        if raw is None:
            return failed_answer(settings, busy=False)
        try:
            item = parse_request(parse_json_object(raw, "Invalid JSON:"))
        except (CompatError, InvalidField) as exc:
            # Signed by Coral, yet unreadable here: a 400 would publish the comment.
            log.warning(
                "coral: a signed request could not be read (%s); answered without a decision",
                printable(str(exc)),
            )
            return failed_answer(settings, busy=False)
        engine = context.engine
        comments = context.comments
        deadline = Deadline()

        def work() -> tuple[str, Outcome]:
            if item.comment_id is not None:
                comments.remember(
                    ContextComment(
                        item.site,
                        item.story_id,
                        item.comment_id,
                        item.text,
                        item.author_id,
                        item.parent_id,
                    )
                )
            parent = ""
            if item.parent_id is not None and item.parent_id != item.comment_id:
                parent = comments.recall(site=item.site, comment_id=item.parent_id) or ""
            scored = engine.analyze([CommentInput(item.text, id=item.comment_id, parent=parent)])
            [analysis] = context.adapt(item.site, list(scored))
            author = AuthorRef(item.author_id, item.comment_id, item.story_id)
            outcome = context.site_decision(Arrival(item.site, analysis, item.text, author, parent))
            decision = outcome.decision
            if len(item.text) > settings.max_text_chars:
                decision = held_long(decision, settings.max_text_chars)
                # answered with its length among the flags (LONG_FLAG), not TOXIC
                outcome = replace(outcome, decision=decision)
            if deadline.passed and not settings.coral_fail_open:
                decision = held_late(decision)
            story = ArticleRef(item.story_id) if item.story_id else None
            origin = Origin(item.site, "coral", story)
            stored = NewComment(
                item.text,
                with_findings(analysis, outcome),
                decision,
                external_id=item.comment_id,
                author=item.author_id,
                parent_id=item.parent_id,
                details=outcome.details(),
            )
            _, status = comments.record_status(origin, stored)
            if not deadline.finish() and not settings.coral_fail_open and status != "pending":
                # the deadline passed while the write waited its turn: Coral was told PREMOD
                _, status = comments.record_status(
                    origin, replace(stored, decision=held_late(decision))
                )
            return status, outcome

        # counted from the request's arrival: under load, the wait for the event loop and
        # the body is part of what Coral waits for
        left = settings.coral_deadline_s - seconds_since_arrival(request.scope)
        if left <= 0:
            # already past it: no race with a quick scoring (a clean comment that waited
            # past the deadline was answered APPROVED when its work won the lock first)
            deadline.pass_()
        future = asyncio.get_running_loop().run_in_executor(None, work)
        try:
            if left <= 0:
                raise TimeoutError
            status, outcome = await asyncio.wait_for(asyncio.shield(future), left)
        except TimeoutError:
            if not deadline.pass_():  # stored just now: its decision is the answer
                status, outcome = await future
                return coral_answer(status, approve_clean, outcome)
            future.add_done_callback(_log_late_failure)
            log.warning(
                "coral: no decision within %.3fs; answered %s",
                settings.coral_deadline_s,
                "204" if settings.coral_fail_open else "PREMOD",
            )
            return failed_answer(settings, busy=False)
        except StoreBusyError:
            log.warning("coral: the database was busy; answered without a decision")
            return failed_answer(settings, busy=True)
        except Exception:
            log.exception("coral: scoring or storing failed; answered without a decision")
            return failed_answer(settings, busy=False)
        return coral_answer(status, approve_clean, outcome)

    @router.api_route(
        CORAL_PATH, methods=["GET", "PUT", "PATCH", "DELETE"], include_in_schema=False
    )
    async def wrong_method(request: Request) -> Response:
        # Coral's error shape ({"error": message}), not the service's own
        raise CompatError(
            405,
            f"Method {request.method} is not allowed on {CORAL_PATH}; use POST.",
            headers={"Allow": "POST"},
        )

    return router


def _log_late_failure(future: asyncio.Future[tuple[str, Outcome]]) -> None:
    """A comment scored after its deadline is still stored; say so if that failed."""
    if not future.cancelled() and future.exception() is not None:
        log.error("coral: scoring after the deadline failed", exc_info=future.exception())
