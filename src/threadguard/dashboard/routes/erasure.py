"""``POST /comments/{id}/erase``: an admin erases a comment's text and author name (an
erasure request, or doxxing that must not stay in the store).

The card's **Erase…** control (admins only) posts here; the box "This cannot be undone"
must be ticked. The store erases the text and the name wherever it kept them for the
comment, keeps its decisions and scores, and audits ``comment.erase`` with the SHA-256 of
the text erased (:mod:`threadguard.storage.repositories.erasure`). The card then says who
erased it and when, in place of the text. The answer is an action's: the card swapped in
(htmx), or back to the page, which says what came of it.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from threadguard.dashboard.forms import read_form
from threadguard.dashboard.names import refusal
from threadguard.dashboard.routes.actions import Acted, answer_action, back_of, sentence
from threadguard.dashboard.signin import AdminChecked, store_of
from threadguard.storage.records import ConflictError, InvalidError, NotFoundError

router = APIRouter()

#: The form's confirmation box (its value when ticked).
CONFIRM = "erase"
#: What the card says when the box was not ticked (nothing was erased).
CONFIRM_FIRST = (
    "Nothing was erased: tick “This cannot be undone” to erase the comment's text and author name"
)
#: What the card says once erased.
ERASED = "Erased the comment's text and its author's name; its decision and scores are kept"


@router.post("/comments/{comment_id}/erase")
async def erase(request: Request, user: AdminChecked, comment_id: str) -> Response:
    form = await read_form(request)
    back = back_of(form)
    store = store_of(request)
    reason = form.get("reason")
    confirmed = form.get("confirm") == CONFIRM

    def run() -> tuple[bool, str]:
        if not confirmed:
            return False, CONFIRM_FIRST
        try:
            # another site's comment is "no comment", as for a verdict
            store.erase_comment(comment_id, user.actor, reason=reason, sites=user.sites)
        except (ConflictError, InvalidError, NotFoundError) as exc:
            return False, f"Could not erase: {refusal(exc)}"
        return True, ERASED

    ok, message = await run_in_threadpool(run)
    event: dict[str, object] = {"id": comment_id, "action": "erase", "ok": ok}
    # the undo bar stays as it was: an erasure is not undone
    acted = Acted(back, [comment_id], {comment_id: message}, keep_undo=True, said=sentence(message))
    return await run_in_threadpool(answer_action, request, store, user, acted, event)
