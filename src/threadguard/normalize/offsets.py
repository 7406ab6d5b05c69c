"""The offset map: canonical text that remembers where each character came from.

Every step of the pipeline is a list of edits to the current text; applying them with
:func:`apply_mapped` carries the map from canonical characters back to the original along,
and :func:`apply_text` applies the same edits to the text alone (the fast path).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Normalized:
    """Canonical text plus, for each of its characters, the original range it came from.

    ``starts[i]`` and ``ends[i]`` are code-point offsets into the original text: the
    canonical character ``text[i]`` was produced from ``original[starts[i]:ends[i]]``.
    Both tuples are non-decreasing, except inside a run that step 0 reversed (a
    right-to-left override, an upside-down text), where each character keeps its own
    original position. When several original characters became one canonical
    character it maps to their union; when one original character became several (``ﬁ`` ->
    ``fi``) each of them maps to that one character; deleted characters have no entry.
    Tuples keep the object immutable and hashable; spans are mapped a handful at a time, so
    the compactness of ``array`` would buy nothing measurable.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, begin: int, end: int) -> tuple[int, int]:
        """Map a ``[begin, end)`` range of the normalised text to the original text.

        A non-empty range maps to the smallest original range that covers every original
        character its characters came from. An empty range maps to an empty range at the
        corresponding original position. Raises ``ValueError`` for a range that is not
        inside the normalised text, since a caller passing one has a bug we should not hide.
        """
        n = len(self.text)
        if not 0 <= begin <= end <= n:
            raise ValueError(f"range [{begin}, {end}) is not inside the normalised text (0..{n})")
        if begin < end:
            # min/max, not the ends: inside a reversed run the map is not monotonic.
            return min(self.starts[begin:end]), max(self.ends[begin:end])
        if begin < n:
            return self.starts[begin], self.starts[begin]
        pos = self.ends[-1] if n else 0
        return pos, pos


# An edit replaces current[a:b] with pieces; each piece (s, i, j) emits the string s made
# from current[i:j]. If len(s) == j - i the characters map one to one, otherwise every
# character of s maps to the union of the ranges of current[i:j].
Piece = tuple[str, int, int]
Edit = tuple[int, int, list[Piece]]


def apply_text(text: str, edits: list[Edit]) -> str:
    """``text`` with the edits (sorted, not overlapping) made; no map."""
    if not edits:
        return text
    parts: list[str] = []
    pos = 0
    for a, b, pieces in edits:
        parts.append(text[pos:a])
        parts.extend(p[0] for p in pieces)
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def apply_mapped(
    text: str, starts: list[int], ends: list[int], edits: list[Edit]
) -> tuple[str, list[int], list[int]]:
    """``text`` with the edits made, and the map (``starts``, ``ends``) carried along."""
    if not edits:
        return text, starts, ends
    parts: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for a, b, pieces in edits:
        parts.append(text[pos:a])
        new_starts.extend(starts[pos:a])
        new_ends.extend(ends[pos:a])
        for s, i, j in pieces:
            parts.append(s)
            if len(s) == j - i:
                new_starts.extend(starts[i:j])
                new_ends.extend(ends[i:j])
            else:
                new_starts.extend([min(starts[i:j]) if j > i else starts[i]] * len(s))
                new_ends.extend([max(ends[i:j])] * len(s))
        pos = b
    parts.append(text[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return "".join(parts), new_starts, new_ends
