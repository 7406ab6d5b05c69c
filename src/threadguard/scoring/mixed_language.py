"""English sentences inside a comment in another language, read again by the English tiers.

A comment is scored by the models of its language, and its language is the one most of its
text is in. So one civil sentence in German, French or Portuguese put before English abuse
took the abuse past both: "Ich finde den Artikel gut geschrieben. You are a worthless
fucking idiot." was German (toxicity 0.36) and approved, the English threat list never read
"go kill yourself" in a French comment (session 34's security review). The engine reads a
comment's parts as it reads a long comment's pieces (each attribute takes its highest
reading); the parts found here are those of a non-English comment that are English on their
own, and they are read as English.

A part is a sentence or a clause after a colon, semicolon or dash, of at least
:data:`MIN_WORDS` words (a short English phrase inside German -- "Fake News", "sorry" -- is
no sentence to read), plainly English by its own words
(:func:`threadguard.language.english.plainly_english`; links, @mentions and hashtags left
out: a list of handles is no English sentence). At
most :data:`MAX_PARTS` parts a comment, so a long text costs a bounded number of readings.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.language.english import plainly_english
from threadguard.language.scripts import without_noise

#: Fewest words a part needs to be read as English on its own.
MIN_WORDS: Final = 4
#: Most English parts read again per comment.
MAX_PARTS: Final = 8
#: Where a part ends: a sentence's end, a colon, a semicolon, a dash between spaces, a line.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++(?=\s|$)|[:;]\s|\s[-–—]\s|\n")
_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"#\w+")


def english_parts(text: str, language: str | None) -> list[tuple[int, str]]:
    """``(offset, part)`` of each English part of a comment in ``language`` (none for an
    English comment or one with a single part)."""
    if language in (None, "en"):
        return []
    parts: list[tuple[int, str]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        parts.append((start, text[start : m.end()]))
        start = m.end()
    parts.append((start, text[start:]))
    if len(parts) < 2:
        return []
    found: list[tuple[int, str]] = []
    for offset, part in parts:
        stripped = part.strip()
        words = _WORD.findall(without_noise(_TAG.sub(" ", stripped)).lower())
        if len(words) < MIN_WORDS or not plainly_english(words):
            continue
        lead = len(part) - len(part.lstrip())
        found.append((offset + lead, stripped))
        if len(found) == MAX_PARTS:
            break
    return found
