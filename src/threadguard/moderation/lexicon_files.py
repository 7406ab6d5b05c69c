"""Reading the team's lists (coded hate, threats): TOML documents of one array of tables.

Both lists are data that a reviewer reads and edits by hand, so a malformed one must fail
with the file's name and what is wrong, whichever list it is.
"""

from __future__ import annotations

import tomllib
from typing import Any


def array_of_tables(text: str, key: str, source: str, error: type[ValueError]) -> list[Any]:
    """The entries of ``[[key]]`` in a TOML document (none: an empty list); ``error`` naming
    ``source`` when the text is not TOML or ``key`` is not an array of tables."""
    try:
        entries = tomllib.loads(text).get(key, [])
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{source}: invalid TOML: {exc}") from exc
    if not isinstance(entries, list):
        raise error(f"{source}: {key} must be an array of tables ([[{key}]])")
    return entries
