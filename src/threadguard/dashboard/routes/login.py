"""``GET/POST /login`` and ``POST /logout``: signing in and out of the dashboard."""

from __future__ import annotations

from typing import Any, NamedTuple

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from threadguard.dashboard import csrf
from threadguard.dashboard.forms import read_form
from threadguard.dashboard.routes.policy import draft_again
from threadguard.dashboard.signin import (
    COOKIE,
    LIFETIME,
    Checked,
    WebUser,
    client_ip,
    current_user,
    forget_cookie,
    session_token,
    set_cookie,
    sign_in,
    store_of,
)
from threadguard.dashboard.web import local_path, render
from threadguard.schema import Role
from threadguard.storage.models import utcnow

router = APIRouter()

#: How long the sign-in form's double-submit cookie lives.
LOGIN_FORM_S = 3600
#: The longest user name or password the form takes (more is not an account of ours).
MAX_FIELD = 1000


#: What the sign-in form says when the session ended under an action (``?ended=``).
ENDED = {
    "1": "Your session has ended, so that last action was not applied: sign in again to "
    "go on where you were.",
    "bulk": "Your session has ended, so the selected comments were not approved or "
    "rejected: sign in again, then select them and apply the action again.",
    "draft": "Your session has ended, so your policy draft was not saved: sign in again "
    "and it will be back in the policy form, still unsaved, to check and save.",
}
#: The policy form's fields besides thresholds and watched words, which a sign-in after
#: an ended session carries back to the form (with ``hold_*``, ``reject_*``, ``watch_*``).
DRAFT_FIELDS = frozenset(
    {
        "site",
        "version",
        "coded_action",
        "coded_ignore",
        "threat_action",
        "abusive_action",
        "contact_action",
    }
)
#: The sign-in form's prefix of a carried draft's fields.
CARRIED = "draft."


def login_page(
    request: Request,
    *,
    error: str | None = None,
    status_code: int = 200,
    username: str = "",
    next_page: str | None = None,
    ended: str | None = None,
    carry: dict[str, list[str]] | None = None,
) -> Response:
    """The sign-in form with a fresh double-submit token; ``carry``: a policy draft whose
    save the session's end refused, kept in hidden fields until signed in again."""
    token = csrf.new_login_token()
    if ended is None and error is None:
        ended = request.query_params.get("ended")
    response = render(
        request,
        "login.html",
        {
            "error": error,
            "username": username,
            "csrf_token": token,
            "next": local_path(next_page or request.query_params.get("next", "/")),
            "ended": ENDED.get(ended or "") if error is None else None,
            "carry": [(CARRIED + k, v) for k, values in (carry or {}).items() for v in values],
            "user": None,
            "nav": None,
            "title": "Sign in",
        },
        status_code=status_code,
    )
    set_cookie(request, response, csrf.LOGIN_COOKIE, token, LOGIN_FORM_S)
    return response


@router.get("/login")
async def login_form(request: Request) -> Response:
    if await current_user(request) is not None:
        return RedirectResponse(local_path(request.query_params.get("next", "/")), 303)
    return login_page(request)


class SignInAgain(NamedTuple):
    """What a refused sign-in form shows again: the name, where to go on, a carried draft."""

    username: str
    next_page: str
    carry: dict[str, list[str]]

    def fields(self) -> dict[str, Any]:
        return self._asdict()


@router.post("/login")
async def login(request: Request) -> Response:
    form = await read_form(request)
    username = form.get("username").strip()[:MAX_FIELD]
    password = form.get("password")[:MAX_FIELD]
    carry = {k[len(CARRIED) :]: v for k, v in form.fields.items() if k.startswith(CARRIED)}
    again = SignInAgain(username, local_path(form.get("next", "/")), carry)
    if not csrf.same(form.get(csrf.FIELD), request.cookies.get(csrf.LOGIN_COOKIE)):
        return login_page(
            request,
            error="The sign-in form had expired. Please try again.",
            status_code=400,
            **again.fields(),
        )
    outcome = await run_in_threadpool(
        sign_in, store_of(request), username, password, client_ip(request)
    )
    if not outcome.ok:
        if outcome.locked_until is not None:
            wait = max(1, int((outcome.locked_until - utcnow()).total_seconds() + 0.999))
            return login_page(
                request,
                error=f"Too many failed sign-ins. Try again in {wait} seconds.",
                status_code=429,
                **again.fields(),
            )
        return login_page(
            request, error="Wrong user name or password.", status_code=401, **again.fields()
        )
    old = session_token(request)
    if old is not None:
        await run_in_threadpool(store_of(request).end_session, old)
    assert outcome.token is not None
    response: Response
    if carry and outcome.role == Role.ADMIN:
        # the policy draft whose save the ended session refused: shown again, unsaved
        record = await run_in_threadpool(
            store_of(request).find_session, outcome.token, idle=LIFETIME
        )
        site = record.site if record is not None else None
        user = WebUser(username, outcome.role, 0, csrf.token_for(outcome.token), site)
        response = await draft_again(request, user, carry)
    else:
        response = RedirectResponse(local_path(form.get("next", "/")), 303)
    set_cookie(request, response, COOKIE, outcome.token, int(LIFETIME.total_seconds()))
    forget_cookie(request, response, csrf.LOGIN_COOKIE)
    return response


@router.post("/logout")
async def logout(request: Request, user: Checked) -> Response:
    token = session_token(request)
    if token is not None:
        await run_in_threadpool(store_of(request).end_session, token)
    response = RedirectResponse("/login", 303)
    forget_cookie(request, response, COOKIE)
    return response
