"""How the service's log lines are written: escaped text, or one JSON object a line.

A log line is only evidence if nobody but the service can write one. A request path is
percent-decoded before anything sees it, so ``GET /x%0A127.0.0.1 "GET /admin" 200`` puts
a newline, and with it a whole forged line, into any log that prints the path as it is
-- and it needs no key. So every message is escaped before it is written: control
characters (C0, DEL, C1 and the Unicode line and paragraph separators) become ``\\xNN``
/ ``\\uNNNN``, and a backslash becomes two, so an escape cannot be faked either. The
access log escapes each of its fields itself (:func:`escape`), so it is safe under any
formatter; :class:`TextFormatter` escapes every other message (a traceback, written by the
service itself, keeps its lines).

With ``log_format = "json"`` (``THREADGUARD_LOG_FORMAT=json``) every line is one JSON
object (:class:`JsonFormatter`): time, level, logger, message, the request id, and the
access log's fields (method, path, status, duration...) as fields, for a log pipeline
to index rather than parse. JSON's own escaping keeps each object on one line.

The request id of the request being served is in :data:`request_id` (a context
variable, set by :class:`~threadguard.service.access_log.AccessLog`), so every line
logged while serving it carries the id.
"""

from __future__ import annotations

import json
import logging
import re
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

#: The id of the request being served ("-" outside a request).
request_id: ContextVar[str] = ContextVar("threadguard_request_id", default="-")

#: What :func:`escape` rewrites: a backslash, C0 controls, DEL, C1 controls, and the
#: characters ``str.splitlines`` also breaks at.
_UNSAFE = re.compile("[\\\\\x00-\x1f\x7f-\x9f\u2028\u2029]")
#: Log record attributes that are not ``extra`` fields (uvicorn's ``color_message``, the
#: message again with ANSI colour codes, is left out too: JSON lines carried the escapes).
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "color_message"}
#: The ``extra`` field that holds structured fields (:class:`JsonFormatter` spreads it).
FIELDS = "fields"
#: An ``extra`` flag: the message's arguments are escaped already (not escaped twice).
#: Like every ``extra`` name starting with ``_``, it is not written as a JSON field.
ESCAPED = "_escaped"
FORMATS = ("text", "json")


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\\":
        return "\\\\"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """``text`` with nothing that could end a log line or fake an escape in one."""
    return _UNSAFE.sub(_escaped, text)


class TextFormatter(logging.Formatter):
    """A plain formatter whose messages are escaped (see the module docs)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        if not record.__dict__.get(ESCAPED):
            record.message = escape(record.message)
        return super().formatMessage(record)


class JsonFormatter(logging.Formatter):
    """One JSON object per record: see the module docs for the fields."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": request_id.get(),
        }
        fields = record.__dict__.get(FIELDS)
        if isinstance(fields, dict):
            out.update(fields)
        for name, value in record.__dict__.items():
            if (
                name not in _STANDARD
                and name != FIELDS
                and not name.startswith("_")
                and name not in out
            ):
                out[name] = value if isinstance(value, int | float | bool | None) else str(value)
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=True, default=str)


#: A text line as uvicorn writes its own: "INFO:     Application startup complete."
TEXT_FORMAT = "%(levelname)s:     %(message)s"


def formatter_config(log_format: str) -> dict[str, Any]:
    """The ``logging.config`` entry of the formatter for ``log_format`` (text or json)."""
    if log_format == "json":
        return {"()": f"{__name__}.JsonFormatter"}
    return {"()": f"{__name__}.TextFormatter", "fmt": TEXT_FORMAT}


def formatter(log_format: str) -> logging.Formatter:
    """The formatter :func:`formatter_config` names, for a line written before logging is
    set up (``serve``'s word on where the dashboard is)."""
    return JsonFormatter() if log_format == "json" else TextFormatter(TEXT_FORMAT)
