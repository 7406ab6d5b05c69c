"""``POST /actions/...``: approve, reject, ban or suspend, trust, note, undo, bulk.

Each action is one store transaction with its audit entry (the same
:meth:`~threadguard.storage.store.Store.moderate` the API uses). Of two moderators
acting on one comment, the store lets exactly one win; the other gets the item again as
it now stands, with who decided it, never an error page.

htmx requests get fragments to swap in out of band (the item, the counter of what is
left, the undo bar) and an ``HX-Trigger-After-Swap`` event the page's script moves focus on; a
plain form post (no script) is sent back to its page (303), which then says what came of
it (:func:`~threadguard.dashboard.routes.queue.keep_flash`). Every action says so, applied
or refused: a refusal with no card to put it on (an id of no comment, or of another site's)
is said in the page's message area.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import timedelta

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import escape
from starlette.concurrency import run_in_threadpool

from threadguard.dashboard.forms import Form, FormRefused, read_form
from threadguard.dashboard.names import plain_name, refusal
from threadguard.dashboard.routes.queue import (
    TABS,
    UNDO_WINDOW_S,
    QueueFilterRefused,
    QueueQuery,
    item_views,
    keep_flash,
    preferences_of,
    queue_context,
)
from threadguard.dashboard.signin import Checked, WebUser, store_of
from threadguard.dashboard.web import (
    ENVIRONMENT,
    PAGE_HEADERS,
    counted,
    is_htmx,
    local_path,
    render,
)
from threadguard.schema import ModeratorAction
from threadguard.storage.models import utcnow
from threadguard.storage.records import ConflictError, InvalidError, NotFoundError, StoreError
from threadguard.storage.repositories.batch_undo import BatchUndoRepository
from threadguard.storage.store import Store

router = APIRouter()

#: How long after an action ``u`` can still take it back.
UNDO_WINDOW = timedelta(seconds=UNDO_WINDOW_S)
#: Ban durations the dialog offers (None: for good).
DURATIONS: dict[str, timedelta | None] = {
    "1d": timedelta(days=1),
    "7d": timedelta(days=7),
    "30d": timedelta(days=30),
    "forever": None,
}


class UnknownDuration(FormRefused):
    """A ban's ``duration`` that is none of :data:`DURATIONS` (it used to read as "for
    good"): the dashboard's 400 page, naming the field and the values it takes."""

    heading = "Unknown ban duration"


def ban_duration(form: Form) -> str:
    """The form's ban duration (``forever`` when the field is absent), or
    :class:`UnknownDuration`."""
    duration = form.get("duration", "forever")
    if duration not in DURATIONS:
        allowed = ", ".join(DURATIONS)
        shown = duration[:40] + ("…" if len(duration) > 40 else "")
        raise UnknownDuration("duration", f"must be one of {allowed}, not {shown!r}")
    return duration


class UnknownAction(FormRefused):
    """An action in ``/actions/{id}/{action}`` that is none of :data:`DONE` (a typo'd or
    hand-made address): it was sent back to its page with nothing said, as if applied.
    The dashboard's 400 page, naming the actions there are."""

    heading = "Unknown action"


def back_of(form: Form) -> str:
    """The form's ``back`` (a path on this site, else ``/``), checked before anything is
    applied: the answer reads its queue filters again for the tabs' counts, and a refused
    one (a stale or hand-made URL) was answered with the 400 page after the action had
    applied, without its undo bar. :class:`QueueFilterRefused` naming ``back``."""
    back = local_path(form.get("back", "/"))
    try:
        QueueQuery.of_url(back)
    except QueueFilterRefused as exc:
        raise QueueFilterRefused("back", f"carries a queue filter not accepted: {exc}") from None
    return back


