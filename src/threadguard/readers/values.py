"""Coercion of loosely typed input values (JSON, CSV cells) to the thread model's types.

Exports disagree on types (ids as numbers, authors as objects, times as epoch seconds); a
reader should accept all of them rather than reject a thread over a number.
"""

from __future__ import annotations

from datetime import UTC, datetime


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


def as_timestamp(value: object) -> str | None:
    """A timestamp string as given, or epoch seconds converted to ISO 8601 UTC."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        try:
            return iso_utc(float(value))
        except (OverflowError, OSError, ValueError):
            return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def as_depth(value: object) -> int | None:
    """A non-negative integer depth, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    return None
