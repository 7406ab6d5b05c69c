"""`threadguard user add`: a dashboard account needs a password worth the name."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from threadguard.cli import app as cli
from threadguard.cli.service import MIN_PASSWORD_CHARS
from threadguard.storage import Store


def add(tmp_path: Path, password: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli,
        ["user", "add", "maria", "--role", "moderator", "--password", password],
        env={"THREADGUARD_DATA_DIR": str(tmp_path)},
    )
    return result.exit_code, result.output


def test_a_short_password_is_refused_with_exit_2(tmp_path: Path) -> None:
    assert MIN_PASSWORD_CHARS == 12
    for password in ("x", "", "elevenchars"):
        code, output = add(tmp_path, password)
        assert code == 2, output
        assert "at least 12 characters" in output
        assert f"(this one has {len(password)})" in output
    store = Store.open(None, tmp_path)
    try:
        assert store.verify_user("maria", "x") is None
    finally:
        store.close()


def test_a_password_of_twelve_characters_is_taken(tmp_path: Path) -> None:
    code, output = add(tmp_path, "twelve chars")
    assert code == 0, output
    store = Store.open(None, tmp_path)
    try:
        assert store.verify_user("maria", "twelve chars") == "moderator"
    finally:
        store.close()


def test_a_look_alike_or_unprintable_user_name_is_refused(tmp_path: Path) -> None:
    def named(name: str) -> tuple[int, str]:
        result = CliRunner().invoke(
            cli,
            ["user", "add", name, "--role", "moderator", "--password", "twelve chars"],
            env={"THREADGUARD_DATA_DIR": str(tmp_path)},
        )
        return result.exit_code, result.output

    assert named("alice")[0] == 0
    code, output = named("ALICE")
    assert code == 2 and "a user named 'alice' already exists" in output
    for bad, why in [
        ("ann\u200b", "invisible"),
        ("ev\x01il", "control"),
        ("x" * 101, "at most 100 characters"),
        (" bob", "no spaces before or after"),
    ]:
        code, output = named(bad)
        assert code == 2 and why in output, (bad, output)


def test_a_key_for_a_blank_site_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["keys", "create", "--role", "client", "--site", ""],
        env={"THREADGUARD_DATA_DIR": str(tmp_path)},
    )
    assert result.exit_code == 2
    assert "a key's site must be a site's name" in result.output
    made = CliRunner().invoke(
        cli, ["keys", "create", "--role", "admin"], env={"THREADGUARD_DATA_DIR": str(tmp_path)}
    )
    assert made.exit_code == 0 and "Created an admin key" in made.output


def test_the_password_can_come_from_stdin_not_the_command_line(tmp_path: Path) -> None:
    """A script could give the password only with --password, visible to all in ps."""
    env = {"THREADGUARD_DATA_DIR": str(tmp_path)}
    args = ["user", "add", "maria", "--role", "moderator", "--password-stdin"]
    result = CliRunner().invoke(cli, args, input="a long passphrase\nignored\n", env=env)
    assert result.exit_code == 0, result.output
    short = CliRunner().invoke(cli, [*args[:2], "bo", *args[3:]], input="short\r\n", env=env)
    assert short.exit_code == 2 and "(this one has 5)" in short.output
    both = CliRunner().invoke(cli, [*args, "--password", "twelve chars"], input="x\n", env=env)
    assert both.exit_code == 2 and "not both" in both.output
    store = Store.open(None, tmp_path)
    try:
        assert store.verify_user("maria", "a long passphrase") == "moderator"
        assert store.verify_user("bo", "short") is None
    finally:
        store.close()
