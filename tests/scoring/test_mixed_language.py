"""English sentences inside a comment in another language are read as English too."""

from __future__ import annotations

import pytest

from threadguard.engine import CommentInput, Engine
from threadguard.moderation import Moderator
from threadguard.scoring.mixed_language import english_parts, other_language_parts, written_in

# Written for these tests (session 34's security review put English abuse after one civil
# sentence in German, French or Portuguese, and it was approved).
WRAPPED = [
    ("Ich finde den Artikel gut geschrieben. You are a worthless fucking idiot.", "de"),
    ("Merci pour l'article, très bien écrit. Go kill yourself, you stupid bitch.", "fr"),
    ("Eu acho que o artigo está certo, mas você: go kill yourself you worthless idiot", "pt"),
]


def test_an_english_sentence_is_found_with_its_place_in_the_comment() -> None:
    text = WRAPPED[0][0]
    [(offset, part)] = english_parts(text, "de")
    assert part == "You are a worthless fucking idiot."
    assert text[offset : offset + len(part)] == part


@pytest.mark.parametrize(
    "text",
    [
        "Das ist doch alles Fake News, sorry. Die Regierung hat keinen Plan.",  # a phrase
        "@lifetrend @MAXXBIKEde @machtjanix23 @ThomasGBauer. Danke euch allen!",  # handles
        "Ich habe ein Kind und einen Hund.",  # one part
        "Gute Analyse. #BreakingNews #ElectionNight #VoteNow #Results",  # hashtags
    ],
)
def test_no_english_part_in_plain_german(text: str) -> None:
    assert english_parts(text, "de") == []


def test_an_english_comment_has_no_parts_to_read_again() -> None:
    assert english_parts("Great article. You are a worthless idiot.", "en") == []


@pytest.mark.parametrize(("text", "language"), WRAPPED)
def test_english_abuse_after_a_civil_sentence_in_another_language_is_held(
    engine: Engine, moderator: Moderator, text: str, language: str
) -> None:
    (analysis,) = engine.analyze([CommentInput(text)])
    assert analysis.language == language
    assert moderator.on_scores(analysis).action.value != "approve"
    # the highlighted words are in the English part
    start = text.index(english_parts(text, language)[0][1])
    assert any(s.begin >= start for s in analysis.spans if s.attribute == "insult")


def test_a_civil_english_sentence_in_a_german_comment_stays_approved(
    engine: Engine, moderator: Moderator
) -> None:
    text = (
        "Ich finde den Artikel gut geschrieben. Thank you for the clear explanation of the budget."
    )
    (analysis,) = engine.analyze([CommentInput(text)])
    assert moderator.on_scores(analysis).action.value == "approve"


def test_a_run_of_full_stops_is_read_in_linear_time() -> None:
    """A review found 20,000 full stops not followed by a space took 5.7 s (the sentence
    end pattern retried the run from each of its characters)."""
    import time

    for text in ("." * 100_000 + "x", "Das ist gut. " + "!" * 100_000 + "x", "?!" * 50_000):
        started = time.perf_counter()
        english_parts(text, "de")
        assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # session 34's multilingual tryout: English (toxicity 0.02) and approved
        ("Great article, thanks for the research. T'es qu'une sale pute, ferme ta gueule.", "fr"),
        ("Thanks for the report. Ojalá te mueras, hijo de puta.", "es"),
    ],
)
def test_abuse_in_another_language_after_a_civil_english_sentence_is_held(
    engine: Engine, moderator: Moderator, text: str, language: str
) -> None:
    [(_, part, found)] = other_language_parts(text, "en", engine.supported_languages)
    assert found == language and part in text
    (analysis,) = engine.analyze([CommentInput(text)])
    assert analysis.language == "en"
    assert moderator.on_scores(analysis).action.value != "approve"


def test_an_english_comment_quoting_a_short_foreign_phrase_has_no_other_part(
    engine: Engine,
) -> None:
    text = "The mayor said 'bon appétit' and cut the ribbon. A lovely day for the town."
    assert other_language_parts(text, "en", engine.supported_languages) == []


COVERED = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ar")


def test_a_stated_language_gives_way_to_the_one_a_text_is_plainly_written_in() -> None:
    """Integrations state a site's language, not each comment's: Turkish stated as English
    is read as Turkish, English stated as German as English, Russian stated as English as
    Russian (its script is no guess), and a text the detector cannot place keeps what was
    stated (read in English too where English was only its default guess)."""
    turkish = "Sen tam bir aptalsın, defol git buradan, kimse seni burada istemiyor"
    english = "Thanks for the careful reporting, I learned a lot from this piece."
    assert written_in(turkish, "en", COVERED) == ("tr", None)
    assert written_in(english, "de", COVERED) == ("en", None)
    assert written_in(english, None, COVERED) == ("en", None)
    assert written_in(turkish, None, COVERED) == ("tr", None)
    assert written_in(turkish, "tr", COVERED) == ("tr", None)
    assert written_in("Halt die Klappe", "de", COVERED) == ("de", "en")
    assert written_in("Ты тупой идиот, заткнись немедленно.", "en", COVERED) == ("ru", None)
    # a short text gives way to what is no guess (a multilingual integrator's tryout: these,
    # sent with ["en"], were stored approved) and is read in the stated language too
    assert written_in("Taci, stronzo.", "en", COVERED) == ("it", "en")
    assert written_in("Spierdalaj, ty kurwo.", "en", COVERED) == ("pl", "en")
    assert written_in("سأقتلك إذا رأيتك.", "en", COVERED) == ("ar", "en")
    assert written_in("Amina Yılmaz", "de", COVERED) == ("de", None)  # a guess: stated stands


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        # an English-only word keeps a stated English (the review: these were read in the
        # other language, and the abuse approved or the names held)
        ("Dank je wel voor het artikel, you stupid bitch", "en"),
        ("Bayern München gegen Borussia Dortmund, kill them all", "en"),
        ("Amina Yılmaz, Ahmet Çelik, Mehmet Öztürk and Zeynep Kaya won medals.", "en"),
        ("Thanks guys, terima kasih, sangat membantu.", "en"),
        # an uncovered Latin-script guess does not overrule a stated covered language
        ("Det er en rigtig god artikel, tak for den.", "de"),
        ("Ostras tio, que guai, moltes gràcies.", "es"),
        ("ana b7ebak ya sahbi, inshallah khair", "ar"),
    ],
)
def test_a_stated_language_stands_against_a_weaker_guess(text: str, stated: str) -> None:
    assert written_in(text, stated, COVERED)[0] == stated


def test_every_surface_scores_a_comment_stated_in_the_wrong_language_alike(
    engine: Engine,
) -> None:
    """The same Turkish abuse stated as English, as Turkish, and not stated: one reading.
    Stated as English, the English tiers approved it on `score`, `scan` and the thread
    upload while the Perspective endpoint rejected it."""
    text = "Sen tam bir aptalsın, defol git buradan, kimse seni burada istemiyor"
    readings = engine.analyze([CommentInput(text, language=s) for s in ("en", "tr", None)])
    assert {a.language for a in readings} == {"tr"}
    assert readings[0].scores == readings[1].scores == readings[2].scores
    assert readings[0].scores["toxicity"] > 0.5
