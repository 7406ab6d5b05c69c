"""The access log cannot be forged, and every request has an id (issue 11, defect 7).

A percent-encoded newline in the path is decoded before anything logs it; printed as
it is, ``/x%0A...`` wrote a second, made-up line into the log, with no key needed.
"""

from __future__ import annotations

import io
import json
import logging
import logging.config
from collections.abc import Iterator
from typing import Any

import pytest
from service_support import Service

from threadguard.service.access_log import REQUEST_ID_HEADER
from threadguard.service.log_format import JsonFormatter, TextFormatter, escape
from threadguard.service.server import log_config

FORGED = '/x%0A127.0.0.1 "GET /api/v1/audit" 200 1.0ms%0D%E2%80%A8'


def access_lines(caplog: pytest.LogCaptureFixture, formatter: logging.Formatter) -> list[str]:
    records = [r for r in caplog.records if r.name == "threadguard.access"]
    return [formatter.format(r) for r in records]


def test_a_forged_line_in_the_path_stays_on_its_own_line(
    service: Service, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="threadguard.access")
    assert service.client.get(FORGED).status_code == 404
    [line] = access_lines(caplog, TextFormatter("%(message)s"))
    assert len(line.splitlines()) == 1
    assert '"GET /x\\x0a127.0.0.1 \\x22GET /api/v1/audit\\x22 200 1.0ms\\x0d\\u2028" 404' in line
    # Under the JSON format too: one object, the path as it was, decodable.
    [blob] = access_lines(caplog, JsonFormatter())
    assert len(blob.splitlines()) == 1
    fields = json.loads(blob)
    assert fields["path"].startswith("/x\n127.0.0.1") and fields["status"] == 404


def test_escaping_is_reversible_and_fakes_no_escape() -> None:
    assert escape("plain text") == "plain text"
    assert escape("a\nb\tc\x7f\x85") == "a\\x0ab\\x09c\\x7f\\x85"
    assert escape("\\x0a") == "\\\\x0a"  # a literal backslash cannot pose as an escape
    assert escape("\u2028\u2029") == "\\u2028\\u2029"
    assert escape("Grüße, 日本") == "Grüße, 日本"


def test_every_message_is_escaped_by_the_text_formatter() -> None:
    record = logging.makeLogRecord({"msg": "internal error on GET %s", "args": ("/a\nb",)})
    assert TextFormatter("%(message)s").format(record) == "internal error on GET /a\\x0ab"


def test_requests_carry_an_id_echoed_in_the_response_and_the_log(
    service: Service, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="threadguard.access")
    given = service.client.get("/healthz", headers={REQUEST_ID_HEADER: "trace-42:a.b_c"})
    assert given.headers[REQUEST_ID_HEADER] == "trace-42:a.b_c"
    made = service.client.get("/healthz")
    generated = made.headers[REQUEST_ID_HEADER]
    assert len(generated) == 32 and generated != "trace-42:a.b_c"
    insane = service.client.get("/healthz", headers={REQUEST_ID_HEADER: "x" * 129})
    assert len(insane.headers[REQUEST_ID_HEADER]) == 32
    forged = service.client.get("/healthz", headers={REQUEST_ID_HEADER: "a b"})
    assert forged.headers[REQUEST_ID_HEADER] != "a b"
    lines = access_lines(caplog, TextFormatter("%(message)s"))
    assert "rid=trace-42:a.b_c" in lines[0] and f"rid={generated}" in lines[1]
    objects = [json.loads(line) for line in access_lines(caplog, JsonFormatter())]
    assert [o["request_id"] for o in objects[:2]] == ["trace-42:a.b_c", generated]
    # Every request has one, errors included.
    assert REQUEST_ID_HEADER in service.client.get("/api/v1/queue").headers


def test_keys_never_reach_the_log_in_either_format(
    service: Service, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="threadguard.access")
    service.client.get("/api/v1/queue", params={"key": service.moderator})
    for formatter in (TextFormatter("%(message)s"), JsonFormatter()):
        [line] = access_lines(caplog, formatter)
        assert service.moderator not in line and "key=REDACTED" in line


@pytest.fixture
def logging_restored() -> Iterator[None]:
    """Put back the loggers a ``dictConfig`` changes (pytest's capture hangs off them)."""
    names = ["", "threadguard", "uvicorn", "uvicorn.error", "uvicorn.access"]
    saved = {
        n: (list(lg.handlers), lg.level, lg.propagate, lg.disabled)
        for n in names
        if (lg := logging.getLogger(n))
    }
    yield
    for name, (handlers, level, propagate, disabled) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers[:] = handlers
        logger.setLevel(level)
        logger.propagate, logger.disabled = propagate, disabled


def test_the_server_writes_json_lines_when_asked(logging_restored: None) -> None:
    """``log_format = "json"``: ThreadGuard's and uvicorn's lines are all JSON objects."""
    config = log_config("json")
    stream = io.StringIO()
    for handler in config["handlers"].values():
        handler["stream"] = stream
    logging.config.dictConfig(config)
    logging.getLogger("threadguard.service").warning("disk %s", "nearly\nfull")
    logging.getLogger("uvicorn.error").info("Started server process")
    lines = stream.getvalue().splitlines()
    assert [json.loads(line)["message"] for line in lines] == [
        "disk nearly\nfull",
        "Started server process",
    ]
    assert all(json.loads(line)["request_id"] == "-" for line in lines)


def test_an_upload_the_client_abandons_is_a_499_not_a_500(
    service: Service, caplog: pytest.LogCaptureFixture
) -> None:
    """Half a body, then the client hangs up: no error report and no 5xx for an alert to
    fire on, as the compatibility routes already log it."""
    import asyncio

    caplog.set_level(logging.INFO)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/v1/threads",
        "raw_path": b"/api/v1/threads",
        "query_string": b"",
        "root_path": "",
        "client": ("127.0.0.1", 5555),
        "server": ("127.0.0.1", 8080),
        "headers": [
            (b"authorization", f"Bearer {service.client_key}".encode()),
            (b"content-type", b"application/x-ndjson"),
            (b"content-length", b"100000"),
        ],
    }
    incoming = [
        {"type": "http.request", "body": b'{"id": "a", "text": "half', "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(service.app(scope, receive, send))
    [start] = [m for m in sent if m["type"] == "http.response.start"]
    assert start["status"] == 499
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_json_lines_carry_no_ansi_colour_codes() -> None:
    """uvicorn adds ``color_message`` (the message with ANSI codes) to its records: JSON
    lines carried it, ``"color_message": "Uvicorn running on \\u001b[1m..."``."""
    record = logging.makeLogRecord(
        {
            "name": "uvicorn.error",
            "msg": "Uvicorn running on %s",
            "args": ("http://127.0.0.1:8080",),
            "color_message": "Uvicorn running on \x1b[1m%s\x1b[0m",
        }
    )
    line = JsonFormatter().format(record)
    assert "\\u001b" not in line and "color_message" not in line
    assert json.loads(line)["message"] == "Uvicorn running on http://127.0.0.1:8080"
