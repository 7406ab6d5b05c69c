"""A long comment is read whole: what the deep tier's 128 word pieces do not reach is read
again in pieces (:mod:`threadguard.scoring.windows`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadguard.engine import DEEP_PIECES, CommentInput, Engine
from threadguard.moderation import Moderator
from threadguard.scoring.windows import CHUNK_CHARS, unread_pieces

CIVIL = "The council meeting discussed the new bike lane and parking plans for the downtown core. "
INSULT = "You are a pathetic idiot and everyone here hates you."


def test_abuse_after_a_long_civil_start_is_held_and_highlighted_where_it_is(
    engine: Engine, moderator: Moderator
) -> None:
    """Ten polite sentences used to hide the insult from the deep tier: approved, with
    every score under 0.2."""
    for padding in (10, 40):
        text = CIVIL * padding + INSULT
        [analysis] = engine.analyze([CommentInput(text)])
        assert moderator.decide(analysis, text).action != "approve", padding
        start = text.index("pathetic idiot")
        assert any(s.begin >= start and s.attribute == "insult" for s in analysis.spans)
    [civil] = engine.analyze([CommentInput(CIVIL * 10)])
    assert moderator.decide(civil, CIVIL * 10).action == "approve"


def test_an_insult_diluted_below_the_band_is_still_sent_to_the_deep_tier(
    engine: Engine, moderator: Moderator
) -> None:
    """Two sentences of this padding took the comment read whole under the cascade's band
    (toxicity 0.20), so the deep tier never read it: approved at 2, 10 and 100 sentences.
    (The bike-lane padding above happens to keep the fast tier over the band.)"""
    ferry = "The council met on Tuesday to discuss the new ferry timetable and the budget. "
    for padding in (2, 10, 100):
        text = ferry * padding + INSULT
        [analysis] = engine.analyze([CommentInput(text)], spans=False)
        assert moderator.decide(analysis, text).action != "approve", padding
    [civil] = engine.analyze([CommentInput(ferry * 10)], spans=False)
    assert moderator.decide(civil, ferry * 10).action == "approve"


def test_a_comment_the_deep_tier_reads_whole_is_read_once(engine: Engine) -> None:
    assert engine.deep is not None
    short = CIVIL * 3
    assert engine.deep.chars_read(short) == len(short)
    assert engine._unread(short, "en") == []
    long = CIVIL * 12
    read = engine.deep.chars_read(long)
    assert 300 < read < len(long)
    pieces = engine._unread(long, "en")
    assert pieces and pieces[0][0] <= read and pieces[-1][1].endswith("downtown core.")


def test_pieces_start_where_reading_stopped_and_cover_the_rest_in_sentences() -> None:
    text = CIVIL * 12 + INSULT
    pieces = unread_pieces(text, 500)
    first, _ = pieces[0]
    assert first <= 500 and text[first:].startswith("The council")
    assert all(len(p) <= CHUNK_CHARS for _, p in pieces)
    assert pieces[-1][1].endswith(INSULT)
    assert unread_pieces(text, len(text)) == []


@given(st.text(min_size=1, max_size=3000), st.integers(min_value=0, max_value=3000))
def test_pieces_are_the_texts_own_characters_up_to_its_end(text: str, read: int) -> None:
    pieces = unread_pieces(text, read)
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece and piece.strip()
        assert len(piece) <= CHUNK_CHARS
    if pieces:
        assert pieces[0][0] <= read  # from the sentence where reading stopped
        last_offset, last = pieces[-1]
        assert text[last_offset + len(last) :].strip() == ""
    elif read < len(text.rstrip()):
        raise AssertionError("an unread rest must be read again")


def test_without_the_deep_tier_a_text_past_max_chars_is_read_in_windows(engine: Engine) -> None:
    """The fast tier (alone, or for another language) reads MAX_CHARS at a time: the rest
    of a longer text is read in further windows, as before pieces existed."""
    from threadguard.engine import MAX_CHARS, CascadeSettings
    from threadguard.schema import Tier

    fast = engine.with_cascade(CascadeSettings(tier=Tier.FAST))
    text = CIVIL * 500 + INSULT
    assert len(text) > 2 * MAX_CHARS
    windows = fast._unread(text, "en")
    assert [offset for offset, _ in windows] == [MAX_CHARS, 2 * MAX_CHARS]
    assert windows[-1][1].endswith(INSULT)
    assert fast._unread(CIVIL * 20, "en") == []


def test_a_very_long_comment_sends_only_its_worst_pieces_to_the_deep_tier(
    engine: Engine, moderator: Moderator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An operator's tryout: 200,000 characters whose every piece the cascade routed deep
    kept a core busy 12 s. Past DEEP_PIECES pieces the fast tier alone reads the calmest;
    the insult far inside is still among those the deep tier reads, and still held."""
    assert engine.deep is not None
    deep = engine.deep
    read_by_deep: list[str] = []

    def counted(texts: list[str], contexts: list[str] | None = None, **kw: bool):  # type: ignore[no-untyped-def]
        read_by_deep.extend(texts)
        return type(deep).read(deep, texts, contexts, **kw)

    monkeypatch.setattr(deep, "read", counted)
    # "harm" words route every piece deep, whatever the fast tier scores
    padding = "The council meeting about the stabbing on Elm Street ran late. " * 600
    text = padding + INSULT + " " + padding
    pieces = engine._unread(text, "en")
    assert len(pieces) > 3 * DEEP_PIECES
    [analysis] = engine.analyze([CommentInput(text)], spans=False)
    assert moderator.decide(analysis, text).action != "approve"
    assert any("pathetic idiot" in t for t in read_by_deep)
    # the whole comment's reading, at most DEEP_PIECES pieces, and their second readings
    assert len(read_by_deep) <= 3 * DEEP_PIECES + 3
