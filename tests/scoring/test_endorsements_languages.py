"""Bare agreement in the other covered languages ("Stimmt genau.", "Exactement, bien
dit.") is read as its parent's words too, as "Exactly, well said." is: held under an
abusive parent, approved under a civil one; a bare "yes" or "correct", a question, and
agreement followed by words of its own are read as written."""

from __future__ import annotations

import pytest

from threadguard.agreement import endorses
from threadguard.engine import CommentInput, Engine
from threadguard.moderation import Moderator
from threadguard.schema import Verdict

#: The tryout's replies under hateful parents, and a civil parent of the same language.
REPLIES = [
    (
        "Stimmt genau.",
        "Flüchtlinge sind Ratten.",
        "Der Stadtrat hat die neue Buslinie beschlossen.",
    ),
    (
        "Exactement, bien dit.",
        "Les migrants sont des rats.",
        "Le conseil municipal a voté le budget des écoles.",
    ),
    (
        "Totalmente de acuerdo.",
        "Los moros son una plaga que hay que exterminar.",
        "El ayuntamiento aprobó ayer el nuevo carril bici.",
    ),
    (
        "Aynen öyle.",
        "Suriyeliler mikrop, hepsi gebersin.",
        "Belediye yeni otobüs hattını dün açtı.",
    ),
]


@pytest.mark.parametrize(
    "text",
    [
        "Stimmt genau.",
        "Sehe ich genauso.",
        "Exactement, bien dit.",
        "Tout à fait d'accord !",
        "Totalmente de acuerdo.",
        "Esatto, ben detto!",
        "Helemaal mee eens.",
        "Dokładnie, święta racja.",
        "Aynen öyle.",
        "Kesinlikle katılıyorum.",
        "بالضبط، أحسنت",
        "Concordo plenamente.",
    ],
)
def test_bare_agreement_in_other_languages_endorses_its_parent(text: str) -> None:
    assert endorses(text, "Flüchtlinge sind Ratten.")


@pytest.mark.parametrize(
    "text",
    [
        "Ja.",
        "Richtig.",
        "Oui.",
        "Cierto.",
        "Klopt.",
        "Evet.",
        "Stimmt genau?",
        "Genau, aber das ist rassistisch.",
        "Exactement, et c'est honteux de dire ça.",
        "Totalmente de acuerdo con el árbitro, fue penalti.",
    ],
)
def test_a_bare_yes_a_question_or_words_of_its_own_are_read_as_written(text: str) -> None:
    assert not endorses(text, "Flüchtlinge sind Ratten.")


@pytest.mark.parametrize(("reply", "hateful", "civil"), REPLIES)
def test_agreement_with_hate_is_held_and_with_news_approved(
    engine: Engine, moderator: Moderator, reply: str, hateful: str, civil: str
) -> None:
    under_hate, under_news = engine.analyze(
        [CommentInput(reply, parent=hateful), CommentInput(reply, parent=civil)], spans=False
    )
    assert moderator.decide(under_hate, reply).action is not Verdict.APPROVE
    assert moderator.decide(under_news, reply).action is Verdict.APPROVE
