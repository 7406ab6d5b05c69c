"""Which reader an input needs: by file extension first, then by looking at the content.

The extension is the uploader's statement and usually right; content sniffing covers
standard input, HTTP bodies and odd names. ``.json`` is split by content, because a Reddit
page, a ThreadGuard document and JSON Lines saved as ``.json`` all use that extension.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath

from threadguard.readers.csvfmt import TEXT_COLUMNS
from threadguard.readers.reddit import is_reddit

FORMATS = ("text", "json", "jsonl", "csv", "disqus", "reddit")
_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".xml": "disqus",
}
_JSONL_SAMPLE_LINES = 5
_JSON_START_RE = re.compile(r'\s*(\{\s*("|\}|$)|\[\s*(\{|\[|"|\]|-?\d|true|false|null|$))', re.M)
_COLUMN_NAME_RE = re.compile(r"[\w .-]{1,40}")


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


def _json_lines(text: str) -> bool:
    """True when the first few non-blank lines are each a JSON object."""
    lines = _first_lines(text, _JSONL_SAMPLE_LINES)
    for line in lines:
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):
            return False
        if not isinstance(value, dict):
            return False
    return bool(lines)


def _json_kind(text: str, sure: bool) -> str | None:
    """Tell ThreadGuard JSON, Reddit JSON and JSON Lines apart by parsing.

    Unparseable text is JSON Lines if its lines are objects; otherwise it is reported as
    broken JSON (so the reader names the error's position) when the file says it is JSON
    (``sure``) or starts like JSON syntax, and None (not JSON) when it merely starts with a
    bracket, like a title ``[Update] ...``.
    """
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        if _json_lines(text):
            return "jsonl"
        return "json" if sure or _JSON_START_RE.match(text) else None
    return "reddit" if is_reddit(value) else "json"


def _csv_header(text: str) -> bool:
    """A delimited header naming a text column, followed by a data row (not a blank line)."""
    lines = text.split("\n", 2)
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


def detect_text_format(text: str, filename: str | None) -> str:
    """The format name for decoded ``text``, using ``filename``'s extension when known."""
    suffix = PurePath(filename).suffix.lower() if filename else ""
    if suffix in _BY_EXTENSION:
        return _BY_EXTENSION[suffix]
    start = text.lstrip("\ufeff \t\n")
    if suffix == ".json" or start.startswith(("{", "[")):
        kind = _json_kind(start, sure=suffix == ".json")
        if kind:
            return kind
    if start.startswith("<"):
        return "disqus"
    if _csv_header(start):
        return "csv"
    return "text"
