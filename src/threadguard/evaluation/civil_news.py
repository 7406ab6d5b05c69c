"""The team's civil news sentences: topic words that must not get a reader held.

Comment sections under political and religious-affairs stories are full of nations,
faiths, armies, parties and migration, argued about bluntly, with questions, dry asides
and sarcasm aimed at no group. A model that learnt "group or conflict word = abuse"
holds these readers, and a site switches it off. ``resources/civil_news_suite.jsonl``
holds sentences the team wrote for this (no data set was copied); ``threadguard eval
--suite decisions`` reports the share the default policy holds (the target is < 2%).

Like the functional suite, this file is a diagnostic, never training data: a test keeps
every training template at least five words away from each sentence.

Each line is one sentence::

    {"id": "cn-001", "topic": "armies", "style": "question", "text": "..."}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Final

from threadguard.evaluation.functional import SuiteError, string_documents

#: The packaged file, in ``threadguard.resources``.
CIVIL_NEWS_FILE: Final = "civil_news_suite.jsonl"

#: The team's friendly and neutral mentions of groups, in the same format (session 7).
GROUP_MENTIONS_FILE: Final = "group_mentions_suite.jsonl"

#: What a sentence is about: a name outside this list is a typo, so loading refuses it.
TOPICS: Final = (
    "nations",
    "religion",
    "armies",
    "parties",
    "migration",
    "foreign_policy",
    "group_mentions",
)

#: How it is said: the forms that a topic-word detector confuses with abuse.
STYLES: Final = ("statement", "question", "aside", "sarcasm", "disagreement")

_FIELDS: Final = ("id", "topic", "style", "text")


@dataclass(frozen=True)
class CivilSentence:
    """One civil sentence a news site must publish."""

    id: str
    topic: str
    style: str
    text: str


def parse_civil_news(lines: Iterable[str], source: str = CIVIL_NEWS_FILE) -> list[CivilSentence]:
    """Parse and validate the lines (blank ones skipped); ids and texts must be unique."""
    known = {"topic": TOPICS, "style": STYLES}
    return [
        CivilSentence(doc["id"], doc["topic"], doc["style"], doc["text"])
        for _, doc in string_documents(lines, source, SuiteError, _FIELDS, known)
    ]


def load_civil_news(name: str = CIVIL_NEWS_FILE) -> list[CivilSentence]:
    """The sentences that ship in the package (``name``: the civil news sentences, or
    :data:`GROUP_MENTIONS_FILE`)."""
    text = resources.files("threadguard.resources").joinpath(name).read_text("utf-8")
    return parse_civil_news(text.splitlines(), name)


def load_group_mentions() -> list[CivilSentence]:
    """Friendly or neutral mentions of groups ("Gay people deserve equal rights.", holiday
    greetings, questions), written in session 7 after the identity templates and never
    trained on (the issue's "Black lives matter." is left out: a support template says it).
    A test keeps every template five words away."""
    return load_civil_news(GROUP_MENTIONS_FILE)
