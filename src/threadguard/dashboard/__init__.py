"""The moderators' dashboard: server-rendered pages (Jinja2 + htmx, vendored) over the
store, mounted on the service by :func:`install`.

Modules: :mod:`.signin` (sessions, cookies, back-off, the signed-in-user dependencies),
:mod:`.csrf`, :mod:`.forms` (URL-encoded bodies), :mod:`.web` (templates, page
headers), :mod:`.views` (what an item shows: highlighted segments, bars, blur), and
:mod:`.routes` (one module per page or family of actions). Templates and static files
(htmx, the page script, the style sheet) ship as package data; nothing is loaded from
elsewhere and there is no front-end build step.

The service imports this package by name only (``service/app.py``), like the
compatibility routers, so ``service`` never depends on it at import time.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import URL
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from threadguard.dashboard import csrf
from threadguard.dashboard.csrf import CsrfRefused
from threadguard.dashboard.forms import Form, FormRefused, read_form
from threadguard.dashboard.routes import build_router
from threadguard.dashboard.routes.login import DRAFT_FIELDS, login_page
from threadguard.dashboard.routes.page_errors import NoSuchSite, OtherSite, error_page
from threadguard.dashboard.routes.queue import keep_flash
from threadguard.dashboard.signin import SignInRequired, current_user, session_token
from threadguard.dashboard.web import is_htmx, local_path, render
from threadguard.service.access_log import without_secrets
from threadguard.validation import printable

STATIC = Path(__file__).resolve().parent / "static"
#: Static files are versioned by the package version in their URLs: cache them.
STATIC_CACHE = "public, max-age=86400"


class CachedStatic(StaticFiles):
    """The dashboard's script, style and htmx, cacheable (their URLs change with the
    package's version)."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = STATIC_CACHE
        return response


async def _sign_in_first(request: Request, exc: Exception) -> Response:
    """Signed out (or expired): to the sign-in form, and back here afterwards."""
    if isinstance(exc, SignInRequired) and exc.role_too_weak:
        return render(
            request,
            "error.html",
            {
                "user": exc.user,
                "nav": None,
                "title": "Not allowed",
                "heading": "Not allowed",
                "message": "This page is for admins.",
                "back": "/",
                "back_label": "Back to the queue",
            },
            status_code=403,
        )
    url = request.url
    ended = "1" if is_htmx(request) else None
    if is_htmx(request):
        # a key pressed on a page whose session has ended: back to that page (its site,
        # tab and order), not to the action's address, once signed in again
        url = URL(request.headers.get("hx-current-url", "/"))
        if request.url.path == "/actions/bulk":
            ended = "bulk"
    elif request.method != "GET":
        # a plain form posted after the session ended (bulk, a policy save): nothing was
        # applied; say so, and go back to the page it came from, not to the bare queue
        form = await _posted_form(request)
        if request.url.path == "/policy" and form.fields and _posted_by_its_session(request, form):
            return _draft_kept(request, form)
        url, ended = _page_of_post(request.url.path, form)
    target = local_path(url.path or "/")
    query = without_secrets(url.query)
    if query:  # never a ?key= carried on into the sign-in page's URL, form and the log
        target += "?" + query
    params = {"next": target} if target != "/" else {}
    if ended is not None:
        params["ended"] = ended  # the form says the session ended under an action
    location = "/login" + ("?" + urlencode(params, safe="/", quote_via=quote) if params else "")
    if is_htmx(request):
        return Response(status_code=200, headers={"HX-Redirect": location})
    return RedirectResponse(location, 303)


async def _posted_form(request: Request) -> Form:
    """The form a request posted (empty when it cannot be read)."""
    try:
        return await read_form(request)
    except FormRefused:
        return Form({})


def _page_of_post(path: str, form: Form) -> tuple[URL, str]:
    """Where a plain form posted after the session ended came from, and what the sign-in
    form says was lost (``ended``): the queue page in its ``back`` field (its filters),
    the policy page of its site."""
    if path.startswith("/policy"):
        site = form.get("site")
        page = "/policy?" + urlencode({"site": site}) if site else "/policy"
        return URL(page), "1"
    kind = "bulk" if path == "/actions/bulk" else "1"
    return URL(local_path(form.get("back", "/"))), kind


def _posted_by_its_session(request: Request, form: Form) -> bool:
    """Whether the form carries the token of the (ended) session whose cookie came with it:
    only then is a draft carried through the sign-in. Any site could post a draft to
    /policy without a session (the cookie is SameSite=Strict, so a forged post never has
    one), and the admin, signing in, was shown it as their own, one click from saved."""
    old = session_token(request)
    return old is not None and csrf.same(form.get(csrf.FIELD), csrf.token_for(old))


