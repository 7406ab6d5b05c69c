"""Threats a multilingual community head found published in the other covered languages:
rape wished on or promised to a journalist, calls to kill, hang, shoot or burn people and
buildings said with "lazım", "لازم", "devia ser", "gehört", "habría que", "in de fik",
death wished at a person, and "we know where you live" said to a reporter. Each is held
with its kind; news of the crime, history, sport, cooking, laundry and quotes that condemn
it are not."""

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
CIVIL = [
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


@pytest.mark.parametrize(("language", "text", "kind"), HELD)
def test_threats_found_by_the_community_head_are_held_with_their_kind(
    language: str, text: str, kind: str
) -> None:
    outcome = DEFAULT.decide(replace(CALM, language=language), text)
    assert outcome.action is Verdict.HOLD and outcome.threat_held
    assert outcome.threats[0].kind == kind


@pytest.mark.parametrize(("language", "text"), CIVIL)
def test_news_history_and_other_senses_are_not_held(language: str, text: str) -> None:
    assert not any(m.holds for m in match_threats(text, language=language))


@pytest.mark.parametrize(
    "text",
    [
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
def test_the_new_patterns_run_in_linear_time(text: str) -> None:
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
