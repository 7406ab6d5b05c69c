"""The error page of the thread, policy and stats pages: what was not found or not
accepted, in words, with the way back (never a traceback, never the API's JSON)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import HTMLResponse

from threadguard.dashboard.forms import FormRefused
from threadguard.dashboard.signin import WebUser
from threadguard.dashboard.web import render
from threadguard.validation import SITE_CHARS, InvalidField, check_name, check_site

#: The ``?site=`` of the thread list, policy and stats pages (read by :func:`site_param`).
SiteQuery = Annotated[str | None, Query(max_length=SITE_CHARS)]


def error_page(
    request: Request,
    user: WebUser | None,
    status: int,
    heading: str,
    message: str,
    *,
    back: str = "/",
    back_label: str = "Back to the queue",
) -> HTMLResponse:
    """A page saying what went wrong, with the dashboard's navigation (``user`` None: a
    request refused before anyone was known)."""
    return render(
        request,
        "error.html",
        {
            "user": user,
            "nav": None,
            "title": heading,
            "heading": heading,
            "message": message,
            "back": back,
            "back_label": back_label,
        },
        status_code=status,
    )


class NoSuchSite(FormRefused):
    """A ``?site=`` or posted site name that no site could have (too long, a NUL): the
    dashboard's 400 page, raised here once rather than caught in every page route."""

    heading = "No such site"


def site_param(
    value: str | None, *, making: bool = False, exists: Callable[[str], bool] | None = None
) -> str | None:
    """A site named in a query or form: None when blank; :class:`NoSuchSite` when no
    site could have that name, or, where the form may make the site (``making``: a saved
    policy), when no site may (:func:`threadguard.validation.site_problem`) and ``exists``
    (the store's ``has_site``) does not find it there already; a page reads any stored
    name, so the site list's every entry opens."""
    if value is None or not value.strip():
        return None
    try:
        if making:
            check_site("site", value, exists=exists)
        else:
            check_name("site", value)
    except InvalidField as exc:
        raise NoSuchSite(exc.field, exc.problem) from exc
    return value


class OtherSite(Exception):
    """A page or action asked for a site the signed-in account is not limited to: the
    dashboard's 403 page (as a site-bound key's request for another site is a 403)."""

    def __init__(self, user: WebUser, site: str) -> None:
        super().__init__(f"Your account is for site {user.site!r}, not {site!r}.")
        self.user = user


def site_for(
    user: WebUser,
    value: str | None,
    *,
    making: bool = False,
    exists: Callable[[str], bool] | None = None,
) -> str | None:
    """The site a page or action of ``user`` acts on: the one named (None when blank),
    else the user's own; :class:`OtherSite` when a site-bound user names another,
    :class:`NoSuchSite` when no site could have that name (:func:`site_param`)."""
    chosen = site_param(value, making=making, exists=exists)
    if user.site is None:
        return chosen
    if chosen is not None and chosen != user.site:
        raise OtherSite(user, chosen)
    return user.site


__all__ = ["NoSuchSite", "OtherSite", "SiteQuery", "error_page", "site_for", "site_param"]
