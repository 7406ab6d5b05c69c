"""`threadguard user password NAME --password-stdin`: a script sets a new password without
putting it on the command line, where every user of the machine reads it in ``ps`` (the
README offered ``--password-stdin`` for ``user add`` only)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from threadguard.cli import app as cli
from threadguard.storage import Store

OLD = "the first password"
NEW = "a new password, longer"


def run(tmp_path: Path, *args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["user", *args], input=stdin, env={"THREADGUARD_DATA_DIR": str(tmp_path)}
    )
    return result.exit_code, result.output


def role_of(tmp_path: Path, password: str) -> str | None:
    store = Store.open(None, tmp_path)
    try:
        return store.verify_user("maria", password)
    finally:
        store.close()


def test_a_new_password_is_read_from_standard_input(tmp_path: Path) -> None:
    code, output = run(tmp_path, "add", "maria", "--role", "moderator", "--password", OLD)
    assert code == 0, output
    code, output = run(tmp_path, "password", "maria", "--password-stdin", stdin=NEW + "\r\n")
    assert code == 0, output
    assert "new password for maria" in output
    assert role_of(tmp_path, NEW) == "moderator" and role_of(tmp_path, OLD) is None


def test_stdin_passwords_are_checked_as_user_adds_are(tmp_path: Path) -> None:
    assert run(tmp_path, "add", "maria", "--role", "moderator", "--password", OLD)[0] == 0
    code, output = run(tmp_path, "password", "maria", "--password-stdin", stdin="short\n")
    assert code == 2 and "at least 12 characters" in output and "(this one has 5)" in output
    code, output = run(
        tmp_path, "password", "maria", "--password", NEW, "--password-stdin", stdin=NEW
    )
    assert code == 2 and "not both" in output
    assert role_of(tmp_path, OLD) == "moderator"  # unchanged by either
    code, output = run(tmp_path, "password", "--help")
    assert "--password-stdin" in output
