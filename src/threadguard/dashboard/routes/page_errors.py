"""The error page of the thread, policy and stats pages: what was not found or not
accepted, in words, with the way back (never a traceback, never the API's JSON)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import HTMLResponse

from threadguard.dashboard.forms import FormRefused
from threadguard.dashboard.signin import WebUser
from threadguard.dashboard.web import render
from threadguard.validation import SITE_CHARS, InvalidField, check_site

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


def site_param(value: str | None) -> str | None:
    """A site named in a query or form: None when blank; :class:`NoSuchSite` when no
    site could have that name."""
    if value is None or not value.strip():
        return None
    try:
        check_site("site", value)
    except InvalidField as exc:
        raise NoSuchSite(exc.field, exc.problem) from exc
    return value


__all__ = ["NoSuchSite", "SiteQuery", "error_page", "site_param"]
