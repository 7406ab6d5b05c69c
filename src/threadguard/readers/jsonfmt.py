"""ThreadGuard's own JSON schema, as one document or as JSON Lines.

Document: ``{"thread": {"title", "body", "url", "id"}, "comments": [{"id", "parent", "author",
"text", "created_at", "depth"?, "language"?}, ...]}`` (``language``: the comment's, as an
ISO 639-1 code, which the engine then reads it in instead of detecting one). The output of ``threadguard scan --format json`` has
the same keys plus analysis fields, which are ignored, so a scanned thread can be re-read.
A bare list of comments, or a single comment object, is accepted too.

JSON Lines: one comment object per line; a line ``{"thread": {...}}`` gives the article.
A bad line is reported by number and skipped, so one truncated record never costs the
thread. A single document has no such seams: invalid JSON there is a :class:`ReaderError`
naming the line and column. A comment that is valid JSON but not a comment (not an
object, its text a number) is reported by its place and skipped, in both forms; so is
one whose text cannot be read (:mod:`.screening`).
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

from threadguard.readers.errors import ReaderError
from threadguard.readers.screening import readable_article
from threadguard.readers.tree import RawComment, build_comments
from threadguard.readers.values import (
    as_author,
    as_depth,
    as_id,
    as_language,
    as_text,
    as_timestamp,
    id_fault,
)
from threadguard.thread import Problem, ReadResult, Thread
from threadguard.validation import json_problem, long_json_number, too_many_digits

TEXT_KEYS = ("text", "body", "comment", "message")
PARENT_KEYS = ("parent", "parent_id")
THREAD_KEYS = ("thread", "article")
#: Where a ``thread`` object's article text may stand, first found first ("article" and
#: "content" as CMS exports name it: a tryout's ``thread.article`` was dropped unread;
#: other keys are ignored, as a comment's are).
ARTICLE_BODY_KEYS = ("body", "text", "article", "content")
#: What becomes of a thread id of the wrong type (said so: in JSON Lines the problem is
#: located by line only, and "the id" read as the comment's).
_THREAD_ID_DROPPED = "the thread's id was dropped"


#: How deeply a JSON document may nest. A Reddit reply is five levels (the comment, its
#: data, its replies Listing, that Listing's data, its children), so Python's default
#: recursion limit (1000) lost a page whose reply chain was 200 deep; the C decoder's
#: frames are small (50,000 levels parse on a thread's default stack).
MAX_JSON_DEPTH = 20_000
_DEPTH_LOCK = threading.Lock()
_deep_calls = 0  # calls parsing now; the first raises the limit, the last restores it
_limit_before = 0


def loads_deep(text: str) -> Any:
    """``json.loads`` allowing :data:`MAX_JSON_DEPTH` levels of nesting; deeper is a
    RecursionError, as before. The process-wide recursion limit is raised while any
    such call runs, and put back when the last one ends."""
    global _deep_calls, _limit_before
    with _DEPTH_LOCK:
        if not _deep_calls:
            _limit_before = sys.getrecursionlimit()
            sys.setrecursionlimit(max(_limit_before, MAX_JSON_DEPTH))
        _deep_calls += 1
    try:
        return json.loads(text)
    finally:
        with _DEPTH_LOCK:
            _deep_calls -= 1
            if not _deep_calls:
                sys.setrecursionlimit(_limit_before)


def load_document(text: str, source: str) -> Any:
    """Parse one JSON document, turning decoder failures into a located ReaderError."""
    try:
        return loads_deep(text)
    except json.JSONDecodeError as exc:
        raise ReaderError(
            source, f"invalid JSON: {json_problem(exc)}", f"line {exc.lineno}, column {exc.colno}"
        ) from exc
    except RecursionError as exc:
        raise ReaderError(
            source, f"JSON is nested more than {MAX_JSON_DEPTH:,} levels deep; not read"
        ) from exc
    except ValueError as exc:  # a number too long to convert, say
        found = long_json_number(text) if too_many_digits(exc) else None
        if found is None:
            raise ReaderError(source, f"invalid JSON: {exc}") from exc
        problem, line, column = found
        raise ReaderError(
            source, f"invalid JSON: {problem}", f"line {line}, column {column}"
        ) from exc


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> object:
    for key in keys:
        if key in obj:
            return obj[key]
    return None


def read_id(
    obj: dict[str, Any],
    keys: tuple[str, ...],
    where: tuple[str, str, list[Problem]],
    consequence: str,
) -> str | None:
    """The id under the first of ``keys`` that ``obj`` has, or None; a value of the wrong
    type (a list, an object) is reported at ``where`` (source, location, problems) with
    what becomes of it, as an id that is not Unicode text is (:mod:`.tree`)."""
    key = next((k for k in keys if k in obj), None)
    if key is None:
        return None
    fault = id_fault(key, obj[key])
    if fault is not None:
        source, location, problems = where
        problems.append(Problem(source, location, f"{fault}; {consequence}"))
    return as_id(obj[key])


def _first_given(obj: dict[str, Any], keys: tuple[str, ...]) -> object:
    """The first of ``keys`` whose value is given (not null, not empty): an export that
    sends ``"body": null`` beside ``"content"`` keeps its article."""
    for key in keys:
        if obj.get(key) not in (None, ""):
            return obj[key]
    return None


def thread_meta(obj: object, source: str, location: str, problems: list[Problem]) -> Thread:
    """The article fields of a ``thread`` object (comments are added later)."""
    if not isinstance(obj, dict):
        problems.append(Problem(source, location, "'thread' is not an object; ignored"))
        return Thread()
    meta = Thread(
        title=as_text(obj.get("title")) or "",
        body=as_text(_first_given(obj, ARTICLE_BODY_KEYS)) or "",
        url=as_text(obj.get("url")) or "",
        id=read_id(obj, ("id",), (source, location, problems), _THREAD_ID_DROPPED) or "",
    )
    return readable_article(meta, source, location, problems)


def _comment_text(obj: dict[str, Any]) -> tuple[str | None, str | None]:
    """The comment's text field (None when it has none), and what is wrong with it. Text
    of another type (a number, an object) is a fault that leaves the comment out: the
    producer's schema is not ours, and scoring ``5`` for ``"text": 5`` would moderate
    something that was never the comment."""
    for key in TEXT_KEYS:
        value = obj.get(key)
        if key not in obj:
            continue
        if value is None or isinstance(value, str):
            return value, None
        return None, f"'{key}' must be a string, found {type(value).__name__}"
    return None, None


def comment_from_object(
    obj: object, source: str, location: str, problems: list[Problem]
) -> RawComment | None:
    """One comment record from a JSON object, or None (with a problem) if it is not one."""
    if not isinstance(obj, dict):
        problems.append(
            Problem(source, location, f"expected a comment object, found {type(obj).__name__}")
        )
        return None
    text, fault = _comment_text(obj)
    if text is None and fault is None:
        problems.append(
            Problem(
                source,
                location,
                "comment has no text field; read with empty text",
                harmless=True,
            )
        )
    where = (source, location, problems)
    cid = read_id(obj, ("id",), where, "the comment was given a new id")
    parent = read_id(obj, PARENT_KEYS, where, "the parent link was dropped")
    language, bad_language = as_language(_first(obj, ("language", "lang")))
    if bad_language is not None:
        problems.append(Problem(source, location, bad_language))
    return RawComment(
        text=text or "",
        id=cid,
        parent=parent,
        author=as_author(obj.get("author")),
        created_at=as_timestamp(_first(obj, ("created_at", "created", "timestamp"))),
        depth=as_depth(obj.get("depth")),
        location=location,
        fault=fault,
        language=language,
    )


def _finish(
    meta: Thread, raws: list[RawComment], source: str, problems: list[Problem], fmt: str
) -> ReadResult:
    comments, tree_problems = build_comments(raws, source)
    thread = Thread(title=meta.title, body=meta.body, url=meta.url, id=meta.id, comments=comments)
    return ReadResult(thread=thread, problems=problems + tree_problems, format=fmt)


def read_json_value(data: Any, source: str) -> ReadResult:
    """Read an already parsed JSON document in ThreadGuard's schema."""
    problems: list[Problem] = []
    meta = Thread()
    if isinstance(data, list):
        items: list[Any] = data
    elif isinstance(data, dict):
        thread_obj = _first(data, THREAD_KEYS)
        if thread_obj is not None:
            meta = thread_meta(thread_obj, source, "thread", problems)
        if "comments" in data:
            if not isinstance(data["comments"], list):
                raise ReaderError(source, "'comments' is not a list", "comments")
            items = data["comments"]
        elif _first(data, TEXT_KEYS) is not None:
            _, fault = _comment_text(data)
            if fault is not None:  # the document is this one comment: nothing is left to read
                raise ReaderError(source, f"not a ThreadGuard comment: {fault}", "document")
            items = [data]
        elif thread_obj is not None:
            items = []
        else:
            keys = ", ".join(sorted(map(str, data))) or "none"
            raise ReaderError(
                source,
                "not a ThreadGuard thread: expected an object with 'comments' (and optionally "
                f"'thread'), or a list of comments; found keys: {keys}",
            )
    else:
        # as JSON names it: it said "a JSON NoneType" for `null`, "a JSON str" for a string
        kind = (
            json.dumps(data)
            if data is None or isinstance(data, bool)
            else "string"
            if isinstance(data, str)
            else "number"
        )
        raise ReaderError(
            source,
            f"not a ThreadGuard thread: the document is a JSON {kind}; expected an object "
            "with 'comments' (and optionally 'thread'), or a list of comments",
        )
    raws = []
    for i, item in enumerate(items):
        raw = comment_from_object(item, source, f"comments[{i}]", problems)
        if raw is not None:
            raws.append(raw)
    return _finish(meta, raws, source, problems, "json")