#: The most comments one bulk action takes (a page).
MAX_BULK = 200
#: The field with the SHA-256 of the text the moderator read (the bulk form's: one per
#: card, ``text_sha256.<comment id>``): an action on a comment edited since that page
#: was rendered is refused, not applied to a text its moderator never saw.
SEEN = "text_sha256"
#: What the undo bar says after each action.
DONE: dict[str, str] = {
    ModeratorAction.APPROVE: "Approved",
    ModeratorAction.REJECT: "Rejected",
    ModeratorAction.BAN: "Banned the author of",
    ModeratorAction.UNBAN: "Lifted the ban on the author of",
    ModeratorAction.TRUST: "Trusted the author of",
    ModeratorAction.UNTRUST: "Stopped trusting the author of",
    ModeratorAction.NOTE: "Noted",
}
#: What "Could not ..." says of each action refused.
ATTEMPT: dict[str, str] = {
    ModeratorAction.APPROVE: "approve",
    ModeratorAction.REJECT: "reject",
    ModeratorAction.BAN: "ban the author",
    ModeratorAction.UNBAN: "lift the ban",
    ModeratorAction.TRUST: "trust the author",
    ModeratorAction.UNTRUST: "stop trusting the author",
    ModeratorAction.NOTE: "save the note",
}
#: The actions the undo bar cannot take back (the store undoes verdicts and bans only):
#: each is taken back from the author's card instead, as :data:`TAKEN_BACK` says.
NOT_UNDONE = (
    ModeratorAction.NOTE,
    ModeratorAction.UNBAN,
    ModeratorAction.TRUST,
    ModeratorAction.UNTRUST,
)
#: How an action the undo bar cannot take back is taken back.
TAKEN_BACK: dict[str, str] = {
    ModeratorAction.TRUST: "use Stop trusting on the author's card",
    ModeratorAction.UNTRUST: "use Trust on the author's card",
    ModeratorAction.UNBAN: "ban the author again from the comment's card",
    ModeratorAction.NOTE: "a note stays in the author's history",
}


@dataclass(frozen=True)
class Acted:
    """What the queue shows after an action: the page it is on (``back``), the items acted
    on (as they now stand), what to say on them, and the undo bar's text (None: no bar)."""

    back: str
    comment_ids: list[str] = field(default_factory=list)
    messages: dict[str, str] | None = None
    undo: str | None = None
    #: Leave the undo bar as it is: an action refused ("a a" pressed twice: the second
    #: approve is refused) took away the bar of the one that applied.
    keep_undo: bool = False
    #: The comments a bulk action applied to: its undo bar undoes every one of them.
    undo_ids: list[str] = field(default_factory=list)
    #: What came of it, as a sentence: the message of the page a plain form returns to,
    #: and the page's message area where the comment has no card to say it on (no such
    #: comment, or another site's).
    said: str | None = None


def sentence(text: str) -> str:
    """``text`` ending as a sentence does."""
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _fragments(store: Store, user: WebUser, acted: Acted, *, flash: bool = False) -> str:
    """The items (as they stand now), the counter and the undo bar, for out-of-band swaps;
    with ``flash``, the page's message area too: saying what came of the action where no
    card is there to say it (no such comment, or another site's), else emptied of an
    earlier action's message."""
    prefs = preferences_of(store, user)
    items = [
        i
        for c in acted.comment_ids
        if (i := store.review_item(c)) is not None and user.may_see(i.site)
    ]
    back = acted.back
    query = QueueQuery.of_url(back)
    counts = store.queue_counts(query.filters_for(user))
    parts = [
        ENVIRONMENT.get_template("_item.html").render(v=v, user=user, back=back, oob=True)
        for v in item_views(store, items, prefs, acted.messages)
    ]
    if flash:
        carded = {i.comment_id for i in items}
        unseen = any(c not in carded for c in acted.messages or {})
        parts.append(_flash((acted.said or "") if unseen else ""))
    # the tabs' counts move with the action, as the "left" counter does (they stayed as
    # the page was loaded: "Held 9" beside "6 held comments left")
    parts.append(
        ENVIRONMENT.get_template("_tabs.html").render(
            tabs=TABS, query=query, counts=counts, oob=True
        )
    )
    parts.append(
        ENVIRONMENT.get_template("_status.html").render(
            counts=counts,
            user=user,
            back=back,
            oob=True,
            undo=acted.undo,
            keep_undo=acted.keep_undo,
            undo_ids=acted.undo_ids,
        )
    )
    return "\n".join(parts)


def answer_action(
    request: Request,
    store: Store,
    user: WebUser,
    acted: Acted,
    event: dict[str, object] | None = None,
) -> Response:
    """The fragments and the ``tg-acted`` event for htmx; back to the page otherwise,
    which then says what came of it."""
    if not is_htmx(request):
        back = RedirectResponse(acted.back, 303)
        keep_flash(request, back, acted.said or "")
        return back
    body = _fragments(store, user, acted, flash=True)
    headers = dict(PAGE_HEADERS)
    if event is not None:
        # after the swap: fired on arrival, the script marked the old item current and the
        # item swapped in over it came without the mark (after a ban, a note, a refusal)
        headers["HX-Trigger-After-Swap"] = json.dumps({"tg-acted": event})
    return HTMLResponse(body, headers=headers)


