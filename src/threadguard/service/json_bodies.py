"""Request bodies read as JSON whatever their ``Content-Type`` says.

Every endpoint that takes a JSON object reads it here: Perspective's and OpenAI's (through
:func:`threadguard.service.compat.parse_json_object`, in their clients' error shapes) and
the native API's (:func:`threadguard.service.api.shared.json_body`). A client that leaves
the header out, or sends curl's default ``application/x-www-form-urlencoded`` with
``-d '{...}'``, gets its body read, not a 422 about the header; what is wrong with a body
that is not a JSON object is said with its line and column.
"""

from __future__ import annotations

import json
from typing import Any

from threadguard.validation import json_problem, long_json_number, printable, too_many_digits

#: JSON's names for the Python types a body that is no object can decode to.
_JSON_TYPES = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}


def json_kind(value: object) -> str:
    """What JSON calls ``value``'s type, with its article: "an array", "a number", "null"."""
    if isinstance(value, dict):
        return "an object"
    return _JSON_TYPES.get(type(value), "a number")


class NotAJsonObject(ValueError):
    """Why a body is not a JSON object: ``problem`` says what, ``line`` and ``column`` (1-based)
    where, for a body that is not JSON at all (``syntax``)."""

    def __init__(
        self,
        problem: str,
        *,
        line: int | None = None,
        column: int | None = None,
        syntax: bool = True,
    ) -> None:
        self.problem = problem
        self.line = line
        self.column = column
        self.syntax = syntax
        super().__init__(str(self))

    def __str__(self) -> str:
        """The native API's message: ``invalid JSON at line 1, column 10: Expecting value``."""
        if self.line is not None:
            return f"invalid JSON at line {self.line}, column {self.column}: {self.problem}"
        return f"invalid JSON: {self.problem}" if self.syntax else self.problem

    @property
    def sentence(self) -> str:
        """The problem as a sentence after a client's own prefix (Perspective's "Invalid JSON
        payload received."): ``Expecting value at line 1, column 10.``"""
        where = f" at line {self.line}, column {self.column}" if self.line is not None else ""
        return f"{self.problem[:1].upper()}{self.problem[1:]}{where}."


class _RepeatedKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's members, :class:`_RepeatedKey` for a key given twice."""
    value = dict(pairs)
    if len(value) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RepeatedKey(key)
            seen.add(key)
    return value


def json_object(raw: bytes, *, unique_keys: bool = False) -> dict[str, Any]:
    """The body as a JSON object; :class:`NotAJsonObject` saying what is wrong and where.
    ``unique_keys``: an object with a key given twice is refused, naming the key (JSON's
    parsers keep the last, so ``{"action": "approve", "action": "reject"}`` rejected)."""
    if not raw.strip():
        raise NotAJsonObject("the body is empty; send a JSON object", syntax=False)
    try:
        value = json.loads(raw, object_pairs_hook=_once_each if unique_keys else None)
    except _RepeatedKey as exc:
        raise NotAJsonObject(
            f"the key {printable(exc.key)!r} is given twice in one object; send it once",
            syntax=False,
        ) from None
    except RecursionError:
        raise NotAJsonObject("the body is nested too deeply", syntax=False) from None
    except json.JSONDecodeError as exc:
        raise NotAJsonObject(json_problem(exc), line=exc.lineno, column=exc.colno) from None
    except UnicodeDecodeError as exc:
        raise NotAJsonObject(
            f"the body is not UTF-8 text (byte {exc.start})", syntax=False
        ) from None
    except ValueError as exc:  # a number too long to convert
        text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
        found = long_json_number(text) if too_many_digits(exc) else None
        if found is None:
            raise NotAJsonObject(str(exc)) from None
        problem, line, column = found
        raise NotAJsonObject(problem, line=line, column=column) from None
    if not isinstance(value, dict):
        raise NotAJsonObject(
            f"the body must be a JSON object, not {json_kind(value)}", syntax=False
        )
    return value
