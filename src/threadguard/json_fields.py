"""How a JSON file's wrong field is said: its path, what it should be and what it holds.

ThreadGuard reads back JSON files it wrote (a batch's ``manifest.json``, a model's
``model.json``); one edited or damaged by hand was a Python type error naming neither the
file nor the field. Pydantic checks them; this turns its first error into one clause
(``'policy' must be an object, found null``) for the message that names the file. Below
every layer that reads such a file (``scoring`` included), so none keeps its own copy.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError

#: What a field should have been, by pydantic's error type, in JSON's words.
EXPECTED = {
    "model_type": "an object",
    "model_attributes_type": "an object",
    "dict_type": "an object",
    "list_type": "a list",
    "tuple_type": "a list",
    "int_type": "a whole number",
    "float_type": "a number",
    "string_type": "a string",
    "bool_type": "true or false",
}


def json_value_kind(value: object) -> str:
    """``value`` (parsed JSON) as JSON names it: ``null``, ``the string "4"``, ``a list``."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, str):
        return f"the string {json.dumps(value[:40])}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__


def json_field_problem(exc: ValidationError) -> str:
    """The first fault pydantic found in a JSON file ThreadGuard reads back (a batch's
    manifest), as one clause naming the field and what it should be: ``'policy' must be
    an object, found null``. Let through, such a fault was a Python type error naming
    neither the file nor the field."""
    error = exc.errors()[0]
    where = ""
    for part in error["loc"]:
        where += f"[{part}]" if isinstance(part, int) else f".{part}" if where else str(part)
    if error["type"] == "missing":
        return f"'{where}' is missing"
    found = json_value_kind(error.get("input"))
    expected = EXPECTED.get(error["type"])
    if expected is None:  # a length, say: pydantic's own words
        return f"'{where}': {error['msg']} (found {found})"
    return f"'{where}' must be {expected}, found {found}"
