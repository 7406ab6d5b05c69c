"""Reading the dashboard's forms: URL-encoded bodies, parsed here.

Every form the dashboard serves (and every htmx request it makes) is
``application/x-www-form-urlencoded``; the standard library reads that, so the service
needs no multipart parser. The service's body limit applies before this runs.

A field (name or value) that no store could take, a NUL (which PostgreSQL refuses) or a
lone surrogate, is refused here, before any route looks it up or stores it, as
:class:`FormRefused`: the dashboard answers it with a 400 page naming the field.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from fastapi import Request

from threadguard.service.dependencies import plain_parameters
from threadguard.validation import InvalidField, check_text, printable

#: The characters ``errors="surrogateescape"`` stands for bytes that are not UTF-8 with.
_ESCAPED = re.compile("[\udc80-\udcff]")

#: Stored on the request so the CSRF check and the route read the body once.
_PARSED = "threadguard_form"


class FormRefused(InvalidField):
    """A form field or query parameter of a dashboard request that no store could take
    (the dashboard's 400 page, not the API's JSON error)."""

    #: The 400 page's heading: a subclass names what was refused.
    heading = "This request was not accepted"


class Form:
    """A parsed form: every value of a field, or its first."""

    def __init__(self, fields: dict[str, list[str]]) -> None:
        self.fields = fields

    def get(self, name: str, default: str = "") -> str:
        """The field's first value (``default`` when absent)."""
        values = self.fields.get(name)
        return values[0] if values else default

    def all(self, name: str) -> list[str]:
        """Every value of a repeated field (checkboxes), in order."""
        return list(self.fields.get(name, []))


#: The one body type the dashboard's forms (and htmx) send.
URLENCODED = "application/x-www-form-urlencoded"
#: More fields than any of the dashboard's forms has.
MAX_FIELDS = 2000


async def read_form(request: Request) -> Form:
    """The request's URL-encoded form (empty when there is no body).

    A body of another type (``curl -F``'s multipart, JSON) is refused naming its type,
    and a field that is not UTF-8 text naming the field (:class:`FormRefused`): the first
    was read as an empty form, so a sign-in was told "the sign-in form had expired" and
    an action "the page was older than your session", or, with the token in its header,
    applied without its note; the second was stored with U+FFFD in place of each byte
    (a note's "café" sent as Latin-1 kept as "caf\ufffd")."""
    cached = request.scope.get(_PARSED)
    if isinstance(cached, Form):
        return cached
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    fields: dict[str, list[str]] = {}
    if content_type == URLENCODED:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FormRefused("the form", f"is not UTF-8 text (byte {exc.start})") from None
        try:
            fields = parse_qs(
                text,
                keep_blank_values=True,
                max_num_fields=MAX_FIELDS,
                errors="surrogateescape",
            )
        except ValueError:
            raise FormRefused(
                "the form", f"has more than {MAX_FIELDS:,} fields; no form of the dashboard has"
            ) from None
    elif body.strip():
        raise FormRefused(
            "the form",
            f"was sent as {content_type or 'a body without a Content-Type'}; the dashboard "
            f"reads its forms as {URLENCODED}, as its pages send them",
        )
    for name, values in fields.items():
        _check(f"form field {printable(name)!r}", name)
        for value in values:
            _check(f"form field {printable(name)!r}", value)
    form = Form(fields)
    request.scope[_PARSED] = form
    return form


def _check(field: str, value: str) -> None:
    escaped = _ESCAPED.search(value)
    if escaped is not None:  # a %XX byte that is not UTF-8 (``errors="surrogateescape"``)
        byte = ord(escaped.group()) - 0xDC00
        raise FormRefused(
            field, f"is not UTF-8 text (byte 0x{byte:02X} at offset {escaped.start()})"
        )
    try:
        check_text(field, value)
    except InvalidField as exc:
        raise FormRefused(exc.field, exc.problem) from None


async def plain_query(request: Request) -> None:
    """Refuse (:class:`FormRefused`) a dashboard request whose path or query carries a
    value no store can look up: a NUL or a lone surrogate (the API's
    :func:`~threadguard.service.dependencies.plain_parameters`, answered with the
    dashboard's page rather than the API's JSON)."""
    try:
        await plain_parameters(request)
    except InvalidField as exc:
        raise FormRefused(exc.field, exc.problem) from None


def ascii_number(value: str, max_digits: int) -> bool:
    """Whether a form's or a query's ``value`` is a whole number as the pages write one:
    ASCII digits only, fewer than ``max_digits``. ``str.isdigit`` also takes "²" (which
    ``int`` then refuses: a 500) and Arabic-Indic digits (which ``int`` reads, but which
    never equal the number the page wrote: a policy save answered "changed while you were
    editing")."""
    return value.isascii() and value.isdigit() and len(value) < max_digits
