"""Words that mark a short Latin-script comment as one of the covered languages.

A short comment gives py3langid too little to tell its language ("Taci, stronzo.", "Du
Wichser.", "Halt's Maul, Spast."), and the rule for short and mixed texts then takes the
script's default, English: the English models read it, find no English abuse in it, and
it is approved (session 34's tryout: twelve short insults in six languages). Yet many
such comments carry a word no English comment writes: a function word ("du", "ta",
"sei", "się"), a greeting or thanks ("danke", "merci"), an everyday insult or agreement
("stronzo", "aynen"). :func:`marked_language` reads those words, and a comment with no
English word (:data:`~.english.ENGLISH_WORDS`) whose marker words all belong to one
language is taken for that language where the identifier could not decide.

Each word belongs to one language only and is no common English word or name ("die",
"was", "hat", "git", "pic", "man" and "la" are left out: English writes them, or two
covered languages share them). Written by the team; measured with
``bench/language_id.py --min-chars 1`` on the data folder's sets (see the commit message).
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Per language, the words that mark it (lower case, accents as written and without).
MARKERS: Final[dict[str, frozenset[str]]] = {
    "de": _words(
        """
        du dich dir ich nicht und ist sind das der ein eine einen nein bitte danke gute
        guter gutes schon auch noch sehr mit auf für fur wie aber oder wenn weil maul fresse
        verpiss wichser spast spasti hurensohn arschloch schlampe fotze kanake kanaken
        stimmt genau sehe genauso richtig nichts hinzuzufügen
        """
    ),
    "fr": _words(
        """
        le les des est une je toi tes pas oui merci dit exactement gueule connard
        connasse salope pute fils sale enculé encule ferme accord ca fait
        """
    ),
    "es": _words(
        """
        el qué muy pero gracias está estás estas eres tienes totalmente acuerdo cállate
        callate gilipollas hijo zorra mierda cabrón cabron maricón maricon exacto
        exactamente dicho así
        """
    ),
    "it": _words(
        """
        di che sei sono è grazie esatto esattamente detto taci stai zitta zitto stronzo
        stronza troia cazzo vaffanculo coglione frocio testa zitti puttana
        """
    ),
    "nl": _words(
        """
        het een jij niet ik kop dicht kankerlijer kankerhoer optyfen tering krijg vieze
        vuile flikker slet heb meer stuur bedankt precies mee eens goed gezegd
        tyfushoer mongool kanker tyfus
        """
    ),
    "pl": _words(
        """
        się nie jest że jak dziękuję dziekuje kurwa kurwo spierdalaj wypierdalaj zamknij
        szmato suko chuju dokładnie dokladnie zgadzam racja
        """
    ),
    "pt": _words(
        """
        não nao você voce obrigado obrigada muito isso mesmo caralho viado foder cala
        """
    ),
    "tr": _words(
        """
        bir bu çok cok değil degil siktir amk orospu cocugu çocuğu herif ibne geber defol
        aptal salak salagi salağı aynen öyle oyle evet hayır hayir lan seni sen kesinlikle
        katılıyorum
        """
    ),
}
#: Each marker word and its language.
LANGUAGE_OF: Final[dict[str, str]] = {w: code for code, ws in MARKERS.items() for w in ws}


def marked_language(words: list[str]) -> str | None:
    """The one language whose marker words these (lower-case) words hold, or None (no
    marker word, or markers of several languages)."""
    found = {LANGUAGE_OF[w] for w in words if w in LANGUAGE_OF}
    return found.pop() if len(found) == 1 else None
