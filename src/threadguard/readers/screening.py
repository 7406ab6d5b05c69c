"""Values no model can score or no output can hold, found as a thread is read.

JSON's ``"\\ud800"`` escape gives a lone surrogate, which is not Unicode text: it cannot be
scored, stored or printed, and one of them used to fail a whole ``scan`` (or a whole batch
partition). A comment's text may also be longer than ``threadguard score`` accepts
(:data:`~threadguard.validation.MAX_TEXT_CHARS`). Readers report such a value as a
:class:`~threadguard.thread.Problem` and read on: a comment whose text cannot be read is
left out, while an unreadable author, id, time or article field is only dropped. The
check is :func:`threadguard.validation.text_problem`, the one ``score`` and the HTTP
service use, so every surface words the fault the same way.

A caller that refuses such input itself, naming the field (the HTTP API answers 400 with
:func:`threadguard.validation.check_thread`), reads inside :func:`unscreened`
(``read_thread(..., strict=True)``): values are then left as read, and a comment whose
text is not a string at all is still reported and left out (one such comment refused the
whole upload, while ``scan`` read the rest).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace

from threadguard.thread import Problem, Thread
from threadguard.validation import MAX_TEXT_CHARS, text_problem

#: The article fields of a thread that are checked (an unreadable one becomes empty).
ARTICLE_FIELDS = ("title", "body", "url", "id")

_SCREENING: ContextVar[bool] = ContextVar("threadguard_readers_screening", default=True)


def screening() -> bool:
    """Whether readers screen what they read now (they do unless :func:`unscreened`)."""
    return _SCREENING.get()


@contextmanager
def unscreened() -> Iterator[None]:
    """Read without screening in this block (this thread or task only), for a caller
    that refuses unreadable values itself."""
    token = _SCREENING.set(False)
    try:
        yield
    finally:
        _SCREENING.reset(token)


def text_fault(text: str) -> str | None:
    """Why a comment's text cannot be scored (``text is ...``, ``text contains ...``), or
    None when it can. The wording is ``threadguard score``'s."""
    if len(text) > MAX_TEXT_CHARS:
        return f"text is {len(text)} characters; the limit is {MAX_TEXT_CHARS}"
    problem = text_problem(text, stored=False)
    return None if problem is None else f"text {problem}"


def field_fault(name: str, value: str | None) -> str | None:
    """Why the field ``name`` cannot keep ``value`` (``author contains a lone
    surrogate ...``), or None when it can (an absent value can)."""
    if not value:
        return None
    problem = text_problem(value, stored=False)
    return None if problem is None else f"{name} {problem}"


def readable_article(thread: Thread, source: str, location: str, problems: list[Problem]) -> Thread:
    """``thread`` with each article field that is not Unicode text reported (at
    ``location``) and emptied; the comments are kept as they are."""
    if not screening():
        return thread

    def kept(name: str) -> str:
        value: str = getattr(thread, name)
        fault = field_fault(name, value)
        if fault is None:
            return value
        problems.append(Problem(source, location, f"{fault}; the {name} was dropped"))
        return ""

    title, body, url, thread_id = (kept(name) for name in ARTICLE_FIELDS)
    return replace(thread, title=title, body=body, url=url, id=thread_id)
