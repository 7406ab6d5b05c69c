"""A watched pattern compiled into words, and matched word by word in linear time.

A pattern was once one regular expression (``*`` as ``\\w*``, each letter as ``x+``). A
commenter could then make one comment cost seconds of the interpreter's lock on any site
whose watchlist had a ``*word*`` pattern (20,000 letters without a space: 2 s, every other
request of the worker stalled with it and a Coral answer past its deadline), and a pattern
such as ``a*a*a*a*a*a*a*b`` let a site's admin stall every site with a comment of 100
letters. So the comment is cut into words (runs of letters and digits, as separators
count any other characters) and each word into runs of one character ("fuuuck": f, u x3,
c, k); a pattern word is a list of literal pieces, each a list of runs with the least
count the piece asks for, and is matched against a word's runs by a scan that never goes
back (:func:`word_matches`). The words worth trying are found first by the pattern's
longest piece (:attr:`Pattern.finder`), a regular expression without any backtracking.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

#: A run of one character and how many times it stands there (in a pattern: at least).
Run = tuple[str, int]
#: The words of a text: runs of letters and digits (the underscore separates, as any
#: punctuation does between the words of a pattern).
WORD: Final = re.compile(r"[^\W_]+")


def runs_of(text: str) -> tuple[Run, ...]:
    """``text`` as runs of one character: "fuuck" -> (f, 1), (u, 2), (c, 1), (k, 1)."""
    return tuple((ch, len(list(group))) for ch, group in itertools.groupby(text))


@dataclass(frozen=True)
class WordPattern:
    """One word of a pattern: literal pieces between ``*`` (no pieces: any whole word)."""

    pieces: tuple[tuple[Run, ...], ...]
    #: Whether the word may start (end) with other letters: the pattern word starts
    #: (ends) with ``*``.
    open_start: bool = False
    open_end: bool = False


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern: its words in order, and how to find the words worth trying."""

    words: tuple[WordPattern, ...]
    #: Finds the pattern's longest piece squeezed in a text (None: no literal piece).
    finder: re.Pattern[str] | None = None
    #: Which of :attr:`words` holds that piece.
    finder_word: int = 0
    #: That piece squeezed ("kil" for "kill all *"): a text squeezed without it cannot
    #: match ("" where the pattern has no literal piece: always try).
    needle: str = ""


def compile_words(words: Sequence[str]) -> Pattern:
    """The :class:`Pattern` of a pattern's normalised words, each with its ``*`` still in:
    ``*`` alone is any word; inside a word, any letters; characters that are neither
    letters, digits nor ``*`` separate words, as they do in the comment ("e-mail" is the
    words "e" and "mail")."""
    compiled: list[WordPattern] = []
    for word in words:
        for part in re.split(r"[^\w*]+|_+", word):
            if not part:
                continue
            pieces = tuple(runs_of(p) for p in part.split("*") if p)
            compiled.append(WordPattern(pieces, part.startswith("*"), part.endswith("*")))
    best: tuple[int, int, str] = (0, 0, "")
    for index, word_pattern in enumerate(compiled):
        for piece in word_pattern.pieces:
            squeezed = "".join(ch for ch, _ in piece)
            if len(squeezed) > best[0]:
                best = (len(squeezed), index, squeezed)
    if not best[2]:
        return Pattern(tuple(compiled))
    # each letter of the squeezed piece as a run of itself taken whole (possessive), the
    # first where no run of it began before: every place is tried once, none again
    body = "".join(re.escape(ch) + "++" for ch in best[2])
    finder = re.compile(f"(?<!{re.escape(best[2][0])}){body}")
    return Pattern(tuple(compiled), finder, best[1], best[2])


def _piece_end(
    piece: tuple[Run, ...], runs: tuple[Run, ...], at: tuple[int, int], start: bool, end: bool
) -> tuple[int, int] | None:
    """Where the earliest match of ``piece`` in a word's ``runs`` ends, beginning at or
    after ``at`` (run index, characters of that run already used), as (run, used); None if
    there is none. ``start``: the match must begin at the word's start; ``end``: it must
    end at the word's end. A piece's runs after its first stand whole in the word's runs
    (neighbouring runs differ), so only the first and last runs of a match have a choice,
    and the earliest start is the earliest end."""
    last = len(runs) - 1
    size = len(piece)
    if end:
        first_runs: range | tuple[int, ...] = (last - size + 1,)
    elif start:
        first_runs = (at[0],)
    else:
        first_runs = range(at[0], last - size + 2)
    for r in first_runs:
        if r < at[0] or r < 0 or r + size - 1 > last or (start and (r, at) != (0, (0, 0))):
            continue
        used = at[1] if r == at[0] else 0
        ch, count = runs[r]
        if ch != piece[0][0] or count - used < piece[0][1]:
            continue
        if size == 1:
            return (r, count if end else used + piece[0][1])
        middle_ok = all(
            runs[r + i][0] == piece[i][0] and runs[r + i][1] >= piece[i][1] for i in range(1, size)
        )
        if middle_ok:
            tail = runs[r + size - 1][1] if end else piece[-1][1]
            return (r + size - 1, tail)
    return None


def word_matches(pattern: WordPattern, runs: tuple[Run, ...]) -> bool:
    """Whether a word (as its ``runs``) matches one word of a pattern: its pieces in
    order, each letter standing for a run of itself, the first at the word's start and
    the last at its end unless the pattern word opens there with ``*``. Each piece takes
    its earliest end, which leaves the most room for the pieces after it."""
    if not runs:
        return False
    at = (0, 0)
    count = len(pattern.pieces)
    for index, piece in enumerate(pattern.pieces):
        first, last = index == 0, index == count - 1
        found = _piece_end(
            piece,
            runs,
            at,
            start=first and not pattern.open_start,
            end=last and not pattern.open_end,
        )
        if found is None:
            return False
        at = found
    return True


def find(pattern: Pattern, text: str) -> list[tuple[int, int]]:
    """(begin, end) of each match of ``pattern`` in ``text``, left to right, none
    overlapping: from the start of its first word to the end of its last."""
    spans = [m.span() for m in WORD.finditer(text)]
    if not spans or not pattern.words:
        return []
    size = len(pattern.words)
    if pattern.finder is None:
        starts: list[int] = list(range(len(spans)))
    else:
        begins = [b for b, _ in spans]
        hits = {bisect.bisect_right(begins, m.start()) - 1 for m in pattern.finder.finditer(text)}
        starts = sorted(w - pattern.finder_word for w in hits if w - pattern.finder_word >= 0)
    found: list[tuple[int, int]] = []
    free = 0
    cache: dict[int, tuple[Run, ...]] = {}
    for first in starts:
        if first < free or first + size > len(spans):
            continue
        ok = True
        for offset, word_pattern in enumerate(pattern.words):
            index = first + offset
            if not word_pattern.pieces:
                continue  # any word
            if index not in cache:
                begin, end = spans[index]
                cache[index] = runs_of(text[begin:end])
            if not word_matches(word_pattern, cache[index]):
                ok = False
                break
        if ok:
            found.append((spans[first][0], spans[first + size - 1][1]))
            free = first + size
    return found