def _act(
    store: Store,
    user: WebUser,
    comment_id: str,
    action: str,
    *,
    note: str | None = None,
    duration: str = "forever",
    expected: str | None = None,
    seen: str | None = None,
) -> tuple[bool, str]:
    """Apply one action; (whether it applied, what to tell the moderator). ``seen``: the
    hash of the text the moderator's card or thread page showed (refused if the comment
    was edited since)."""
    until = None
    if action == ModeratorAction.BAN:
        span = DURATIONS[duration]  # checked by ban_duration: an unknown one is never "for good"
        until = utcnow() + span if span is not None else None
    try:
        store.moderate(
            comment_id,
            action,
            user.actor,
            note=note or None,
            sites=user.sites,  # another site's comment: "no comment", as for a key
            until=until,
            expected=expected,
            text_sha256=seen,
        )
    except (ConflictError, InvalidError, NotFoundError) as exc:
        return False, refusal(exc)
    if action == ModeratorAction.BAN:
        return True, "Author banned" + (f" until {until:%Y-%m-%d %H:%M} UTC" if until else "")
    if action == ModeratorAction.UNBAN:
        return True, "Ban lifted: the author's new comments are moderated as anyone's"
    if action == ModeratorAction.TRUST:
        return True, (
            "Author trusted: a hold of their new comments for low-severity scores alone is waived"
        )
    if action == ModeratorAction.UNTRUST:
        return True, "Author no longer trusted: their new comments are moderated as anyone's"
    return True, ""


#: A refusal because a moderator's verdict stands (:meth:`Store.moderate` without the
#: status the card showed: a stale card, a second press, a verdict raced into).
_ALREADY = re.compile(r"was already (approved|rejected) by ")


def changed_how(refusal: str) -> str:
    """A verdict's refusal, with how to change the verdict that stands where that is why
    (a tryout's moderator read "already approved by ..." as: it cannot be taken down).
    Single actions only: a bulk action's summary names each skipped comment briefly."""
    found = _ALREADY.search(refusal)
    if found is None:
        return refusal
    verb, tab = ("Reject", "Approved") if found.group(1) == "approved" else ("Approve", "Rejected")
    how = f"use {verb} on its card in the {tab} tab or on its thread page"
    return f"{refusal}; to change that verdict, {how}"


#: "Nothing to undo", and how a verdict older than the undo window is changed.
NOTHING_TO_UNDO = (
    f"Nothing to undo: undo takes back your last action within {UNDO_WINDOW_S} seconds. To "
    "change a verdict after that, use Approve or Reject on its card in the Approved or "
    "Rejected tab, or on its thread page."
)


def _by(store: Store, user: WebUser, comment_id: str) -> str:
    """ " by NAME" for a comment of a named author the user may see, else nothing."""
    item = store.review_item(comment_id)
    if item is None or not item.author or not user.may_see(item.site):
        return ""
    return f" by {plain_name(item.author)}"


#: What the bulk action says with nothing selected.
SELECT_FIRST = (
    "Select comments first (the box on each, or x on the focused one), then approve or "
    "reject the selection."
)
#: The past tense of each bulk verdict.
BULK_DONE: dict[str, str] = {
    ModeratorAction.APPROVE: "Approved",
    ModeratorAction.REJECT: "Rejected",
}


def bulk_summary(
    store: Store, user: WebUser, action: str, ids: list[str], skipped: dict[str, str]
) -> str:
    """What a bulk action did: how many applied, and each one skipped with why (by its
    author's name only where the user may see the comment's site)."""
    done = len(ids) - len(skipped)
    said = f"{BULK_DONE[action]} {done} of {counted(len(ids), 'selected comment')}."
    if not skipped:
        return said
    lines = []
    for comment_id, why in skipped.items():
        item = store.review_item(comment_id)
        if item is None or not user.may_see(item.site):
            lines.append(why)  # no comment (of the user's sites): no author to name
            continue
        lines.append(f"{plain_name(item.author) or 'anonymous'}: {why}")
    return f"{said} Skipped {len(skipped)}: " + "; ".join(lines) + "."


def _flash(text: str) -> str:
    """The page's message area saying ``text``, swapped in out of band."""
    return (
        f'<div id="flash" class="flash" role="alert" hx-swap-oob="outerHTML">{escape(text)}</div>'
    )


