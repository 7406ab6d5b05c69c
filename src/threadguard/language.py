"""A small stop-word language guesser: enough to tell English from what it is not.

The models are trained on English; callers (Perspective's ``languages`` field) need to
know when a comment is in another language so they can refuse it rather than score it
badly. Short texts give too little evidence and are taken as English.
"""

from __future__ import annotations

import re
from typing import Final

_STOPWORDS: Final[dict[str, frozenset[str]]] = {
    "en": frozenset(
        ["the", "a", "an", "and", "or", "but", "is", "are", "was", "were", "be", "been", "to", "of", "in", "on", "for", "with", "that", "this", "it", "you", "i", "he", "she", "they", "we", "not", "no", "do", "does", "did", "have", "has", "had", "at", "by", "from", "as", "so", "if", "what", "who", "my", "your", "their", "our"]
    ),
    "es": frozenset(
        ["el", "la", "los", "las", "un", "una", "y", "o", "pero", "es", "son", "fue", "ser", "de", "del", "en", "por", "para", "con", "que", "esto", "no", "su", "sus", "yo", "tu", "usted", "ellos", "nosotros", "muy", "como", "mas", "pero", "cuando"]
    ),
    "fr": frozenset(
        ["le", "la", "les", "un", "une", "et", "ou", "mais", "est", "sont", "était", "être", "de", "du", "des", "en", "pour", "avec", "que", "qui", "ce", "cette", "ne", "pas", "je", "tu", "il", "elle", "nous", "vous", "ils", "sur", "dans", "au", "aux"]
    ),
    "de": frozenset(
        ["der", "die", "das", "ein", "eine", "und", "oder", "aber", "ist", "sind", "war", "sein", "zu", "von", "im", "in", "für", "mit", "dass", "nicht", "ich", "du", "er", "sie", "wir", "ihr", "auf", "den", "dem", "des", "auch", "wie"]
    ),
    "it": frozenset(
        ["il", "lo", "la", "i", "gli", "le", "un", "una", "e", "o", "ma", "è", "sono", "era", "essere", "di", "del", "in", "per", "con", "che", "non", "io", "tu", "lui", "lei", "noi", "voi", "loro", "questo", "della"]
    ),
    "pt": frozenset(
        ["o", "a", "os", "as", "um", "uma", "e", "ou", "mas", "é", "são", "foi", "ser", "de", "do", "da", "em", "por", "para", "com", "que", "não", "eu", "tu", "ele", "ela", "nós", "vocês", "eles", "isso"]
    ),
    "nl": frozenset(
        ["de", "het", "een", "en", "of", "maar", "is", "zijn", "was", "te", "van", "in", "voor", "met", "dat", "niet", "ik", "jij", "hij", "zij", "wij", "op", "ook", "als", "naar"]
    ),
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SUPPORTED: Final[frozenset[str]] = frozenset({"en"})

#: Each stop word and the languages it belongs to: one dictionary look-up per word.
_LANGS_OF: Final[dict[str, tuple[str, ...]]] = {}
for _lang, _words in _STOPWORDS.items():
    for _w in _words:
        _LANGS_OF[_w] = (*_LANGS_OF.get(_w, ()), _lang)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the likeliest language; ``en`` when evidence is thin."""
    words = _WORD.findall(text.lower())
    if len(words) < 4:
        return "en"
    hits = dict.fromkeys(_STOPWORDS, 0)
    for w in words:
        for lang in _LANGS_OF.get(w, ()):
            hits[lang] += 1
    best = max(hits, key=lambda k: hits[k])
    if hits[best] == 0 or hits[best] <= hits["en"] or hits[best] < 2:
        return "en"
    return best
