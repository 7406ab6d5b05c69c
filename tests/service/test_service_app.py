"""The app's wiring: site engines, compatibility routers, settings, and a real server."""

from __future__ import annotations

import http.client
import json
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from service_support import (
    THREADGUARD,
    Service,
    cli_key,
    free_port,
    wait_until_serving,
    worker_of,
)

from threadguard.engine import CascadeSettings, Engine
from threadguard.schema import Tier
from threadguard.service import app as app_module
from threadguard.service.context import ServiceState
from threadguard.service.protocols import ServiceContext
from threadguard.service.settings import SettingsError, load_settings
from threadguard.storage import Actor


def test_moderators_per_site_follow_policy_changes_over_one_engine(service: Service) -> None:
    state: ServiceState = service.app.state.service
    context: ServiceContext = state  # the routers' contract
    base = context.moderator_for(None)
    assert context.moderator_for("news") is base  # no site policy: the base moderator itself
    # Another worker changes the site's policy in the database.
    state.store.set_site_policy(
        "news", "[thresholds]\ntoxicity = { hold = 0.1 }\n", "toml", Actor("x", "admin")
    )
    site = context.moderator_for("news")
    assert site is not base
    assert site.policy.thresholds["toxicity"].hold == 0.1
    assert context.moderator_for("news") is site  # cached while the version is unchanged
    assert context.moderator_for("sport").policy is base.policy
    assert context.engine is state.engine  # one engine (one copy of the models) for all


def test_a_stored_policy_that_no_longer_parses_falls_back_to_the_base(service: Service) -> None:
    state: ServiceState = service.app.state.service
    state.store.set_site_policy("news", "[thresholds", "toml", Actor("x", "admin"))
    assert state.moderator_for("news").policy is state.base_policy


def test_the_compatibility_endpoints_are_mounted(service: Service) -> None:
    paths = {getattr(r, "path", "") for r in service.app.router.routes}
    spec_paths = set(service.client.get("/openapi.json").json()["paths"])
    mounted = paths | spec_paths
    for module, path in (
        ("perspective", "/v1alpha1/comments:analyze"),
        ("openai_moderation", "/v1/moderations"),
        ("coral", "/coral/moderation"),
    ):
        try:
            __import__(f"threadguard.service.compat.{module}")
        except ModuleNotFoundError:
            continue
        assert path in mounted


def test_missing_compatibility_modules_are_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        app_module,
        "COMPAT_ROUTERS",
        (("threadguard.service.compat.not_written_yet", True),),
    )
    assert app_module._compat_routers(lambda: None, lambda: None) == []


def test_settings_come_from_the_file_then_the_environment(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text(
        'coral_secret = "from-file"\nrate_per_minute = 100\nmax_body_bytes = 5000\n'
    )
    settings = load_settings(tmp_path, {"THREADGUARD_CORAL_SECRET": "from-env"})
    assert settings.coral_secret == "from-env"
    assert settings.rate_per_minute == 100 and settings.max_body_bytes == 5000
    assert load_settings(None, {}).coral_secret is None
    (tmp_path / "settings.toml").write_text("colour = 'blue'\n")
    with pytest.raises(SettingsError, match="unknown setting"):
        load_settings(tmp_path, {})
    with pytest.raises(SettingsError, match="rate_per_minute must be a whole number, 0 or more"):
        load_settings(None, {"THREADGUARD_RATE_PER_MINUTE": "lots"})
    # a size limit of 0 would refuse every request: the server does not start with one
    for name in ("MAX_TEXT_CHARS", "MAX_BODY_BYTES", "MAX_UPLOAD_BYTES"):
        with pytest.raises(SettingsError, match=f"{name.lower()} must be a whole number"):
            load_settings(None, {f"THREADGUARD_{name}": "0"})
    assert load_settings(None, {"THREADGUARD_RATE_PER_MINUTE": "0"}).rate_per_minute == 0


@pytest.mark.slow
def test_threadguard_serve_answers_and_keeps_keys_out_of_its_log(tmp_path: Path) -> None:
    key = cli_key(tmp_path, "moderator")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [*THREADGUARD, "serve", "--port", str(port), "--data-dir", str(tmp_path)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_serving(server, base, log)
            queue = httpx.get(f"{base}/api/v1/queue", params={"key": key}, timeout=10)
            assert queue.status_code == 200
            assert httpx.get(f"{base}/api/v1/queue", timeout=10).status_code == 401
        finally:
            server.terminate()
            server.wait(timeout=30)
    text = log.read_text()
    assert "/api/v1/queue?key=REDACTED" in text
    assert key not in text and key.split("_", 2)[2] not in text


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("THREADGUARD_DEEP_FROM", "lots"),
        ("THREADGUARD_DEEP_FROM", "2"),
        ("THREADGUARD_TIER", "huge"),
    ],
)
def test_a_bad_cascade_setting_in_the_environment_is_a_settings_error(
    tmp_path: Path, variable: str, value: str
) -> None:
    with pytest.raises(SettingsError, match=variable):
        load_settings(tmp_path, {variable: value})


