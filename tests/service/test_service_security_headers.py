"""Security headers on every response, 500s included; CORS only for listed origins; no
CDN-loaded docs pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from faults import failing_writes
from service_support import Service

from threadguard.service.security_headers import CONTENT_SECURITY_POLICY
from threadguard.service.settings import SettingsError, load_settings

EXPECTED = {
    "x-content-type-options": "nosniff",
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}


def assert_hardened(response: Any) -> None:
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, (name, response.status_code)
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_every_response_carries_the_security_headers(service: Service) -> None:
    client = service.client
    key = service.auth(service.admin)
    crash = "/api/v1/boom"

    @service.app.get(crash)
    def boom() -> None:
        raise RuntimeError("a bug")

    answers = {
        200: client.get("/api/v1/queue", headers=key),
        401: client.get("/api/v1/queue"),
        404: client.get("/nowhere"),
        413: client.post("/v1/moderations", content=b"x" * 2_000_000, headers=key),
        500: client.get(crash),
    }
    with failing_writes(service.store.engine):
        answers[503] = client.get("/healthz", params={"deep": 1})
    for status, answer in answers.items():
        assert answer.status_code == status
        assert_hardened(answer)
    assert "strict-transport-security" not in answers[200].headers


def test_https_public_url_adds_hsts(make_service: Any) -> None:
    service = make_service(public_url="https://moderation.example")
    answer = service.client.get("/healthz")
    assert answer.headers["strict-transport-security"].startswith("max-age=")


def test_docs_pages_are_off_and_the_spec_stays(service: Service) -> None:
    """Swagger UI and ReDoc load script from a CDN: not offline, not on a page for keys."""
    assert service.client.get("/docs").status_code == 404
    assert service.client.get("/redoc").status_code == 404
    spec = service.client.get("/openapi.json")
    assert spec.status_code == 200 and "/api/v1/threads" in spec.json()["paths"]
    assert_hardened(spec)


def test_cors_is_off_by_default(service: Service) -> None:
    origin = {"Origin": "https://news.example"}
    answer = service.client.get("/healthz", headers=origin)
    assert "access-control-allow-origin" not in answer.headers
    preflight = service.client.options(
        "/v1alpha1/comments:analyze",
        headers={**origin, "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_allows_only_the_listed_origins(make_service: Any) -> None:
    service = make_service(cors_origins=("https://news.example",))
    client: TestClient = service.client
    preflight = client.options(
        "/v1alpha1/comments:analyze",
        headers={
            "Origin": "https://news.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Authorization, Content-Type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://news.example"
    assert "access-control-allow-credentials" not in preflight.headers
    assert_hardened(preflight)
    simple = client.get("/healthz", headers={"Origin": "https://news.example"})
    assert simple.headers["access-control-allow-origin"] == "https://news.example"
    other = client.get("/healthz", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    refused = client.options(
        "/v1alpha1/comments:analyze",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert refused.status_code == 400


def test_cors_origins_come_from_the_settings_file_or_the_environment(tmp_path: Path) -> None:
    env = {"THREADGUARD_CORS_ORIGINS": "https://a.example, https://b.example:8443/"}
    assert load_settings(None, env).cors_origins == ("https://a.example", "https://b.example:8443")
    (tmp_path / "settings.toml").write_text('cors_origins = ["https://c.example"]\n')
    assert load_settings(tmp_path, {}).cors_origins == ("https://c.example",)
    for bad in ("*", "news.example", "https://x.example/path", "javascript:alert(1)"):
        with pytest.raises(SettingsError, match="cors_origins"):
            load_settings(None, {"THREADGUARD_CORS_ORIGINS": bad})
