"""How the store's messages name a person: as a moderator must read a name.

A refusal that names an author ("author ... is already banned", an upload refused for
changing who wrote a comment) printed the name with Python's escapes
(``'editor\\u200b_jane'``), unlike every dashboard page, which shows each invisible or
direction-changing character as its code point (``editor[U+200B]_jane``). :func:`shown_name`
is that one rule, for the store's messages and the dashboard's pages alike
(:mod:`threadguard.dashboard.names` adds the look-alike warnings, which read the letters'
scripts); :func:`quoted` puts a name in a message, and the refusal lists the names it quotes
(:attr:`~threadguard.storage.records.StoreError.names`) for a page to add its warning.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: Characters that draw nothing (or nothing one can see) but are not format characters:
#: combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian selectors,
#: the blank Braille pattern, variation selectors.
INVISIBLE = frozenset(
    {
        *(0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180E, 0x180F),
        *(0x2800, 0x3164, 0xFFA0),
        *range(0xFE00, 0xFE10),
        *range(0xE0100, 0xE01F0),
    }
)
#: Unicode categories shown as code points: format (zero-width, bidi controls, the soft
#: hyphen), controls, private use, unassigned, surrogates, and separators other than the
#: plain space (no-break, ideographic, line and paragraph separators).
SHOWN_CATEGORIES = frozenset({"Cf", "Cc", "Co", "Cn", "Cs", "Zs", "Zl", "Zp"})


def hidden(char: str) -> bool:
    """Whether a character of a name is shown as its code point rather than drawn."""
    if char == " ":
        return False
    return ord(char) in INVISIBLE or unicodedata.category(char) in SHOWN_CATEGORIES


def code_point(char: str) -> str:
    """``U+0435``."""
    return f"U+{ord(char):04X}"


@lru_cache(maxsize=4096)
def shown_name(name: str | None) -> str:
    """A name as a moderator should read it: each invisible or direction-changing
    character shown as ``[U+200B]``, so "\u202eevil_rlo" reads "[U+202E]evil_rlo", not
    reversed as "olr_live", and "editor\u200b_jane" reads "editor[U+200B]_jane"."""
    if not name:
        return name or ""
    if name.isascii() and name.isprintable():
        return name
    return "".join(f"[{code_point(c)}]" if hidden(c) else c for c in name)


def quoted(name: str | None) -> str:
    """A name in a message: its :func:`shown_name` in quotes (``'editor[U+200B]_jane'``),
    as the messages quoted names before (with Python's escapes inside)."""
    return f"'{shown_name(name)}'"
