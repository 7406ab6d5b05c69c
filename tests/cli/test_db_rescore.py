"""``threadguard db rescore`` as an operator runs it after a model upgrade: the summary (a
dry run's the same, nothing written), a second run with nothing left, a misspelt site
refused with exit 2, and the help saying that moderators' verdicts stand.

What rescoring does to each comment is tested on the store
(``tests/storage/test_storage_rescore.py``); here the command line around it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_support import invoke_in, rescores_audited, run_cli
from sqlalchemy import select, update

from threadguard.engine import Engine
from threadguard.moderation import load_policy
from threadguard.readers import read_thread
from threadguard.service.context import ServiceState
from threadguard.service.moderation import article_for
from threadguard.service.settings import ServiceSettings
from threadguard.service.uploads import Upload, ingest
from threadguard.storage import Store
from threadguard.storage.models import AnalysisRow, Site
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.records import Actor

THREAD = {
    "thread": {"id": "ferry", "title": "Ferry timetable"},
    "comments": [
        {"id": "a", "author": "ann", "text": "The island ferry is late again this morning."},
        {"id": "b", "author": "bo", "text": "You are a worthless idiot and a disgrace."},
    ],
}


def _old_store(path: Path, engine: Engine) -> str:
    """A SQLite store with the thread uploaded on site "news", then marked as scored by
    an older model version."""
    url = f"sqlite:///{path}"
    store = Store.open(url)
    try:
        state = ServiceState(engine, store, ServiceSettings(), load_policy(None))
        read = read_thread(json.dumps(THREAD).encode(), format="json")
        ingest(
            state,
            Upload("news", read, "json", article_for(read.thread, None), Actor("k", "client")),
        )
        with store.engine.begin() as conn:
            conn.execute(update(AnalysisRow).values(model="threadguard-0.0.9+threadguard-fast@1"))
    finally:
        store.close()
    return url


def _audits(url: str) -> int:
    return rescores_audited(url)


def _row(output: str, site: str) -> list[str]:
    """The summary table's cells on ``site``'s row."""
    for line in output.splitlines():
        cells = [c.strip() for c in re.split(r"[│|]", line) if c.strip()]
        if cells and cells[0] == site:
            return cells
    raise AssertionError(f"no row for {site} in:\n{output}")


def test_rescore_prints_a_summary_a_dry_run_writes_nothing_and_a_rerun_finds_nothing(
    tmp_path: Path, engine: Engine
) -> None:
    url = _old_store(tmp_path / "tg.db", engine)
    dry = run_cli("db", "rescore", "--database", url, "--dry-run", "--tier", "cascade")
    assert dry.returncode == 0, dry.stderr
    assert "dry run" in dry.stdout
    # site, stored, read, rescored, decisions changed, moderator kept
    assert _row(dry.stdout, "news") == ["news", "2", "2", "2", "0", "0"]
    assert _audits(url) == 0
    done = run_cli("db", "rescore", "--database", url, "--site", "news")
    assert done.returncode == 0, done.stderr
    assert _row(done.stdout, "news") == ["news", "2", "2", "2", "0", "0"]
    assert "no decision changed" in done.stdout
    assert _audits(url) == 2
    again = run_cli("db", "rescore", "--database", url)
    assert again.returncode == 0, again.stderr
    assert _row(again.stdout, "news") == ["news", "2", "0", "0", "0", "0"]
    assert _audits(url) == 2


def test_an_unknown_site_is_refused_with_exit_2(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tg.db'}"
    Store.open(url).close()
    result = run_cli("db", "rescore", "--database", url, "--site", "newz")
    assert result.returncode == 2
    assert "no such site" in result.stderr and "newz" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_help_says_a_moderators_verdict_stands() -> None:
    result = run_cli("db", "rescore", "--help", env={"COLUMNS": "200"})
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "never overturned" in text
    assert "keeps its verdict and its status; only its stored scores are updated" in text


def _two_site_store(path: Path, engine: Engine) -> str:
    """The thread uploaded on sites "news" and "sport" (scored now: for `--all`)."""
    url = f"sqlite:///{path}"
    store = Store.open(url)
    try:
        state = ServiceState(engine, store, ServiceSettings(), load_policy(None))
        for site in ("news", "sport"):
            read = read_thread(json.dumps(THREAD).encode(), format="json")
            ingest(
                state,
                Upload(site, read, "json", article_for(read.thread, None), Actor("k", "client")),
            )
    finally:
        store.close()
    return url


def test_an_interrupted_rescore_of_everything_says_where_to_go_on_and_goes_on_there(
    tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--all`` after a policy change cannot tell what it already wrote: interrupted
    (Ctrl-C) on its second page, it prints the command that goes on after the last page
    written, and that command rescores only the rest, this site's and the sites after it."""
    from threadguard.service import rescore

    url = _two_site_store(tmp_path / "tg.db", engine)
    real = rescore.rescore_page
    pages: list[int] = []

    def interrupted_on_the_second(*args: object, **kwargs: object) -> object:
        pages.append(1)
        if len(pages) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rescore, "rescore_page", interrupted_on_the_second)
    code, output = invoke_in(tmp_path, "db", "rescore", "--database", url, "--all", "--batch", "1")
    assert code == 130, output
    assert _audits(url) == 1
    # the partial summary has the interrupted site's row: its first page was written
    assert _row(output, "news")[:4] == ["news", "2", "1", "1"]
    found = re.search(r"threadguard db rescore --all --from news --after (\S+)", output)
    assert found, output
    monkeypatch.setattr(rescore, "rescore_page", real)
    code, output = invoke_in(
        tmp_path, "db", "rescore", "--database", url, "--all", "--from", "news",
        "--after", found.group(1),
    )  # fmt: skip
    assert code == 0, output
    # the rest of news (one comment) and every comment of sport, nothing twice
    assert _row(output, "news")[:4] == ["news", "2", "1", "1"]
    assert _row(output, "sport")[:4] == ["sport", "2", "2", "2"]
    assert _audits(url) == 4


