"""Migrations: a fresh database, an old one brought forward, and models that match them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from service_support import DIALECTS, database
from sqlalchemy import inspect, text

from threadguard.engine import Engine
from threadguard.service.app import create_app
from threadguard.service.settings import ServiceSettings
from threadguard.storage import Store, db, resolve_url
from threadguard.storage.models import Base


@pytest.fixture(params=DIALECTS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database(request.param, tmp_path) as made:
        yield made


def test_redact_hides_a_password_given_in_the_query_string() -> None:
    # A code review: a database that cannot be written now was named in the error line
    # as postgresql+psycopg://app@db.example/tg?password=s3cret
    url = "postgresql+psycopg://app@db.example/tg?password=s3cret&sslmode=require"
    assert db.redact(url) == "postgresql+psycopg://app@db.example/tg?password=***&sslmode=require"
    for key in ("PASSWORD", "passwd", "Pwd", "sslpassword"):
        shown = db.redact(f"postgresql+psycopg://u:one@h/d?{key}=two&{key}=three")
        assert "one" not in shown and "two" not in shown and "three" not in shown, shown
        assert f"{key}=***" in shown


def test_urls_are_resolved_for_the_shipped_drivers(tmp_path: Path) -> None:
    assert resolve_url("postgresql://u@h/d", None) == "postgresql+psycopg://u@h/d"
    assert resolve_url("postgres://u@h/d", None) == "postgresql+psycopg://u@h/d"
    assert resolve_url(None, tmp_path) == f"sqlite:///{tmp_path.resolve() / 'threadguard.db'}"
    with pytest.raises(db.DatabaseError, match="unsupported database 'mysql'"):
        resolve_url("mysql://u@h/d", None)
    assert "secret" not in db.redact("postgresql+psycopg://u:secret@h/d")
    # a typo in a pasted URL, or a database that forgets everything, is refused by name
    with pytest.raises(db.DatabaseError, match="cannot parse database URL: invalid literal"):
        resolve_url("postgresql://u@[::1:5432/db", None)
    for memory in ("sqlite://", "sqlite:///:memory:"):
        with pytest.raises(db.DatabaseError, match="in-memory SQLite database keeps nothing"):
            resolve_url(memory, None)


def test_a_plain_file_path_is_a_sqlite_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README: ``--database`` takes a SQLite file or a PostgreSQL URL. A path was refused
    ("cannot parse database URL: Could not parse SQLAlchemy URL from given URL string");
    it is the file, made absolute (workers and the upload job process get the URL), and a
    name SQLAlchemy would read as a URL's query or fragment is kept as part of it."""
    file = tmp_path / "direct2.db"
    assert resolve_url(str(file), None) == f"sqlite:///{file}"
    monkeypatch.chdir(tmp_path)
    assert resolve_url("relative.db", None) == f"sqlite:///{tmp_path.resolve() / 'relative.db'}"
    odd = tmp_path / "what?mode=ro#x.db"
    made = Store.open(str(odd))
    made.close()
    assert odd.is_file() and not (tmp_path / "what").exists()
    # what a path must not be: in memory, in a missing folder, or a folder
    with pytest.raises(db.DatabaseError, match="in-memory SQLite database keeps nothing"):
        resolve_url(":memory:", None)
    with pytest.raises(db.DatabaseError, match=r"typo/direct2\.db does not exist"):
        resolve_url(str(tmp_path / "typo" / "direct2.db"), None)
    with pytest.raises(db.DatabaseError, match="is a folder: name the database file in it"):
        resolve_url(str(tmp_path), None)
    # URLs are read as before
    assert resolve_url(f"sqlite:///{file}", None) == f"sqlite:///{file}"
    assert resolve_url("postgres://u@h/d", None) == "postgresql+psycopg://u@h/d"


def test_a_sqlite_url_into_a_missing_folder_is_refused_not_made(tmp_path: Path) -> None:
    """A typo in the path would give a fresh, empty database (no keys, no users); the data
    directory, ThreadGuard's own, is still made when missing."""
    missing = tmp_path / "typo" / "threadguard.db"
    with pytest.raises(db.DatabaseError, match=r"typo/threadguard\.db does not exist"):
        Store.open(f"sqlite:///{missing}")
    assert not missing.parent.exists()
    Store.open(None, tmp_path / "new-data-dir").close()
    assert (tmp_path / "new-data-dir" / "threadguard.db").is_file()


def test_a_data_dir_that_is_a_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    with pytest.raises(db.DatabaseError, match=r"afile is a file, not a folder"):
        Store.open(None, tmp_path / "afile")


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    store = Store.open(None, tmp_path)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()
    assert (tmp_path / "threadguard.db").is_file()


def test_a_fresh_database_reaches_the_newest_revision(url: str) -> None:
    store = Store.open(url)
    assert db.current_revision(store.engine) == db.head_revision()
    assert set(inspect(store.engine).get_table_names()) >= {
        "sites",
        "articles",
        "authors",
        "comments",
        "analyses",
        "decisions",
        "queue_items",
        "moderator_actions",
        "audit_log",
        "api_keys",
        "users",
    }
    Store.open(url).close()  # opening again is a no-op
    store.close()


