"""Where a long comment is read again in pieces: the deep tier reads 128 tokens.

The deep tier's encoder sees a comment's first 128 word pieces (about 500 characters of
English) and nothing after: "You are a pathetic idiot" after ten polite sentences was
approved, its insult never read (a padding attack, and also how a long, mostly civil
comment hides its one line of abuse). So what the encoder did not read of a comment is
read again in pieces of whole sentences, each at most :data:`CHUNK_CHARS` long, from the
sentence where its reading stopped to the end; each attribute then takes the highest of
the readings (:meth:`threadguard.engine.Engine.analyze`). Only what was not read is read
again: a piece read alone lacks the sentences before it, and a tail the encoder had
already read in context ("All those who can should get out and join the real world!")
scores higher alone (session 31: pieces of every comment over 450 characters held 3 more
of SFU's 229 civil dev comments; pieces of the unread part only, none).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

#: The longest piece (characters): what the deep tier reads whole, with room to spare.
CHUNK_CHARS: Final = 450
_SPACE: Final = re.compile(r"\s+")


def unread_pieces(text: str, read: int, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) covering what a reading of the first ``read`` characters missed:
    from the start of the sentence it stopped in to the end, in whole sentences packed up
    to ``size`` characters (a longer sentence cut at spaces). Empty when it read all."""
    if read >= len(text.rstrip()):
        return []
    units = _units(text, size)
    start = max((begin for begin, _ in units if begin <= read), default=0)
    pieces: list[tuple[int, str]] = []
    for begin, end in units:
        if end <= start:
            continue
        if end - start > size and begin > start:
            pieces.append((start, text[start:begin]))
            start = begin
    pieces.append((start, text[start:]))
    return [(offset, piece.rstrip()) for offset, piece in pieces if piece.strip()]


def _units(text: str, size: int) -> list[tuple[int, int]]:
    """(begin, end) of each sentence (:func:`sentences`) with the space after it, covering
    the whole text; a sentence longer than ``size`` cut at spaces."""
    starts = [begin for begin, _ in sentences(text)][1:]
    bounds = list(zip([0, *starts], [*starts, len(text)], strict=True))
    return [part for begin, end in bounds for part in _cut(text, begin, end, size)]


def _cut(text: str, begin: int, end: int, size: int) -> list[tuple[int, int]]:
    """The span ``begin:end`` as parts of at most ``size`` characters, cut after spaces
    (a run with no space is cut where it must)."""
    parts: list[tuple[int, int]] = []
    while end - begin > size:
        cut = max((m.end() for m in _SPACE.finditer(text, begin, begin + size)), default=0)
        cut = cut if cut > begin else begin + size
        parts.append((begin, cut))
        begin = cut
    parts.append((begin, end))
    return parts


# ------------------------------------------------------------------ sentences

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)|\n")
#: A full stop after one of these (or after one letter: "J. K. Rowling", "e.g.") ends no
#: sentence: "Mr. Smith is wrong." was two spans, "Mr." and "Smith is wrong.".
_ABBREVIATED: Final = re.compile(
    r"(?:^|[\s(\[\"'“‘.])(?:mr|mrs|ms|mx|dr|prof|st|sen|rep|gov|gen|col|lt|sgt|capt|rev|hon|"
    r"jr|sr|vs|approx|dept|e\.g|i\.e|[a-z])\.$",
    re.IGNORECASE,
)


def sentences(text: str, *, abbreviations: bool = True) -> list[tuple[int, int]]:
    """``[begin, end)`` code-point ranges of the sentences of ``text``, whitespace trimmed.

    Perspective's span annotations are "currently done at per-sentence level"; a sentence
    ends at terminal punctuation followed by a space (not a title's or an initial's full
    stop: "Mr.", "Dr.", "J."), or at a line break. The pieces a long comment is read again
    in are whole sentences by the same cut. ``abbreviations=False``: every full stop cuts
    (the sentences read one by one for abuse: "Plan B. You are all brainless sheep ..."
    would otherwise be one sentence, the insult diluted again).
    """
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if (
            abbreviations
            and m.group() == "."
            and _ABBREVIATED.search(text, max(0, m.start() - 8), m.end())
        ):
            continue
        end = m.start() if m.group() == "\n" else m.end()
        _add_trimmed(text, start, end, out)
        start = m.end()
    _add_trimmed(text, start, len(text), out)
    return out


def _add_trimmed(text: str, begin: int, end: int, out: list[tuple[int, int]]) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if end > begin:
        out.append((begin, end))


def sentence_parts(
    texts: Sequence[str], skip: Sequence[bool], longer_than: int
) -> tuple[list[int], list[str]]:
    """(row, sentence) for every sentence of each text longer than ``longer_than`` that
    has more than one sentence and is not to be skipped: what the cascade reads sentence
    by sentence to route a long comment (:func:`threadguard.scoring.worst_sentence.worst_sentences`)."""
    rows: list[int] = []
    parts: list[str] = []
    for i, text in enumerate(texts):
        if skip[i] or len(text) <= longer_than:
            continue
        found = [text[b:e] for b, e in sentences(text, abbreviations=False)]
        if len(found) > 1:
            rows += [i] * len(found)
            parts += found
    return rows, parts
