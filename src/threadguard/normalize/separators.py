"""Step 4 of the pipeline: separators inside a word (``f.u.c.k``, ``f u c k``, ``i-d-i-o-t``).

It runs before the leetspeak step, so that ``n.1.g.g.3.r`` is first joined, then
de-leeted, which keeps the pipeline idempotent.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.normalize.offsets import Edit
from threadguard.normalize.protected import overlaps

# A unit is one letter, or one leetspeak digit (n.1.g.g.3.r); it must stand alone, i.e. not
# touch another letter or digit. Space-separated runs need four units, others three.
_UNIT: Final = r"(?:[^\W\d_]|[013457])"
# Cheap pre-checks: every joinable run contains "s u s" with one separator, or " u u ".
# (Two searches starting with a literal or a class are much faster than one alternation.)
_JOIN_HINT_RE: Final = re.compile(r"([.\-_*])[^\W_]\1")
_JOIN_SPACE_HINT_RE: Final = re.compile(r" [^\W_] [^\W_] ")
_JOIN_RE: Final = re.compile(
    rf"(?<![^\W_])(?:{_UNIT}(?: {_UNIT}){{3,}}|{_UNIT}([.\-_*]){_UNIT}(?:\1{_UNIT})+)(?![^\W_])"
)


def join_edits(text: str, protected: list[tuple[int, int]]) -> list[Edit]:
    """Join ``f.u.c.k`` / ``f u c k`` / ``f-u-c-k`` / ``f_u_c_k`` / ``f*u*c*k``.

    Requires at least three single letters with a dot, dash, underscore or asterisk, and at
    least four with a space, because "i am a" style single-letter words are common in
    ordinary English but four in a row are not.
    """
    if not (_JOIN_HINT_RE.search(text) or _JOIN_SPACE_HINT_RE.search(text)):
        return []
    edits: list[Edit] = []
    for m in _JOIN_RE.finditer(text):
        seg = m.group()
        units = seg[0::2]
        letters = sum(1 for c in units if c.isalpha())
        if letters < (4 if seg[1] == " " else 3):
            continue
        a, b = m.span()
        if protected and overlaps(a, b, protected):
            continue
        edits.append((a, b, [(seg[k], a + k, a + k + 1) for k in range(0, len(seg), 2)]))
    return edits
