"""``keys create --site`` and ``user add --site`` refuse a site name no address or list
could show, as the service does where a site is made; a key's ``--name`` may hold a "/",
and a command that reads a site (``db audit --site``) takes any stored name."""

from __future__ import annotations

from pathlib import Path

from cli_support import invoke_in

from threadguard.storage import Store


def test_a_key_or_user_for_a_site_no_address_could_name_is_refused(tmp_path: Path) -> None:
    code, output = invoke_in(tmp_path, "keys", "create", "--role", "client", "--site", "a/b")
    assert code == 2, output
    assert "--site 'a/b' contains '/'" in output
    code, output = invoke_in(
        tmp_path,
        "user",
        "add",
        "maria",
        "--role",
        "moderator",
        "--site",
        "news\x1b[31m",
        "--password",
        "twelve chars",
    )
    assert code == 2, output
    assert "--site contains the control or invisible character U+001B" in output
    store = Store.open(None, tmp_path)
    try:
        assert store.api_keys() == [] and store.users() == [] and store.site_names() == []
    finally:
        store.close()


def test_a_key_name_with_a_slash_and_an_audit_of_any_stored_site_pass(tmp_path: Path) -> None:
    code, output = invoke_in(tmp_path, "keys", "create", "--role", "client", "--name", "cms/prod")
    assert code == 0, output
    code, output = invoke_in(tmp_path, "db", "audit", "--site", "a/b")
    assert code == 0, output
