"""`threadguard sites delete NAME`: a site made by a typo (a policy saved for "exmaple")
could never be removed. A site that holds nothing moderated is deleted, audited, with
its own policy; one with comments, verdicts or adaptations is refused, exit 2, and
`sites list` shows which is which. Reading never makes a site."""

from __future__ import annotations

from pathlib import Path

from cli_support import invoke_in
from pages_support import argument

from threadguard.storage import Store
from threadguard.storage.records import Actor

ADMIN = Actor("root", "admin")


def sites(tmp_path: Path, *args: str) -> tuple[int, str]:
    return invoke_in(tmp_path, "sites", *args)


def test_a_site_made_by_a_typo_is_deleted_with_its_policy_and_audited(
    tmp_path: Path, store: Store
) -> None:
    argument(store, site="example")
    store.set_site_policy("exmaple", "[authors]\npremoderate_first = 1\n", "toml", ADMIN)
    code, output = sites(tmp_path, "list")
    assert code == 0, output
    assert "exmaple" in output and "example" in output
    code, output = sites(tmp_path, "delete", "exmaple")
    assert code == 0, output
    assert "deleted site exmaple and its policy (version 1)" in output
    assert store.site_names() == ["example"]
    assert store.site_doc("exmaple") is None
    entry = store.audit_log(action="site.delete").items[0]
    assert (entry.object_type, entry.object_id, entry.site) == ("site", "exmaple", "exmaple")
    assert entry.actor.startswith("cli:") and entry.before is not None
    assert entry.before["text"] == "[authors]\npremoderate_first = 1\n"
    # the name can be used again: a new site, with nothing of the old one's
    store.set_site_policy("exmaple", "[authors]\npremoderate_first = 2\n", "toml", ADMIN)
    doc = store.site_doc("exmaple")
    assert doc is not None and doc.policy_text is not None and "= 2" in doc.policy_text


def test_a_site_with_comments_or_verdicts_is_refused(tmp_path: Path, store: Store) -> None:
    ids = argument(store, site="example")
    code, output = sites(tmp_path, "delete", "example")
    assert code == 2, output
    assert f"site 'example' holds {len(ids)} comments" in output and "nothing was changed" in output
    assert store.site_names() == ["example"]
    store.moderate(ids[0], "approve", ADMIN)
    code, output = sites(tmp_path, "delete", "example")
    assert code == 2 and "1 moderator's verdict or action" in output
    assert store.audit_log(action="site.delete").items == []


def test_an_unknown_site_is_a_clear_error_and_reading_makes_no_site(
    tmp_path: Path, store: Store
) -> None:
    code, output = sites(tmp_path, "delete", "exmaple")
    assert code == 2, output
    assert "no site named 'exmaple'" in output
    # commands that only read leave no site behind
    assert store.site_doc("exmaple") is None and store.policy_history("exmaple") == []
    assert store.site_adaptations("exmaple") == []
    code, output = invoke_in(tmp_path, "adapt", "--site", "exmaple", "--list")
    assert code == 0, output
    assert store.site_names() == []
    assert sites(tmp_path, "list")[1].startswith("no sites yet")


def test_keys_and_users_still_bound_to_the_deleted_site_are_named(
    tmp_path: Path, store: Store
) -> None:
    store.set_site_policy("exmaple", "[authors]\npremoderate_first = 1\n", "toml", ADMIN)
    key = store.create_key("client", site="exmaple")
    code, output = sites(tmp_path, "delete", "exmaple")
    assert code == 0, output
    assert f"key tg_{key.split('_')[1]}_… still name" in output
