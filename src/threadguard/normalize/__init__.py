"""Text normalisation against obfuscation, with an offset map back to the original.

Comments written to dodge word filters (``𝐟𝐮𝐜𝐤``, ``f.u.c.k``, ``n1gg3r``, ``id\\u200biot``,
Cyrillic ``іdіоt``, ``fuuuuck``) defeat the fast tier's word and character n-gram models and
word-list matching unless they are first brought to one canonical form. The spans ThreadGuard
reports, however, are Unicode code-point offsets into the *original* text, so every character
of the canonical text carries the ``[begin, end)`` range of the original characters it came
from. :func:`normalize` returns the canonical text with that map; :func:`normalize_text`
returns only the text and is the fast path for feature extraction (it runs on every comment
and on every training row).

The pipeline (each step keeps the map):

1. Per character (:mod:`.unicode_fold`): Unicode NFKC where it is safe (fullwidth, ligatures, mathematical and
   circled letters, superscripts, small capitals); combining diacritics are dropped from
   Latin letters (``fúck`` -> ``fuck``) and standalone (Zalgo text); zero-width, invisible,
   bidi and control characters are deleted; every kind of whitespace becomes a space.
   Runs of whitespace collapse to one space and the ends are trimmed (this part of "step 6"
   runs first so that the later steps only ever see single spaces).
2. Homoglyphs (:mod:`.homoglyphs`): Cyrillic and Greek look-alikes become Latin inside words that also contain
   Latin letters, or whose letters are all look-alikes; genuine Russian or Greek words
   (with letters that look nothing like Latin ones) are left alone.
3. Case folding (``str.casefold``, re-folded by step 1; :mod:`.unicode_fold`), then step 2 once more.
4. Separators inside a word (``f.u.c.k``, ``f u c k``, ``i-d-i-o-t``) are removed
   (:mod:`.separators`). This runs *before* the leetspeak step so that ``n.1.g.g.3.r`` is first joined, then
   de-leeted, which keeps the pipeline idempotent.
5. Leetspeak (:mod:`.leetspeak`) inside words that mix letters and look-alike digits or symbols (``sh!t``,
   ``b1tch``, ``@ss``); pure numbers, prices and ordinals are not touched.
6. Runs (:mod:`.repeats`) of one letter longer than two collapse to two (``fuuuuck`` -> ``fuuck``), runs of
   one punctuation or symbol character longer than three collapse to three.

URLs and e-mail addresses are protected from steps 4 to 6 (they are only case-folded;
:mod:`.protected`).
Masked letters (``f*ck``, ``sh#t``) are kept: the models learn them; :data:`WORD_RE` is the
word pattern that keeps such tokens in one piece.

``normalize_text(normalize_text(x)) == normalize_text(x)`` for every input (the property
tests check it on arbitrary Unicode), so text normalised once at training time and again at
scoring time comes out the same.

Known limitations, accepted on purpose: Cyrillic/Greek words made only of look-alike
letters (Russian "а", "сор", all-capitals "НЕТ") are turned into Latin; accents on Latin
letters are lost (café -> cafe); ZWNJ is deleted even where it is orthographic (Persian);
acronyms with dots are joined (U.S.A. -> usa.); ``1`` always reads as ``i``, never ``l``;
a leetspeak digit that starts or ends a word is left alone except for the few patterns in
:func:`.leetspeak._deleet`, so "a55" is caught but "ki11" is not; a "!" between two letters is read as
an ``i`` even where a space was merely forgotten ("great!thanks").

The package: :mod:`.offsets` holds the result type and applies edits with or without the
map; :mod:`.pipeline` runs the steps in order (mapped and fast path); :mod:`.tokens` has the
word patterns; :mod:`.benchmark` measures the fast path.
"""

from __future__ import annotations

from threadguard.normalize.benchmark import bench_normalize
from threadguard.normalize.display import displayed
from threadguard.normalize.offsets import Normalized
from threadguard.normalize.pipeline import normalize, normalize_known, normalize_text
from threadguard.normalize.tokens import WORD_RE, words

__all__ = [
    "WORD_RE",
    "Normalized",
    "bench_normalize",
    "displayed",
    "normalize",
    "normalize_known",
    "normalize_text",
    "words",
]