def _draft_kept(request: Request, form: Form) -> Response:
    """An admin's policy save after the session ended: the sign-in form, carrying the
    draft (as hidden fields) so that signing in again shows it, unsaved, on the policy
    page (a redirect would have lost it)."""
    site = form.get("site")
    target = "/policy?" + urlencode({"site": site}) if site else "/policy"
    carried = {
        k: v
        for k, v in form.fields.items()
        if k in DRAFT_FIELDS or k.startswith(("hold_", "reject_", "watch_"))
    }
    return login_page(request, next_page=target, ended="draft", carry=carried)


#: What the page reloaded after an htmx action refused for its token says: the page was
#: older than the session (signed in again in another tab after the session ended), and
#: the reload alone read as if the action had been applied.
STALE_PAGE = (
    "This page was older than your session, so that last action was not applied: the page "
    "has been reloaded; do it again if it is still needed."
)


async def _csrf_refused(request: Request, exc: Exception) -> Response:
    """A POST without the page's token: a forged request, or a page from an older session.

    htmx reloads the page (``HX-Refresh``), which then says the action was not applied
    (a message kept for this session only: a forged request, which carries no session
    cookie, SameSite=Strict, leaves none)."""
    if is_htmx(request):
        reload = Response(status_code=200, headers={"HX-Refresh": "true"})
        keep_flash(request, reload, STALE_PAGE)
        return reload
    return render(
        request,
        "error.html",
        {
            "user": None,
            "nav": None,
            "title": "Form expired",
            "heading": "This form has expired",
            "message": "The page was older than your session. Nothing was changed.",
            "back": "/",
            "back_label": "Reload the queue",
        },
        status_code=403,
    )


async def _form_refused(request: Request, exc: Exception) -> Response:
    """A form field or query value no store could take (a NUL, a lone surrogate, a site no
    site could be named): a 400 page naming it, before anything was looked up or stored.

    A refused site (:class:`NoSuchSite`) is raised by a page route after its sign-in check,
    so its page keeps the signed-in user's navigation; other refusals come from reading the
    form, before anyone is known."""
    heading = exc.heading if isinstance(exc, FormRefused) else FormRefused.heading
    user = await current_user(request) if isinstance(exc, NoSuchSite) else None
    message = printable(f"{str(exc).rstrip('.')}. Nothing was changed.")
    return error_page(request, user, 400, heading, message)


async def _other_site(request: Request, exc: Exception) -> Response:
    """A site-bound account asking for another site's page or action: 403, with its
    navigation, nothing looked up."""
    user = exc.user if isinstance(exc, OtherSite) else None
    return error_page(request, user, 403, "Not your site", printable(str(exc)))


def _is_page(request: Request) -> bool:
    """Whether the request was routed to one of the dashboard's pages."""
    endpoint = getattr(request.scope.get("route"), "endpoint", None)
    return getattr(endpoint, "__module__", "").startswith(__name__ + ".")


def _html_for_bad_page_values(app: FastAPI) -> None:
    """A page address with a value out of its range ("/threads/zzz", "?page=-5") gets the
    dashboard's error page, not the API's JSON; the API's routes keep their handler."""
    api_handler = app.exception_handlers[RequestValidationError]

    async def handler(request: Request, exc: Exception) -> Response:
        if not _is_page(request):
            answer = api_handler(request, exc)
            return answer if isinstance(answer, Response) else await answer
        user = await current_user(request)
        in_path = any(
            e.get("loc", ("",))[0] == "path"
            for e in (exc.errors() if isinstance(exc, RequestValidationError) else [])
        )
        if in_path:
            return error_page(request, user, 404, "Not found", "There is no such page.")
        return error_page(
            request, user, 400, "Not a page", "The address asks for a page that cannot exist."
        )

    app.add_exception_handler(RequestValidationError, handler)


def install(app: FastAPI) -> None:
    """Mount the dashboard on ``app``: its routes, static files and error pages."""
    app.include_router(build_router())
    app.mount("/static", CachedStatic(directory=STATIC), name="dashboard-static")
    app.add_exception_handler(SignInRequired, _sign_in_first)
    app.add_exception_handler(CsrfRefused, _csrf_refused)
    app.add_exception_handler(FormRefused, _form_refused)
    app.add_exception_handler(OtherSite, _other_site)
    _html_for_bad_page_values(app)
