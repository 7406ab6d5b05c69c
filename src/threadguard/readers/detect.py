"""Content sniffers: does the start of a decoded input look like a given format?

The extension is the uploader's statement and usually right (the registry checks it
first); sniffing covers standard input, HTTP bodies and odd names. ``.json`` is split by
content, because a Reddit page, a ThreadGuard document and JSON Lines saved as ``.json``
all use that extension, so it is only a hint here: it makes the JSON sniffers look even
when the text does not start with a bracket. Each sniffer answers for one format; the
registry tries them in its priority order, which is what makes them mutually exclusive.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from pathlib import PurePath
from typing import Any

from threadguard.readers.csvfmt import TEXT_COLUMNS, sep_line
from threadguard.readers.jsonfmt import loads_deep
from threadguard.readers.reddit import is_reddit

_JSONL_SAMPLE_LINES = 5
_JSON_START_RE = re.compile(r'\s*(\{\s*("|\}|$)|\[\s*(\{|\[|"|\]|-?\d|true|false|null|$))', re.M)
_COLUMN_NAME_RE = re.compile(r"[\w .-]{1,40}")
_UNPARSEABLE = object()


def _first_lines(text: str, count: int) -> list[str]:
    """The first ``count`` non-blank lines, without splitting the whole (maybe huge) text."""
    lines: list[str] = []
    position = 0
    while len(lines) < count and position <= len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        if line.strip():
            lines.append(line)
        position = end + 1
    return lines


class Sample:
    """An input as the sniffers see it: the text from its first visible character, and the
    file's extension (lower case, ``""`` without a name).

    The JSON parse and the JSON Lines check are cached, so the three JSON sniffers share one
    ``json.loads`` of a possibly large document.
    """

    def __init__(self, text: str, filename: str | None) -> None:
        self.text = text.lstrip("\ufeff \t\n")
        self.suffix = PurePath(filename).suffix.lower() if filename else ""

    @cached_property
    def json_like(self) -> bool:
        """Worth parsing as JSON: the file says ``.json`` or the text opens a bracket."""
        return self.suffix == ".json" or self.text.startswith(("{", "["))

    @cached_property
    def json_value(self) -> Any:
        """The parsed document, or ``_UNPARSEABLE``."""
        try:
            return loads_deep(self.text)
        except (ValueError, RecursionError):
            return _UNPARSEABLE

    @property
    def parses(self) -> bool:
        return self.json_value is not _UNPARSEABLE

    @cached_property
    def json_lines(self) -> bool:
        """True when the first few non-blank lines are each a JSON object."""
        lines = _first_lines(self.text, _JSONL_SAMPLE_LINES)
        for line in lines:
            try:
                value = json.loads(line)
            except (ValueError, RecursionError):
                return False
            if not isinstance(value, dict):
                return False
        return bool(lines)


def looks_like_reddit(sample: Sample) -> bool:
    """A JSON document shaped like a Reddit comments page (tried before plain JSON)."""
    return sample.json_like and sample.parses and is_reddit(sample.json_value)


def looks_like_json(sample: Sample) -> bool:
    """ThreadGuard JSON, or broken JSON the JSON reader should name the error of.

    Unparseable text counts when it is not JSON Lines and the file says it is JSON or the
    text starts like JSON syntax; merely starting with a bracket, like a title
    ``[Update] ...``, does not.
    """
    if not sample.json_like:
        return False
    if sample.parses:
        return True
    claimed = sample.suffix == ".json" or bool(_JSON_START_RE.match(sample.text))
    return claimed and not sample.json_lines


def looks_like_json_lines(sample: Sample) -> bool:
    """Not one JSON document, but its first lines are each a JSON object."""
    return sample.json_like and not sample.parses and sample.json_lines


def looks_like_xml(sample: Sample) -> bool:
    return sample.text.startswith("<")


def looks_like_csv(sample: Sample) -> bool:
    """A delimited header naming a text column, followed by a data row (not a blank line)."""
    lines = sample.text.split("\n", 3)
    if sep_line(lines[0]) is not None:  # Excel's "sep=;" line, then the header
        lines = lines[1:]
    header = lines[0]
    if len(lines) > 1 and not lines[1].strip():
        return False
    for delimiter in (",", ";", "\t"):
        cells = [cell.strip().strip('"').strip().lower() for cell in header.split(delimiter)]
        if len(cells) < 2 or not all(_COLUMN_NAME_RE.fullmatch(cell) for cell in cells):
            continue
        if set(cells) & set(TEXT_COLUMNS):
            return True
    return False


def anything(sample: Sample) -> bool:
    """The fallback's sniffer: every input can be read as a plain-text dump."""
    return True
