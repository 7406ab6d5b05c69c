"""The ``threadguard score`` contract: JSON Lines in, one JSON line out per input line.

Parsing is separate from I/O so the contract can be tested line by line and reused by
batch jobs. A line is a JSON object (``text`` required; ``id``, ``parent``, ``title``
optional) or, when it is not JSON, the comment text itself (a JSON number, ``true``,
``false`` or ``null`` is JSON and no object: an error, as a list is). Blank lines carry
nothing and are skipped. A bad line becomes an ``error`` object on its own output line: that includes
text no model can read, such as a lone surrogate from a ``"\\ud800"`` escape
(:mod:`threadguard.validation`), which would otherwise fail its whole chunk.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from threadguard.documents import score_line
from threadguard.engine import CommentInput, Engine
from threadguard.language import LANGUAGE_CODE, primary_language
from threadguard.moderation import Moderator, with_findings
from threadguard.validation import MAX_TEXT_CHARS, json_problem, text_problem

#: Lines scored together: amortises feature extraction while output still streams.
CHUNK = 1024
#: A line that is a JSON number, ``true``, ``false`` or ``null``: JSON, so not the
#: comment's text (DESIGN.md: a line that is *not* JSON is the text), and no object.
JSON_SCALAR = re.compile(r"null|true|false|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


@dataclass(frozen=True)
class LineError:
    """Why one input line could not be scored."""

    line: int
    message: str
    id: Any = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out["error"] = {"line": self.line, "message": self.message}
        return out


def parse_line(raw: str, line_no: int) -> tuple[CommentInput, Any] | LineError:
    """One input line as a comment to score (with its id as given), or the error in it."""
    stripped = raw.strip()
    if stripped.startswith("{") or stripped.startswith("["):
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError as exc:
            if stripped.startswith("["):
                # "[Update] The ferry is late": plain text that opens with a bracket, as
                # DESIGN.md has it (a line that is not JSON is the text), not broken JSON
                return _plain(raw, line_no)
            return LineError(line_no, f"invalid JSON at column {exc.colno}: {json_problem(exc)}")
        except RecursionError:
            return LineError(line_no, "invalid JSON: nested too deeply")
        except ValueError as exc:  # a number too long to convert, say
            return LineError(line_no, f"invalid JSON: {exc}")
        if not isinstance(obj, dict):
            return LineError(line_no, 'expected a JSON object with a "text" field, got a list')
        return _from_object(obj, line_no)
    if JSON_SCALAR.fullmatch(stripped):
        # `null`, `42`, `true`: a broken export's value, not a comment; they were scored
        # as comments with that text
        what = stripped if stripped in ("null", "true", "false") else "a number"
        return LineError(line_no, f'expected a JSON object with a "text" field, got {what}')
    return _plain(raw, line_no)


def _plain(raw: str, line_no: int) -> tuple[CommentInput, Any] | LineError:
    """A plain-text line as the comment's text (no id), or why it cannot be."""
    text = raw.rstrip("\r\n")
    if len(text) > MAX_TEXT_CHARS:
        return LineError(line_no, f"text is {len(text)} characters; the limit is {MAX_TEXT_CHARS}")
    problem = text_problem(text, stored=False)
    if problem is not None:
        return LineError(line_no, f"text {problem}")
    return CommentInput(text), None


def _from_object(obj: dict[str, Any], line_no: int) -> tuple[CommentInput, Any] | LineError:
    cid = obj.get("id")
    if cid is not None and (isinstance(cid, bool) or not isinstance(cid, str | int)):
        return LineError(line_no, '"id" must be a string or an integer')
    if isinstance(cid, str) and (problem := text_problem(cid, stored=False)) is not None:
        return LineError(line_no, f'"id" {problem}')  # without the id: it cannot be written
    if "text" not in obj:
        return LineError(line_no, 'missing "text"', cid)
    text = obj["text"]
    if not isinstance(text, str):
        return LineError(line_no, f'"text" must be a string, got {type(text).__name__}', cid)
    if len(text) > MAX_TEXT_CHARS:
        return LineError(
            line_no, f"text is {len(text)} characters; the limit is {MAX_TEXT_CHARS}", cid
        )
    if (problem := text_problem(text, stored=False)) is not None:
        return LineError(line_no, f'"text" {problem}', cid)
    language = obj.get("language")
    if language is not None and (
        not isinstance(language, str) or not LANGUAGE_CODE.fullmatch(language)
    ):
        return LineError(line_no, '"language" must be a language code such as "de" or "pt-BR"', cid)
    context: dict[str, str] = {}
    for key in ("parent", "title"):
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return LineError(line_no, f'"{key}" must be a string', cid)
        if (problem := text_problem(value, stored=False)) is not None:
            return LineError(line_no, f'"{key}" {problem}', cid)
        context[key] = value
    # the caller's language, where it knows it, is the language it is scored in: short
    # abuse ("Du Wichser!") can read as English to the detector
    code = None if language is None else primary_language(language)
    return CommentInput(text, id=None if cid is None else str(cid), language=code, **context), cid


def score_stream(
    engine: Engine,
    moderator: Moderator,
    lines: Iterable[str],
    start: int = 1,
    *,
    spans: bool = True,
) -> Iterator[tuple[dict[str, Any], bool]]:
    """Score and decide lines in chunks; yield (output object, ok) for every non-blank
    input line. The moderator applies every rule of its policy that a lone comment can
    meet (thresholds, watched words, languages); there is no author to judge.

    ``start`` is the line number of the first line (errors name their line). Without
    ``spans`` every line's ``spans`` is empty (about half the work on abusive text).
    """
    pending: list[tuple[int, tuple[CommentInput, Any] | LineError]] = []

    def flush() -> Iterator[tuple[dict[str, Any], bool]]:
        good = [(i, p) for i, (_, p) in enumerate(pending) if not isinstance(p, LineError)]
        analyses = engine.analyze([p[0] for _, p in good], spans=spans) if good else []
        by_pos = {i: a for (i, _), a in zip(good, analyses, strict=True)}
        for i, (_, parsed) in enumerate(pending):
            if isinstance(parsed, LineError):
                yield parsed.to_json(), False
            else:
                analysis = by_pos[i]
                item = parsed[0]
                outcome = moderator.decide(
                    analysis, item.text, context=item.parent or item.title, title=item.title
                )
                found = with_findings(analysis, outcome, spans=spans)
                out = score_line(found, outcome.decision)
                if parsed[1] is not None:
                    out["id"] = parsed[1]  # echo the id exactly as given (string or number)
                yield out, True
        pending.clear()

    for line_no, raw in enumerate(lines, start=start):
        if not raw.strip():
            continue
        pending.append((line_no, parse_line(raw, line_no)))
        if len(pending) >= CHUNK:
            yield from flush()
    yield from flush()