@router.post("/actions/bulk")
async def bulk(request: Request, user: Checked) -> Response:
    form = await read_form(request)
    back = back_of(form)
    action = form.get("action")
    ids = list(dict.fromkeys(form.all("ids")))[:MAX_BULK]
    store = store_of(request)
    if action not in BULK_DONE:
        shown = action[:40] + ("…" if len(action) > 40 else "")
        raise UnknownAction(
            "action", f"of a bulk action must be one of {', '.join(BULK_DONE)}, not {shown!r}"
        )
    if not ids:
        return await run_in_threadpool(
            _bulk_answer, request, store, user, Acted(back), SELECT_FIRST
        )

    # each card's text as the page showed it (a hidden field of the bulk form per card)
    seen = {c: form.get(f"{SEEN}.{c}") or None for c in ids}

    def run() -> Response:
        skipped = {}
        for comment_id in ids:
            ok, message = _act(store, user, comment_id, action, seen=seen[comment_id])
            if not ok:
                skipped[comment_id] = message
        summary = bulk_summary(store, user, action, ids, skipped)
        applied = [c for c in ids if c not in skipped]
        # the same undo bar as a single action's, taking back the whole batch
        undo = f"{BULK_DONE[action]} {counted(len(applied), 'comment')}." if applied else None
        acted = Acted(back, ids, skipped, undo, undo_ids=applied)
        return _bulk_answer(request, store, user, acted, summary)

    return await run_in_threadpool(run)


def _bulk_answer(
    request: Request, store: Store, user: WebUser, acted: Acted, text: str
) -> Response:
    """The items as they now stand, the counter and ``text`` in the page's message area
    (htmx); without script, the queue page again with ``text`` on it."""
    if is_htmx(request):
        body = _fragments(store, user, acted) + "\n" + _flash(text)
        return HTMLResponse(body, headers=PAGE_HEADERS)
    context = queue_context(store, user, QueueQuery.of_url(acted.back))
    context.update(flash=text, undo=acted.undo, undo_ids=acted.undo_ids)
    return render(request, "queue.html", context)


@router.post("/actions/undo")
async def undo(request: Request, user: Checked) -> Response:
    form = await read_form(request)
    back = back_of(form)
    store = store_of(request)
    batch = form.all("ids")
    if batch:
        return await run_in_threadpool(_undo_batch, request, store, user, back, batch)
    try:
        done = await run_in_threadpool(store.undo_last, user.actor, within=UNDO_WINDOW)
    except StoreError as exc:
        return await run_in_threadpool(_nothing_undone, request, store, user, back, exc)
    said = f"Your {done.undone} was undone."
    undone = Acted(back, [done.comment_id], {done.comment_id: said}, said=said)
    event: dict[str, object] = {"id": done.comment_id, "undo": True}
    return await run_in_threadpool(answer_action, request, store, user, undone, event)


def _nothing_undone(
    request: Request, store: Store, user: WebUser, back: str, exc: StoreError
) -> Response:
    """ "Nothing to undo." (or why the undo was refused) in the page's message area."""
    text = NOTHING_TO_UNDO if isinstance(exc, NotFoundError) else sentence(refusal(exc))
    kind = re.fullmatch(r"a (\w+) cannot be undone", str(exc))
    if kind is not None and kind.group(1) in TAKEN_BACK:
        # the last action was one undo does not take back: "Nothing to undo." read as if
        # the trust just given had not been recorded
        verb = kind.group(1)
        article = "an" if verb[0] in "aeiou" else "a"
        text = f"Your last action, {article} {verb}, is not taken back by undo: {TAKEN_BACK[verb]}."
    if not is_htmx(request):
        answer = RedirectResponse(back, 303)
        keep_flash(request, answer, text)
        return answer
    return HTMLResponse(
        _fragments(store, user, Acted(back)) + "\n" + _flash(text), headers=PAGE_HEADERS
    )


def _undo_batch(
    request: Request, store: Store, user: WebUser, back: str, batch: list[str]
) -> Response:
    """Undo a bulk action: every comment of it (the undo bar of a bulk action names them),
    within the same window as a single action's undo."""
    try:
        done = BatchUndoRepository(store.sessions).undo_batch(
            user.actor, batch[:MAX_BULK], within=UNDO_WINDOW
        )
    except StoreError as exc:
        return _nothing_undone(request, store, user, back, exc)
    said = {u.comment_id: f"Your {u.undone} was undone." for u in done.undone}
    said.update(done.skipped)
    text = f"Undid {counted(len(done.undone), 'verdict')} of the bulk action."
    if done.skipped:
        # each skipped comment says why on its card; the message counts the two kinds
        why = []
        if done.changed:
            why.append(f"{len(done.changed)} changed since by another moderator")
        if late := len(done.skipped) - len(done.changed):
            why.append(f"{late} with no verdict of yours to undo within {UNDO_WINDOW_S} seconds")
        text += f" Left {len(done.skipped)} as they are: " + ", ".join(why) + "."
    if not is_htmx(request):
        answer = RedirectResponse(back, 303)
        keep_flash(request, answer, text)
        return answer
    acted = Acted(back, [u.comment_id for u in done.undone] + list(done.skipped), said)
    body = _fragments(store, user, acted) + "\n" + _flash(text)
    return HTMLResponse(body, headers=PAGE_HEADERS)


