"""``HEAD`` is answered wherever ``GET`` is, as the GET's status and headers with no body
(RFC 9110: every general-purpose server supports HEAD; uptime checks send it).

Before, ``curl -I /healthz`` (and HEAD on every page and ``GET`` of the API) was 405 with
``Allow: GET``, naming as allowed the method it had just refused.
"""

from __future__ import annotations

from service_support import Service


def test_head_is_answered_as_get_without_the_body(service: Service) -> None:
    client = service.client
    for path in ("/healthz", "/login", "/openapi.json", "/$discovery/rest?version=v1alpha1"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, (path, head.status_code)
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.headers["content-length"] == got.headers["content-length"]
    queue = client.head("/api/v1/queue", headers=service.auth(service.moderator))
    assert queue.status_code == 200 and queue.content == b""


def test_head_is_refused_where_get_is_and_as_get_is(service: Service) -> None:
    client = service.client
    assert client.head("/api/v1/queue").status_code == 401  # the key is checked as for GET
    weak = client.head("/api/v1/queue", headers=service.auth(service.client_key))
    assert weak.status_code == 403
    post_only = client.head("/v1/moderations")
    assert post_only.status_code == 405 and post_only.headers["allow"] == "POST"
    assert client.head("/no/such/page").status_code == 404
