"""A site admin's tryout, replayed: verdicts overturned and undone on the dashboard, then
the labelled export, the comment view and the adaptation's counts read over the API.

The export listed an overturned comment under both labels (and the fit counted it in
both classes); after an overturn was undone, the export lost the standing verdict and the
comment view named the undone one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dashboard_support import PASSWORD, Dashboard, item_ids
from service_support import DIALECTS, Databases, Service

from threadguard.engine import Engine


@pytest.fixture(params=DIALECTS)
def dashboard(
    request: pytest.FixtureRequest, engine: Engine, databases: Databases, tmp_path: Path
) -> Iterator[Dashboard]:
    with databases.fresh(request.param, tmp_path) as url:
        service = Service(engine, url)
        made = Dashboard(service)
        made.store.add_user("boss", "admin", PASSWORD)
        yield made
        service.close()


def htmx(csrf: str) -> dict[str, str]:
    return {"HX-Request": "true", "X-CSRF-Token": csrf}


def export(service: Service) -> list[dict[str, Any]]:
    answer = service.client.get(
        "/api/v1/export", params={"site": "news"}, headers=service.auth(service.moderator)
    )
    assert answer.status_code == 200, answer.text
    return [json.loads(line) for line in answer.text.splitlines()]


def test_overturned_and_undone_verdicts_export_the_verdict_that_stands(
    dashboard: Dashboard,
) -> None:
    alice, a_csrf = dashboard.signed_in("alice")
    boss, b_csrf = dashboard.signed_in("boss")
    x, y, *_ = item_ids(alice.get("/").text)
    service = dashboard.service

    # X: alice approves, boss rejects it from the approved tab (an overturn).
    assert alice.post(f"/actions/{x}/approve", headers=htmx(a_csrf)).status_code == 200
    boss.post(f"/actions/{x}/reject", headers=htmx(b_csrf), data={"expected": "approved"})
    assert dashboard.store.comment(x).status == "rejected"
    # Y: alice rejects, boss approves it from the rejected tab, then undoes that.
    alice.post(f"/actions/{y}/reject", headers=htmx(a_csrf))
    boss.post(f"/actions/{y}/approve", headers=htmx(b_csrf), data={"expected": "rejected"})
    assert "undone" in boss.post("/actions/undo", headers=htmx(b_csrf)).text
    assert dashboard.store.comment(y).status == "rejected"

    rows = export(service)
    assert len(rows) == len({r["id"] for r in rows})  # one line per comment
    assert {r["id"]: (r["label"], r["moderator"]) for r in rows} == {
        x: ("reject", "boss"),
        y: ("reject", "alice"),
    }
    shown = service.client.get(f"/api/v1/comments/{y}", headers=service.auth(service.moderator))
    decided = shown.json()["moderator_decision"]
    assert (decided["action"], decided["actor"]) == ("reject", "alice")
    # The fit counts each comment once, in the class of the verdict that stands.
    fit = service.client.post(
        "/api/v1/sites/news/adaptations", json={}, headers=service.auth(service.admin)
    )
    assert fit.status_code == 422
    assert "0 approved and 2 rejected comments" in fit.json()["error"]["message"]
