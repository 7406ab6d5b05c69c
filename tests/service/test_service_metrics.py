"""``/metrics``: Prometheus text, names prefixed ``threadguard_``, behind a setting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families
from service_support import Service

from threadguard.service.settings import SettingsError, load_settings
from threadguard.storage.records import QueueFilter

ANALYZE = "/v1alpha1/comments:analyze"


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a scrape: (name, sorted labels) -> value."""
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def scrape(service: Service) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    answer = service.client.get("/metrics", headers=service.auth(service.admin))
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    return samples(answer.text)


def value(found: dict[Any, float], name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_need_an_admin_key_by_default(service: Service) -> None:
    assert service.client.get("/metrics").status_code == 401
    client_key = service.auth(service.client_key)
    assert service.client.get("/metrics", headers=client_key).status_code == 403
    assert service.client.get("/metrics", headers=service.auth(service.admin)).status_code == 200
    # An admin of one site would read every site's name and queue size.
    one_site = service.store.create_key("admin", site="news")
    refused = service.client.get("/metrics", headers=service.auth(one_site))
    assert refused.status_code == 403 and "cover every site" in refused.text
    assert "queue_pending" not in refused.text


def test_metrics_can_be_off_open_or_read_with_their_own_token(make_service: Any) -> None:
    assert make_service(metrics="off").client.get("/metrics").status_code == 404
    assert make_service(metrics="open").client.get("/metrics").status_code == 200
    scraper = make_service(metrics_token="scrape-me")
    assert scraper.client.get("/metrics", headers=scraper.auth("scrape-me")).status_code == 200
    assert scraper.client.get("/metrics", headers=scraper.auth("scrape-you")).status_code == 401
    assert scraper.client.get("/metrics", headers=scraper.auth(scraper.admin)).status_code == 200


def test_the_settings_are_checked(tmp_path: Path) -> None:
    assert load_settings(None, {"THREADGUARD_METRICS": "open"}).metrics == "open"
    with pytest.raises(SettingsError, match="off, admin or open"):
        load_settings(None, {"THREADGUARD_METRICS": "public"})


def test_requests_scores_decisions_routing_queue_and_models_are_counted(
    service: Service,
) -> None:
    before = scrape(service)
    key = {"key": service.client_key}
    body = {"comment": {"text": "you are an idiot"}, "requestedAttributes": {"TOXICITY": {}}}
    for _ in range(3):
        assert service.client.post(ANALYZE, json=body, params=key).status_code == 200
    service.post_thread(
        "Title\n\nBody.\n\n  • ann\n    Nice ferry.\n  • bo\n    Idiots, all of you.\n"
    )
    assert service.client.get("/api/v1/comments/nope", params=key).status_code in (403, 404)
    assert service.client.get("/no/such/path").status_code == 404
    after = scrape(service)

    analyze = {"method": "POST", "endpoint": ANALYZE, "status": "200"}
    count = "threadguard_request_duration_seconds_count"
    assert value(after, count, **analyze) - value(before, count, **analyze) == 3
    unmatched = {"method": "GET", "endpoint": "unmatched", "status": "404"}
    assert value(after, count, **unmatched) >= 1
    decided = sum(
        value(after, "threadguard_decisions_total", verdict=v)
        - value(before, "threadguard_decisions_total", verdict=v)
        for v in ("approve", "hold", "reject")
    )
    assert decided == 5  # three analyze calls, two uploaded comments
    scored = "threadguard_scores_count"
    assert value(after, scored, attribute="insult") - value(before, scored, attribute="insult") == 5
    assert value(after, "threadguard_texts_scored_total") > value(
        before, "threadguard_texts_scored_total"
    )
    assert 0.0 <= value(after, "threadguard_deep_tier_share") <= 1.0
    held = sum(v for (name, _), v in after.items() if name == "threadguard_queue_pending")
    assert held == service.store.queue(QueueFilter()).total
    [info] = [labels for (name, labels) in after if name == "threadguard_model_info"]
    assert dict(info)["model"] == service.app.state.service.engine.model_version
    assert all(name.startswith("threadguard_") for name, _ in after)


def test_with_a_multiprocess_directory_a_scrape_adds_up_every_worker(tmp_path: Path) -> None:
    """prometheus-client's multiprocess mode, for ``serve --workers N``: a worker's scrape
    shows what every worker counted (the variable must be set before the import)."""
    script = """
import os, sys
from threadguard.service import metrics
metrics.DECISIONS.labels("hold").inc()
child = os.fork()
if child == 0:
    metrics.DECISIONS.labels("hold").inc(2)
    os._exit(0)
os.waitpid(child, 0)
registry = metrics.CollectorRegistry()
registry.register(metrics.CountedMetrics())
sys.stdout.write(metrics.exposition(registry).decode())
"""
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert value(samples(done.stdout), "threadguard_decisions_total", verdict="hold") == 3


def test_serve_refuses_a_missing_metrics_folder_and_warns_of_a_used_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every worker died on a missing folder and was respawned for ever; files an earlier
    run left were summed into this run's counters without a word."""
    import typer

    from threadguard.cli.service import _check_metrics_folder

    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "missing"))
    with pytest.raises(typer.Exit) as stopped:
        _check_metrics_folder()
    assert stopped.value.exit_code == 2
    assert "no such folder" in capsys.readouterr().err
    used = tmp_path / "used"
    used.mkdir()
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(used))
    _check_metrics_folder()
    assert capsys.readouterr().err == ""
    (used / "counter_123.db").write_bytes(b"")
    _check_metrics_folder()
    assert "holds 1 metrics file(s) of an earlier run" in " ".join(capsys.readouterr().err.split())


def test_routes_are_labelled_with_their_full_template(service: Service) -> None:
    """The labels dropped the router's prefix: endpoint="/threads", "/jobs/{job_id}"."""
    key = service.auth(service.client_key)
    # refused before its handler runs: labelled with the full template too
    assert service.client.get("/api/v1/comments/nope").status_code == 401
    assert service.client.get("/api/v1/comments/nope", headers=key).status_code == 404
    assert service.client.get("/api/v1/jobs/job_nope", headers=key).status_code == 404
    service.post_thread("Title\n\nBody.\n\n  • ann\n    Nice ferry.\n")
    found = scrape(service)
    count = "threadguard_request_duration_seconds_count"
    endpoints = {dict(labels)["endpoint"] for (name, labels) in found if name == count}
    assert {"/api/v1/comments/{comment_id}", "/api/v1/jobs/{job_id}", "/api/v1/threads"} <= (
        endpoints
    ), endpoints
    # (the dashboard's own /threads page is another route: only the API's short forms)
    assert not {"/comments/{comment_id}", "/jobs/{job_id}"} & endpoints


def test_the_database_being_down_is_a_metric(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the database down /metrics answered 200 and the queue gauge just vanished:
    nothing an alert could fire on."""
    from sqlalchemy.exc import OperationalError

    assert value(scrape(service), "threadguard_database_up") == 1

    def down() -> dict[str, int]:
        raise OperationalError("SELECT ...", {}, Exception("connection refused"))

    monkeypatch.setattr(service.store, "pending_counts", down)
    found = scrape(service)
    assert ("threadguard_database_up", ()) in found
    assert value(found, "threadguard_database_up") == 0
    assert not any(name == "threadguard_queue_pending" for name, _ in found)