def test_a_database_a_newer_threadguard_wrote_is_named_so_and_left_alone(url: str) -> None:
    store = Store.open(url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    with pytest.raises(db.DatabaseError, match=r"'0099_future'.*a newer ThreadGuard wrote it"):
        db.upgrade(store.engine)
    assert db.current_revision(store.engine) == "0099_future"
    store.close()


def test_the_models_match_the_migrations(url: str) -> None:
    store = Store.open(url)
    with store.engine.connect() as conn:
        diffs = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    if store.dialect == "sqlite":
        # SQLAlchemy cannot read ON DELETE of a column added by ALTER TABLE on SQLite, so
        # it reports that foreign key as changed; check it with SQLite's own pragma.
        with store.engine.connect() as conn:
            fks = conn.exec_driver_sql("PRAGMA foreign_key_list(comments)").all()
        assert ("authors", "author_id", "SET NULL") in {(r[2], r[3], r[6]) for r in fks}
        diffs = [d for d in diffs if d[0] not in ("add_fk", "remove_fk")]
    store.close()
    assert diffs == []


def test_an_old_database_is_migrated_on_start_with_its_data(url: str, engine: Engine) -> None:
    old = db.connect(resolve_url(url, None))
    db.upgrade(old, "0001")
    assert db.current_revision(old) == "0001"
    with old.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sites (id, name, policy_version, created_at) "
                "VALUES (1, 'news', 0, CURRENT_TIMESTAMP)"
            )
        )
        for n, status in enumerate(("approved", "rejected", "rejected")):
            conn.execute(
                text(
                    "INSERT INTO comments (id, site_id, article_key, external_id, author, text, "
                    "source, depth, position, received_at, status, status_source, status_at, "
                    "version) VALUES (:id, 1, '', :ext, 'ann', 'hi', 'native', 0, 0, "
                    "CURRENT_TIMESTAMP, :status, 'policy', CURRENT_TIMESTAMP, 1)"
                ),
                {"id": f"cm_{n}", "ext": f"c{n}", "status": status},
            )
    old.dispose()
    app = create_app(ServiceSettings(database_url=url), engine=engine)  # starting migrates
    store: Store = app.state.service.store
    assert db.current_revision(store.engine) == db.head_revision()
    ann = store.authors("news", ["ann"])["ann"]
    assert (ann.comment_count, ann.rejected_count, ann.recent_rejections) == (3, 2, 2)
    assert store.comment("cm_1").author == "ann"
    store.close()


def test_only_db_upgrade_changes_an_older_schema_from_the_command_line(tmp_path: Path) -> None:
    """`keys list` run by a newer ThreadGuard used to migrate the database silently (under
    servers of the older version); now it says to run `db upgrade`, which does."""
    from typer.testing import CliRunner

    from threadguard.cli import app as cli

    data = tmp_path / "data"
    data.mkdir()
    engine = db.connect(resolve_url(None, data))
    db.upgrade(engine, "0004")
    runner, where = CliRunner(), ["--data-dir", str(data)]
    listed = runner.invoke(cli, ["keys", "list", *where])
    assert listed.exit_code == 2 and "run `threadguard db upgrade` first" in listed.output
    assert db.current_revision(engine) == "0004"
    assert runner.invoke(cli, ["db", "upgrade", *where]).exit_code == 0
    assert db.current_revision(engine) == db.head_revision()
    assert runner.invoke(cli, ["keys", "list", *where]).exit_code == 0
    fresh = ["--data-dir", str(tmp_path / "new")]  # a new database is made whole
    assert runner.invoke(cli, ["user", "list", *fresh]).exit_code == 0
    engine.dispose()


def test_db_upgrade_warns_of_servers_still_connected_to_postgresql() -> None:
    """`db upgrade` migrated a PostgreSQL database under a connected server of the older
    version, silently; it now names the other connections (and goes on: exit 0)."""
    import secrets

    from service_support import POSTGRES, require_postgres
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from typer.testing import CliRunner

    from threadguard.cli import app as cli

    require_postgres()
    name = f"tg_upgrade_{secrets.token_hex(6)}"
    admin = create_engine(resolve_url(POSTGRES, None), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(resolve_url(POSTGRES, None)).set(database=name)
    plain = url.render_as_string(hide_password=False)
    old_server = create_engine(plain, connect_args={"application_name": "threadguard"})
    try:
        engine = db.connect(plain)
        db.upgrade(engine, "0004")
        with engine.connect() as conn:  # ThreadGuard's connections say who they are
            assert conn.exec_driver_sql("SHOW application_name").scalar() == "threadguard"
        engine.dispose()
        runner, where = CliRunner(), ["--database", plain]
        with old_server.connect():  # an older server, still running
            upgraded = runner.invoke(cli, ["db", "upgrade", *where])
            assert upgraded.exit_code == 0, upgraded.output
            warning = " ".join(upgraded.stderr.split())
            assert "1 other connection(s) to this database are open (threadguard: 1)" in warning
            assert "should be stopped" in warning
            engine = db.connect(plain)
            assert db.current_revision(engine) == db.head_revision()
            engine.dispose()
            again = runner.invoke(cli, ["db", "upgrade", *where])  # nothing to migrate
            assert again.exit_code == 0 and "other connection" not in again.stderr
    finally:
        old_server.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