def test_after_needs_the_site_it_counts_in(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tg.db'}"
    Store.open(url).close()
    result = run_cli("db", "rescore", "--database", url, "--all", "--after", "x")
    assert result.returncode == 2
    assert "--after needs one of --site or --from" in result.stderr
    assert "Traceback" not in result.stderr


def test_site_and_from_together_are_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tg.db'}"
    Store.open(url).close()
    result = run_cli("db", "rescore", "--database", url, "--site", "a", "--from", "b")
    assert result.returncode == 2
    assert "--site and --from" in result.stderr


def _store_ids(url: str) -> dict[str, list[str]]:
    """Each site's comments' store ids, in store-id order."""
    store = Store.open(url, migrate=False)
    try:
        with store.sessions.read() as s:
            rows = s.execute(
                select(Site.name, CommentModel.id)
                .join(CommentModel, CommentModel.site_id == Site.id)
                .order_by(CommentModel.id)
            ).all()
    finally:
        store.close()
    ids: dict[str, list[str]] = {}
    for site, cid in rows:
        ids.setdefault(site, []).append(cid)
    return ids


def test_an_after_past_every_comment_of_the_site_is_warned_of(
    tmp_path: Path, engine: Engine
) -> None:
    url = _old_store(tmp_path / "tg.db", engine)
    last = _store_ids(url)["news"][-1]
    code, output = invoke_in(
        tmp_path, "db", "rescore", "--database", url, "--all", "--site", "news", "--after", last
    )
    assert code == 0, output
    assert f"--after {last}: no comment of site news comes after it" in output
    assert _audits(url) == 0


def test_an_after_that_is_no_comment_of_the_first_site_is_refused_naming_it(
    tmp_path: Path, engine: Engine
) -> None:
    """Store ids compare as text: a mistyped --after ordering before every id rescored the
    whole site again (and one after every id, none of it) with exit 0; one of another
    site, the comments of this one above it. Each is refused, named, before any is read."""
    url = _two_site_store(tmp_path / "tg.db", engine)
    sport = _store_ids(url)["sport"][0]
    cases = [
        ("cm_0", "--site", "no comment has that store id"),
        ("zzzz", "--from", "no comment has that store id"),
        (sport, "--site", "it is a comment of sport"),
    ]
    for after, option, why in cases:
        code, output = invoke_in(
            tmp_path, "db", "rescore", "--database", url, "--all", option, "news",
            "--after", after,
        )  # fmt: skip
        assert code == 2, output
        assert f"--after {after}: not a comment of site news ({why})" in " ".join(output.split())
        assert "Traceback" not in output
    assert _audits(url) == 0