def test_tier_and_band_come_from_the_file_the_environment_then_the_options(
    tmp_path: Path,
) -> None:
    assert load_settings(None, {}).cascade == CascadeSettings()
    (tmp_path / "settings.toml").write_text('tier = "fast"\ndeep_from = 0.5\n')
    from_file = load_settings(tmp_path, {})
    assert (from_file.tier, from_file.deep_from) == (Tier.FAST, 0.5)
    from_env = load_settings(tmp_path, {"THREADGUARD_DEEP_FROM": "0"})
    assert from_env.cascade == CascadeSettings(tier="fast", deep_from=0.0)
    given = load_settings(tmp_path, {"THREADGUARD_TIER": "deep"}, tier=Tier.CASCADE)
    assert (given.tier, given.deep_from, given.data_dir) == (Tier.CASCADE, 0.5, tmp_path)


def test_where_the_model_and_database_are_is_not_for_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text('database_url = "sqlite://"\n')
    with pytest.raises(SettingsError, match="database_url can only be given on the command line"):
        load_settings(tmp_path, {})


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc to tell workers apart")
def test_threadguard_serve_with_two_workers_answers_from_both(
    engine: Engine, tmp_path: Path
) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    options = f"--port {port} --workers 2 --tier fast --data-dir".split()
    with log.open("w") as out:
        server = subprocess.Popen(
            [*THREADGUARD, "serve", *options, str(tmp_path)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 90
            while log.read_text().count("Application startup complete") < 2:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "workers did not start in 90 s"
                time.sleep(0.3)
            fast = engine.with_cascade(CascadeSettings(tier="fast")).model_version
            workers: set[int | None] = set()
            while len(workers) < 2 and time.monotonic() < deadline:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                try:
                    conn.request("GET", "/healthz")
                    answer = conn.getresponse()
                    # --tier fast reached the worker: its model is the fast tier's alone.
                    assert (answer.status, json.loads(answer.read())["model"]) == (200, fast)
                    # Still open: look up the worker holding its server side.
                    assert conn.sock is not None
                    workers.add(worker_of(server.pid, port, conn.sock.getsockname()[1]))
                finally:
                    conn.close()
            assert len(workers) == 2 and None not in workers, log.read_text()
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert server.returncode == 0, log.read_text()


def test_serve_says_why_it_cannot_listen_before_loading_anything(tmp_path: Path) -> None:
    import socket

    from typer.testing import CliRunner

    from threadguard.cli import app as cli

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = CliRunner().invoke(
            cli, ["serve", "--port", str(port), "--tier", "fast", "--data-dir", str(tmp_path)]
        )
    assert busy.exit_code == 1 and f"cannot listen on 127.0.0.1:{port}" in busy.output
    nowhere = CliRunner().invoke(
        cli, ["serve", "--host", "999.1.1.1", "--tier", "fast", "--data-dir", str(tmp_path)]
    )
    assert nowhere.exit_code == 2 and "--host 999.1.1.1: not an address" in nowhere.output


def test_settings_that_would_be_cut_or_never_end_are_refused_and_typos_are_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """5.7 requests a minute was cut to 5, a Coral deadline of "inf" was accepted, and a
    mistyped variable was ignored without a word."""
    (tmp_path / "settings.toml").write_text("rate_per_minute = 5.7\n")
    with pytest.raises(SettingsError, match="rate_per_minute"):
        load_settings(tmp_path, {})
    for bad in ("inf", "nan"):
        with pytest.raises(SettingsError, match="THREADGUARD_CORAL_DEADLINE_S"):
            load_settings(None, {"THREADGUARD_CORAL_DEADLINE_S": bad})
    (tmp_path / "settings.toml").write_text("rate_per_minute = 6.0\n")
    assert load_settings(tmp_path, {}).rate_per_minute == 6
    with caplog.at_level("WARNING", logger="threadguard.service"):
        load_settings(
            None,
            {
                "THREADGUARD_RATE_PER_MINUT": "5",
                "THREADGUARD_DATA": "/d",
                "THREADGUARD_DATA_DIR": "/s",
            },
        )
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warned == ["THREADGUARD_RATE_PER_MINUT is no ThreadGuard setting and is ignored"]


@pytest.mark.parametrize("value", ["notaurl", "ftp://x.example", "https://", "https://a b"])
def test_a_public_url_that_is_no_url_is_refused(value: str) -> None:
    """``THREADGUARD_PUBLIC_URL=notaurl`` was accepted, and became the discovery document's
    rootUrl."""
    with pytest.raises(SettingsError, match="THREADGUARD_PUBLIC_URL: public_url must be an http"):
        load_settings(None, {"THREADGUARD_PUBLIC_URL": value})
    for good in ("https://moderation.example", "http://10.0.0.5:8080/tg/"):
        assert load_settings(None, {"THREADGUARD_PUBLIC_URL": good}).public_url == good


def test_serve_warns_when_several_workers_share_a_sqlite_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """``serve --workers 2`` on SQLite started without a word."""
    import uvicorn.supervisors

    from threadguard.service import server
    from threadguard.service.settings import ServiceSettings

    class Supervisor:
        def __init__(self, config: object, sockets: list[object]) -> None:
            for sock in sockets:
                sock.close()  # type: ignore[attr-defined]

        def run(self) -> None:
            return None

    monkeypatch.setattr(server, "preflight", lambda settings, build=None: None)
    monkeypatch.setattr(uvicorn.supervisors, "Multiprocess", Supervisor)
    settings = ServiceSettings(data_dir=tmp_path)
    with caplog.at_level("WARNING", logger="threadguard.service"):
        server.serve(settings, host="127.0.0.1", port=0, workers=2)
    assert any("--workers 2 on SQLite" in r.getMessage() for r in caplog.records)
    assert server.sqlite_workers_warning("sqlite:///x.db", 1) is None
    assert server.sqlite_workers_warning("postgresql+psycopg://db/tg", 4) is None


def test_a_worker_scores_a_few_texts_before_it_takes_requests(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Coral's first comment after each start missed the 0.5 s deadline (PREMOD): the
    engine's lazy parts loaded on the first request."""
    from threadguard.service import server
    from threadguard.service.settings import ServiceSettings

    scored: list[int] = []
    analyze = engine.analyze

    def counting(items: Any, **kwargs: Any) -> Any:
        scored.append(len(items))
        return analyze(items, **kwargs)

    monkeypatch.setattr(engine, "analyze", counting)
    monkeypatch.setattr(app_module.Engine, "load", lambda *args, **kwargs: engine)
    settings = ServiceSettings(data_dir=tmp_path)
    server.prepare(None, tmp_path)
    app = server.worker_app(settings)
    try:
        assert scored == [len(server.WARM_TEXTS)]
    finally:
        app.state.service.store.close()