@router.post("/actions/ban")
async def ban_from_dialog(request: Request, user: Checked) -> Response:
    form = await read_form(request)
    if form.get("then") != ModeratorAction.REJECT:
        return await _one(request, user, form.get("comment_id"), ModeratorAction.BAN)
    return await _ban_and_reject(request, user, form.get("comment_id"))


async def _ban_and_reject(request: Request, user: WebUser, comment_id: str) -> Response:
    """ "Ban and reject this comment": the ban, then the comment's rejection, each its own
    action and audit entry (a ban left the comment that prompted it held)."""
    form = await read_form(request)
    back = back_of(form)
    store = store_of(request)
    note = form.get("note").strip() or None
    duration = ban_duration(form)
    seen = form.get(SEEN) or None

    def run() -> tuple[bool, bool, str]:
        banned, message = _act(
            store,
            user,
            comment_id,
            ModeratorAction.BAN,
            note=note,
            duration=duration,
            seen=seen,
        )
        if not banned:
            return False, False, message
        item = store.review_item(comment_id)
        if item is not None and item.status == "rejected":
            return True, False, f"{message}; the comment was already rejected"
        # no expected status: the dialog did not say what the moderator saw, and one read
        # here would overturn a verdict landed meanwhile unseen (a moderator's approval
        # is refused, and said so; the card's own Reject overturns it knowingly)
        rejected, why = _act(store, user, comment_id, ModeratorAction.REJECT, note=note, seen=seen)
        if not rejected:
            return True, False, f"{message}, but the comment was not rejected: {why}"
        return True, True, f"{message} and the comment rejected"

    banned, rejected, message = await run_in_threadpool(run)
    undo = None
    if rejected:
        undo = (
            "Banned the author and rejected the comment (undo takes back the reject only; "
            "lift the ban on the author's card)."
        )
    elif banned:
        undo = f"{DONE[ModeratorAction.BAN]} the comment."
    action = ModeratorAction.REJECT if rejected else ModeratorAction.BAN
    event: dict[str, object] = {"id": comment_id, "action": action, "ok": banned}
    said = sentence(message if banned else f"Could not {ATTEMPT[ModeratorAction.BAN]}: {message}")
    acted = Acted(back, [comment_id], {comment_id: message}, undo, keep_undo=not banned, said=said)
    return await run_in_threadpool(answer_action, request, store, user, acted, event)


@router.post("/actions/{comment_id}/{action}")
async def act(request: Request, user: Checked, comment_id: str, action: str) -> Response:
    return await _one(request, user, comment_id, action)


async def _one(request: Request, user: WebUser, comment_id: str, action: str) -> Response:
    form = await read_form(request)
    back = back_of(form)
    store = store_of(request)
    if action not in DONE:
        shown = action[:40] + ("…" if len(action) > 40 else "")
        raise UnknownAction("action", f"must be one of {', '.join(DONE)}, not {shown!r}")
    duration = ban_duration(form) if action == ModeratorAction.BAN else "forever"
    note = form.get("note").strip() or None
    # the status the card showed: a verdict over a moderator's earlier one is a correction
    # the moderator saw and chose (never one raced into)
    expected = form.get("expected") or None
    seen = form.get(SEEN) or None
    plain = not is_htmx(request)  # only the page a plain form returns to names the author

    def run() -> tuple[bool, str, str]:
        ok, message = _act(
            store,
            user,
            comment_id,
            action,
            note=note,
            duration=duration,
            expected=expected,
            seen=seen,
        )
        if not ok:
            message = changed_how(message)
            return ok, message, sentence(f"Could not {ATTEMPT[action]}: {message}")
        if message:
            return ok, message, sentence(message)
        by = _by(store, user, comment_id) if plain else ""
        return ok, message, f"{DONE[action]} the comment{by}."

    ok, message, sentence_said = await run_in_threadpool(run)
    undo = f"{DONE[action]} the comment." if ok and action not in NOT_UNDONE else None
    # A refusal is always said on the item; a success only when there is more to say.
    said = {comment_id: message} if message or not ok else None
    event: dict[str, object] = {"id": comment_id, "action": action, "ok": ok}
    acted = Acted(back, [comment_id], said, undo, keep_undo=not ok, said=sentence_said)
    return await run_in_threadpool(answer_action, request, store, user, acted, event)
