"""The thread model: an article and its tree of comments, as plain typed data.

Every reader produces these, and everything downstream (scoring, policy, storage,
rendering) consumes them, so they carry no behaviour beyond small navigation helpers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Final


@dataclass(frozen=True)
class Comment:
    """One comment of a thread.

    ``parent`` is the id of the comment replied to, or ``None`` for a comment on the
    article itself. ``depth`` is 0 for a top-level comment. ``position`` is the comment's
    index in reading order (depth-first, as shown on the page). The author is screened
    like the text: user names can be abusive too. ``language`` is the comment's language
    (ISO 639-1) where the input states it (a JSON ``language`` key, a CSV column); None:
    detected from the text.
    """

    id: str
    text: str
    author: str = ""
    parent: str | None = None
    depth: int = 0
    created_at: str | None = None
    position: int = 0
    language: str | None = None


@dataclass(frozen=True)
class Thread:
    """An article (title, body, url, id) and its comments in reading order."""

    title: str = ""
    body: str = ""
    url: str = ""
    id: str = ""
    comments: tuple[Comment, ...] = ()

    def in_language(self, language: str) -> Thread:
        """The thread with ``language`` stated for every comment that states none."""
        comments = tuple(c if c.language else replace(c, language=language) for c in self.comments)
        return replace(self, comments=comments)

    def by_id(self) -> dict[str, Comment]:
        """Map comment id to comment, for looking up a reply's parent."""
        return {c.id: c for c in self.comments}

    def parent_text(self, comment: Comment) -> str:
        """The text the comment replies to: its parent comment, else empty."""
        if comment.parent is None:
            return ""
        parent = self.by_id().get(comment.parent)
        return parent.text if parent else ""


@dataclass(frozen=True)
class Problem:
    """A malformed part of an input: where it is (file, line or element) and what is wrong."""

    source: str
    location: str
    message: str
    #: The input lost nothing: the reader repaired or kept what it met (a parent not in the
    #: input, a loop of parent links, a stated depth the links contradict; comments a Reddit
    #: page did not include; a comment with no text; a date kept as written). Set where the
    #: problem is made, so that no one reads it back from the message's words; not part of
    #: a problem's equality, nor of what ``problems.jsonl`` lists.
    harmless: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.source}: {self.location}: {self.message}"


@dataclass
class ReadResult:
    """What a reader returns: the thread as far as it could be read, and the problems met."""

    thread: Thread
    problems: list[Problem] = field(default_factory=list)
    format: str = ""


#: Where the words of a user name meet when nothing stands between them: a capital after a
#: small letter ("KillAllMuslims"), letters against digits ("Patriot1488"); the coded-hate
#: lexicon splits names there too (:func:`threadguard.moderation.coded_hate.name_words`).
#: Reading a name as words also breaks it at underscores, dots and hyphens.
NAME_JOIN: Final = r"(?<=[a-z])(?=[A-Z])|(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])"
_NAME_BREAK = re.compile(rf"{NAME_JOIN}|[_.-]+")


def name_as_words(name: str) -> str:
    """A user name as the words it is made of, the way the models read text ("Kill All
    Muslims" for "KillAllMuslims", "nick m" for "nick_m"). Read glued, the models scored
    names by their letters: "KillAllMuslims" 0.81 and "HitlerWasRight" 0.19, but "Nerd"
    0.83 and "nick_m" 0.66 (session 34, `bench/user_names.py`: on 40 ordinary and 30
    abusive names the team wrote, as words at [authors] screen_from 0.85, 4 ordinary and
    19 abusive are held; glued at 0.65, 13 and 20)."""
    return " ".join(_NAME_BREAK.sub(" ", name).split())


#: Each author's name and the language it is read in (:func:`first_languages`).
Spoken = dict[str, str | None]


def first_languages(authors: Iterable[str | None], languages: Iterable[str | None]) -> Spoken:
    """Each author's language: that of their first comment, in which their name is read
    ("Amina Yılmaz" read as Turkish was a vulgar word). ``authors`` and ``languages`` are
    the comments', in order; comments without an author are passed over."""
    spoken: Spoken = {}
    for author, language in zip(authors, languages, strict=True):
        if author:
            spoken.setdefault(author, language)
    return spoken