def read_json(text: str, source: str) -> ReadResult:
    """Read one JSON document in ThreadGuard's schema."""
    return read_json_value(load_document(text, source), source)


def read_jsonl(text: str, source: str) -> ReadResult:
    """Read JSON Lines: one comment per line, optionally a ``{"thread": ...}`` line."""
    problems: list[Problem] = []
    meta = Thread()
    raws: list[RawComment] = []
    parsed_any = False
    first_error: ReaderError | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        location = f"line {number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            message = f"invalid JSON at column {exc.colno}: {json_problem(exc)}; line skipped"
            problems.append(Problem(source, location, message))
            first_error = first_error or ReaderError(
                source, f"invalid JSON: {json_problem(exc)}", f"line {number}, column {exc.colno}"
            )
            continue
        except RecursionError:
            problems.append(Problem(source, location, "JSON nested too deeply; line skipped"))
            continue
        except ValueError as exc:  # a number too long to convert, say
            found = long_json_number(line) if too_many_digits(exc) else None
            said = f"at column {found[2]}: {found[0]}" if found is not None else f": {exc}"
            problems.append(Problem(source, location, f"invalid JSON {said}; line skipped"))
            continue
        parsed_any = True
        if isinstance(obj, dict) and "thread" in obj and _first(obj, TEXT_KEYS) is None:
            meta = thread_meta(obj["thread"], source, location, problems)
            continue
        raw = comment_from_object(obj, source, location, problems)
        if raw is not None:
            raws.append(raw)
    if not parsed_any and first_error is not None:
        raise ReaderError(
            source,
            f"no line is valid JSON ({first_error.reason})",
            first_error.location,
        )
    return _finish(meta, raws, source, problems, "jsonl")
