"""A password read from standard input drops a byte-order mark (a file Notepad saved, given
as `< pw.txt`, or PowerShell's pipe): it was kept as the password's invisible first
character, and the account could not be signed in to with the password its admin typed."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from threadguard.cli import app as cli
from threadguard.storage import Store

PASSWORD = "correct horse battery"


def test_a_byte_order_mark_is_no_part_of_a_stdin_password(tmp_path: Path) -> None:
    added = CliRunner().invoke(
        cli,
        ["user", "add", "maria", "--role", "moderator", "--password-stdin"],
        input="\ufeff" + PASSWORD + "\r\n",
        env={"THREADGUARD_DATA_DIR": str(tmp_path)},
    )
    assert added.exit_code == 0, added.output
    store = Store.open(None, tmp_path)
    try:
        assert store.verify_user("maria", PASSWORD) == "moderator"
    finally:
        store.close()
