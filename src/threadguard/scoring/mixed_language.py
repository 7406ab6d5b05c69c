"""Sentences of a comment in another language than the comment's, read in their own.

A comment is scored by the models of its language, and its language is the one most of its
text is in. So one civil sentence in German, French or Portuguese put before English abuse
took the abuse past both: "Ich finde den Artikel gut geschrieben. You are a worthless
fucking idiot." was German (toxicity 0.36) and approved, the English threat list never read
"go kill yourself" in a French comment (session 34's security review); and the other way
round, "Great article, thanks for the research. T'es qu'une sale pute, ferme ta gueule."
was English, toxicity 0.02 (the English models do not read French), and approved (the
multilingual tryout that followed). The engine reads a comment's parts as it reads a long
comment's pieces (each attribute takes its highest reading); the parts found here are
those in another covered language than the comment's, each read in its own.

A part is a sentence or a clause after a colon, semicolon or dash, of at least
:data:`MIN_WORDS` words (a short phrase inside another language -- "Fake News", "sorry" --
is no sentence to read), links, @mentions and hashtags left out (a list of handles is no
sentence). In a non-English comment a part is English when it is plainly English by its
own words (:func:`threadguard.language.english.plainly_english`). In an English comment a
part is in another language when it has no English-only word and the detector gives it a
covered language. At most :data:`MAX_PARTS` parts a comment, so a long text costs a bounded
number of readings.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Final

from threadguard.language import detect_language
from threadguard.language.english import english_word, plainly_english
from threadguard.language.markers import marked_language
from threadguard.language.scripts import letters_by_script, main_script, without_noise
from threadguard.normalize import displayed

#: Fewest words a part needs to be read in a language of its own.
MIN_WORDS: Final = 4
#: Most parts read again per comment.
MAX_PARTS: Final = 8
#: Where a part ends: a run of sentence-end marks (read once: a run is not preceded by
#: another mark), a colon, a semicolon, a dash between spaces, a line.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++(?=\s|$)|[:;]\s|\s[-–—]\s|\n")
_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"#\w+")


def _parts(text: str) -> list[tuple[int, str]]:
    parts: list[tuple[int, str]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        parts.append((start, text[start : m.end()]))
        start = m.end()
    parts.append((start, text[start:]))
    return parts


def other_language_parts(
    text: str, language: str | None, covered: Collection[str]
) -> list[tuple[int, str, str]]:
    """``(offset, part, its language)`` of each part of a comment in ``language`` that is
    in another of the ``covered`` languages (none for a comment of a single part)."""
    if language is None or language not in covered:
        return []
    parts = _parts(text)
    if len(parts) < 2:
        return []
    found: list[tuple[int, str, str]] = []
    for offset, part in parts:
        stripped = part.strip()
        words = _WORD.findall(without_noise(_TAG.sub(" ", stripped)).lower())
        if len(words) < MIN_WORDS:
            continue
        if language != "en":
            other = "en" if plainly_english(words) else None
        elif english_word(words):
            other = None
        else:
            other = detect_language(stripped)
        if other is None or other == language or other not in covered:
            continue
        found.append((offset + len(part) - len(part.lstrip()), stripped, other))
        if len(found) == MAX_PARTS:
            break
    return found


def english_parts(text: str, language: str | None) -> list[tuple[int, str]]:
    """``(offset, part)`` of each English part of a comment in ``language`` (none for an
    English comment)."""
    if language in (None, "en"):
        return []
    return [(o, p) for o, p, lang in other_language_parts(text, language, {language, "en"})]


def written_in(text: str, stated: str | None, covered: Collection[str]) -> tuple[str, str | None]:
    """The language to read a comment in, and one more to read it in too (or None).

    Without a stated language: the detected one. A stated language gives way, for a text
    of at least :data:`MIN_WORDS` words (two words -- a user name, "Amina Yılmaz" -- tell
    no language), to the one the text is plainly written in: plainly English words, or a
    covered language the detector picks over English by its margin, or any language of a
    script other than Latin (Cyrillic is no guess). Integrations state a site's language,
    not each comment's (many send ``"en"`` with every comment): Turkish abuse stated as
    English was approved by `score`, `scan` and the thread upload (the English tiers read
    it) and rejected by the Perspective endpoint, which alone read it again; German
    comments stated as English were held four times as often as read in German.

    A stated English stands where the text has an English-only word ("Dank je wel voor
    het artikel, you stupid bitch" was read as Dutch and approved; Turkish names before
    "won medals" were read as Turkish and held), and a stated covered language stands
    against an uncovered Latin-script guess (Danish for German, Catalan for Spanish). A
    short text the detector takes for English keeps its stated language and is read in
    English too (each attribute takes its higher reading): a short German insult stated
    as German is read by both.
    """
    shown = displayed(text)
    written = detect_language(shown)
    if stated is None or stated == written:
        return written, None
    words = _WORD.findall(without_noise(shown).lower())
    counts = letters_by_script(shown)
    other_script = bool(counts) and main_script(counts) != "Latn"
    if len(words) < MIN_WORDS:
        # a short text gives way only to what is no guess: its script, or a covered
        # language's marker words ("Taci, stronzo.", "Spierdalaj, ty kurwo." sent with
        # ["en"] were stored approved), and is read in the stated language too
        if other_script or (written in covered and marked_language(words) == written):
            return written, stated if stated in covered else None
        return stated, "en" if written == "en" else None
    if stated == "en" and english_word(words):
        return stated, None
    if written == "en":
        return ("en", None) if plainly_english(words) else (stated, "en")
    if written in covered or other_script:
        return written, None
    return stated, None
