"""The pipeline: the steps in their order, with the offset map and without it.

:func:`normalize` builds the map (spans need it); :func:`normalize_text` is the fast path
for feature extraction, which runs on every comment and every training row. Both call the
same edit functions in the same order, so they always agree on the text.
"""

from __future__ import annotations

from threadguard.normalize.display import visual
from threadguard.normalize.homoglyphs import homoglyph_edits
from threadguard.normalize.leetspeak import leet_edits
from threadguard.normalize.offsets import Normalized, apply_mapped, apply_text
from threadguard.normalize.protected import protected_spans
from threadguard.normalize.repeats import run_edits
from threadguard.normalize.separators import join_edits
from threadguard.normalize.unicode_fold import (
    ASCII_CONTROL_RE,
    CASEFOLD,
    FOLD,
    casefold_mapped,
    fold_indexed,
    fold_mapped,
    space_edits,
)
from threadguard.normalize.upside_down import flip_edits


def normalize(text: str) -> Normalized:
    """Canonical form of ``text`` with the map of each canonical character to the original.

    Use this where spans must be reported; use :func:`normalize_text` where only the text
    is needed (it gives the same text, faster).
    """
    shown = visual(text)
    if shown is None:
        t, starts, ends = fold_mapped(text)
    else:
        t, starts, ends = fold_indexed(*shown)
    t, starts, ends = apply_mapped(t, starts, ends, space_edits(t))
    t, starts, ends = apply_mapped(t, starts, ends, homoglyph_edits(t))
    t, starts, ends = casefold_mapped(t, starts, ends)
    t, starts, ends = apply_mapped(t, starts, ends, homoglyph_edits(t))
    t, starts, ends = apply_mapped(t, starts, ends, join_edits(t, protected_spans(t)))
    t, starts, ends = apply_mapped(t, starts, ends, flip_edits(t, protected_spans(t)))
    t, starts, ends = apply_mapped(t, starts, ends, leet_edits(t, protected_spans(t)))
    t, starts, ends = apply_mapped(t, starts, ends, run_edits(t, protected_spans(t)))
    return Normalized(t, tuple(starts), tuple(ends))


def normalize_known(text: str, canonical: str) -> Normalized:
    """:func:`normalize` of ``text`` when its canonical form (``normalize_text(text)``) is
    already known: most comments are only lower-cased, and then the map is the identity,
    which costs nothing to build. Otherwise the full mapped normalisation runs.
    """
    if len(canonical) == len(text) and canonical == text.lower():
        n = len(text)
        return Normalized(canonical, tuple(range(n)), tuple(range(1, n + 1)))
    return normalize(text)


def normalize_text(text: str) -> str:
    """The canonical text only: ``normalize(text).text``, without building the map.

    Shares every decision with :func:`normalize` (the same edit functions produce the
    changes), and takes shortcuts only where they are exact: pure-ASCII text skips the
    Unicode and homoglyph steps, and whitespace is collapsed with ``str.split``.
    """
    if text.isascii():
        if ASCII_CONTROL_RE.search(text):
            text = ASCII_CONTROL_RE.sub("", text)
        t = " ".join(text.split()).lower()
    else:
        shown = visual(text)
        if shown is not None:
            text = shown[0]
        t = " ".join(text.translate(FOLD).split())
        t = apply_text(t, homoglyph_edits(t))
        t = t.translate(CASEFOLD)
        t = apply_text(t, homoglyph_edits(t))
    t = apply_text(t, join_edits(t, protected_spans(t)))
    if not t.isascii():
        t = apply_text(t, flip_edits(t, protected_spans(t)))
    t = apply_text(t, leet_edits(t, protected_spans(t)))
    return apply_text(t, run_edits(t, protected_spans(t)))
