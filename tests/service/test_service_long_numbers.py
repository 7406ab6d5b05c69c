"""A JSON body with a number too long for Python to read (more than 4,300 digits) is
refused saying where that number is, on every endpoint that reads JSON.

Before, each answered Python's own words, "Exceeds the limit (4300 digits) for integer
string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the
limit": a call the client cannot make, and no field or place in the document; a JSON
Lines upload's problem said the same for the line it skipped.
"""

from __future__ import annotations

import json

from service_support import Service

LONG = "9" * 5000
SAID = "a number of 5,000 digits is longer than the 4,300 read"


def no_python_advice(message: str) -> None:
    assert "set_int_max_str_digits" not in message and "integer string conversion" not in message


def test_a_native_body_names_the_line_and_column(service: Service) -> None:
    body = '{"action": "note",\n "note": "' + "1" * 5000 + '", "x": ' + LONG + "}"
    answer = service.client.post(
        "/api/v1/comments/cm_0/actions", content=body, headers=service.auth(service.moderator)
    )
    assert answer.status_code == 400, answer.text
    message = answer.json()["error"]["message"]
    column = body.index(LONG) - body.index("\n")  # not the digits of the string before it
    assert message == f"invalid JSON at line 2, column {column}: {SAID}"


def test_perspective_and_openai_name_the_place(service: Service) -> None:
    key = service.auth(service.client_key)
    body = '{"comment": {"text": "hi"}, "requestedAttributes": {"TOXICITY": {}}, "n": ' + LONG + "}"
    answer = service.client.post("/v1alpha1/comments:analyze", content=body, headers=key)
    assert answer.status_code == 400, answer.text
    message = answer.json()["error"]["message"]
    assert SAID[1:] in message and f"at line 1, column {body.index(LONG) + 1}" in message
    no_python_advice(message)
    answer = service.client.post("/v1/moderations", content='{"input": ' + LONG + "}", headers=key)
    assert answer.status_code == 400 and "column 11." in answer.json()["error"]["message"]


def test_a_thread_upload_and_a_jsonl_line_name_the_place(service: Service) -> None:
    doc = '{"comments": [{"id": "c1", "text": "hi", "created_at": ' + LONG + "}]}"
    answer = service.post_thread(doc, "application/json")
    assert answer.status_code == 400, answer.text
    message = answer.json()["error"]["message"]
    assert f"line 1, column {doc.index(LONG) + 1}" in message and SAID in message
    no_python_advice(message)
    lines = [json.dumps({"id": "c1", "text": "fine"}), '{"id": "c2", "n": ' + LONG + "}"]
    answer = service.post_thread("\n".join(lines), "application/x-ndjson")
    assert answer.status_code == 200, answer.text
    [problem] = answer.json()["problems"]
    column = lines[1].index(LONG) + 1
    assert f"line 2: invalid JSON at column {column}: {SAID}; line skipped" in problem
    assert [c["id"] for c in answer.json()["comments"]] == ["c1"]


def test_a_policy_document_names_the_place(service: Service) -> None:
    headers = {**service.auth(service.admin), "Content-Type": "application/json"}
    body = '{"thresholds": {"toxicity": {"hold": ' + LONG + "}}}"
    answer = service.client.put("/api/v1/sites/news/policy", content=body, headers=headers)
    assert answer.status_code == 400, answer.text
    message = answer.json()["error"]["message"]
    assert f"invalid JSON at line 1, column {body.index(LONG) + 1}: {SAID}" in message
    deep = service.client.put(
        "/api/v1/sites/news/policy", content="[" * 100_000 + "]" * 100_000, headers=headers
    )
    assert deep.status_code == 400 and "nested too deeply" in deep.json()["error"]["message"]


def test_a_long_fraction_is_no_long_number_and_the_integer_after_it_is_named(
    service: Service,
) -> None:
    """Python reads a number with a fraction or an exponent as a float, whatever its
    digits: the 5,000 digits of ``0.<digits>`` were named at line 1, column 13, and the
    integer Python refused, on the next line, was not."""
    body = '{"action": 0.' + "1" * 5000 + ',\n "note": ' + LONG + "}"
    answer = service.client.post(
        "/api/v1/comments/cm_0/actions", content=body, headers=service.auth(service.moderator)
    )
    assert answer.status_code == 400, answer.text
    message = answer.json()["error"]["message"]
    assert message == f"invalid JSON at line 2, column 10: {SAID}"
    negative = '{"action": 1' + "2" * 4999 + 'e5,\n\n  "n": -' + "3" * 4301 + "}"
    answer = service.client.post(
        "/api/v1/comments/cm_0/actions", content=negative, headers=service.auth(service.moderator)
    )
    assert answer.status_code == 400, answer.text
    message = answer.json()["error"]["message"]
    said = "a number of 4,301 digits is longer than the 4,300 read"
    assert message == f"invalid JSON at line 3, column 8: {said}"
