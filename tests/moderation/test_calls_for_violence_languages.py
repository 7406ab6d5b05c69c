"""Calls to burn, hang or execute people and buildings in the other covered languages,
and threats two multilingual tryouts found published (rape wished on a journalist, death
wished at a person, "we know where you live" said to a reporter): each is held with the
kind of threat named; reports of arson and executions, history, sport, cooking, laundry,
pictures, fat burnt, sheep slaughtered and quotes that condemn them are not."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from list_support import CALM, DEFAULT

from threadguard.analysis import Analysis
from threadguard.moderation.threats import match_threats, threat_list
from threadguard.schema import ATTRIBUTES, Verdict

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


# A multilingual community head's review (session 34): rape wished on or promised to a
# journalist, calls said with "lazım", "لازم", "devia ser", "gehört", "habría que",
# "in de fik", death wished at a person, "we know where you live" said to a reporter.
HELD_COMMUNITY = [
    # sexual violence against a woman
    ("ar", "هالصحفية بدي اغتصبها", "intent to harm"),
    ("fr", "Cette journaliste mérite de se faire violer.", "wish of harm"),
    ("pt", "Essa jornalista merece ser estuprada.", "wish of harm"),
    ("pt", "Essa jornalista é uma gostosa, queria pegar ela à força.", "intent to harm"),
    ("it", "Quella giornalista andrebbe stuprata.", "wish of harm"),
    ("de", "Die Journalistin gehört vergewaltigt.", "wish of harm"),
    ("es", "Esa periodista merece que la violen.", "wish of harm"),
    ("nl", "Die journaliste moet verkracht worden.", "wish of harm"),
    ("pl", "Ta dziennikarka powinna zostać zgwałcona.", "wish of harm"),
    ("tr", "Bu gazeteci kadın tecavüz edilmeli.", "wish of harm"),
    # calls to kill, hang, shoot, burn
    ("pt", "O Lula devia ser enforcado em praça pública.", "call for violence"),
    ("pt", "Tem que tacar fogo na mesquita.", "call for violence"),
    ("tr", "Erdoğan'ı asmak lazım.", "call for violence"),
    ("tr", "Kılıçdaroğlu'nu kurşuna dizmek lazım", "call for violence"),
    ("tr", "Kürtleri denize dökmek lazım", "call for violence"),
    ("tr", "Camiyi yakmak lazım", "call for violence"),
    ("ar", "لازم نقتل الرئيس ونعلقه في الميدان", "call for violence"),
    ("ar", "الشواذ لازم يتحرقوا كلهم", "call for violence"),
    ("ar", "يجب حرق الكنيسة", "call for violence"),
    ("ar", "المسيحيين كفار ولازم يموتوا", "call for violence"),
    ("nl", "Die moskee moet in de fik gestoken worden.", "call for violence"),
    ("es", "Maricones de mierda, habría que fusilaros a todos.", "call for violence"),
    ("es", "A Pedro Sánchez habría que colgarlo en la Puerta del Sol.", "call for violence"),
    ("de", "Merkel gehört aufgehängt, am besten am nächsten Baum.", "call for violence"),
    ("fr", "Sale pd va, on devrait tous vous cramer.", "call for violence"),
    ("pl", "Trzeba spalić ten meczet.", "call for violence"),
    # death wished at a person
    ("nl", "Ik hoop dat je doodgaat, vieze rat.", "wish of harm"),
    ("pl", "Obyś zdechł, śmieciu.", "wish of harm"),
    ("de", "Der Habeck soll verrecken.", "wish of harm"),
    ("de", "Geh sterben du Missgeburt", "wish of harm"),
    ("es", "Ojalá te mueras pronto", "wish of harm"),
    # veiled
    ("nl", "We weten waar je woont, journalistje.", "veiled threat"),
    ("pl", "Wiemy gdzie mieszkasz, dziennikarzyno.", "veiled threat"),
    ("tr", "Nerede oturduğunu biliyoruz gazeteci.", "veiled threat"),
    ("de", "Wir wissen wo du wohnst, Frau Redakteurin.", "veiled threat"),
    ("fr", "On sait où elle habite, la gauchiste.", "veiled threat"),
    ("pt", "Vou te encontrar e te matar, jornalista de merda.", "intent to harm"),
]

#: Written for this test: news of each crime, history, sport, cooking, laundry, pictures
#: and quotes condemning the words.
CIVIL_COMMUNITY = [
    ("ar", "الصحفية قالت إن المتهم حاول اغتصابها، حسب الشرطة"),
    ("ar", "بدي اشتري هدية للصحفية"),
    ("fr", "Cette journaliste mérite de se faire entendre."),
    ("fr", "Elle a été violée en 2019, a dit le tribunal."),
    ("pt", "Essa jornalista merece ser ouvida."),
    ("pt", "O réu foi condenado por estuprar uma jornalista."),
    ("pt", "Queria pegar ela na escola às cinco."),
    ("pt", "Queria pegar o controle à força, mas ele não deixou."),
    ("it", "Quella giornalista andrebbe premiata."),
    ("it", "La giornalista fu stuprata nel 1990, dice la sentenza."),
    ("de", "Die Journalistin wurde vergewaltigt, sagt die Polizei."),
    ("de", "Der Täter hat die Frau vergewaltigt und muss in Haft."),
    ("es", "La violaron en 2010, según la fiscalía."),
    ("es", "Esa periodista merece que la escuchen."),
    ("nl", "Zij werd verkracht, meldt de politie."),
    ("nl", "Die journaliste moet gehoord worden."),
    ("pl", "Ta dziennikarka powinna zostać nagrodzona."),
    ("pl", "Została zgwałcona w 2015 roku, podaje prokuratura."),
    ("tr", "Tecavüz edilen kadın için dava açıldı."),
    ("tr", "Tecavüz edilmeli diyen kişi tutuklandı, bu çok iğrenç."),
    ("pt", "Tiradentes foi enforcado em praça pública em 1792."),
    ("pt", "Tem que tacar fogo na churrasqueira antes das sete."),
    ("pt", "A mesquita pegou fogo em 1998, diz a polícia."),
    ("tr", "Çamaşırları asmak lazım."),
    ("tr", "Tabloyu duvara asmak lazım."),
    ("tr", "Kalori yakmak lazım."),
    ("tr", "Denize girmek lazım, hava çok sıcak."),
    ("tr", "Çöpü denize dökmek yasak."),
    ("tr", "Cami 1950'de yandı."),
    ("tr", "1938'de kurşuna dizildiler, diyor tarihçi."),
    ("ar", "لازم نقتل الوقت قبل المباراة"),
    ("ar", "احترقت الكنيسة عام 1990 حسب الشرطة"),
    ("ar", "يجب حرق الدهون قبل الصيف"),
    ("ar", "كل الناس لازم يموتوا يوما ما"),
    ("nl", "De moskee is in de fik gestoken, meldt de politie."),
    ("nl", "De barbecue moet aangestoken worden."),
    ("es", "Habría que colgar el cuadro en el salón."),
    ("es", "Franco mandó fusilar a miles de republicanos."),
    ("de", "Das Bild gehört aufgehängt, am besten im Flur."),
    ("de", "Die Wäsche gehört aufgehängt."),
    ("fr", "On devrait tous vous inviter à dîner."),
    ("fr", "On devrait cramer des calories ce soir."),
    ("pl", "Meczet spłonął w 1990 roku."),
    ("pl", "Trzeba spalić kalorie po świętach."),
    ("nl", "Ik hoop dat je plant niet doodgaat."),
    ("pl", "Obyś zdrów był, przyjacielu."),
    ("de", "Mein altes Handy soll ruhig verrecken, ich kaufe ein neues."),
    ("de", "Geh schlafen, du Nachteule."),
    ("es", "Ojalá te mejores pronto."),
    ("nl", "We weten waar de bakker woont."),
    ("pl", "Wiemy, gdzie mieszka prezydent: w pałacu."),
    ("tr", "Nerede oturduğunu bilmiyoruz."),
    ("de", "Wir wissen, wo das Rathaus steht."),
    ("fr", "On ne sait pas où elle habite maintenant."),
    ("pt", "Vou te encontrar e te matar de rir com essa piada."),
    ("pt", "Vou te encontrar no cinema às oito."),
]


@pytest.mark.parametrize(("language", "text", "kind"), HELD + HELD_COMMUNITY)
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


@pytest.mark.parametrize(("language", "text"), CIVIL + CIVIL_COMMUNITY)
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
        "lazim " * 16000,
        "asmak " * 16000,
        "لازم " * 20000,
        "gehort " * 14000,
        "ti " * 33000,
        "merece ser " * 9000,
        "on sait ou elle " * 6000,
        "vou te " * 14000,
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
                list(rule.near.finditer(text))
            best = min(best, time.perf_counter() - start)
        assert best < 0.5, (rule.language, rule.kind, rule.regex.pattern[:60], best)
