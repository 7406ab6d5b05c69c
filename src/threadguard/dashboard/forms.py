"""Reading the dashboard's forms: URL-encoded bodies, parsed here.

Every form the dashboard serves (and every htmx request it makes) is
``application/x-www-form-urlencoded``; the standard library reads that, so the service
needs no multipart parser. The service's body limit applies before this runs.

A field (name or value) that no store could take, a NUL (which PostgreSQL refuses) or a
lone surrogate, is refused here, before any route looks it up or stores it, as
:class:`FormRefused`: the dashboard answers it with a 400 page naming the field.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import Request

from threadguard.service.dependencies import plain_parameters
from threadguard.validation import InvalidField, check_text

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


async def read_form(request: Request) -> Form:
    """The request's URL-encoded form (empty for any other body)."""
    cached = request.scope.get(_PARSED)
    if isinstance(cached, Form):
        return cached
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fields: dict[str, list[str]] = {}
    if content_type == "application/x-www-form-urlencoded":
        body = await request.body()
        text = body.decode("utf-8", errors="replace")
        try:
            fields = parse_qs(text, keep_blank_values=True, max_num_fields=2000)
        except ValueError:  # more fields than any of our forms has: not one of ours
            fields = {}
    for name, values in fields.items():
        _check(f"form field {name!r}", name)
        for value in values:
            _check(f"form field {name!r}", value)
    form = Form(fields)
    request.scope[_PARSED] = form
    return form


def _check(field: str, value: str) -> None:
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
