"""Spans from the deep tier's token head: which words a trained tagger marks as abusive.

The fast tier finds spans by attribution through a linear model, which can only point at
words that are abusive out of context. The deep tier carries a token head trained on the
character spans of SemEval-2021 Toxic Spans, so it also marks the words that carry a
threat or an insult only in their sentence ("you will leave in an ambulance").

The head scores word pieces of the *normalised* text. A word is marked when its strongest
piece reaches the threshold, and marked words a space or two apart merge into one span,
the way the raters marked phrases.
Offsets go back to the original text through the normaliser's map.

Pure functions: the encoder gives the token probabilities, the engine decides which
attributes the spans are reported for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from threadguard.analysis import Span
from threadguard.normalize import Normalized
from threadguard.scoring.encoder import TokenScores

#: Marked words at most this many characters apart merge into one span.
MAX_GAP = 2
_WORD_RUN = re.compile(r"[^\W_]+(?:[*'’]+[^\W_]+)*")


def word_spans(
    text: str,
    offsets: Sequence[tuple[int, int]],
    probs: Sequence[float],
    threshold: float,
    max_gap: int = MAX_GAP,
) -> list[tuple[int, int, float]]:
    """``(begin, end, score)`` runs of marked words of ``text``.

    ``offsets`` are the character ranges in ``text`` of the comment's word pieces (special
    tokens and context tokens already left out, in order), ``probs`` the head's
    probability for each. A word is a run of letters and digits, joined across masking
    asterisks and apostrophes ("idiot," is "idiot"; "f**k" and "don't" stay whole, while
    "holier-than-thou" is three words, as the Toxic Spans raters tend to mark them); its
    score is the strongest piece inside it. Words no piece reached (past what was read)
    are skipped. (Joining across hyphens and dots too scored 0.6175 on the trial split,
    against 0.6211 for this.)
    """
    spans: list[tuple[int, int, float]] = []
    k = 0
    for m in _WORD_RUN.finditer(text):
        b, e = m.span()  # starts and ends with a letter or digit
        while k < len(offsets) and offsets[k][1] <= b:
            k += 1
        j, best = k, -1.0
        while j < len(offsets) and offsets[j][0] < e:
            if offsets[j][1] > offsets[j][0]:
                best = max(best, float(probs[j]))
            j += 1
        if best < threshold:
            continue
        if spans and b - spans[-1][1] <= max_gap:
            spans[-1] = (spans[-1][0], e, max(spans[-1][2], best))
        else:
            spans.append((b, e, best))
    return spans


def original_spans(
    norm: Normalized,
    offsets: Sequence[tuple[int, int]],
    probs: Sequence[float],
    threshold: float,
) -> list[tuple[int, int, float]]:
    """:func:`word_spans` of a normalised text, mapped back to the original text."""
    out = []
    for b, e, p in word_spans(norm.text, offsets, probs, threshold):
        ob, oe = norm.to_original(b, e)
        if oe > ob:
            out.append((ob, oe, p))
    return out


def whole_words_read(text: str, pieces: TokenScores) -> tuple[TokenScores, int]:
    """The pieces of the words the deep tier read whole, and where its reading ends.

    The encoder reads at most 128 word pieces, so a long comment is cut, possibly inside a
    word ("stupid mor|on"): the pieces of that last, partial word are dropped, and the end
    returned is where it begins (offsets into ``text``, the normalised comment).
    """
    if not pieces.offsets:
        return pieces, 0
    end = pieces.offsets[-1][1]
    if 0 < end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        while end > 0 and text[end - 1].isalnum():
            end -= 1
        keep = [k for k, (_, e) in enumerate(pieces.offsets) if e <= end]
        pieces = TokenScores([pieces.offsets[k] for k in keep], [pieces.probs[k] for k in keep])
    return pieces, end


#: The attribute the token head's spans belong to: it learnt the raters' toxic spans.
GENERAL = "toxicity"


def attribute_spans(
    norm: Normalized,
    pieces: TokenScores,
    scores: Mapping[str, float],
    threshold: float,
    min_score: float,
    guides: Sequence[Span] = (),
) -> list[Span]:
    """The spans of one comment the deep tier read, for every attribute it scores at least
    ``min_score`` (a clean comment has no spans), each scored as the attribute's
    probability times the span's strongest piece.

    The token head marks abusive words without saying which attribute each carries. The
    fast tier's attribution (``guides``) does say so, for words that are abusive on their
    own: an attribute it found words for gets the marked spans that overlap them ("shit"
    is profanity, "worthless" is not). Toxicity, and an attribute the fast tier found no
    words for (a threat worded politely), gets every marked span. The union of all spans
    is always the token head's, as tuned on the Toxic Spans trial split.

    ``norm`` is the comment normalised with its map; the pieces' offsets are into
    ``norm.text``.
    """
    flagged = [(a, p) for a, p in scores.items() if p >= min_score]
    if not flagged:
        return []
    found = original_spans(norm, pieces.offsets, pieces.probs, threshold)
    spans: list[Span] = []
    for attribute, p in flagged:
        words = [(g.begin, g.end) for g in guides if g.attribute == attribute]
        if attribute == GENERAL or not words:
            spans += [Span(b, e, attribute, p * s) for b, e, s in found]
            continue
        spans += [
            Span(b, e, attribute, p * s)
            for b, e, s in found
            if any(gb < e and b < ge for gb, ge in words)
        ]
    spans.sort(key=lambda s: (s.begin, s.attribute))
    return spans


def one_per_place(spans: list[Span]) -> list[Span]:
    """One span per place and attribute, at its highest score, in the order found.

    The deep tier's spans and the fast tier's that reach past what it read can mark the
    same words where the normalised text does not map back in order (a word written
    backwards under a right-to-left override, or upside down: "ʇoıpı" was marked as an
    insult twice, at 0.9806 and 0.9845)."""
    best: dict[tuple[int, int, str], Span] = {}
    for span in spans:
        key = (span.begin, span.end, span.attribute)
        if key not in best or span.score > best[key].score:
            best[key] = span
    return list(best.values())
