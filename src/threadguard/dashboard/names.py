"""Names as a moderator must read them: never two people who look like one.

"editor_jane", "еditor_jane" (a Cyrillic е), "editor\u200b_jane" (a zero-width space) and
"ｅｄｉｔｏｒ_ｊａｎｅ" (full-width letters) are four accounts that render alike. So every
invisible or direction-changing character in a name is shown as its code point
(``[U+200B]``), and a name that mixes Latin letters with Cyrillic or Greek ones, or uses
compatibility forms (full-width, mathematical letters), gets a warning naming each such
code point (:func:`name_warning`), shown beside it on every page and in the charts.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from threadguard.language.scripts import script_of

#: Characters that draw nothing (or nothing one can see) but are not format characters:
#: combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian selectors,
#: the blank Braille pattern, variation selectors.
_INVISIBLE = frozenset(
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
_SHOWN_CATEGORIES = frozenset({"Cf", "Cc", "Co", "Cn", "Cs", "Zs", "Zl", "Zp"})
#: Scripts whose letters pass for Latin ones.
_CONFUSABLE_SCRIPTS = frozenset({"Cyrl", "Grek"})


def _hidden(char: str) -> bool:
    """Whether a character of a name is shown as its code point rather than drawn."""
    if char == " ":
        return False
    return ord(char) in _INVISIBLE or unicodedata.category(char) in _SHOWN_CATEGORIES


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
    return "".join(f"[{code_point(c)}]" if _hidden(c) else c for c in name)


def shown_text(text: str | None) -> str:
    """Words written around names (a thread signal's sentence), shown as a name is: a
    name the sentence quotes cannot reverse the line with its U+202E."""
    return shown_name(text)


@dataclass(frozen=True)
class NameWarning:
    """Why a name may pass for another: ``label`` (a badge's words) and ``detail`` (the
    code points, for its title)."""

    label: str
    detail: str

    @property
    def text(self) -> str:
        """The warning in plain text, after a name (charts, data attributes)."""
        return f"[{self.label}]"


def _described(char: str) -> str:
    return f"{code_point(char)} {unicodedata.name(char, 'UNNAMED')}"


@lru_cache(maxsize=4096)
def name_warning(name: str | None) -> NameWarning | None:
    """A warning for a name that mixes Latin letters with Cyrillic or Greek ones, or uses
    compatibility forms (full-width or mathematical letters) that read as plain ones;
    None for any other name (one script alone, whatever it is, is a name like others)."""
    if not name or name.isascii():
        return None
    letters = [c for c in name if c.isalpha()]
    scripts = {script_of(c) for c in letters}
    if "Latn" in scripts and scripts & _CONFUSABLE_SCRIPTS:
        odd = [c for c in dict.fromkeys(letters) if script_of(c) in _CONFUSABLE_SCRIPTS]
        return NameWarning("mixed scripts", "Not Latin: " + ", ".join(map(_described, odd)))
    compatible = [
        c
        for c in dict.fromkeys(name)
        if not _hidden(c) and unicodedata.normalize("NFKC", c) != c and c.isprintable()
    ]
    if compatible:
        return NameWarning(
            "look-alike letters", "Compatibility forms: " + ", ".join(map(_described, compatible))
        )
    return None


def plain_name(name: str | None) -> str:
    """A name for plain-text places (a chart's label and tooltip, a dialog's title): the
    shown name, then its warning, if any."""
    warning = name_warning(name)
    shown = shown_name(name)
    return f"{shown} {warning.text}" if warning is not None else shown
