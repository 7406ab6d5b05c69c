"""A body over the limit sent in chunks (no Content-Length) is refused by Perspective and
OpenAI in the words they refuse one with a declared length: Google's "Request payload
size exceeds the limit: N bytes." (400) and the same in OpenAI's shape (413).

Before, a chunked body met the service's own limit first and was answered "request body
is larger than the limit of N bytes", unlike the same body sent with its length.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from service_support import Service

LIMIT = 10_000


@pytest.fixture
def service_options() -> dict[str, Any]:
    return {"max_body_bytes": LIMIT}


def chunks() -> Iterator[bytes]:
    yield b'{"input": "'
    for _ in range(30):
        yield b"a" * 1000
    yield b'"}'


@pytest.mark.parametrize(
    ("path", "status"), [("/v1alpha1/comments:analyze", 400), ("/v1/moderations", 413)]
)
def test_a_chunked_body_over_the_limit_gets_the_same_words_as_a_declared_one(
    service: Service, path: str, status: int
) -> None:
    headers = service.auth(service.client_key)
    chunked = service.client.post(path, content=chunks(), headers=headers)
    declared = service.client.post(path, content=b"".join(chunks()), headers=headers)
    expected = f"Request payload size exceeds the limit: {LIMIT} bytes."
    for answer in (chunked, declared):
        assert answer.status_code == status, answer.text
        assert answer.json()["error"]["message"] == expected
