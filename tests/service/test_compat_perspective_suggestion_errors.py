"""``comments:suggestscore`` names the field at fault in a suggestion's span scores.

Before, ``"spanScores": 5`` was "Expected a list at 'attributeScores.TOXICITY'" (the
entry, which is an object), a span with ``"end": 1e9`` or ``"begin": "0"`` was "All
SpanScore objects must have begin and end fields set" (both were set), and a negative
``begin``, ``true`` or an end before the begin were taken.
"""

from __future__ import annotations

from typing import Any

import pytest
from service_support import Service

SUGGEST = "/v1alpha1/comments:suggestscore"


def suggest(service: Service, entry: dict[str, Any]) -> Any:
    body = {"comment": {"text": "hello there"}, "attributeScores": {"TOXICITY": entry}}
    return service.client.post(SUGGEST, json=body, headers=service.auth(service.client_key))


SPAN = {"begin": 0, "end": 5, "score": {"value": 0.9}}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"spanScores": 5}, "Expected a list at 'attributeScores.TOXICITY.spanScores'."),
        ({"spanScores": [SPAN, 3]}, "at 'attributeScores.TOXICITY.spanScores[1]'."),
        (
            {"spanScores": [{**SPAN, "end": 1e9}]},
            "Expected a whole number from 0 at 'attributeScores.TOXICITY.spanScores[0].end'.",
        ),
        ({"spanScores": [{**SPAN, "begin": -5}]}, "spanScores[0].begin'."),
        ({"spanScores": [{**SPAN, "begin": True}]}, "spanScores[0].begin'."),
        ({"spanScores": [{**SPAN, "begin": "0"}]}, "spanScores[0].begin'."),
        ({"spanScores": [{**SPAN, "begin": 4, "end": 2}]}, "ends (2) before it begins (4)."),
        (
            {"spanScores": [{"end": 2, "score": {"value": 0.5}}]},
            "must have begin and end fields set.",
        ),
        (
            {"spanScores": [{**SPAN, "score": 5}]},
            "at 'attributeScores.TOXICITY.spanScores[0].score'.",
        ),
    ],
)
def test_the_span_at_fault_is_named(service: Service, entry: dict[str, Any], message: str) -> None:
    answer = suggest(service, entry)
    assert answer.status_code == 400, answer.text
    said = answer.json()["error"]["message"]
    assert said.endswith(message), said


def test_a_well_formed_suggestion_is_still_taken(service: Service) -> None:
    answer = suggest(service, {"summaryScore": {"value": 0.9}, "spanScores": [SPAN]})
    assert answer.status_code == 200, answer.text
