"""The JSON form of the signal records: the ``signals`` of ``scan --format json``.

That document is a contract (DESIGN.md): the keys and their order are the records' fields
(or their ``JSON_KEYS``), and how values are written is decided here once for all of them.
"""

from __future__ import annotations

from dataclasses import Field, fields
from typing import Any, ClassVar


class JsonRecord:
    """A dataclass whose ``to_json`` is the value of each of its ``JSON_KEYS``, in order.

    ``JSON_KEYS`` defaults to the dataclass's fields; a record sets it where some keys are
    properties or some fields stay out. Values are written the same way everywhere: floats
    rounded to four places, tuples as lists, dicts key by key, and nested records through
    their own ``to_json``.
    """

    JSON_KEYS: ClassVar[tuple[str, ...]] = ()
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def to_json(self) -> dict[str, Any]:
        keys = self.JSON_KEYS or tuple(f.name for f in fields(self))
        return {key: _plain(getattr(self, key)) for key in keys}


def _plain(value: object) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, JsonRecord):
        return value.to_json()
    return value
