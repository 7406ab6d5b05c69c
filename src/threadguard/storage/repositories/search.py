"""The SQL conditions the dashboard finds comments by: words of the text, the language it
was scored in, the kind of policy reason it was held for, and the severity the queue's
"riskiest first" ranks by.

A moderator answering a reader's complaint looks for a comment by a few of its words;
one working a queue wants the threats before the insults. These conditions are built
here, over the stored columns, so the queue page, its counts and its pages agree.
Every value reaches SQL as a bound parameter; a text's ``%``, ``_`` and ``\\`` are
escaped, so a search for "100%" finds that text and not every comment.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import String, and_, case, cast, exists, or_, select

from threadguard.storage.models import AnalysisRow as AnalysisModel
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import QueueItem
from threadguard.storage.records import InvalidError

#: The longest text a search takes (a sentence or two of a comment).
MAX_SEARCH = 200
#: The longest language code a filter takes (ISO 639-1, or a tag such as ``pt-BR``).
MAX_LANGUAGE = 16

#: The kinds of threatening phrase the threat lists name (``resources/lexicons/threats*.toml``),
#: each reason starting with the kind and a colon.
THREAT_KINDS = (
    "intent to harm",
    "veiled threat",
    "wish of harm",
    "call for violence",
    "call for expulsion",
    "dehumanising language",
    "sexual harassment",
    "encouraging self-harm",
)

#: The policy reason kinds a queue can be filtered by: (label, the starts of their reasons).
REASON_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "threat": (
        "threat or call for violence",
        (*(f"{k}:" for k in THREAT_KINDS), "threat "),
    ),
    "self_harm": ("encouraging self-harm", ("encouraging self-harm:",)),
    "coded_hate": ("coded hate", ('coded hate "', 'author name: coded hate "')),
    # hate only through its thread: agreement with a held parent, approval of an abuser the
    # parent reports, a reader dismissed by the group they named (moderation/named_reader.py)
    "thread": (
        "hate through its thread",
        ("agrees with what it answers:", "approves whoever", "dismisses a reader by their group:"),
    ),
    "contact": ("contact details (doxxing)", ("contact details:",)),
    "spam": ("spam", ("spam:",)),
    "watchlist": ("watched word", ('watched "', 'author name: watched "')),
    "language": ("language not supported", ("language ",)),
    "banned": ("author is banned", ("author is banned",)),
}

#: The reasons that rank a comment among the most severe in "riskiest first": a threat,
#: self-harm encouragement, contact details (doxxing) or coded hate on the policy's lists,
#: or a threat, severe toxicity or identity attack score over a threshold. Insults and
#: plain toxicity, however high, rank after them ("You are a pathetic idiot" at 0.91
#: came before "Kill yourself, nobody would miss you.").
SEVERE_REASONS = (
    *REASON_KINDS["threat"][1],
    *REASON_KINDS["coded_hate"][1],
    *REASON_KINDS["contact"][1],
    "severe_toxicity ",
    "identity_attack ",
)


def escaped_like(text: str) -> str:
    """``text`` with LIKE's wildcards and its escape character escaped (by ``\\``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def text_contains(text: str) -> Any:
    """The comments whose text contains ``text``, case-insensitively (ASCII case on
    SQLite), or :class:`InvalidError` for a text too long to be a search."""
    if len(text) > MAX_SEARCH:
        raise InvalidError(f"a search is at most {MAX_SEARCH} characters, not {len(text)}")
    return CommentModel.text.ilike(f"%{escaped_like(text)}%", escape="\\")


def in_language(language: str) -> Any:
    """The comments an analysis read as ``language`` (the code the engine gave)."""
    if len(language) > MAX_LANGUAGE:
        raise InvalidError(f"a language code is at most {MAX_LANGUAGE} characters")
    return exists(
        select(AnalysisModel.id).where(
            AnalysisModel.comment_id == CommentModel.id, AnalysisModel.language == language
        )
    )


def stored_start(start: str) -> str:
    """How a reason starting with ``start`` begins in the stored list: a JSON string, as
    the JSON columns write it (``json.dumps``: its opening double quote, a ``"`` or ``\\``
    escaped by a backslash, other characters past ASCII as ``\\u`` escapes), without the
    closing quote. ``'"' + start`` never matched a start with a quote in it: 'coded hate "'
    is stored as ``"coded hate \\"``, so "Held for: coded hate" found nothing, and
    "riskiest first" ranked coded hate with the insults."""
    return json.dumps(start)[:-1]


def _reason_starts(starts: tuple[str, ...]) -> Any:
    """Queue entries with a reason starting with one of ``starts`` (:func:`stored_start`)."""
    reasons = cast(QueueItem.reasons, String)
    return or_(*(reasons.like(f"%{escaped_like(stored_start(s))}%", escape="\\") for s in starts))


def with_reason(kind: str) -> Any:
    """The queue entries held or rejected for a reason of ``kind`` (a key of
    :data:`REASON_KINDS`), or :class:`InvalidError` naming the kinds."""
    if kind not in REASON_KINDS:
        raise InvalidError(
            f"unknown reason kind {kind!r}; expected one of {', '.join(REASON_KINDS)}"
        )
    return and_(QueueItem.id.is_not(None), _reason_starts(REASON_KINDS[kind][1]))


def severity() -> Any:
    """1 for a queue entry with a severe reason (:data:`SEVERE_REASONS`), else 0."""
    return case((_reason_starts(SEVERE_REASONS), 1), else_=0)
