"""Bare agreement a multilingual community head found read as words of its own: each now
endorses its parent; agreement followed by words of its own, or a question, does not."""

from __future__ import annotations

import pytest

from threadguard.agreement import endorses

PARENT = "Flüchtlinge sind Ratten."


@pytest.mark.parametrize(
    "text",
    [
        "Tout à fait.",
        "Enfin quelqu'un qui le dit.",
        "Isso aí.",
        "Falou tudo!",
        "Endlich sagt's mal einer.",
        "Finalmente qualcuno che lo dice.",
        "Eindelijk zegt iemand het.",
        "Zgadzam się w 100%.",
        "Święte słowa.",
        "أحسنت، أخيراً حد قالها",
    ],
)
def test_bare_agreement_found_by_the_community_head_endorses(text: str) -> None:
    assert endorses(text, PARENT)


@pytest.mark.parametrize(
    "text",
    [
        "Isso aí é racismo.",
        "Endlich sagt's mal einer? Nein.",
        "Finalmente qualcuno che lo dice: è una vergogna razzista.",
        "Eindelijk zegt iemand het, maar het is racistisch.",
        "Święte słowa papieża o uchodźcach.",
        "Zgadzam się w 100% z sędzią, był karny.",
    ],
)
def test_agreement_with_words_of_its_own_is_read_as_written(text: str) -> None:
    assert not endorses(text, PARENT)


@pytest.mark.parametrize(
    "text",
    [
        # a fifteenth news desk's replies under calls to expel or attack a group
        "Spot on, mate.",
        "Couldn't agree more. The sooner the better.",
        "This. Every single one of them.",
        "Exactly, brother!",
        "Well said. Needed saying.",
        "Agreed. Simple as that.",
        # a sixteenth desk's, under slurs at Travellers, Black nurses and Chinese farmers
        "Ha, spot on mate.",
        "Aye, says it like it is.",
        "Finally someone says what everyone's thinking.",
        # a seventeenth desk's, under a report of a slur and a call to shoot people
        "Sounds about right tbh 😂",
        "Too right.",
        "Exactly what I was thinking.",
        # a twenty-second's, under "They breed like rabbits ..."
        "Every word of that is true and you all know it.",
        "True, every word.",
    ],
)
def test_agreement_said_louder_or_to_someone_endorses(text: str) -> None:
    assert endorses(text, "Send them all back.")


@pytest.mark.parametrize(
    "text",
    [
        "Spot on reporting.",
        "All of them?",
        "All of them.",
        "Says it all.",
        "The truth is more complicated.",
        "Man, that's awful.",
        "This man is a hero.",
        "Every single one of them was born here.",
        # an opener alone, or before words of its own
        "Aye.",
        "Ha.",
        "Yes, but he's wrong.",
        "Oh, I see.",
        "Sounds about right, the council always does this.",
        "Sounds about right tbh, but check the source.",
        "Too right to ignore?",
        "Every word of that is true, but the figures are from 2011.",
        "You all know it was the council's fault.",
    ],
)
def test_the_louder_words_with_words_of_their_own_are_read_as_written(text: str) -> None:
    assert not endorses(text, "Send them all back.")


def test_based_is_agreement_but_not_a_word_of_a_sentence() -> None:
    assert endorses("Lol based", "Shoot the lot of them.")
    assert endorses("Based.", "Shoot the lot of them.")
    assert not endorses("Based on what?", "Shoot the lot of them.")
    assert not endorses("Based in Leeds, and it's the same here.", "Shoot the lot of them.")


def test_laughter_before_the_agreement_still_endorses() -> None:
    # Desk 60 (session 49): "😂😂 nailed it" under a held parent was published, where "Nailed
    # it 😂😂" was held with it.
    assert endorses("😂😂 nailed it", PARENT)
    assert endorses("👏 Spot on mate.", PARENT)
    assert not endorses("😂😂", PARENT)
    assert not endorses("😂 nailed it, the pun I mean, not the point", PARENT)
