"""Cross-site request forgery: every POST carries a token that only our pages know.

A signed-in page's token is an HMAC of the session's cookie token, so nothing more is
stored, and it changes with every sign-in. Pages put it in a ``<meta>`` tag and in
``hx-headers`` (htmx sends it as ``X-CSRF-Token``) and in a hidden ``csrf_token`` field
of every form (which works without script). The sign-in form, before any session,
uses a double-submit token: a random value in a short-lived cookie that the form must
repeat. The session cookie is ``SameSite=Strict`` as well; the token is the second lock.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request

from threadguard.dashboard.forms import read_form

#: The header htmx sends the token in, and the form field forms send it in.
HEADER = "x-csrf-token"
FIELD = "csrf_token"
#: The sign-in form's double-submit cookie.
LOGIN_COOKIE = "tg_login_csrf"


class CsrfRefused(Exception):
    """A POST without the right token (a forged request, or a page older than its session)."""


def token_for(session_token: str) -> str:
    """The CSRF token of the session whose cookie holds ``session_token``."""
    return hmac.new(session_token.encode(), b"threadguard csrf", hashlib.sha256).hexdigest()


def new_login_token() -> str:
    """A fresh double-submit token for the sign-in form."""
    return secrets.token_urlsafe(32)


def same(given: str | None, expected: str | None) -> bool:
    """Whether two tokens match (in constant time; a missing one never does)."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


async def sent_token(request: Request) -> str | None:
    """The token a request carries: the header, else the form field."""
    header = request.headers.get(HEADER)
    if header:
        return header
    return (await read_form(request)).get(FIELD) or None


async def check(request: Request, expected: str) -> None:
    """Raise :class:`CsrfRefused` unless the request carries ``expected``."""
    if not same(await sent_token(request), expected):
        raise CsrfRefused
