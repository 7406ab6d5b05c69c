"""``threadguard db rescore`` run under another server policy than the one that decided the
stored comments: a site's server ran ``serve --policy my_site.toml`` (toxicity held from
0.45) and its operator ran ``db rescore --site news --all`` as the README shows, without
the server's ``--policy``. The run decided every stored comment again under the built-in
policy (0.40), silently. Each stored policy decision now names the server policy it was
made under, and the rescore stops before writing (exit 2, naming how many comments were
decided under which policy) unless ``--policy-change`` is given; with the server's
``--policy`` it says nothing; a dry run only warns; a terminal is asked; decisions
stored before the policy was kept are named, never counted as another policy's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_support import rescores_audited, run_cli
from sqlalchemy import select, update
from typer.testing import CliRunner

from threadguard.engine import Engine
from threadguard.moderation import load_policy, policy_text
from threadguard.moderation.fingerprint import stamp_of
from threadguard.readers import read_thread
from threadguard.service.context import ServiceState
from threadguard.service.moderation import article_for
from threadguard.service.settings import ServiceSettings
from threadguard.service.uploads import Upload, ingest
from threadguard.storage import Store
from threadguard.storage.models import DecisionRow
from threadguard.storage.records import SERVER_POLICY, Actor

THREAD = {
    "thread": {"id": "ferry", "title": "Ferry timetable"},
    "comments": [
        {"id": "a", "author": "ann", "text": "The island ferry is late again this morning."},
        {"id": "b", "author": "bo", "text": "You are a worthless idiot and a disgrace."},
    ],
}


def _site_policy(folder: Path) -> Path:
    """The built-in policy with toxicity held from 0.45: the site's ``my_site.toml``."""
    text = policy_text(load_policy(None))
    assert text is not None
    held = text.replace("toxicity          = { hold = 0.40", "toxicity = { hold = 0.45", 1)
    assert held != text, "the built-in policy's toxicity line moved"
    path = folder / "my_site.toml"
    path.write_text(held, encoding="utf-8")
    return path


def _served_under(folder: Path, engine: Engine, policy: Path | None) -> str:
    """A SQLite store where a server running ``--policy policy`` stored the thread on
    site "news"."""
    url = f"sqlite:///{folder / 'tg.db'}"
    store = Store.open(url)
    try:
        state = ServiceState(engine, store, ServiceSettings(), load_policy(policy))
        read = read_thread(json.dumps(THREAD).encode(), format="json")
        ingest(
            state,
            Upload("news", read, "json", article_for(read.thread, None), Actor("k", "client")),
        )
    finally:
        store.close()
    return url


def _rescores(url: str) -> int:
    return rescores_audited(url)


def _stamps(url: str) -> list[Any]:
    """The server policy each stored policy decision keeps, oldest first."""
    store = Store.open(url, migrate=False)
    try:
        with store.sessions.read() as s:
            rows = s.scalars(
                select(DecisionRow).where(DecisionRow.source == "policy").order_by(DecisionRow.id)
            ).all()
            return [(r.details or {}).get(SERVER_POLICY) for r in rows]
    finally:
        store.close()


def _rescore(url: str, *args: str) -> Any:
    # stdin a pipe, not the terminal pytest may run in: a script's run
    return run_cli("db", "rescore", "--database", url, "--site", "news", "--all", *args, stdin="")


def test_every_stored_policy_decision_names_the_server_policy_it_was_made_under(
    tmp_path: Path, engine: Engine
) -> None:
    path = _site_policy(tmp_path)
    url = _served_under(tmp_path, engine, path)
    stamp = stamp_of(load_policy(path))
    assert stamp.source == str(path)
    assert _stamps(url) == [stamp.to_json(), stamp.to_json()]
    assert stamp.sha256 != stamp_of(load_policy(None)).sha256


