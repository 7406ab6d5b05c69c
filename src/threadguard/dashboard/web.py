"""Rendering the dashboard's pages: one Jinja2 environment, and the headers HTML needs.

Templates are autoescaped, and nothing written by a commenter is ever marked safe: a
highlighted comment is a list of segments that the template escapes one by one
(:mod:`threadguard.dashboard.views`).

The service's default ``Content-Security-Policy`` forbids everything (it answers JSON);
a page loads its own script and style from this origin and nothing else, with no inline
script or style at all (so score bars are ``<meter>`` elements, not styled ``<div>``s).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from threadguard import __version__
from threadguard.analysis import shown_score
from threadguard.dashboard import card_parts
from threadguard.dashboard.names import name_warning, plain_name, shown_name, shown_text
from threadguard.dashboard.views import ago, author_url, thread_url
from threadguard.storage.records import MAX_NOTE_CHARS
from threadguard.storage.repositories.rows import text_sha256
from threadguard.validation import balance_bidi

#: What a dashboard page may load: its own script, style and images, nothing else.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
#: Headers of every dashboard page and fragment.
PAGE_HEADERS = {
    "Content-Security-Policy": PAGE_CSP,
    "Cache-Control": "no-store",
    "Vary": "Cookie, HX-Request",
}

ENVIRONMENT = Environment(
    loader=PackageLoader("threadguard.dashboard", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    finalize=balance_bidi,  # a commenter's U+202E must not reverse the page after it
)
ENVIRONMENT.globals["version"] = __version__
#: The note boxes hold what the store (and the API) take.
ENVIRONMENT.globals["max_note_chars"] = MAX_NOTE_CHARS


def counted(count: int, word: str) -> str:
    """``1 comment``, ``2 comments``: a count and its noun (plural with an s)."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def name_badge(name: str | None) -> Markup:
    """The warning badge after a name that may pass for another (mixed scripts,
    look-alike letters), its title naming the code points; nothing for other names."""
    warning = name_warning(name)
    if warning is None:
        return Markup("")
    return Markup(' <span class="badge badge-name" title="{}">{}</span>').format(
        warning.detail, warning.label
    )


ENVIRONMENT.filters["counted"] = counted
ENVIRONMENT.filters["score"] = shown_score
ENVIRONMENT.filters["shown_name"] = shown_name
ENVIRONMENT.filters["shown_text"] = shown_text
ENVIRONMENT.filters["plain_name"] = plain_name
ENVIRONMENT.filters["name_badge"] = name_badge
#: The hash of a comment's text as shown, which its action forms send back (an action on a
#: comment edited since is refused).
ENVIRONMENT.filters["sha256"] = text_sha256
ENVIRONMENT.globals["ago"] = ago
ENVIRONMENT.globals["thread_url"] = thread_url
ENVIRONMENT.globals["author_url"] = author_url
ENVIRONMENT.globals["posted"] = card_parts.posted
ENVIRONMENT.globals["unscored"] = card_parts.unscored_language
ENVIRONMENT.globals["language_shown"] = card_parts.language_shown


def local_path(target: str) -> str:
    """Where a form goes back to, or sign-in goes on to: ``target`` if it is a path on
    this site, else ``/`` (never another site: no ``//host`` or ``\\host``)."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def is_htmx(request: Request) -> bool:
    """Whether htmx sent the request (it then wants a fragment, not a page)."""
    return request.headers.get("hx-request") == "true"


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """``template`` rendered with ``context`` (plus ``request``), as a page with the
    dashboard's headers."""
    body = ENVIRONMENT.get_template(template).render(request=request, **(context or {}))
    return HTMLResponse(body, status_code=status_code, headers={**PAGE_HEADERS, **(headers or {})})
