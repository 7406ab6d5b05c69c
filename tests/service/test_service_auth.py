"""Keys, roles, rate limits and secrets: who may call what, and nothing secret in logs."""

from __future__ import annotations

import logging
import sqlite3
import subprocess
from pathlib import Path

import pytest
from service_support import THREADGUARD, Service
from typer.testing import CliRunner

from threadguard.cli import app as cli
from threadguard.service.access_log import redact_query
from threadguard.service.limits import RateLimiter, retry_after
from threadguard.storage import Store

THREAD = "Title\n\nBody.\n\n  • ann\n\n    Nice piece.\n"


def test_a_request_without_a_key_is_401_with_a_json_error(service: Service) -> None:
    response = service.client.get("/api/v1/queue")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    error = response.json()["error"]
    assert error["code"] == 401 and error["status"] == "UNAUTHENTICATED"
    assert "Authorization: Bearer" in error["message"]


@pytest.mark.parametrize("key", ["nonsense", "tg_00000000_secret", "Bearer", "tg__"])
def test_unknown_or_malformed_keys_are_401(service: Service, key: str) -> None:
    response = service.client.get("/api/v1/queue", headers=service.auth(key))
    assert response.status_code == 401
    assert key not in response.text


def test_a_wrong_secret_for_a_real_prefix_is_401(service: Service) -> None:
    prefix = service.moderator.rsplit("_", 1)[0]
    forged = service.moderator[: len(prefix) + 1] + "x" * 43
    assert service.client.get("/api/v1/queue", headers=service.auth(forged)).status_code == 401


def test_the_key_works_as_bearer_token_and_as_query_parameter(service: Service) -> None:
    assert service.client.get("/api/v1/queue", headers=service.auth(service.moderator)).is_success
    assert service.client.get("/api/v1/queue", params={"key": service.moderator}).is_success
    # Google's own header, which some Perspective clients send the key in.
    google = {"X-Goog-Api-Key": service.client_key}
    body = {"comment": {"text": "Nice ferry."}, "requestedAttributes": {"TOXICITY": {}}}
    analyzed = service.client.post("/v1alpha1/comments:analyze", json=body, headers=google)
    assert analyzed.status_code == 200, analyzed.text
    wrong = service.client.post(
        "/v1alpha1/comments:analyze", json=body, headers={"X-Goog-Api-Key": "tg_nope_nope"}
    )
    # as Google answers: a bare "WWW-Authenticate: Bearer" crashed Google's own client
    # (httplib2's MalformedHeader, not the HttpError clients catch)
    assert wrong.status_code == 400 and "www-authenticate" not in wrong.headers
    error = wrong.json()["error"]
    assert (error["status"], error["message"]) == (
        "INVALID_ARGUMENT",
        "API key not valid. Please pass a valid API key.",
    )
    assert error["details"][0]["reason"] == "API_KEY_INVALID"
    missing = service.client.post("/v1alpha1/comments:analyze", json=body)
    assert missing.status_code == 403 and "www-authenticate" not in missing.headers
    assert missing.json()["error"]["status"] == "PERMISSION_DENIED"
    # the native API keeps its 401 and challenge
    native = service.client.get("/api/v1/queue", params={"key": "tg_nope_nope"})
    assert native.status_code == 401 and native.headers["www-authenticate"] == "Bearer"


def test_a_revoked_key_stops_working(service: Service) -> None:
    prefix = service.moderator.split("_")[1]
    service.store.revoke_key(prefix)
    assert service.client.get("/api/v1/queue", params={"key": service.moderator}).status_code == 401


@pytest.mark.parametrize(
    ("role", "method", "path", "allowed"),
    [
        ("client", "GET", "/api/v1/queue", False),
        ("client", "GET", "/api/v1/audit", False),
        ("client", "GET", "/api/v1/export", False),
        ("client", "GET", "/api/v1/sites/news/policy", False),
        ("moderator", "GET", "/api/v1/queue", True),
        ("moderator", "GET", "/api/v1/audit", False),  # admins only, as the dashboard's page
        ("moderator", "GET", "/api/v1/export", True),
        ("moderator", "GET", "/api/v1/sites/news/policy", False),
        ("moderator", "PUT", "/api/v1/sites/news/policy", False),
        ("admin", "GET", "/api/v1/queue", True),
        ("admin", "GET", "/api/v1/audit", True),
        ("admin", "GET", "/api/v1/sites/news/policy", True),
    ],
)
def test_roles_nest_admin_over_moderator_over_client(
    service: Service, role: str, method: str, path: str, allowed: bool
) -> None:
    key = {"client": service.client_key, "moderator": service.moderator, "admin": service.admin}[
        role
    ]
    response = service.client.request(
        method, path, headers=service.auth(key), content=b"[watchlist]\n"
    )
    if allowed:
        assert response.is_success, response.text
    else:
        assert response.status_code == 403
        assert f"the key's role is {role}" in response.json()["error"]["message"]


def test_a_client_key_may_ingest_and_read_its_comments(service: Service) -> None:
    response = service.post_thread(THREAD)
    assert response.status_code == 200, response.text
    cid = response.json()["comments"][0]["comment_id"]
    got = service.client.get(f"/api/v1/comments/{cid}", headers=service.auth(service.client_key))
    assert got.status_code == 200
    assert service.act(cid, "approve", key=service.client_key).status_code == 403