def test_a_rescore_under_another_policy_than_the_servers_is_refused_and_names_it(
    tmp_path: Path, engine: Engine
) -> None:
    path = _site_policy(tmp_path)
    url = _served_under(tmp_path, engine, path)
    sha = stamp_of(load_policy(path)).sha256
    result = _rescore(url)
    assert result.returncode == 2, result.stderr
    text = " ".join(result.stderr.split())
    assert f"2 comments were decided under the server policy {path} (sha {sha})" in text
    assert "this rescore uses the built-in policy" in text
    assert f"pass --policy {path} to decide them as the server does" in text
    assert "--policy-change" in text and "nothing written" in text
    assert "Traceback" not in result.stderr
    assert _rescores(url) == 0
    assert result.stdout == ""  # stopped before the summary


def test_a_rescore_given_the_servers_policy_says_nothing_of_policies(
    tmp_path: Path, engine: Engine
) -> None:
    path = _site_policy(tmp_path)
    url = _served_under(tmp_path, engine, path)
    result = _rescore(url, "--policy", str(path))
    assert result.returncode == 0, result.stderr
    assert "decided under" not in result.stderr and "fingerprint" not in result.stderr
    assert _rescores(url) == 2


def test_a_copy_of_the_servers_policy_elsewhere_is_the_same_policy(
    tmp_path: Path, engine: Engine
) -> None:
    """Told by the document's hash, not its path: the operator's copy in another folder,
    with a comment added, decides as the server does."""
    path = _site_policy(tmp_path)
    url = _served_under(tmp_path, engine, path)
    (tmp_path / "elsewhere").mkdir()
    copy = tmp_path / "elsewhere" / "site.toml"
    copy.write_text("# the news site's policy\n" + path.read_text("utf-8"), encoding="utf-8")
    result = _rescore(url, "--policy", str(copy))
    assert result.returncode == 0, result.stderr
    assert "decided under" not in result.stderr
    assert _rescores(url) == 2


def test_policy_change_goes_on_and_the_new_decisions_name_the_rescores_policy(
    tmp_path: Path, engine: Engine
) -> None:
    path = _site_policy(tmp_path)
    url = _served_under(tmp_path, engine, path)
    result = _rescore(url, "--policy-change")
    assert result.returncode == 0, result.stderr
    assert "2 comments were decided under the server policy" in " ".join(result.stderr.split())
    assert _rescores(url) == 2
    built_in = stamp_of(load_policy(None)).to_json()
    assert _stamps(url)[-2:] == [built_in, built_in]
    # the server's own policy now differs from the stored decisions: named the other way
    back = _rescore(url, "--policy", str(path))
    assert back.returncode == 2
    text = " ".join(back.stderr.split())
    assert "2 comments were decided under the built-in policy" in text
    assert "leave out --policy to decide them as the server does" in text


def test_a_dry_run_only_warns(tmp_path: Path, engine: Engine) -> None:
    path = _site_policy(tmp_path)
    url = _served_under(tmp_path, engine, path)
    result = _rescore(url, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "2 comments were decided under the server policy" in " ".join(result.stderr.split())
    assert "dry run" in result.stdout
    assert _rescores(url) == 0


def test_decisions_stored_before_the_policy_was_kept_are_named_not_refused(
    tmp_path: Path, engine: Engine
) -> None:
    path = _site_policy(tmp_path)
    url = _served_under(tmp_path, engine, path)
    _stamp_all(url, None)
    result = _rescore(url)
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stderr.split())
    assert "2 comments decided before fingerprints were kept" in text
    assert "warning" not in text
    assert _rescores(url) == 2


def test_an_edited_policy_file_is_named_as_another_version_of_it(
    tmp_path: Path, engine: Engine
) -> None:
    """The operator edited my_site.toml after the server read it: the rescore reads the
    new version, and says that the server may still run the old one."""
    path = _site_policy(tmp_path)
    url = _served_under(tmp_path, engine, path)
    old = stamp_of(load_policy(path)).sha256
    path.write_text(path.read_text("utf-8").replace("hold = 0.45", "hold = 0.5", 1), "utf-8")
    result = _rescore(url, "--policy", str(path))
    assert result.returncode == 2
    text = " ".join(result.stderr.split())
    assert f"decided under another version of the server policy {path} (sha {old})" in text
    assert "a server not restarted since still decides new comments" in text
    assert _rescores(url) == 0


