"""``GET/POST /login`` and ``POST /logout``: signing in and out of the dashboard."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from threadguard.dashboard import csrf
from threadguard.dashboard.forms import read_form
from threadguard.dashboard.signin import (
    COOKIE,
    LIFETIME,
    Checked,
    client_ip,
    current_user,
    forget_cookie,
    session_token,
    set_cookie,
    sign_in,
    store_of,
)
from threadguard.dashboard.web import local_path, render
from threadguard.storage.models import utcnow

router = APIRouter()

#: How long the sign-in form's double-submit cookie lives.
LOGIN_FORM_S = 3600
#: The longest user name or password the form takes (more is not an account of ours).
MAX_FIELD = 1000


def login_page(
    request: Request, *, error: str | None = None, status_code: int = 200, username: str = ""
) -> Response:
    """The sign-in form with a fresh double-submit token."""
    token = csrf.new_login_token()
    response = render(
        request,
        "login.html",
        {
            "error": error,
            "username": username,
            "csrf_token": token,
            "next": local_path(request.query_params.get("next", "/")),
            "ended": request.query_params.get("ended") == "1" and error is None,
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


@router.post("/login")
async def login(request: Request) -> Response:
    form = await read_form(request)
    username = form.get("username").strip()[:MAX_FIELD]
    password = form.get("password")[:MAX_FIELD]
    if not csrf.same(form.get(csrf.FIELD), request.cookies.get(csrf.LOGIN_COOKIE)):
        return login_page(
            request,
            error="The sign-in form had expired. Please try again.",
            status_code=400,
            username=username,
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
                username=username,
            )
        return login_page(
            request, error="Wrong user name or password.", status_code=401, username=username
        )
    old = session_token(request)
    if old is not None:
        await run_in_threadpool(store_of(request).end_session, old)
    assert outcome.token is not None
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
