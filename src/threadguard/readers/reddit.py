"""Reddit thread JSON: what ``https://www.reddit.com/r/.../comments/<id>/.json`` returns.

A list of two Listings: the first holds the submission (``t3``), the second the comment tree
(``t1`` objects whose ``replies`` is ``""`` or another Listing). The tree is walked with an
explicit stack, so deep reply chains cannot overflow Python's recursion limit.

Reddit HTML-escapes ``&``, ``<`` and ``>`` in titles and bodies; they are unescaped so text
reads as typed. ``[deleted]`` and ``[removed]`` bodies are Reddit's placeholders, not the
commenter's words, and become empty text. ``more`` stubs (comments Reddit did not include in
the download) cannot be read from the file; how many were left out is reported. A ``t1``
whose ``data`` is not an object, or whose ``body`` is not a string, is reported and left
out (its replies, if any can be found, are still read).
"""

from __future__ import annotations

import html
from typing import Any

from threadguard.readers.errors import ReaderError
from threadguard.readers.jsonfmt import load_document, read_id
from threadguard.readers.screening import readable_article
from threadguard.readers.tree import RawComment, build_comments
from threadguard.readers.values import as_author, as_timestamp
from threadguard.thread import Problem, ReadResult, Thread

_PLACEHOLDERS = frozenset(("[deleted]", "[removed]"))
_SITE = "https://www.reddit.com"
#: What becomes of a comment whose id is of the wrong type (its replies lose their parent).
_NEW_ID = "the comment was given a new id and its replies read as top-level comments"


def is_reddit(data: Any) -> bool:
    """True for a parsed document shaped like a Reddit comments page."""
    return (
        isinstance(data, list)
        and bool(data)
        and isinstance(data[0], dict)
        and data[0].get("kind") == "Listing"
    )


def _children(listing: Any) -> list[Any]:
    if isinstance(listing, dict) and isinstance(listing.get("data"), dict):
        children = listing["data"].get("children")
        if isinstance(children, list):
            return children
    return []


def _text(value: object) -> str:
    return html.unescape(value) if isinstance(value, str) else ""


def _submission(listing: Any, source: str, problems: list[Problem]) -> Thread:
    for child in _children(listing):
        if isinstance(child, dict) and child.get("kind") == "t3":
            data = child.get("data")
            if not isinstance(data, dict):  # a damaged page: no article fields to read
                data = {}
            permalink = _text(data.get("permalink"))
            thread = Thread(
                title=_text(data.get("title")),
                body=_text(data.get("selftext")),
                url=_SITE + permalink if permalink.startswith("/") else _text(data.get("url")),
                id=read_id(data, ("id",), (source, "submission", problems), "the id was dropped")
                or "",
            )
            return readable_article(thread, source, "submission", problems)
    return Thread()


def _body(data: dict[str, Any]) -> tuple[str, str | None]:
    """A comment's text and, when it cannot be read, why. A missing or null body is
    empty text (Reddit leaves it out of some removed comments)."""
    body = data.get("body")
    if body is None or isinstance(body, str):
        text = _text(body)
        return ("" if text.strip() in _PLACEHOLDERS else text), None
    return "", f"'body' must be a string, found {type(body).__name__}"


def _comments(listing: Any, source: str, problems: list[Problem]) -> list[RawComment]:
    raws: list[RawComment] = []
    missing = stubs = continues = 0
    stack: list[tuple[Any, str | None, str]] = [
        (child, None, f"comments[{i}]")
        for i, child in reversed(list(enumerate(_children(listing))))
    ]
    while stack:
        item, parent, location = stack.pop()
        kind = item.get("kind") if isinstance(item, dict) else None
        data = item.get("data") if isinstance(item, dict) else None
        if kind == "more":
            count = data.get("count") if isinstance(data, dict) else None
            if isinstance(count, int) and not isinstance(count, bool) and count > 0:
                stubs += 1
                missing += count
            else:
                continues += 1  # "continue this thread": deeper replies, count unknown
            continue
        if kind != "t1":
            problems.append(Problem(source, location, f"not a comment (kind {kind!r}); skipped"))
            continue
        if not isinstance(data, dict):
            found = "missing" if data is None else f"a {type(data).__name__}"
            problems.append(
                Problem(
                    source,
                    location,
                    f"comment (t1) 'data' must be an object, found {found}; skipped",
                )
            )
            continue
        text, fault = _body(data)
        comment_id = read_id(data, ("id",), (source, location, problems), _NEW_ID)
        raws.append(
            RawComment(
                text=text,
                id=comment_id,
                parent=parent,
                author=as_author(data.get("author")),
                created_at=as_timestamp(data.get("created_utc")),
                location=f"comment {comment_id}" if comment_id else location,
                fault=fault,
            )
        )
        replies = _children(data.get("replies"))
        stack.extend(
            (child, comment_id, f"{location}.replies[{i}]")
            for i, child in reversed(list(enumerate(replies)))
        )
    if stubs or continues:
        parts = []
        if stubs:
            parts.append(
                f"{missing} comments were not included in the download ({stubs} 'load more' stubs)"
            )
        if continues:
            parts.append(f"{continues} reply chains were cut off ('continue this thread')")
        problems.append(
            Problem(
                source,
                "comments",
                "; ".join(parts) + "; fetch them separately to moderate them",
                harmless=True,
            )
        )
    return raws


def read_reddit_value(data: Any, source: str) -> ReadResult:
    """Read an already parsed Reddit comments page."""
    if not is_reddit(data):
        raise ReaderError(
            source, "not a Reddit comments page: expected a JSON list of two Listings"
        )
    problems: list[Problem] = []
    thread = _submission(data[0], source, problems)
    if not thread.title and not thread.id:
        problems.append(Problem(source, "listing 0", "no submission (t3) with a title or id found"))
    raws = _comments(data[1], source, problems) if len(data) > 1 else []
    if len(data) < 2:
        problems.append(Problem(source, "document", "no comment Listing found"))
    comments, tree_problems = build_comments(raws, source)
    thread = Thread(
        title=thread.title, body=thread.body, url=thread.url, id=thread.id, comments=comments
    )
    return ReadResult(thread=thread, problems=problems + tree_problems, format="reddit")


def read_reddit(text: str, source: str) -> ReadResult:
    """Read a Reddit comments page from its JSON text."""
    return read_reddit_value(load_document(text, source), source)
