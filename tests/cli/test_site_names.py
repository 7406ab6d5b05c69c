"""``keys create --site`` and ``user add --site`` refuse a site name no address or list
could show, as the service does where a site is made; a key's ``--name`` may hold a "/",
and a command that reads a site (``db audit --site``) takes any stored name."""

from __future__ import annotations

from pathlib import Path

from cli_support import invoke_in

from threadguard.storage import Store
from threadguard.storage.records import Actor


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


def test_a_key_or_user_for_a_site_made_before_the_rule_is_made(tmp_path: Path) -> None:
    """A site an earlier version made as "news " (a trailing space) could have no key or
    account bound to it any more; a new site under such a name is still refused."""
    store = Store.open(None, tmp_path)
    try:
        store.set_site_policy("news ", "{}", "json", Actor("system", "admin"))
    finally:
        store.close()
    code, output = invoke_in(tmp_path, "keys", "create", "--role", "client", "--site", "news ")
    assert code == 0, output
    code, output = invoke_in(
        tmp_path,
        *("user", "add", "maria", "--role", "moderator", "--site", "news "),
        *("--password", "twelve chars"),
    )
    assert code == 0, output
    code, output = invoke_in(tmp_path, "keys", "create", "--role", "client", "--site", "other ")
    assert code == 2 and "spaces before or after it" in output, output
    store = Store.open(None, tmp_path)
    try:
        assert [k.site for k in store.api_keys()] == ["news "]
        assert [u.site for u in store.users()] == ["news "]
        assert store.site_names() == ["news "]
    finally:
        store.close()
