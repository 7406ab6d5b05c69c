"""``/audit.csv``: the audit log as one CSV file for admins, every entry the page's filters
match with its states whole (the page shows 50 rows at a time, its states cut at 300
characters), streamed a page of the store at a time, each formula-looking cell
neutralised, and the export itself audited."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from dashboard_support import PASSWORD, Dashboard, item_ids, seed_thread
from fastapi.testclient import TestClient
from test_accounts import user

from threadguard.storage import Actor
from threadguard.storage.audit_export import FIELDS, PAGE_ROWS
from threadguard.storage.repositories.review import ReviewFilter
from threadguard.storage.sessions import add_audit


def htmx(csrf: str) -> dict[str, str]:
    return {"HX-Request": "true", "X-CSRF-Token": csrf}


def rows_of(body: str) -> list[dict[str, str]]:
    """The CSV's rows by column, its header checked."""
    reader = csv.reader(io.StringIO(body, newline=""))
    header = next(reader)
    assert tuple(header) == FIELDS
    return [dict(zip(header, row, strict=True)) for row in reader]


def an_admin(dashboard: Dashboard, name: str = "ada") -> TestClient:
    dashboard.store.add_user(name, "admin", PASSWORD)
    client, _ = dashboard.signed_in(name)
    return client


def test_admins_download_the_log_filtered_by_actor_and_action(dashboard: Dashboard) -> None:
    alice, csrf = dashboard.signed_in("alice")
    first = item_ids(alice.get("/").text)[0]
    long_note = "posted a neighbour's address " * 20  # past the page's 300 characters
    alice.post(
        "/actions/ban",
        data={"comment_id": first, "then": "reject", "note": long_note},
        headers=htmx(csrf),
    )
    assert alice.get("/audit.csv").status_code == 403  # moderators: no
    assert dashboard.client().get("/audit.csv", follow_redirects=False).status_code == 303
    ada = an_admin(dashboard)
    answer = ada.get("/audit.csv?actor=alice&action=comment")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    day = datetime.now(UTC).date().isoformat()
    assert answer.headers["content-disposition"] == (
        f'attachment; filename="threadguard-audit-{day}.csv"'
    )
    [reject] = rows_of(answer.text)  # the ban is author.ban, the sign-ins user.sign_in
    assert (reject["actor"], reject["action"], reject["object_id"], reject["site"]) == (
        "alice",
        "comment.reject",
        first,
        "news",
    )
    assert json.loads(reject["after"])["reason"] == long_note.strip()  # whole, not cut
    assert json.loads(reject["before"])["status"] == "pending"
    assert datetime.fromisoformat(reject["when_utc"]).utcoffset() is not None
    assert reject["when_utc"].endswith("Z")
    every = rows_of(ada.get("/audit.csv").text)
    assert {"comment.reject", "author.ban", "user.sign_in"} <= {r["action"] for r in every}
    ids = [int(r["id"]) for r in every]
    assert ids == sorted(ids, reverse=True)  # newest first
    # the exports are audited with their filters, before their first entry is read
    assert every[0]["action"] == "audit.export" and every[0]["actor"] == "ada"
    exports = dashboard.store.audit_log(action="audit.export").items
    assert [e.after for e in exports][1] == {
        "format": "csv",
        "filters": {"site": None, "actor": "alice", "action": "comment", "since": None},
    }
    assert exports[0].object_id == f"threadguard-audit-{day}.csv"
    for wildcard in ("%", "_"):  # the page's filter rules: no LIKE wildcards
        assert rows_of(ada.get("/audit.csv", params={"action": wildcard}).text) == []
    refused = ada.get("/audit.csv", params={"actor": "x" * 201})
    assert refused.status_code in (400, 422)


def test_the_download_link_carries_the_pages_filters(dashboard: Dashboard) -> None:
    ada = an_admin(dashboard)
    page = ada.get("/audit?actor=al ice&action=comment&page=1").text
    assert 'href="/audit.csv?actor=al+ice&amp;action=comment"' in page
    assert ">Download CSV</a>" in page
    assert 'href="/audit.csv"' in ada.get("/audit").text


def test_a_site_bound_admin_downloads_its_sites_entries_only(dashboard: Dashboard) -> None:
    seed_thread(dashboard.store, site="other")
    alice, csrf = dashboard.signed_in("alice")
    other = dashboard.store.review_page(ReviewFilter(site="other"), limit=1).items[0].comment_id
    alice.post(f"/actions/{other}/reject", headers=htmx(csrf))
    news = dashboard.store.review_page(ReviewFilter(site="news"), limit=1).items[0].comment_id
    alice.post(f"/actions/{news}/reject", headers=htmx(csrf))
    code, output = user(
        dashboard, "add", "nadia", "--role", "admin", "--password", PASSWORD, "--site", "news"
    )
    assert code == 0, output
    nadia, _ = dashboard.signed_in("nadia")
    rows = rows_of(nadia.get("/audit.csv?action=comment").text)
    assert [r["object_id"] for r in rows] == [news]
    assert {r["site"] for r in rows_of(nadia.get("/audit.csv").text)} == {"news"}
    [export, *_] = dashboard.store.audit_log(action="audit.export").items
    assert export.site == "news" and export.after is not None
    assert export.after["filters"]["site"] == "news"


def test_a_formula_looking_cell_is_neutralised(dashboard: Dashboard) -> None:
    """Actor names, author names and comment text are anyone's: a spreadsheet would run
    ``=HYPERLINK(...)`` opened from the file."""
    risky = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
    for name in risky:
        dashboard.store.audit(
            Actor(name, "moderator"),
            "comment.reject",
            "author",
            name,
            site="news",
            after={"text": "=1+1"},
        )
    dashboard.store.audit(Actor("plain", "moderator"), "comment.reject", "comment", "c1")
    ada = an_admin(dashboard)
    rows = rows_of(ada.get("/audit.csv?action=comment.reject").text)
    by_actor = {r["actor"]: r for r in rows}
    assert set(by_actor) == {"'" + name for name in risky} | {"plain"}
    for name in risky:
        row = by_actor["'" + name]
        assert row["object_id"] == "'" + name
        assert json.loads(row["after"]) == {"text": "=1+1"}  # JSON opens with {: as it is
    assert by_actor["plain"]["object_id"] == "c1" and by_actor["plain"]["after"] == ""


def test_a_log_longer_than_a_page_is_streamed_with_every_entry_once(
    dashboard: Dashboard,
) -> None:
    many = PAGE_ROWS * 2 + 37
    with dashboard.store.sessions.write() as session:  # one transaction: seconds, not minutes
        for n in range(many):
            add_audit(session, Actor(f"bot{n % 7}", "client"), "comment.hold", "comment", str(n))
    ada = an_admin(dashboard)
    answer = ada.get("/audit.csv")
    ids = [int(r["id"]) for r in rows_of(answer.text)]
    stored = dashboard.store.audit_log(limit=1).total
    assert len(ids) == len(set(ids)) == stored  # the export's own entry among them
    assert ids == sorted(ids, reverse=True)
    held = rows_of(ada.get("/audit.csv?action=comment.hold&actor=bot3").text)
    assert len(held) == len(range(3, many, 7))
