"""Names as a moderator must read them: never two people who look like one.

"editor_jane", "еditor_jane" (a Cyrillic е), "editor\u200b_jane" (a zero-width space) and
"ｅｄｉｔｏｒ_ｊａｎｅ" (full-width letters) are four accounts that render alike. So every
invisible or direction-changing character in a name is shown as its code point
(``[U+200B]``), and a name that mixes Latin letters with Cyrillic or Greek ones, or uses
compatibility forms (full-width, mathematical letters), gets a warning naming each such
code point (:func:`name_warning`), shown beside it on every page and in the charts.

Which characters are shown as code points is :mod:`threadguard.storage.names`' rule, which
the store's refusals follow too; :func:`refusal` adds the warnings to the names a refusal
quotes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from threadguard.language.scripts import script_of
from threadguard.storage.names import code_point, hidden, quoted, shown_name
from threadguard.storage.records import StoreError

__all__ = [
    "NameWarning",
    "code_point",
    "name_warning",
    "plain_name",
    "refusal",
    "shown_name",
    "shown_text",
]

#: Scripts whose letters pass for Latin ones.
_CONFUSABLE_SCRIPTS = frozenset({"Cyrl", "Grek"})


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
        if not hidden(c) and unicodedata.normalize("NFKC", c) != c and c.isprintable()
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


def refusal(exc: StoreError) -> str:
    """A store's refusal as a page says it: each name it quotes (shown as every page
    shows a name) followed by its look-alike warning, if any ("author 'еditor_jane' [mixed
    scripts] is already banned")."""
    text = str(exc)
    for name in dict.fromkeys(exc.names):
        warning = name_warning(name)
        if warning is not None:
            text = text.replace(quoted(name), f"{quoted(name)} {warning.text}")
    return text
