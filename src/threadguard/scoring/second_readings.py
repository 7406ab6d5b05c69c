"""The second readings as the engine applies them, in order (:mod:`.rereading`).

Each is what to read a comment again as (None: not read again), the attributes the
second reading may move, and whether they keep the higher or the lower of the two
readings (a raising one only where its reading reaches its floor).
``threadguard.engine.Engine`` applies them; ``bench/second_readings.py`` counts
where each applies in the labelled data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from threadguard.scoring.dismissed_trolls import DISMISSAL_ATTRIBUTES, without_dismissed_trolls
from threadguard.scoring.endorsed_quotes import (
    ENDORSED_QUOTE_ATTRIBUTES,
    ENDORSED_QUOTE_FLOOR,
    endorsed_quotation,
)
from threadguard.scoring.exclamations import EXCLAMATION_ATTRIBUTES, without_exclamations
from threadguard.scoring.figurative_violence import (
    FIGURATIVE_ATTRIBUTES,
    without_figurative_violence,
)
from threadguard.scoring.insulted_things import THING_ATTRIBUTES, without_insults_at_things
from threadguard.scoring.kind_words import (
    KIND_WORD_ATTRIBUTES,
    tells_of_harm,
    without_kind_words,
)
from threadguard.scoring.lookalike_words import LOOKALIKE_ATTRIBUTES, without_lookalikes
from threadguard.scoring.negated_claims import DENIAL_ATTRIBUTES, without_negated_claims
from threadguard.scoring.opinion_frames import (
    FRAME_ATTRIBUTES,
    attack_without_frames,
    without_frames,
)
from threadguard.scoring.quoted_speech import QUOTE_ATTRIBUTES, without_condemned_quotes
from threadguard.scoring.self_descriptions import (
    SELF_DESCRIPTION_ATTRIBUTES,
    without_self_descriptions,
)
from threadguard.scoring.sexual_topics import TOPIC_ATTRIBUTES, without_sexual_topics


def without_denials(text: str) -> str | None:
    """The text a denied slur is read again as: without its opinion frames first, so a
    frame cannot hide a second claim ("I think women are not stupid. I think they are
    inferior."), then without the denial."""
    return without_negated_claims(without_frames(text) or text)


def without_sexual_misreadings(text: str) -> str | None:
    """The text without the words that name sex as a subject and those that only look
    sexual, in one reading: each alone leaves the other's word to hold the score
    ("Cockroaches in the sex education block"). The topics are found in the text as
    written, then the lookalikes cut from what is left: cutting a lookalike first could
    make a topic's words meet that the writer never put together ("thinking about cocky
    sex": a review)."""
    topics = without_sexual_topics(text)
    return without_lookalikes(topics if topics is not None else text) or topics


@dataclass(frozen=True)
class Reading:
    """One second reading: its name, what to read again, and how it combines."""

    name: str
    cut: Callable[[str], str | None]
    #: The attributes it may move; ``groups``: the target groups' heads too.
    attributes: frozenset[str]
    groups: bool
    #: True: each attribute keeps the higher reading; False: the lower.
    raises: bool
    #: A raising reading's score counts only from here: below it the second reading is
    #: no clear reading of abuse, and the comment's own stands.
    floor: float = 0.0
    #: What the comment answers (its parent, else its title) under which it is read as
    #: written: None, under any.
    unless_context: Callable[[str], bool] | None = None

    def __post_init__(self) -> None:
        if self.floor and not self.raises:
            raise ValueError(f"{self.name}: only a raising reading has a floor")

    def again(self, text: str, context: str = "") -> str | None:
        """What to read ``text`` again as, answering ``context`` (its parent, else its
        title); None: read it once. The cut first: it passes most comments by on a
        substring test, and the context is looked at only for those it would read again."""
        rest = self.cut(text)
        if rest is None or (self.unless_context is not None and self.unless_context(context)):
            return None
        return rest


READINGS: Final = (
    Reading("frame", attack_without_frames, FRAME_ATTRIBUTES, groups=True, raises=True),
    Reading("denial", without_denials, DENIAL_ATTRIBUTES, groups=False, raises=False),
    Reading("thing", without_insults_at_things, THING_ATTRIBUTES, groups=False, raises=False),
    Reading(
        "exclamation",
        without_exclamations,
        EXCLAMATION_ATTRIBUTES,
        groups=False,
        raises=False,
    ),
    Reading(
        "dismissal",
        without_dismissed_trolls,
        DISMISSAL_ATTRIBUTES,
        groups=False,
        raises=False,
    ),
    Reading("quote", without_condemned_quotes, QUOTE_ATTRIBUTES, groups=False, raises=False),
    Reading(
        "sexual lookalike or topic",
        without_sexual_misreadings,
        TOPIC_ATTRIBUTES | LOOKALIKE_ATTRIBUTES,
        groups=False,
        raises=False,
    ),
    Reading(
        "figurative",
        without_figurative_violence,
        FIGURATIVE_ATTRIBUTES,
        groups=False,
        raises=False,
    ),
    Reading(
        "kind words",
        without_kind_words,
        KIND_WORD_ATTRIBUTES,
        groups=False,
        raises=False,
        unless_context=tells_of_harm,
    ),
    Reading(
        "self description",
        without_self_descriptions,
        SELF_DESCRIPTION_ATTRIBUTES,
        groups=False,
        raises=False,
    ),
    # Last: a quotation the comment agrees with is its own words, whatever else was cut.
    Reading(
        "endorsed quote",
        endorsed_quotation,
        ENDORSED_QUOTE_ATTRIBUTES,
        groups=True,
        raises=True,
        floor=ENDORSED_QUOTE_FLOOR,
    ),
)
