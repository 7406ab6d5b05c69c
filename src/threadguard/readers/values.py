"""Coercion of loosely typed input values (JSON, CSV cells) to the thread model's types.

Exports disagree on types (ids as numbers, authors as objects, times as epoch seconds); a
reader should accept all of them rather than reject a thread over a number.
"""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Final


def iso_utc(seconds: float) -> str:
    """Epoch seconds as an ISO 8601 UTC timestamp such as ``2024-05-01T12:30:00Z``."""
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def as_id(value: object) -> str | None:
    """An id from a string or integer; None for null, empty or unusable values."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | str):
        text = str(value).strip()
        return text or None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None


def id_fault(key: str, value: object) -> str | None:
    """Why ``value``, given as ``key``, is no id (a list, an object, true, 1.5), or None
    when it is one or none is given (null, empty). :func:`as_id` reads such a value as no
    id at all, so a reader reports it with this before the comment is given a new id or
    loses its parent link: dropped silently, ``{"id": [1, 2]}`` became ``c1`` unannounced."""
    if value is None or as_id(value) is not None or isinstance(value, str):
        return None
    # a float is shown with its value: 2.0 is an id (2), 2.5 not
    found = f"float {value!r}" if isinstance(value, float) else type(value).__name__
    return f"'{key}' must be a string or an integer, found {found}"


def as_text(value: object) -> str | None:
    """Text from a string or number; None when the value is not text-like."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    return None


def as_author(value: object) -> str:
    """An author name from a string, or from an object with ``name`` / ``username``."""
    if isinstance(value, dict):
        for key in ("name", "username", "display_name"):
            name = as_text(value.get(key))
            if name:
                return name.strip()
        return ""
    return (as_text(value) or "").strip()


#: Epoch seconds (9 to 10 digits) or milliseconds (12 to 13) written as a string.
_EPOCH: Final = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")
#: An RFC 2822 date ("Tue, 05 Mar 2019 10:00:00 +0000"), as mail and RSS exports write it.
_RFC2822: Final = re.compile(r"(?:[A-Za-z]{3}, )?\d{1,2} [A-Za-z]{3} \d{4} \d\d:\d\d")


def as_timestamp(value: object) -> str | None:
    """A timestamp as given, but epoch seconds (a number, or digits in a string: epoch
    milliseconds too) and RFC 2822 dates converted to ISO 8601 UTC: an archive's
    "1546300800" was kept as is, and the report's timeline counted it as no date. Any
    other text is kept as written (the report reads only real ISO dates)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        try:
            return iso_utc(float(value))
        except (OverflowError, OSError, ValueError):
            return str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _EPOCH.fullmatch(text):
        seconds = float(text) / (1000 if len(text.split(".")[0]) >= 12 else 1)
        with contextlib.suppress(OverflowError, OSError, ValueError):
            return iso_utc(seconds)
    if _RFC2822.match(text):
        with contextlib.suppress(TypeError, ValueError, IndexError):
            return parsedate_to_datetime(text).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return text or None


def as_depth(value: object) -> int | None:
    """A non-negative integer depth, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    return None


#: A language code as inputs write it: ``de``, ``pt-BR``, ``en_GB``, ``FIL``.
_LANGUAGE_CODE: Final = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def as_language(value: object) -> tuple[str | None, str | None]:
    """A comment's stated language as its primary code (``de`` for ``de-AT``), and None;
    or None and why the value is no language code (None, None: none stated)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, str) and _LANGUAGE_CODE.fullmatch(value.strip()):
        return re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0], None
    shown = repr(value)[:40]
    return None, f"language {shown} is not a language code; detected from the text"