def test_a_site_bound_key_sees_only_its_site(service: Service) -> None:
    news_mod = service.store.create_key("moderator", site="news")
    news_client = service.store.create_key("client", site="news")
    other = service.post_thread(THREAD, site="sport").json()["comments"][0]["comment_id"]
    mine = service.post_thread(THREAD, key=news_client).json()
    assert mine["site"] == "news"  # the key's site is the default
    assert service.post_thread(THREAD, key=news_client, site="sport").status_code == 403
    assert (
        service.client.get(f"/api/v1/comments/{other}", headers=service.auth(news_client))
    ).status_code == 404
    assert service.act(other, "approve", key=news_mod).status_code == 404
    queue = service.client.get("/api/v1/queue?status=all", headers=service.auth(news_mod)).json()
    assert {item["site"] for item in queue["items"]} <= {"news"}
    assert (
        service.client.get("/api/v1/queue?site=sport", headers=service.auth(news_mod))
    ).status_code == 403


def test_each_key_is_rate_limited_with_retry_after(service: Service) -> None:
    key = service.store.create_key("moderator", rate_per_minute=3)
    codes = [
        service.client.get("/api/v1/queue", headers=service.auth(key)).status_code for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    limited = service.client.get("/api/v1/queue", headers=service.auth(key))
    assert int(limited.headers["Retry-After"]) >= 1
    assert "3 requests a minute" in limited.json()["error"]["message"]
    # Other keys have their own buckets.
    assert service.client.get("/api/v1/queue", headers=service.auth(service.moderator)).is_success


def test_the_token_bucket_refills_over_time() -> None:
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0])
    assert [limiter.check("k", 60) is None for _ in range(60)] == [True] * 60
    wait = limiter.check("k", 60)
    assert wait is not None and 0 < wait <= 1.0
    assert retry_after(wait) == "1"
    now[0] += 1.0
    assert limiter.check("k", 60) is None
    assert limiter.check("unlimited", 0) is None


def test_no_key_or_secret_reaches_the_logs(
    service: Service, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # every SQL statement too
    try:
        service.client.get("/api/v1/queue", params={"key": service.moderator, "site": "x"})
        service.client.get("/api/v1/queue", headers=service.auth(service.admin))
        service.client.get("/api/v1/queue", params={"key": service.client_key})  # a 403
        service.client.get("/api/v1/queue", params={"key": service.admin + "x"})  # a 401
        service.post_thread(THREAD, key=service.client_key)
        # The dashboard sends a signed-out browser to the sign-in page with the page it
        # asked for as next=: never with the key in it, in its URL, form or the log.
        sent = service.client.get(
            "/", params={"key": service.moderator, "status": "held"}, follow_redirects=False
        )
        assert sent.status_code == 303
        assert sent.headers["location"] == "/login?next=/%3Fstatus%3Dheld"
        service.client.get(
            "/login", params={"next": f"/?key={service.admin}"}, follow_redirects=False
        )
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    # The test's HTTP client logs its own request URLs; everything else is the service's.
    text = "\n".join(
        r.getMessage() for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))
    )
    assert "GET /api/v1/queue?key=REDACTED&site=x" in text  # the access log is there
    for key in (service.moderator, service.admin, service.client_key):
        secret = key.split("_", 2)[2]
        assert secret not in text
        assert key not in text


def test_redacting_query_strings() -> None:
    assert redact_query("key=abc&site=news") == "key=REDACTED&site=news"
    assert redact_query("api_key=abc&token=t") == "api_key=REDACTED&token=REDACTED"
    assert redact_query("") == ""


def test_keys_create_prints_the_key_once_as_its_last_line(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            *THREADGUARD,
            "keys",
            "create",
            *("--role", "client", "--site", "news", "--name", "cms"),
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    key = proc.stdout.rstrip("\n").splitlines()[-1]
    assert key.startswith("tg_") and proc.stdout.count(key) == 1
    store = Store.open(None, tmp_path)
    record = store.find_key(key.split("_")[1])
    store.close()
    assert record is not None and (record.role, record.site, record.name) == (
        "client",
        "news",
        "cms",
    )
    secret = key.split("_", 2)[2]
    for path in tmp_path.iterdir():  # database, WAL and shared-memory files alike
        assert secret.encode() not in path.read_bytes()
    rows = sqlite3.connect(tmp_path / "threadguard.db").execute("SELECT * FROM api_keys").fetchall()
    assert all(secret not in str(row) for row in rows)


def test_keys_and_users_from_the_command_line(tmp_path: Path) -> None:
    password = "correct horse battery"
    runner = CliRunner()
    folder = ["--data-dir", str(tmp_path)]
    bad = runner.invoke(cli, ["keys", "create", "--role", "root", *folder])
    assert bad.exit_code == 2 and "'root' is not one of" in bad.output
    made = runner.invoke(cli, ["keys", "create", "--role", "admin", "--rate", "5", *folder])
    assert made.exit_code == 0
    key = made.output.rstrip("\n").splitlines()[-1]
    listed = runner.invoke(cli, ["keys", "list", *folder])
    assert key.split("_")[1] in listed.output and key not in listed.output
    no_tty = runner.invoke(cli, ["user", "add", "maria", "--role", "moderator", *folder], input="")
    assert no_tty.exit_code == 2 and "no password" in no_tty.output
    added = runner.invoke(
        cli, ["user", "add", "maria", "--role", "moderator", "--password", password, *folder]
    )
    assert added.exit_code == 0, added.output
    again = runner.invoke(
        cli, ["user", "add", "maria", "--role", "admin", "--password", password, *folder]
    )
    assert again.exit_code == 2 and "already exists" in again.output
    wrong_role = runner.invoke(
        cli, ["user", "add", "x", "--role", "client", "--password", "pw", *folder]
    )
    assert wrong_role.exit_code == 2
    revoked = runner.invoke(cli, ["keys", "revoke", key.split("_")[1], *folder])
    assert revoked.exit_code == 0
    store = Store.open(None, tmp_path)
    assert store.verify_user("maria", password) == "moderator"
    store.close()
