"""The parts of a comment's card that depend on more than its scores: when its author
posted it, the language it was read in and whether it was scored in it, and, for a long
comment, the passage to show while the rest is folded away.

Each answers something a head moderator could not tell from the cards: a comment
imported from a backlog looked as fresh as one posted a minute ago (only the upload time
was shown); a Hebrew insult the engine could not read showed green bars that looked
harmless; a multilingual site's moderators could not see which language a comment was read
in (a comment read as English is scored by another model than one read as German); a
4,400-character comment whose abuse was in its last sentence filled a screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from threadguard.language import UNDETERMINED

#: A comment longer than this is folded to its start, with a "Show all" control.
LONG_COMMENT = 1200
#: How far either side of a highlight the folded card's passage reaches, at most.
PASSAGE_REACH = 240
#: How far apart the posting and upload times may be and still be shown as one.
SAME_TIME_S = 60
#: The reason a policy gives for a comment in a language it cannot score.
UNSUPPORTED = re.compile(r"(?:^|: )language (\S+) is not supported")
#: The end of a sentence (the passage is cut at one where it can be).
SENTENCE_END = re.compile(r"[.!?…。！？]\s")


@dataclass(frozen=True)
class Posted:
    """When the author posted a comment, as the upload gave it: ``iso`` for the page's
    ``datetime`` attribute (None when the value is no time), ``shown`` for the reader."""

    shown: str
    iso: str | None


def posted(posted_at: str | None, received: datetime) -> Posted | None:
    """The comment's own posting time where it says more than the upload time (None when
    not given or within :data:`SAME_TIME_S` of the upload)."""
    if not posted_at or not posted_at.strip():
        return None
    text = posted_at.strip()
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return Posted(text[:40], None)  # shown as given: it is the client's word
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    when = when.astimezone(UTC)
    if abs((when - received).total_seconds()) <= SAME_TIME_S:
        return None
    return Posted(f"{when:%Y-%m-%d %H:%M} UTC", when.isoformat(timespec="seconds"))


def unscored_language(reasons: list[str]) -> str | None:
    """The language a comment was held for not being able to score (None: it was scored
    in its language), from the policy's reason "language he is not supported"."""
    for reason in reasons:
        found = UNSUPPORTED.search(reason)
        if found is not None:
            return found.group(1)
    return None


def language_shown(code: str | None) -> str | None:
    """The language a comment was read in, as its card and thread page say it: the
    engine's code (ISO 639-1: ``he``, ``de``), "undetermined" for letters of a script the
    engine does not know; None for a comment not read (kept as context only)."""
    if not code:
        return None
    return "undetermined" if code == UNDETERMINED else code


def passage(text: str, begin: int, end: int) -> tuple[int, int]:
    """Where the passage around a long comment's first highlight (``begin``..``end``)
    starts and stops: the sentence around it, at most :data:`PASSAGE_REACH` characters
    either side. Shown wherever the highlight is: the fold is a height (12em), so how
    many characters stay in view depends on the card's width (a highlight at character
    906 got no passage and was folded away at 1024 px)."""
    start = max(0, begin - PASSAGE_REACH)
    ends = [m.end() for m in SENTENCE_END.finditer(text, start, begin)]
    start = ends[-1] if ends else start
    stop = min(len(text), end + PASSAGE_REACH)
    after = SENTENCE_END.search(text, end, stop)
    return start, after.end() if after else stop
