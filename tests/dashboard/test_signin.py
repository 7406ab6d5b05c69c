"""Signing in and out: sessions in the store, cookies, CSRF, back-off, audit."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from dashboard_support import PASSWORD, Dashboard, csrf_of, item_ids, token_in
from fastapi.testclient import TestClient

from threadguard.dashboard import signin
from threadguard.dashboard.signin import NAME_BACK_OFF
from threadguard.storage.models import utcnow
from threadguard.storage.repositories.web_sessions import BackOff, token_hash


def test_signed_out_pages_redirect_to_the_form(dashboard: Dashboard) -> None:
    client = dashboard.client()
    answer = client.get("/", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/login"
    answer = client.get("/?status=rejected", follow_redirects=False)
    assert answer.headers["location"] == "/login?next=/%3Fstatus%3Drejected"
    htmx = client.get("/", headers={"HX-Request": "true"}, follow_redirects=False)
    assert htmx.headers["hx-redirect"] == "/login?ended=1"


def test_a_key_pressed_after_the_session_ended_comes_back_to_its_page(
    dashboard: Dashboard,
) -> None:
    """The approval is not applied, the form says why, and signing in again goes back to
    the page with its site, tab and order (it went to the bare queue)."""
    client = dashboard.client()
    page = "http://127.0.0.1/?site=news&status=rejected&order=newest"
    answer = client.post(
        "/actions/cm_x/approve",
        headers={"HX-Request": "true", "HX-Current-URL": page},
        follow_redirects=False,
    )
    location = answer.headers["hx-redirect"]
    assert location == "/login?next=/%3Fsite%3Dnews%26status%3Drejected%26order%3Dnewest&ended=1"
    form = client.get(location)
    assert "Your session has ended" in form.text
    assert 'name="next" value="/?site=news&amp;status=rejected&amp;order=newest"' in form.text
    elsewhere = client.post(
        "/actions/cm_x/approve",
        headers={"HX-Request": "true", "HX-Current-URL": "https://evil.example//x"},
        follow_redirects=False,
    )
    assert elsewhere.headers["hx-redirect"] == "/login?ended=1"  # never another site


def test_a_page_for_admins_keeps_a_moderators_navigation(dashboard: Dashboard) -> None:
    client, _ = dashboard.signed_in("alice")
    refused = client.get("/policy")
    assert refused.status_code == 403 and "This page is for admins" in refused.text
    assert "Sign out" in refused.text and 'href="/threads"' in refused.text


def test_the_form_has_username_and_password_and_its_own_csp(dashboard: Dashboard) -> None:
    page = dashboard.client().get("/login")
    assert page.status_code == 200
    assert 'name="username"' in page.text and 'name="password"' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "unsafe-inline" not in page.headers["content-security-policy"]


def test_a_right_password_starts_a_session_with_a_strict_cookie(dashboard: Dashboard) -> None:
    client = dashboard.client()
    answer = dashboard.sign_in(client)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"].lower()
    assert "tg_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert "secure" not in cookie.split("tg_login_csrf")[0]  # plain http on loopback
    token = client.cookies["tg_session"]
    # The store keeps only the token's hash.
    assert dashboard.store.find_session(token, idle=signin.IDLE) is not None
    with dashboard.store.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT token_hash FROM web_sessions").scalars().all()
    assert stored == [token_hash(token)] and token not in stored
    assert client.get("/").status_code == 200
    log = dashboard.store.audit_log(action="user.sign_in").items
    assert [e.actor for e in log] == ["alice"]


def test_the_cookie_is_secure_over_https(dashboard: Dashboard) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(dashboard.service.app, base_url="https://127.0.0.1")
    answer = dashboard.sign_in(client)
    assert "secure" in answer.headers["set-cookie"].lower().split(",")[0]


def test_a_wrong_password_is_refused_and_audited(dashboard: Dashboard) -> None:
    client = dashboard.client()
    answer = dashboard.sign_in(client, password="wrong")
    assert answer.status_code == 401
    assert "Wrong user name or password" in answer.text
    assert "tg_session" not in client.cookies
    [entry] = dashboard.store.audit_log(action="user.sign_in_failed").items
    assert entry.object_id == "alice" and entry.after is not None
    assert entry.after["why"] == "bad credentials"


def test_the_form_without_its_token_is_refused(dashboard: Dashboard) -> None:
    client = dashboard.client()
    client.get("/login")
    answer = client.post(
        "/login", data={"username": "alice", "password": PASSWORD, "csrf_token": "forged"}
    )
    assert answer.status_code == 400
    assert "tg_session" not in client.cookies


def test_repeated_failures_lock_the_name_even_for_the_right_password(
    dashboard: Dashboard,
) -> None:
    client = dashboard.client()
    for _ in range(BackOff().free_failures):
        assert dashboard.sign_in(client, password="wrong").status_code == 401
    locked = dashboard.sign_in(client, password="wrong")
    assert locked.status_code == 429 and "Try again in" in locked.text
    assert dashboard.sign_in(client).status_code == 429  # the right one waits too
    whys = [e.after["why"] for e in dashboard.store.audit_log(action="user.sign_in_failed").items]
    assert whys[0] == "locked"
    # Another user from another address is not locked out.
    other = dashboard.client()
    dashboard.store.clear_failures("ip:testclient")
    assert dashboard.sign_in(other, "bob").status_code == 303


def test_refusals_while_locked_are_audited_once_per_lock_and_names_are_objects(
    dashboard: Dashboard,
) -> None:
    """Each refusal of a locked name or address was an audit row: anyone signed out could
    grow the database by 750 bytes a request. Failed attempts name the account tried as
    the object, not as the actor (an audit filtered by actor=bob listed forged rows)."""
    client = dashboard.client()
    for _ in range(BackOff().free_failures):
        dashboard.sign_in(client, password="wrong")
    failed = dashboard.store.audit_log(action="user.sign_in_failed").items
    for attempt in range(20):  # the name locked, then new names from the locked address
        name = "alice" if attempt < 10 else f"bob{attempt}"
        assert dashboard.sign_in(client, name, password="wrong").status_code == 429
    rows = dashboard.store.audit_log(action="user.sign_in_failed").items
    assert len(rows) - len(failed) <= 2
    assert {e.actor for e in rows} == {"anonymous"}
    assert dashboard.store.audit_log(actor="alice").items == []


def test_back_off_doubles_up_to_a_ceiling() -> None:
    back = BackOff(
        free_failures=2, first_lock=timedelta(seconds=10), longest_lock=timedelta(seconds=35)
    )
    assert [back.lock_for(n) for n in (1, 2, 3, 4, 5, 6)] == [
        None,
        None,
        timedelta(seconds=10),
        timedelta(seconds=20),
        timedelta(seconds=35),
        timedelta(seconds=35),
    ]


def test_sessions_expire_when_idle_and_at_their_end(dashboard: Dashboard) -> None:
    store = dashboard.store
    now = utcnow()
    store.start_session("t1", "alice", "moderator", ip="x", lifetime=timedelta(hours=2), now=now)
    idle = timedelta(minutes=30)
    assert store.find_session("t1", idle=idle, now=now + timedelta(minutes=29)) is not None
    assert store.find_session("t1", idle=idle, now=now + timedelta(minutes=29 + 31)) is None
    store.start_session("t2", "alice", "moderator", ip="x", lifetime=timedelta(hours=1), now=now)
    for minutes in (20, 40, 59):  # kept alive, yet over at its absolute end
        assert store.find_session("t2", idle=idle, now=now + timedelta(minutes=minutes))
    assert store.find_session("t2", idle=idle, now=now + timedelta(minutes=61)) is None


def test_sign_out_ends_the_session_and_needs_the_token(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    token = client.cookies["tg_session"]
    refused = client.post("/logout", data={"csrf_token": "nope"})
    assert refused.status_code == 403
    answer = client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/login"
    assert dashboard.store.find_session(token, idle=signin.IDLE) is None
    client.cookies.set("tg_session", token)  # replaying the old cookie does not help
    assert client.get("/", follow_redirects=False).status_code == 303
    assert dashboard.store.audit_log(action="user.sign_out").total == 1


def test_every_post_needs_the_csrf_token(dashboard: Dashboard) -> None:
    client, csrf = dashboard.signed_in()
    [first, *_] = item_ids(client.get("/").text)
    for headers, data in (({}, {}), ({"X-CSRF-Token": "x" * 64}, {}), ({}, {"csrf_token": ""})):
        answer = client.post(f"/actions/{first}/approve", headers=headers, data=data)
        assert answer.status_code == 403
    htmx = client.post(f"/actions/{first}/approve", headers={"HX-Request": "true"})
    assert htmx.headers.get("hx-refresh") == "true"
    assert dashboard.store.comment(first).status == "pending"  # nothing was done
    ok = client.post(f"/actions/{first}/approve", data={"csrf_token": csrf}, follow_redirects=False)
    assert ok.status_code == 303
    assert dashboard.store.comment(first).status == "approved"


def test_a_disabled_user_is_signed_out(dashboard: Dashboard) -> None:
    client, _ = dashboard.signed_in()
    with dashboard.store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE users SET disabled = 1 WHERE name = 'alice'")
    assert client.get("/", follow_redirects=False).status_code == 303


def test_the_next_page_stays_on_this_site(dashboard: Dashboard) -> None:
    client = dashboard.client()
    page = client.get("/login?next=//evil.example/")
    assert 'name="next" value="/"' in page.text
    answer = client.post(
        "/login",
        data={
            "username": "alice",
            "password": PASSWORD,
            "csrf_token": token_in(page.text),
            "next": "https://evil.example/",
        },
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/"


def test_the_audit_log_names_each_session_once_for_ever(dashboard: Dashboard) -> None:
    """SQLite hands a deleted session's row id to the next one: two people's sign-ins
    must not read as one session."""
    client = dashboard.client()
    assert dashboard.sign_in(client).status_code == 303
    client.post("/logout", data={"csrf_token": csrf_of(client.get("/").text)})
    assert dashboard.sign_in(dashboard.client(), "bob").status_code == 303
    signed_in = dashboard.store.audit_log(action="user.sign_in").items
    sessions = {entry.actor: entry.after["session"] for entry in signed_in if entry.after}
    assert set(sessions) == {"alice", "bob"} and sessions["alice"] != sessions["bob"]
    [out] = dashboard.store.audit_log(action="user.sign_out").items
    assert out.before is not None and out.before["session"] == sessions["alice"]


def test_a_bulk_action_after_the_session_ended_says_so_and_keeps_the_filters(
    dashboard: Dashboard,
) -> None:
    """ "Reject selected" after the session ended gave a plain sign-in page with next=/:
    no word that the rejects did not happen, the queue's filters gone."""
    client, csrf = dashboard.signed_in()
    ids = item_ids(client.get("/").text)[:3]
    client.post("/logout", data={"csrf_token": csrf})
    back = "/?site=news&order=newest"
    plain = client.post(
        "/actions/bulk",
        data={"csrf_token": csrf, "action": "reject", "ids": ids, "back": back},
        follow_redirects=False,
    )
    location = plain.headers["location"]
    assert location == "/login?next=/%3Fsite%3Dnews%26order%3Dnewest&ended=bulk"
    form = client.get(location).text
    assert "the selected comments were not approved or rejected" in form
    assert 'name="next" value="/?site=news&amp;order=newest"' in form
    htmx = client.post(
        "/actions/bulk",
        data={"action": "reject", "ids": ids},
        headers={"HX-Request": "true", "HX-Current-URL": "http://127.0.0.1" + back},
    )
    assert htmx.headers["hx-redirect"] == location
    assert {dashboard.store.comment(i).status for i in ids} == {"pending"}
    # a single action without script goes back to its page too, saying it was not applied
    one = client.post(
        f"/actions/{ids[0]}/approve",
        data={"csrf_token": csrf, "back": back},
        follow_redirects=False,
    )
    assert one.headers["location"].endswith("&ended=1")
    assert "that last action was not applied" in client.get(one.headers["location"]).text


