"""The engine scores each comment with the models of its language: English exactly as
before (the multilingual tier never touches it), the covered languages with their own
model and calibration, any other language with the English models (for the policy to hold
as unsupported)."""

from __future__ import annotations

import pytest

from threadguard.engine import CommentInput, Engine

ENGLISH = [
    "Thanks for the clear article about the ferry timetable.",
    "You are a worthless idiot and everyone here knows it.",
    "Muslims are vermin and should be thrown out.",
    "I disagree with the council, but the reporting was fair.",
]
OTHERS = {
    "de": "Du bist ein dreckiger Hurensohn, verpiss dich aus diesem Land",
    "pt": "vai tomar no cu seu lixo, ninguém te aguenta",
    "tr": "Seni gerizekalı şerefsiz, defol git buradan",
}


@pytest.fixture(scope="module")
def english_only(engine: Engine) -> Engine:
    return Engine(engine.model, engine.deep, engine.cascade)


def test_the_shipped_engine_covers_the_ten_languages(engine: Engine) -> None:
    assert engine.languages is not None
    assert engine.supported_languages == {
        "en",
        "de",
        "fr",
        "es",
        "it",
        "pt",
        "nl",
        "pl",
        "tr",
        "ar",
    }


def test_english_is_scored_exactly_as_without_the_language_tier(
    engine: Engine, english_only: Engine
) -> None:
    mixed = [CommentInput(t, id=str(i)) for i, t in enumerate(ENGLISH)]
    mixed.insert(1, CommentInput(OTHERS["de"], id="de"))
    with_tier = {a.id: a for a in engine.analyze(mixed)}
    without = {a.id: a for a in english_only.analyze([m for m in mixed if m.id != "de"])}
    for key, a in without.items():
        assert with_tier[key] == a


@pytest.mark.parametrize("code", sorted(OTHERS))
def test_a_covered_language_is_scored_by_its_own_model(engine: Engine, code: str) -> None:
    [a] = engine.analyze([CommentInput(OTHERS[code])])
    assert a.language == code
    assert f"threadguard-fast-{code}@" in a.model
    assert a.scores["toxicity"] >= 0.5
    assert engine.for_language(code) is not engine


def test_english_and_uncovered_languages_stay_with_the_english_models(engine: Engine) -> None:
    assert engine.for_language("en") is engine
    assert engine.for_language("sv") is engine
    [a] = engine.analyze([CommentInput("Jag håller inte alls med dig om det här förslaget")])
    assert a.language == "sv" and "fast-xx" not in a.model and "fast-sv" not in a.model


def test_a_caller_may_name_the_language(engine: Engine) -> None:
    [a] = engine.analyze([CommentInput("Halt die Fresse", language="de")])
    assert a.language == "de" and "threadguard-fast-de@" in a.model


def test_attributes_are_supported_where_the_language_has_evidence(engine: Engine) -> None:
    assert engine.supports("sexually_explicit", "en")
    for code in ("de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ar"):
        assert engine.supports("toxicity", code) and engine.supports("identity_attack", code)
    assert not engine.supports("sexually_explicit", "tr")
    assert not engine.supports("toxicity", "sv")


def test_tatweel_and_harakat_do_not_hide_arabic_abuse(engine: Engine) -> None:
    """Written for this test: an insult plain, stretched with tatweel, and with harakat."""
    plain, stretched, vowelled = engine.analyze(
        [
            CommentInput("أنت حقير وكلب"),
            CommentInput("أنت حقـــير وكلـــب"),
            CommentInput("أَنْتَ حَقِيرٌ وَكَلْبٌ"),
        ],
        spans=False,
    )
    assert plain.scores["toxicity"] > 0.5
    assert stretched.scores == plain.scores
    assert vowelled.scores == plain.scores


def test_a_multilingual_folder_given_as_the_model_replaces_the_multilingual_tier(
    engine: Engine,
) -> None:
    """`eval --suite languages --model <a train --tier languages folder>` failed: "cannot
    load model: .../model.json". A folder may also be named as a str (a notebook's)."""
    from threadguard.scoring.registry import shipped_model_dir

    folder = str(shipped_model_dir("fast-xx"))
    candidate = Engine.load(folder)
    assert candidate.model_version == engine.model_version
    text = OTHERS["de"]
    [theirs] = candidate.analyze([CommentInput(text)], spans=False)
    [ours] = engine.analyze([CommentInput(text)], spans=False)
    assert theirs.language == "de" and theirs.scores == ours.scores


def test_a_user_name_is_read_in_its_authors_language(engine: Engine) -> None:
    """Two words tell no language: "Amina Yılmaz", detected as Turkish, was read by the
    Turkish model as a vulgar word and judged by the English thresholds, and every comment
    of hers was rejected. A name is now read in its author's first comment's language and
    judged by that language's thresholds."""
    from threadguard.moderation import Moderator
    from threadguard.thread import Comment, Thread

    thread = Thread(
        title="Bericht",
        comments=(
            Comment("c1", "Danke für den Bericht, sehr informativ.", "Amina Yılmaz"),
            Comment("c2", "Thanks, a fair piece.", "Amina Yılmaz", "c1", 1),
        ),
    )
    scored = engine.scan(thread)
    assert [s.author_analysis.language for s in scored if s.author_analysis] == ["de", "de"]
    decided = Moderator().decide_thread(scored)
    assert [m.decision.action for m in decided] == ["approve", "approve"]


def test_a_pronoun_is_never_highlighted_on_its_own(engine: Engine) -> None:
    """The pronouns "Du" and "Tu" were highlighted as insults beside the insult itself (written for this
    test)."""
    for text, language, word in (
        ("Du bist ein Idiot.", "de", "Idiot"),
        ("Tu es un connard.", "fr", "connard"),
    ):
        [analysis] = engine.analyze([CommentInput(text, language=language)])
        marked = {text[s.begin : s.end] for s in analysis.spans}
        assert word in marked and not marked & {"Du", "Tu"}, marked
