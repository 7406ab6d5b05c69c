"""Calls to burn, hang or execute people and buildings in the other covered languages,
and threats a multilingual tryout found published: each is held with the kind of threat
named; reports of arson and executions, laundry, pictures, fat burnt and sheep
slaughtered are not."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from threadguard.analysis import Analysis
from threadguard.moderation import Moderator, load_policy
from threadguard.moderation.threats import match_threats, threat_list
from threadguard.schema import ATTRIBUTES, Verdict

DEFAULT = Moderator(load_policy())
CALM = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.02), language="en")

HELD = [
    ("de", "Man sollte das Flüchtlingsheim in Bautzen anzünden.", "call for violence"),
    ("it", "Bisogna bruciare il campo rom, subito.", "call for violence"),
    ("es", "Hay que quemar la mezquita del barrio.", "call for violence"),
    ("fr", "On va brûler la mosquée de Créteil ce soir.", "call for violence"),
    ("fr", "Il faudrait pendre Macron sur la place publique.", "call for violence"),
    ("it", "La Meloni andrebbe impiccata a testa in giù come il Duce.", "call for violence"),
    ("nl", "Rutte moet opgehangen worden, die landverrader.", "call for violence"),
    ("pl", "Tuska trzeba powiesić na latarni.", "call for violence"),
    ("ar", "يجب إعدام الرئيس في الساحة العامة.", "call for violence"),
    ("ar", "الشيعة كفار أنجاس يجب ذبحهم.", "dehumanising language"),
    ("ar", "اللاجئون حشرات يجب طردهم.", "dehumanising language"),
    ("ar", "سأكسر رأسك عندما أراك يا مهرج.", "intent to harm"),
    ("de", "Claudia Roth sollte man aufhängen, diese Volksverräterin.", "call for violence"),
    ("de", "Wenn ich Habeck treffe, bringe ich ihn um.", "intent to harm"),
    ("de", "Du Hurensohn, dich sollte man vergasen.", "call for violence"),
    ("tr", "Ibne herif, seni gorursem gebertirim.", "intent to harm"),
    ("pl", "Ukraińcy to pasożyty, trzeba ich wygnać.", "dehumanising language"),
    ("pl", "Ciapaci to dzikusy, trzeba ich wystrzelać.", "dehumanising language"),
    ("pl", "Murzyni to małpy.", "dehumanising language"),
    ("pl", "Rozwalę ci łeb jak cię spotkam, klaunie.", "intent to harm"),
]

#: Written for this test: news of arson, history's executions, laundry and pictures hung,
#: calories burnt, the Eid sheep, a red card, a record broken, a dinner invitation.
CIVIL = [
    ("de", "Das Flüchtlingsheim in Bautzen wurde angezündet, die Polizei ermittelt."),
    ("de", "Man sollte die Wäsche aufhängen, bevor es regnet."),
    ("de", "Wir müssen die Kerzen im Heim anzünden."),
    ("de", "Man sollte das Bild im Flur aufhängen."),
    ("de", "Ich bringe ihn um acht zum Bahnhof."),
    ("de", "Bringe ich sie um den Schlaf?"),
    ("de", "Man sollte den Grill anzünden, die Gäste kommen gleich."),
    ("de", "1945 wurden die Verräter hingerichtet, schreibt der Historiker."),
    ("fr", "La mosquée a brûlé en 1998, selon les archives."),
    ("fr", "Il faut pendre le linge avant la pluie."),
    ("fr", "Il faut pendre la crémaillère samedi !"),
    ("fr", "Louis XVI fut guillotiné en 1793."),
    ("es", "Hay que quemar las calorías de la Navidad."),
    ("es", "La mezquita del barrio se quemó en un incendio."),
    ("es", "Franco mandó fusilar a miles de republicanos."),
    ("it", "Mussolini fu fucilato e appeso a testa in giù a Piazzale Loreto."),
    ("it", "Bisogna bruciare i grassi con la corsa."),
    ("it", "Il campo rom è stato bruciato, dice il sindaco."),
    ("nl", "Het schilderij moet opgehangen worden in de gang."),
    ("nl", "De was moet opgehangen worden."),
    ("pl", "Trzeba powiesić pranie na balkonie."),
    ("pl", "Trzeba ich zaprosić na obiad."),
    ("pl", "Trzeba spalić kalorie po świętach."),
    ("pl", "Polacy to najlepsi siatkarze na świecie."),
    ("ar", "يجب حرق الدهون بالرياضة."),
    ("ar", "يجب ذبح الخروف قبل صلاة العيد."),
    ("ar", "تم إعدام الرئيس السابق عام 2006."),
    ("ar", "يجب طرده من المباراة بعد البطاقة الحمراء."),
    ("ar", "سأكسر الرقم القياسي هذا العام."),
]


@pytest.mark.parametrize(("language", "text", "kind"), HELD)
def test_calls_and_threats_in_other_languages_are_held_with_their_kind(
    language: str, text: str, kind: str
) -> None:
    outcome = DEFAULT.decide(replace(CALM, language=language), text)
    assert outcome.action is Verdict.HOLD and outcome.threat_held
    assert outcome.threats[0].kind == kind
    assert any(r.startswith(kind) for r in outcome.decision.reasons)


def test_a_rejected_call_now_names_the_threat_too() -> None:
    angry = Analysis(None, {**dict.fromkeys(ATTRIBUTES, 0.02), "toxicity": 0.97}, language="de")
    outcome = DEFAULT.decide(angry, "Claudia Roth sollte man aufhängen, diese Volksverräterin.")
    assert outcome.action is Verdict.REJECT
    assert any(r.startswith("call for violence") for r in outcome.decision.reasons)


@pytest.mark.parametrize(("language", "text"), CIVIL)
def test_reports_and_other_senses_are_not_held(language: str, text: str) -> None:
    assert not any(m.holds for m in match_threats(text, language=language))


@pytest.mark.parametrize(
    "text",
    [
        "man sollte " * 9000,
        "sollte man die die " * 5000,
        "trzeba ich " * 9000,
        "يجب " * 25000,
        "bisogna bruciare il " * 5000,
        "moet " * 20000 + "opgehangen",
        "a " * 50000,
    ],
)
def test_every_pattern_runs_in_linear_time(text: str) -> None:
    text = text[:100_000]
    for rule in (r for r in threat_list() if r.language != "en"):
        best = float("inf")
        for _ in range(3):  # the best of three: the machine is shared
            start = time.perf_counter()
            list(rule.regex.finditer(text))
            if rule.near is not None:
                rule.near.search(text)
            best = min(best, time.perf_counter() - start)
        assert best < 0.05, rule.regex.pattern[:60]
