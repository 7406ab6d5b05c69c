"""Short comments in the covered languages are not English: a short Latin text with no
English word and marker words of one language ("Taci, stronzo.", "Gute Analyse, danke.")
takes that language, so its own models and lists read it; short English stays English."""

from __future__ import annotations

import pytest

from threadguard.engine import CommentInput, Engine
from threadguard.language import detect_language
from threadguard.moderation import Moderator
from threadguard.schema import Verdict

SHORT = [
    ("Halt's Maul, Spast.", "de"),
    ("Du Wichser.", "de"),
    ("Gute Analyse, danke.", "de"),
    ("Stimmt genau.", "de"),
    ("Ferme-la, connard.", "fr"),
    ("Fils de pute.", "fr"),
    ("Ta gueule, sale pute.", "fr"),
    ("Cállate, gilipollas.", "es"),
    ("Taci, stronzo.", "it"),
    ("Stai zitta, troia.", "it"),
    ("İbne herif, geber.", "tr"),
    ("Siktir git, aptal pic.", "tr"),
    ("Orospu cocugu, defol git.", "tr"),
    ("Amk salagi, siktir git.", "tr"),
    ("Aynen öyle.", "tr"),
    ("Ibne herif, seni gorursem gebertirim.", "tr"),
]

ENGLISH = [
    "Nice pic lol",
    "I've no idea",
    "Thanks mate",
    "Great game",
    "LOL",
    "ok",
    "Die!",
    "FAC ET SPERA",
    "Bon appetit to the chef, great review",
    "Exactly, well said.",
    "Go away, idiot.",
    # greetings English borrows, beside names (a blind review's, session 47: read as Slovenian)
    "Mazel tov Rivka and Sam!",
    "Eid Mubarak Priya and family!",
]


@pytest.mark.parametrize(("text", "language"), SHORT)
def test_a_short_comment_with_marker_words_takes_their_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ENGLISH)
def test_short_english_stays_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [t for t, _ in SHORT if t not in ("Gute Analyse, danke.", "Stimmt genau.", "Aynen öyle.")],
)
def test_short_abuse_in_other_languages_is_no_longer_approved(
    engine: Engine, moderator: Moderator, text: str
) -> None:
    (analysis,) = engine.analyze([CommentInput(text)], spans=False)
    assert moderator.decide(analysis, text).action is not Verdict.APPROVE


def test_a_civil_german_thanks_is_approved(engine: Engine, moderator: Moderator) -> None:
    (analysis,) = engine.analyze([CommentInput("Gute Analyse, danke.")], spans=False)
    assert analysis.language == "de"
    assert moderator.decide(analysis, "Gute Analyse, danke.").action is Verdict.APPROVE
