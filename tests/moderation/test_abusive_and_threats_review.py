"""A reviewer's sentences against the other languages' lists (abusive_words_languages.toml,
threats_languages.toml): civil ones the lists held (bicycle and car pedals, pictures,
flags and garlands hung, party animals, a stubble field, a sentence of 1860, an incident
named after a chant, a grandfather's word named as taboo, a march for rights, an idea
"executed") are not held for any entry of them; abusive ones they missed (object before
the verb, a vocative with no comma, a plural vocative, a pronoun suffix) are held."""

from __future__ import annotations

import re
import time
from dataclasses import replace

import pytest
from list_support import CALM, DEFAULT
from timing_support import linear_budget

from threadguard.moderation.abusive_words import (
    AbusiveListError,
    abusive_list,
    match_abusive_words,
    parse_abusive_words,
)
from threadguard.moderation.threats import match_threats, threat_list
from threadguard.schema import Verdict

#: The reviewer's civil sentences that an entry of the lists held.
CIVIL = [
    ("pl", "Te pedały są świetne na górskie trasy."),
    ("pl", "Wymieniłem pedały, łańcuch i siodełko."),
    ("pl", "Pedały w moim rowerze skrzypią, muszę je wymienić."),
    ("pl", "Pedały od gazu i hamulca są za blisko siebie w tym aucie."),
    ("pl", "Trzeba go powiesić na ścianie, ten obraz jest piękny."),
    ("pl", "Niemcy to świetni inżynierowie, a Polacy to zwierzęta imprezowe!"),
    ("nl", "Het schilderij moet opgehangen worden in het museum, zegt de minister."),
    ("nl", "De vlag van de premier moet opgehangen worden bij het gemeentehuis."),
    ("it", "Bisogna bruciare il campo di stoppie prima della semina?"),
    ("it", "Il brigante andrebbe impiccato, secondo la sentenza del 1860 che leggiamo in classe."),
    ("fr", "Il faut pendre les guirlandes avant Noël."),
    ("fr", "Il faudrait pendre ce tableau dans le salon."),
    ("de", "Der Hurensohn-Vorfall im Stadion wurde von der Polizei untersucht, so der Bericht."),
    ("de", "Mein Opa sagte früher Neger, das Wort ist heute zu Recht tabu."),
    ("de", "Das Bild muss man aufhängen, Herr Minister, es gehört ins Rathaus."),
    ("tr", "Ibnelerin haklarını savunmak için yürüdük, dedi aktivist."),
    ("ar", "يجب إعدام الفكرة القديمة وإحياء روح الفريق"),
    # written for this fix: the same senses said another way
    ("pl", "Polacy to imprezowe zwierzęta, każdy to wie."),
    ("pl", "Lampki trzeba powiesić na drzewie przed świętami."),
    ("it", "Dobbiamo bruciare le mosche? No, basta la zanzariera."),
    ("fr", "Il faut pendre le cadre au-dessus du canapé."),
    ("de", "Die Fahne sollte man aufhängen, Frau Ministerin, am Rathaus."),
    ("nl", "De foto van Rutte moet opgehangen worden in de hal."),
    ("ar", "يجب إعدام المشروع القديم والبدء من جديد"),
]

#: The reviewer's abusive sentences that the lists let through, with the kind expected.
HELD = [
    ("pl", "Kurwy jebane, spierdalać stąd.", "abusive word, insult"),
    ("pl", "Trzeba Tuska powiesić.", "call for violence"),
    ("pl", "Tuska powiesić na latarni!", "call for violence"),
    ("it", "Stai zitta troia", "abusive word, insult"),
    ("it", "Sei proprio una troia.", "abusive word, insult"),
    ("it", "Bruciamo il campo rom.", "call for violence"),
    ("de", "Das Asylheim sollte man anzünden.", "call for violence"),
    ("de", "Die Moschee gehört abgefackelt.", "call for violence"),
    ("nl", "Rutte moet je ophangen, landverrader.", "call for violence"),
    ("nl", "Flikkers op.", "abusive word, directed obscenity"),
    ("ar", "الرئيس يجب إعدامه", "call for violence"),
    # written for this fix: the same calls and words said another way
    ("pl", "Kaczyńskiego trzeba powiesić.", "call for violence"),
    ("pl", "Spierdalać stąd, wszyscy.", "abusive word, directed obscenity"),
    ("it", "Diamo fuoco al campo nomadi.", "call for violence"),
    ("it", "Taci troia", "abusive word, insult"),
    ("fr", "Il faut pendre ces traîtres de députés.", "call for violence"),
    ("fr", "Il faudrait pendre le président.", "call for violence"),
    ("de", "Die Synagoge muss abgebrannt werden.", "call for violence"),
    ("ar", "الوزير لازم شنقه", "call for violence"),
]


@pytest.mark.parametrize(("language", "text"), CIVIL)
def test_civil_sentences_are_not_held_by_the_lists(language: str, text: str) -> None:
    assert not any(m.holds for m in match_threats(text, language=language))
    assert not any(m.holds for m in match_abusive_words(text, language=language))
    outcome = DEFAULT.decide(replace(CALM, language=language), text)
    assert not any(
        r.startswith(("abusive word", "call for", "dehumanising", "intent to harm"))
        and "not held" not in r
        for r in outcome.decision.reasons
    ), outcome.decision.reasons


@pytest.mark.parametrize(("language", "text", "reason"), HELD)
def test_abusive_sentences_are_held(language: str, text: str, reason: str) -> None:
    outcome = DEFAULT.decide(replace(CALM, language=language), text)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith(reason) for r in outcome.decision.reasons), outcome.decision.reasons


@pytest.mark.parametrize(
    "text",
    [
        "a. " * 34000,
        ("w" * 199 + ". ") * 500,
        "tuska " * 17000,
        "trzeba tuska " * 8000,
        "moet je " * 13000,
        "il faut pendre " * 7000,
        "das heim sollte man " * 5000,
        "pedały " * 15000,
        "stai zitta " * 9000,
        "hurensohn-" * 10000,
        "ibne " * 20000,
    ],
)
def test_the_new_patterns_run_in_linear_time(text: str) -> None:
    text = text[:100_000]
    patterns = [r.regex for r in threat_list() if r.language != "en"]
    for word in abusive_list():
        patterns += [word.regex] if word.unless is None else [word.regex, word.unless]
    budget = linear_budget(text)
    for pattern in patterns:
        assert _fastest(pattern, text) < budget, pattern.pattern[:60]


def test_a_bad_unless_is_named() -> None:
    with pytest.raises(AbusiveListError, match="word 1: bad unless"):
        parse_abusive_words(
            '[[word]]\nlanguage = "pl"\nkind = "insult"\npattern = "x"\nunless = "("\n'
        )


def _fastest(pattern: re.Pattern[str], text: str) -> float:
    """The best of three runs' seconds (the machine is shared: one run may be slowed)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        list(pattern.finditer(text))
        best = min(best, time.perf_counter() - start)
    return best