@pytest.mark.parametrize(("answer", "code", "written"), [("y\n", 0, 2), ("n\n", 2, 0)])
def test_a_terminal_is_asked(
    tmp_path: Path,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    code: int,
    written: int,
) -> None:
    from threadguard.cli import app
    from threadguard.cli import rescore as command

    path = _site_policy(tmp_path)
    url = _served_under(tmp_path, engine, path)
    monkeypatch.setattr(command, "_attached", lambda: True)
    result = CliRunner().invoke(
        app,
        ["db", "rescore", "--database", url, "--site", "news", "--all"],
        input=answer,
        env={"THREADGUARD_DATA_DIR": str(tmp_path)},
    )
    assert result.exit_code == code, result.output
    assert "Decide them again under this rescore's policy?" in result.output
    assert _rescores(url) == written


def _stamp_all(url: str, stamp: dict[str, str] | None) -> None:
    """Every stored policy decision as if made under ``stamp`` (None: before stamps were
    kept)."""
    store = Store.open(url, migrate=False)
    try:
        with store.engine.begin() as conn:
            details = None if stamp is None else {SERVER_POLICY: stamp}
            conn.execute(update(DecisionRow).values(details=details))
    finally:
        store.close()


def test_an_upgrades_built_in_policy_is_no_drift_but_a_note(tmp_path: Path, engine: Engine) -> None:
    """A review (session 55): after an upgrade that changed the built-in policy, the
    documented rescore of a server run without --policy stopped with exit 2."""
    url = _served_under(tmp_path, engine, None)
    _stamp_all(url, {"source": "built-in", "sha256": "0123456789ab"})
    result = _rescore(url)
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stderr.split())
    assert "2 comments decided under another version of the built-in policy" in text
    assert "warning" not in text and "nothing written" not in text
    assert _rescores(url) == 2


def test_the_servers_policy_is_named_by_its_absolute_path(
    tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review: a path given to serve relative to where it ran failed as a hint anywhere
    else."""
    path = _site_policy(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert stamp_of(load_policy(Path("my_site.toml"))).source == str(path.resolve())


def test_a_run_given_a_policy_is_told_only_of_policy_change(tmp_path: Path, engine: Engine) -> None:
    path = _site_policy(tmp_path)
    url = _served_under(tmp_path, engine, None)
    result = _rescore(url, "--policy", str(path))
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]
    assert "--policy-change" in last and "give the server's --policy" not in last


def test_a_note_on_old_decisions_names_the_policy_this_run_uses(
    tmp_path: Path, engine: Engine
) -> None:
    url = _served_under(tmp_path, engine, _site_policy(tmp_path))
    _stamp_all(url, None)
    text = " ".join(_rescore(url).stderr.split())
    assert "this rescore uses the built-in policy" in text
    assert "give the server's --policy if it ran another" in text


@pytest.mark.parametrize("interrupt", ["\x03", "\x04"])
def test_ctrl_c_or_ctrl_d_at_the_question_writes_nothing_and_says_so(
    tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch, interrupt: str
) -> None:
    import click

    from threadguard.cli import app
    from threadguard.cli import rescore as command

    path = _site_policy(tmp_path)
    url = _served_under(tmp_path, engine, path)
    monkeypatch.setattr(command, "_attached", lambda: True)

    def stopped(*_args: object, **_kwargs: object) -> bool:
        raise click.exceptions.Abort() if interrupt == "\x03" else EOFError()

    monkeypatch.setattr(command.typer, "confirm", stopped)
    result = CliRunner().invoke(
        app,
        ["db", "rescore", "--database", url, "--site", "news", "--all"],
        env={"THREADGUARD_DATA_DIR": str(tmp_path)},
    )
    assert result.exit_code == 130, result.output
    assert "interrupted: nothing written" in result.output
    assert _rescores(url) == 0
