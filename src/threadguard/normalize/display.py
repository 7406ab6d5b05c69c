"""Step 0 of the pipeline: the text in the order and letters its readers see.

Two tricks make the stored characters differ from what is displayed, and each hid abuse
from every later step (and from a site's watched words):

* A right-to-left override (U+202E RLO, up to its U+202C PDF or the end of the paragraph)
  displays strong left-to-right letters in reverse: ``"\\u202eregg\\u0131n a era uoy"`` is
  stored backwards and read as a slur. Per the Unicode bidi algorithm (UAX #9, rules X4 and
  W/I), an override makes every character of the run strong right-to-left, so the run is
  shown reversed; an embedding (RLE) or an isolate (RLI, FSI) only sets the base direction
  and leaves Latin letters in their order, so only overrides are reversed here. Inside a
  reversed run, paired brackets are mirrored (as displayed) and right-to-left letters
  (Arabic, Hebrew...) keep their logical order, which is their reading order; an override
  with no left-to-right letter in it changes nothing. The controls themselves are deleted
  by step 1 as before.
* A no-break space inside a word (``"sl\\u00a0ut"``) splits it for a tokenizer. It is
  deleted when one side of it is a two-letter fragment and neither side is a common short word
  (so ``"Mr\\u00a0Smith"``, ``"New\\u00a0York"``, ``"J\\u00a0Smith"`` keep their space).
(Upside-down letters are step 4b, :mod:`.upside_down`.)

:func:`visual` returns the new text with, for each of its characters, the original index it
came from (each output character comes from exactly one input character, so inside a
reversed run the map is not monotonic: :meth:`.Normalized.to_original` takes the minimum
and maximum over a range). Pure-ASCII text never has any of these and skips the step.
"""

from __future__ import annotations

import unicodedata
from typing import Final

_RLO: Final = "\u202e"
# Controls that open an embedding, override or isolate (popped by PDF/PDI) and the
# paragraph separators that end every one of them (UAX #9, BD7 and X8).
_PUSH: Final = frozenset("\u202a\u202b\u202d\u202e")
_PDF: Final = "\u202c"
_PARAGRAPH: Final = frozenset("\n\r\x1c\x1d\x1e\x85\u2029")
_MIRROR: Final = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
_RTL_BIDI: Final = frozenset(("R", "AL"))

_NBSP: Final = frozenset("\u00a0\u202f\u2007")
# Two-letter words (in the covered languages) and abbreviations that a no-break space may
# rightly follow or precede.
_SHORT_WORDS: Final = frozenset(
    [
        "am",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "hi",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "oh",
        "ok",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
        "ye",
        "mr",
        "ms",
        "dr",
        "st",
        "mt",
        "jr",
        "sr",
        "vs",
        "nr",
        "ft",
        "pm",
        "de",
        "la",
        "le",
        "du",
        "en",
        "el",
        "un",
        "et",
        "es",
        "al",
        "lo",
        "se",
        "te",
        "tu",
        "il",
        "da",
        "di",
        "ne",
        "ya",
        "ja",
        "zu",
        "im",
        "um",
        "ab",
        "an",
        "er",
        "ob",
        "si",
        "ma",
        "mi",
        "mo",
        "na",
        "ni",
        "nu",
        "oi",
        "ou",
        "sa",
        "so",
        "ta",
        "ti",
        "wo",
        "yo",
    ]
)


def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in _RTL_BIDI


def _is_ltr(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "L"


def _override_end(text: str, start: int) -> int:
    """End of the override opened at ``start``: its matching PDF or the paragraph's end."""
    depth = 0
    for k in range(start + 1, len(text)):
        c = text[k]
        if c in _PARAGRAPH:
            return k
        if c in _PUSH:
            depth += 1
        elif c == _PDF:
            if depth == 0:
                return k
            depth -= 1
    return len(text)


def _clusters(idx: list[int], text: str) -> list[list[int]]:
    """Indices grouped into base character + the combining marks and joiners after it."""
    out: list[list[int]] = []
    for i in idx:
        c = text[i]
        if out and (unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me")):
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _reverse_overrides(text: str, order: list[int], chars: list[str]) -> None:
    """Reverse every right-to-left override run that holds a left-to-right letter."""
    k = text.find(_RLO)
    while k != -1:
        end = _override_end(text, k)
        run = list(range(k + 1, end))
        if any(_is_ltr(text[i]) for i in run):
            groups = _clusters(run, text)[::-1]
            # Right-to-left letters read in logical order: put each of their runs back.
            out: list[int] = []
            rtl: list[list[int]] = []
            for g in [*groups, []]:
                if g and _is_rtl(text[g[0]]):
                    rtl.append(g)
                    continue
                for r in rtl[::-1]:
                    out.extend(r)
                rtl = []
                out.extend(g)
            positions = [p for p in range(k + 1, end)]
            for p, i in zip(positions, out, strict=True):
                order[p] = i
                chars[p] = _MIRROR.get(text[i], text[i])
        k = text.find(_RLO, end)


def _join_nbsp(text: str, keep: list[bool]) -> None:
    """Mark the no-break spaces inside words for deletion (see the module docstring)."""
    n = len(text)
    for k, c in enumerate(text):
        if c not in _NBSP or k == 0 or k == n - 1:
            continue
        if not (text[k - 1].isalpha() and text[k + 1].isalpha()):
            continue
        a = k
        while a > 0 and text[a - 1].isalpha():
            a -= 1
        b = k + 1
        while b < n and text[b].isalpha():
            b += 1
        left, right = text[a:k].lower(), text[k + 1 : b].lower()
        if 2 in (len(left), len(right)) and not {left, right} & _SHORT_WORDS:
            keep[k] = False


def needs_visual(text: str) -> bool:
    """Whether :func:`visual` can change ``text`` (a cheap check; ASCII never does)."""
    if text.isascii():
        return False
    return _RLO in text or "\u00a0" in text or "\u202f" in text or "\u2007" in text


def visual(text: str) -> tuple[str, list[int]] | None:
    """``text`` as displayed and read, with each character's original index; ``None``
    when nothing changes."""
    if not needs_visual(text):
        return None
    n = len(text)
    order = list(range(n))
    chars = list(text)
    keep = [True] * n
    if _RLO in text:
        _reverse_overrides(text, order, chars)
    _join_nbsp(text, keep)
    kept = [p for p in range(n) if keep[order[p]]]
    order = [order[p] for p in kept]
    chars = [chars[p] for p in kept]
    out = "".join(chars)
    if out == text and order == list(range(n)):
        return None
    return out, order


def displayed(text: str) -> str:
    """``text`` in the order its readers see it (what language detection should read)."""
    shown = visual(text)
    return text if shown is None else shown[0]
