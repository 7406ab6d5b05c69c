"""User names are read as the words they are made of, and screened from 0.85."""

from __future__ import annotations

import pytest

from threadguard.engine import Engine
from threadguard.moderation import Moderator
from threadguard.thread import Comment, Thread, name_as_words


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("KillAllMuslims", "Kill All Muslims"),
        ("nick_m", "nick m"),
        ("Patriot1488", "Patriot 1488"),
        ("Dick Smith", "Dick Smith"),
        ("hotel.cleaner", "hotel cleaner"),
    ],
)
def test_a_name_reads_as_its_words(name: str, words: str) -> None:
    assert name_as_words(name) == words


def decisions(engine: Engine, moderator: Moderator, names: list[str]) -> dict[str, str]:
    thread = Thread(
        title="Council tax to rise by 5%",
        comments=tuple(
            Comment(id=f"c{i}", author=name, text="Good point, well made.")
            for i, name in enumerate(names)
        ),
    )
    return {
        m.comment.author: m.outcome.action.value for m in moderator.moderate_thread(engine, thread)
    }


def test_ordinary_names_do_not_hold_every_comment(engine: Engine, moderator: Moderator) -> None:
    """Session 34's news-desk tryouts: "nick_m", "Nerd" and "Hotel Cleaner" held every
    comment their readers wrote (the name's toxicity 0.66-0.83, screened from 0.65)."""
    got = decisions(engine, moderator, ["nick_m", "Nerd", "Hotel Cleaner", "Sex Pistols fan"])
    assert set(got.values()) == {"approve"}, got


def test_abusive_names_written_glued_are_still_held(engine: Engine, moderator: Moderator) -> None:
    got = decisions(engine, moderator, ["KillAllMuslims", "GasTheJews", "stupid_bitch"])
    assert "approve" not in got.values(), got