def _from(dashboard: Dashboard, address: str) -> Any:
    """A client whose connection comes from ``address``."""
    return TestClient(dashboard.service.app, base_url="http://127.0.0.1", client=(address, 50000))


def test_failures_from_many_addresses_do_not_lock_the_real_user_out(
    dashboard: Dashboard,
) -> None:
    """Six failures of "alice", each from another address, locked the name everywhere:
    one request every 15 minutes kept the real alice out. The right password from an
    address that has not failed is still accepted, whatever the name's count."""
    for n in range(NAME_BACK_OFF.free_failures + 5):
        answer = dashboard.sign_in(_from(dashboard, f"203.0.113.{n}"), password="wrong")
        assert answer.status_code == (401 if n < NAME_BACK_OFF.free_failures else 429)
    assert dashboard.sign_in(_from(dashboard, "198.51.100.9")).status_code == 303


def test_guessing_from_one_address_is_still_throttled(dashboard: Dashboard) -> None:
    """One address guessing one name, or many names, is locked, and a forged
    X-Forwarded-For does not give it a fresh address (only uvicorn reads that header,
    from the proxies FORWARDED_ALLOW_IPS names)."""
    attacker = _from(dashboard, "203.0.113.7")
    for _ in range(BackOff().free_failures):
        assert dashboard.sign_in(attacker, password="wrong").status_code == 401
    assert dashboard.sign_in(attacker, password="wrong").status_code == 429
    assert dashboard.sign_in(attacker).status_code == 429  # not even the right one here
    other = _from(dashboard, "203.0.113.8")
    for n in range(BackOff().free_failures):
        other.headers["X-Forwarded-For"] = f"192.0.2.{n}"
        assert dashboard.sign_in(other, f"name{n}", password="wrong").status_code == 401
    other.headers["X-Forwarded-For"] = "192.0.2.200"
    assert dashboard.sign_in(other, "bob", password="wrong").status_code == 429
    # the real alice, elsewhere, is not locked out by either
    assert dashboard.sign_in(_from(dashboard, "198.51.100.9")).status_code == 303


def test_many_addresses_guessing_one_name_are_slowed(dashboard: Dashboard) -> None:
    """Past the name's threshold, an address that has failed the name is refused without
    its guess being checked (once each, not five times each), while one that has not is
    still checked."""
    for n in range(NAME_BACK_OFF.free_failures):
        answer = dashboard.sign_in(_from(dashboard, f"203.0.113.{n}"), password="wrong")
        assert answer.status_code == 401
    # the name is locked now: a second guess from an address that failed it waits
    again = dashboard.sign_in(_from(dashboard, "203.0.113.0"), password="wrong")
    assert again.status_code == 429
    assert dashboard.sign_in(_from(dashboard, "203.0.113.1")).status_code == 429
    # one that had failed only under the free count, for the name, is not let guess again
    fresh = _from(dashboard, "203.0.113.99")
    assert dashboard.sign_in(fresh, password="wrong").status_code == 429
    assert dashboard.sign_in(fresh).status_code == 429
    # bob, and alice from an address that never failed, are untouched
    assert dashboard.sign_in(_from(dashboard, "203.0.113.0"), "bob").status_code == 303
    assert dashboard.sign_in(_from(dashboard, "198.51.100.9")).status_code == 303
