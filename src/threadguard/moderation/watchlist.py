"""Watched words: the patterns a site never publishes, holds, flags or masks.

Patterns: ``*`` inside a word matches any letters (``fuck*``: fucker, fucking); a ``*``
standing alone matches one whole word (``kill all *``); patterns match whole words
unless they start or end with ``*``; words may be separated by any punctuation, in the
comment and in the pattern ("e-mail" matches "e mail"); how a pattern is matched, in time
linear in the comment whatever the pattern, is :mod:`.watch_patterns`. Text is
matched after :func:`threadguard.normalize.normalize`, and each pattern letter also
matches a run of itself, so separators, look-alike letters, leetspeak and stretched
letters do not hide a word; match offsets are mapped back to the original text for
censoring. Known gap: a masked spelling (``f*ck``) is not matched by ``fuck``.

An entry with emoji or other symbols in it ("🐒🍌", "✡", "🐒 boy") is matched as
:mod:`.watch_symbols` says: its symbols on the comment as written, in order (variation
selectors and skin tones ignored, spaces optional between them), and a mixed entry's
words as any pattern's, beside them. An entry of punctuation and spaces alone ("!!",
"...", "(((") is refused: it would match nearly every comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from threadguard.moderation.watch_patterns import Pattern, WordPattern, compile_words, find
from threadguard.moderation.watch_symbols import (
    SymbolEntryError,
    SymbolPattern,
    compile_symbols,
    find_mixed,
    find_written,
    tokens,
)
from threadguard.normalize import normalize_known, normalize_text
from threadguard.schema import Verdict

#: Watchlist actions, and the verdict each one asks for (None: leaves the verdict alone).
WATCH_EFFECT: dict[str, Verdict | None] = {
    "block": Verdict.REJECT,
    "hold": Verdict.HOLD,
    "flag": None,
    "censor": None,
}
WATCH_ACTIONS = tuple(WATCH_EFFECT)


def misplaced_watch_hint(keys: list[str], table: Mapping[str, object]) -> str:
    """A hint for a watchlist action found in another table: a line uncommented from the
    file ``policy init`` writes without its ``[watchlist]`` header lands in the table above
    it (desk 101, session 55: "unknown attribute(s) in [languages.thresholds.pl]: hold")."""
    found = [k for k in keys if k in WATCH_EFFECT and isinstance(table.get(k), list)]
    if not found:
        return ""
    return f"; a watched-word list ({', '.join(found)} = [...]) goes under a [watchlist] header"


class PatternError(ValueError):
    """A watched pattern that cannot be used (empty, or matching every word)."""


@dataclass(frozen=True)
class WatchRule:
    """One watched word or phrase, its action and its compiled matcher."""

    pattern: str
    action: str
    matcher: Pattern
    #: The longest literal run of the pattern, normalised and squeezed (:func:`squeeze`):
    #: text without it squeezed cannot match ("" where the pattern has none: always try).
    needle: str = ""
    #: An entry with emoji or other symbols: how it is matched instead of ``matcher``
    #: (:mod:`.watch_symbols`; ``matcher`` then has no words).
    symbols: SymbolPattern | None = None

    @classmethod
    def of(cls, pattern: str, action: str) -> WatchRule:
        """The rule for ``pattern``; :class:`PatternError` if it is empty or matches anything.

        An entry of symbols alone ("🐒🍌") matches its exact sequence on the text as
        written. A mixed entry, letters and symbols ("🐒 boy", "£5"), matches both ways:
        its words after normalisation as any pattern's, its symbols as written, in the
        order the entry gives them (it once matched its words alone, each symbol
        separating words as punctuation does: "🐒 boy" held every "boy")."""
        _refuse_regex(pattern)
        try:
            symbols = compile_symbols(pattern, _words_of)
        except SymbolEntryError as exc:
            raise PatternError(str(exc)) from None
        if symbols is not None:
            return cls(pattern, action, Pattern(()), symbols.needle, symbols)
        matcher = compile_pattern(pattern)
        return cls(pattern, action, matcher, matcher.needle)


@dataclass(frozen=True)
class WatchMatch:
    """A watched pattern found in a comment, with its offsets in the original text."""

    pattern: str
    action: str
    begin: int
    end: int
    in_author: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "pattern": self.pattern,
            "action": self.action,
            "begin": self.begin,
            "end": self.end,
        }
        if self.in_author:
            out["in"] = "author"
        return out


def literal_pieces(pattern: str) -> list[list[str] | None]:
    """Each word of ``pattern``: its literal pieces between ``*`` (normalised the way
    comments are; "" before a leading or after a trailing ``*``), or None for a lone
    ``*``."""
    return [
        None if set(token) == {"*"} else [normalize_text(p) if p else "" for p in token.split("*")]
        for token in pattern.split()
    ]


#: What only a regular expression writes: a backslash escape, alternation, a group or a
#: character class, ``.*`` and ``.+``, anchors, a repeat count.
_REGEX_SIGNS: Final = re.compile(
    r"\\[a-zA-Z\\.]|\||\([^)]*\)|\[[^\]]*\]|\.[*+]|^\^|\$$|\{\d+(,\d*)?\}"
)


def _refuse_regex(pattern: str) -> None:
    regex = _REGEX_SIGNS.search(pattern)
    if regex is not None:
        # punctuation separates words, so "\\bn[i1]gg(a|er)\\b" was accepted and matched
        # nothing, and "kill.*you" only "kill you"
        raise PatternError(
            f"looks like a regular expression ({regex.group()!r}); watched patterns are words "
            'and * wildcards: write each form as its own pattern ("kill * you", "n1gg*")'
        )


def _words(pattern: str) -> list[str]:
    return ["*" if pieces is None else "*".join(pieces) for pieces in literal_pieces(pattern)]


def _words_of(text: str) -> tuple[WordPattern, ...]:
    """The words of a mixed entry's text between its symbols, as a pattern's."""
    return compile_words(_words(text)).words


def compile_pattern(pattern: str) -> Pattern:
    """The matcher a watched pattern without symbols becomes (see the module docs and
    :mod:`threadguard.moderation.watch_patterns`): each literal piece normalised the way
    comments are, every letter matching a run of itself (the normaliser squeezes "fuuuuck"
    only down to "fuuck"). :class:`PatternError` if it is empty, has no letter or digit,
    or matches every word."""
    _refuse_regex(pattern)
    words = _words(pattern)
    if not words:
        raise PatternError("empty pattern")
    matcher = compile_words(words)
    if not matcher.words:
        echo = ' (the "(((name)))" echo is a code of [coded_hate])' if "(((" in pattern else ""
        raise PatternError(
            "has no letter or digit (nor an emoji or other symbol) to match: punctuation "
            f"and spaces alone would match nearly every comment{echo}"
        )
    if all(not w.pieces for w in matcher.words):
        raise PatternError("matches every word")
    return matcher


_RUNS = re.compile(r"(.)\1+", re.DOTALL)


def squeeze(text: str) -> str:
    """``text`` with every run of one character cut to one ("fuuuck" -> "fuck"): a pattern's
    letters may each repeat, so a match squeezed is its literal squeezed, and the squeezed
    match is a substring of the squeezed text."""
    return _RUNS.sub(_first, text)


def _first(run: re.Match[str]) -> str:
    # a function, not the template r"\1": re expands a template again for every match
    return run.group(1)


def needle_of(pattern: str) -> str:
    """The longest literal piece of ``pattern`` (:func:`literal_pieces`), squeezed."""
    return compile_pattern(pattern).needle


def trimmed(text: str, begin: int, end: int) -> tuple[int, int]:
    """``[begin, end)`` of ``text`` without the white space at either end: a pattern that
    opens at a sentence's start takes the spaces after it, and the words a moderator sees
    highlighted start at the first letter (desk 66, session 50: the span read " Diversity
    hire")."""
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return begin, end


def match_watchlist(
    rules: Iterable[WatchRule],
    text: str,
    *,
    in_author: bool = False,
    canonical: str | None = None,
) -> list[WatchMatch]:
    """Every watched pattern found in ``text``, with offsets into ``text`` as given.

    ``canonical``: ``normalize_text(text)`` when the caller has it already (the engine
    made it to score the comment), which spares normalising the text again."""
    rules = tuple(rules)
    if not rules or not text:
        return []
    found: list[WatchMatch] = []
    worded: list[WatchRule] = []
    for rule in rules:
        if rule.symbols is None:
            worded.append(rule)
        elif rule.symbols.may_match(text):
            if rule.symbols.regex is None:
                worded.append(rule)  # mixed: its words are read normalised
                continue
            for span in find_written(rule.symbols, text):
                found.append(WatchMatch(rule.pattern, rule.action, *span, in_author))
    if worded:
        found += _read_normalised(worded, text, in_author, canonical)
    found.sort(key=lambda w: (w.begin, w.end))
    return found


def _read_normalised(
    rules: list[WatchRule], text: str, in_author: bool, canonical: str | None
) -> list[WatchMatch]:
    """The matches of ``rules`` read on ``text`` normalised (all but entries of symbols
    alone)."""
    # Most comments contain none of the watched words: a substring test on the text with
    # its letter runs squeezed rules a pattern out before its regex runs (a regex pass per
    # pattern made decisions 50x slower with 200 watched words; `threadguard bench`), and
    # the offset map is built only when one may match (the canonical text alone is cheaper).
    if canonical is None:
        canonical = normalize_text(text)
    squeezed = squeeze(canonical)
    candidates = [rule for rule in rules if rule.needle in squeezed]
    if not candidates:
        return []
    canon = normalize_known(text, canonical)
    found: list[WatchMatch] = []
    read: list[Any] | None = None  # the comment's words and symbols, for mixed entries
    for rule in candidates:
        if rule.symbols is not None:
            read = tokens(text, canon) if read is None else read
            spans = find_mixed(rule.symbols, text, read)
        else:
            spans = [canon.to_original(*span) for span in find(rule.matcher, canon.text)]
        for span in spans:
            begin, end = trimmed(text, *span)
            found.append(WatchMatch(rule.pattern, rule.action, begin, end, in_author))
    return found


def censor(text: str, matches: Iterable[WatchMatch], mask: str = "*") -> str:
    """``text`` with every non-space character of each censor match replaced by ``mask``."""
    chars = list(text)
    for m in matches:
        if m.action != "censor" or m.in_author:
            continue
        for i in range(m.begin, min(m.end, len(chars))):
            if not chars[i].isspace():
                chars[i] = mask
    return "".join(chars)
