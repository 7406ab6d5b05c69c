"""OpenAI's ``input`` refused with the item at fault named, in the message and in
``param``, as a client needs to find it in a list of 256.

Before, ``["fine", 5]`` and ``[{"type": "text", "text": 5}]`` were answered "'input' must
be a string, a non-empty list of strings, or a list of text parts." and "Invalid input
part: expected {type: 'text', text}.", naming neither the item nor what was wrong with it.
"""

from __future__ import annotations

from typing import Any

import pytest
from service_support import Service


@pytest.mark.parametrize(
    ("given", "message", "param"),
    [
        (
            ["fine", 5],
            "'input[1]' must be a string, as the items before it are, not a number.",
            "input[1]",
        ),
        ([None], "'input[0]' must be a string, as a list of texts holds, not null.", "input[0]"),
        (
            [{"type": "text", "text": "a"}, "b"],
            "'input[1]' must be a part object ({type: 'text', text}), as the items before it are, not a string.",
            "input[1]",
        ),
        (
            [{"type": "text", "text": 5}],
            "'input[0].text' must be a string, not a number.",
            "input[0].text",
        ),
        ([{"type": "text"}], "'input[0].text' must be a string, not missing.", "input[0].text"),
        ([{"text": "a"}], "'input[0].type' must be 'text', not missing.", "input[0].type"),
        (
            [{"type": "audio", "text": "a"}],
            "'input[0].type' must be 'text', not a string 'audio'.",
            "input[0].type",
        ),
        ({"text": "a"}, "a list of text parts, not an object.", "input"),
        ([], "a list of text parts, not an empty list.", "input"),
    ],
)
def test_the_input_at_fault_is_named(
    service: Service, given: Any, message: str, param: str
) -> None:
    answer = service.client.post(
        "/v1/moderations", json={"input": given}, headers=service.auth(service.client_key)
    )
    assert answer.status_code == 400, answer.text
    error = answer.json()["error"]
    assert error["message"].endswith(message), error["message"]
    assert error["param"] == param and error["type"] == "invalid_request_error"


def test_valid_inputs_are_still_read(service: Service) -> None:
    headers = service.auth(service.client_key)
    for given, results in (
        ("one", 1),
        (["one", "two"], 2),
        ([{"type": "text", "text": "one"}, {"type": "text", "text": "two"}], 1),
    ):
        answer = service.client.post("/v1/moderations", json={"input": given}, headers=headers)
        assert answer.status_code == 200 and len(answer.json()["results"]) == results
