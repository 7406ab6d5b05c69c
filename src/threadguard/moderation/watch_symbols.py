"""Watched emoji and other symbols, matched in a comment as it is written.

A watched word is matched after normalisation, word by word (:mod:`.watch_patterns`), and
everything that is not a letter or digit separates words there: an entry of emoji alone
("🐒🍌", the monkey and banana posted under a story about a Black headteacher) had nothing
to match and was refused. Here such an entry is matched on the text as written instead:

- A *symbol* (:func:`is_symbol`) is a character beyond ASCII of a Unicode symbol category
  (emoji, dingbats, "✡", "☭", "€", "∞") that normalisation does not read as a letter or
  digit ("ⓚ", "🅱" and "™" are letters there, and stay words of the pattern). ASCII signs
  ("$", "+", "^") and punctuation are not symbols: an entry of only those ("!!", "...",
  "(((") would match nearly every comment and is refused. Letters of other scripts are
  letters, not symbols: "卐" and "卍" (Unicode letters) are already watched as words.
- Emoji variation selectors (U+FE0E, U+FE0F) and skin-tone modifiers (U+1F3FB-U+1F3FF)
  are ignored on both sides; so are zero-width joiners and spaces between two symbols
  (whitespace is optional there): "🐒 🍌", "🐒️🍌" and "🐒🏿🍌" match "🐒🍌". Tag characters
  and combining enclosing marks belong to the symbol before them, so "🏴" does not match
  inside a Scottish flag.
- An entry of symbols alone (and any punctuation beside them, matched literally) is its
  exact sequence: "🐒🍌" does not match "🍌🐒", "🐒" or "🍌" alone (:func:`find_written`).
- A *mixed* entry, letters and symbols ("🐒 boy", "£5"), matches both ways: its words as
  any watched word (after normalisation, through obfuscation, ``*`` wildcards), its
  symbols as written, each where the entry puts it: a symbol and a word may have
  punctuation or spaces between them as two words may; two symbols the entry writes
  side by side (or with spaces between), only spaces (:func:`find_mixed`). Before, a symbol in an entry separated words as punctuation does,
  so "🐒 boy" matched every "boy" and "£5" every "5".

Known gaps: a symbol inside a zero-width-joiner sequence is still that symbol ("👨"
matches in "👨‍👩‍👧"), and two flags side by side are a run of regional indicators a
watched flag may be found across ("🇩🇪" in "🇬🇩🇪🇸").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from threadguard.moderation.watch_patterns import WORD, Run, WordPattern, runs_of, word_matches
from threadguard.normalize import Normalized, normalize_text

#: Ignored on both sides: emoji presentation selectors and skin-tone modifiers.
IGNORED: Final = "\ufe0e\ufe0f\U0001f3fb-\U0001f3ff"
#: What may stand between two symbols of a match: spaces, joiners and the ignored.
_GAP: Final = f"[\\s\u200b-\u200d\u2060\ufeff{IGNORED}]"
#: Part of the symbol before them: combining enclosing marks (the keycap) and tag
#: characters (the flags of England, Scotland and Wales).
_ATTACHED: Final = "\u20dd-\u20e4\U000e0020-\U000e007f"
_IGNORED_RE: Final = re.compile(f"[{IGNORED}]")
_GAP_RE: Final = re.compile(_GAP)
_ATTACHED_RE: Final = re.compile(f"[{_ATTACHED}{IGNORED}]")
#: The most symbols and runs of words an entry with symbols may have.
MOST_PARTS: Final = 32


class SymbolEntryError(ValueError):
    """An entry with symbols that cannot be watched (the watchlist names it)."""


@lru_cache(maxsize=4096)
def is_symbol(ch: str) -> bool:
    """Whether ``ch`` is a symbol a watched entry matches as written (see the module
    docs): beyond ASCII, of a symbol category, neither ignored nor read as a letter or
    digit once normalised."""
    return (
        not ch.isascii()
        and _IGNORED_RE.fullmatch(ch) is None
        and unicodedata.category(ch).startswith("S")
        and WORD.search(normalize_text(ch)) is None
    )


def parts(pattern: str) -> list[tuple[bool, str]]:
    """``pattern`` cut into its symbols, each with what belongs to it and without the
    ignored characters, and the text between them: (True, symbol) or (False, text)."""
    out: list[tuple[bool, str]] = []
    text: list[str] = []
    for ch in pattern:
        if is_symbol(ch):
            if text:
                out.append((False, "".join(text)))
                text = []
            out.append((True, ch))
        elif out and out[-1][0] and not text and _ATTACHED_RE.fullmatch(ch):
            out[-1] = (True, out[-1][1] + _IGNORED_RE.sub("", ch))
        elif _GAP_RE.fullmatch(ch):
            text.append(" ")  # a joiner or selector: a space
        else:
            text.append(ch)
    if text:
        out.append((False, "".join(text)))
    return out


@dataclass(frozen=True)
class SymbolPattern:
    """A watched entry with symbols in it, compiled (:func:`compile_symbols`)."""

    #: Its symbols (as :func:`parts` gives them) and words, in order.
    items: tuple[str | WordPattern, ...]
    #: For each item, whether only spaces may stand before it: a symbol that follows
    #: another with only spaces between them in the entry.
    tight: tuple[bool, ...]
    #: An entry of symbols alone: its whole sequence as written (None: a mixed entry).
    regex: re.Pattern[str] | None
    #: The first character of each symbol: a text without one of them cannot match.
    bases: tuple[str, ...]
    #: The words' longest piece, squeezed ("" where it has none): a normalised text
    #: squeezed without it cannot match (the watchlist's pre-filter).
    needle: str = ""

    def may_match(self, text: str) -> bool:
        """False where ``text`` certainly holds no match (a symbol of it is missing)."""
        return all(base in text for base in self.bases)


def written(pattern: str) -> SymbolPattern:
    """An entry of symbols and punctuation, no letter or digit: every character of it in
    order, spaces optional between them, the ignored characters ignored."""
    units: list[str] = []
    for ch in pattern:
        if _GAP_RE.fullmatch(ch):
            continue
        if units and _ATTACHED_RE.fullmatch(ch):
            units[-1] += ch
        else:
            units.append(ch)
    # possessive runs of characters no unit starts with: no backtracking, linear time
    body = f"{_GAP}*+".join(f"{re.escape(unit)}[{IGNORED}]*+(?![{_ATTACHED}])" for unit in units)
    bases = tuple(dict.fromkeys(u[0] for u in units if is_symbol(u[0])))
    return SymbolPattern(tuple(units), (), re.compile(body), bases)


def compile_symbols(
    pattern: str, words_of: Callable[[str], Sequence[WordPattern]]
) -> SymbolPattern | None:
    """The :class:`SymbolPattern` of an entry with a symbol in it (None: it has none):
    :func:`written` where it has no word, a mixed one otherwise, each text between its
    symbols made words by ``words_of`` (as any watched pattern's are)."""
    cut = parts(pattern)
    if not any(symbol for symbol, _ in cut):
        return None
    if len(cut) > MOST_PARTS:
        # matching costs the entry's length times the comment's: a review's entry of
        # 10,000 emoji took 3 s a comment (session 55)
        raise SymbolEntryError(
            f"has {len(cut)} symbols and words; an entry with symbols may have at most {MOST_PARTS}"
        )
    items: list[str | WordPattern] = []
    tight: list[bool] = []
    after_symbol = False  # only spaces since the last symbol
    for symbol, text in cut:
        if symbol:
            items.append(text)
            tight.append(after_symbol)
            after_symbol = True
            continue
        words = words_of(text)
        items.extend(words)
        tight.extend(False for _ in words)
        after_symbol = after_symbol and text.isspace()
    if not any(isinstance(item, WordPattern) for item in items):
        return written(pattern)
    best = ""
    for item in items:
        if isinstance(item, WordPattern):
            for piece in item.pieces:
                squeezed = "".join(ch for ch, _ in piece)
                best = squeezed if len(squeezed) > len(best) else best
    bases = tuple(dict.fromkeys(i[0] for i in items if isinstance(i, str)))
    return SymbolPattern(tuple(items), tuple(tight), None, bases, best)


def find_written(pattern: SymbolPattern, text: str) -> list[tuple[int, int]]:
    """(begin, end) in ``text`` of each match of an entry of symbols alone."""
    if pattern.regex is None:
        return []
    return [m.span() for m in pattern.regex.finditer(text)]


#: A comment's words and symbols in order: (begin, end) in the text as written, and the
#: word's runs (:func:`.watch_patterns.runs_of`) or the symbol (as :func:`parts` has it).
_Token = tuple[int, int, "tuple[Run, ...] | str"]


def tokens(text: str, canon: Normalized) -> list[_Token]:
    """A comment's words and symbols in order, which :func:`find_mixed` matches entries
    against: read once per comment, whatever number of mixed entries a watchlist has."""
    words: list[_Token] = []
    for m in WORD.finditer(canon.text):
        begin, end = canon.to_original(m.start(), m.end())
        words.append((begin, end, runs_of(m.group())))
    symbols: list[_Token] = []
    i, size = 0, len(text)
    while i < size:
        ch = text[i]
        if ch.isascii() or not is_symbol(ch):
            i += 1
            continue
        j = i + 1
        while j < size and _ATTACHED_RE.fullmatch(text[j]):
            j += 1
        symbols.append((i, j, _IGNORED_RE.sub("", text[i:j])))
        i = j
    # a symbol inside a word's span (normalisation never makes one a letter, but a
    # span may take in what it dropped) is part of that word
    out = sorted(words + symbols, key=lambda t: (t[0], isinstance(t[2], str)))
    kept: list[_Token] = []
    for token in out:
        if kept and isinstance(token[2], str) and token[0] < kept[-1][1]:
            continue
        kept.append(token)
    return kept


def _fits(item: str | WordPattern, token: _Token) -> bool:
    what = token[2]
    if isinstance(item, str):
        return what == item
    return not isinstance(what, str) and (not item.pieces or word_matches(item, what))


def find_mixed(
    pattern: SymbolPattern, text: str, tokens: Sequence[_Token]
) -> list[tuple[int, int]]:
    """(begin, end) in ``text`` of each match of a mixed entry, left to right, none
    overlapping: its items on consecutive words and symbols of the comment, two symbols
    with nothing but spaces (or ignored characters) between them. ``tokens``: the
    comment's, as :func:`tokens` reads them."""
    items = pattern.items
    size = len(items)
    found: list[tuple[int, int]] = []
    first = 0
    while first + size <= len(tokens):
        ok = True
        for offset, item in enumerate(items):
            token = tokens[first + offset]
            if not _fits(item, token):
                ok = False
                break
            if pattern.tight[offset]:
                gap = text[tokens[first + offset - 1][1] : token[0]]
                if any(_GAP_RE.fullmatch(ch) is None for ch in gap):
                    ok = False
                    break
        if ok:
            found.append((tokens[first][0], tokens[first + size - 1][1]))
            first += size
        else:
            first += 1
    return found
