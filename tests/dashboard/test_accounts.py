"""`threadguard user list|disable|enable|password|role`: what an operator does when a
moderator leaves, forgets a password or changes job, seen from the dashboard."""

from __future__ import annotations

from pathlib import Path

from dashboard_support import PASSWORD, Dashboard
from typer.testing import CliRunner

from threadguard.cli import app as cli


def user(dashboard: Dashboard, *args: str) -> tuple[int, str]:
    url = dashboard.store.engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(cli, ["user", *args, "--database", url])
    return result.exit_code, result.output


def plain(output: str) -> str:
    """A usage error's text without its box and line breaks."""
    import re

    return " ".join(re.sub("[│╭╮╰╯─]", " ", output).split())


def test_list_shows_roles_states_and_open_sessions_but_no_hashes(dashboard: Dashboard) -> None:
    dashboard.signed_in("alice")
    code, output = user(dashboard, "list")
    assert code == 0, output
    rows = [line.split() for line in output.splitlines()]
    assert rows[0] == ["name", "role", "site", "state", "sessions", "created"]
    by_name = {row[0]: row[1:5] for row in rows[1:]}
    assert by_name == {
        "alice": ["moderator", "*", "enabled", "1"],
        "bob": ["moderator", "*", "enabled", "0"],
    }
    assert "scrypt" not in output and "$" not in output


def test_disabling_ends_the_open_session_and_refuses_the_next_sign_in(
    dashboard: Dashboard,
) -> None:
    client, _ = dashboard.signed_in("alice")
    assert client.get("/", follow_redirects=False).status_code == 200
    code, output = user(dashboard, "disable", "alice")
    assert code == 0 and "1 open session ended" in output, output
    assert client.get("/", follow_redirects=False).status_code == 303  # back to the form
    assert dashboard.sign_in(dashboard.client()).status_code == 401
    assert user(dashboard, "list")[1].splitlines()[1].split()[:4] == [
        "alice",
        "moderator",
        "*",
        "disabled",
    ]
    code, output = user(dashboard, "disable", "alice")
    assert code == 2 and "already disabled" in output
    # Enabled again, the old password works; what she did stays in the audit log.
    assert user(dashboard, "enable", "alice")[0] == 0
    assert dashboard.sign_in(dashboard.client()).status_code == 303
    for action in ("user.disable", "user.enable"):
        [entry] = dashboard.store.audit_log(action=action).items
        assert entry.object_id == "alice" and entry.actor.startswith("cli:")


def test_a_new_password_signs_every_session_out_and_the_old_one_stops_working(
    dashboard: Dashboard,
) -> None:
    client, _ = dashboard.signed_in("bob")
    new = "a brand new passphrase"
    code, output = user(dashboard, "password", "bob", "--password", new)
    assert code == 0 and "1 open session ended" in output, output
    assert client.get("/", follow_redirects=False).status_code == 303
    assert dashboard.sign_in(dashboard.client(), "bob").status_code == 401
    assert dashboard.sign_in(dashboard.client(), "bob", new).status_code == 303
    [entry] = dashboard.store.audit_log(action="user.password").items
    assert entry.object_id == "bob" and "hash" not in str(entry.after)
    code, output = user(dashboard, "password", "bob", "--password", "short")
    assert code == 2 and "at least 12 characters" in output


def test_a_role_change_reaches_an_open_session(dashboard: Dashboard) -> None:
    client, _ = dashboard.signed_in("alice")
    assert client.get("/policy", follow_redirects=False).status_code == 403
    code, output = user(dashboard, "role", "alice", "--role", "admin")
    assert code == 0 and "alice is now admin" in output, output
    assert client.get("/policy", follow_redirects=False).status_code == 200
    code, output = user(dashboard, "role", "alice", "--role", "client")
    assert code == 2 and "'client' is not one of 'moderator', 'admin'" in plain(output)


def test_an_unknown_name_is_named_with_the_account_it_may_mean(dashboard: Dashboard) -> None:
    code, output = user(dashboard, "disable", "Alice")
    assert code == 2 and "no user named 'Alice'" in output and "did you mean 'alice'" in output
    code, output = user(dashboard, "enable", "carol")
    assert code == 2 and "user list" in output
    assert PASSWORD  # alice's password is unchanged by the refusals
    assert dashboard.sign_in(dashboard.client()).status_code == 303


def test_an_empty_list_says_how_to_add_the_first(tmp_path: Path) -> None:
    for group, hint in [("user", "threadguard user add"), ("keys", "threadguard keys create")]:
        result = CliRunner().invoke(cli, [group, "list", "--data-dir", str(tmp_path)])
        assert result.exit_code == 0 and hint in result.output, result.output


def test_user_add_offers_only_the_roles_it_takes(dashboard: Dashboard) -> None:
    """`user add --help` listed `--role <client|moderator|admin>`, then `--role client`
    failed "--role must be moderator or admin"."""
    import re

    for command in ("add", "role"):
        code, output = user(dashboard, command, "--help")
        assert code == 0
        assert re.search(r"--role\s+<moderator\|admin>", output), output
    code, output = user(dashboard, "add", "carol", "--role", "client", "--password", PASSWORD)
    assert code == 2 and "'client' is not one of 'moderator', 'admin'" in plain(output), output
    code, output = user(dashboard, "add", "carol", "--role", "admin", "--password", PASSWORD)
    assert code == 0 and "added admin carol" in output, output
