"""Helpers for the storage and service tests: databases to test against, apps, keys.

Storage tests run against SQLite and against the real PostgreSQL server of this machine
(``THREADGUARD_TEST_POSTGRES``, default ``postgresql://postgres@127.0.0.1:5432/test``).
A test module gets its own PostgreSQL schema, migrated once and dropped at the end; each
test starts from empty tables (truncated), and each SQLite test from a copy of a migrated
file, so migrations run once per module rather than once per test. Without a server the
PostgreSQL cases are skipped with the reason, unless ``THREADGUARD_REQUIRE_POSTGRES=1``
(CI), where they fail instead.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from threadguard.engine import Engine
from threadguard.service.settings import ServiceSettings
from threadguard.site import create_site
from threadguard.storage import Store, db
from threadguard.storage.db import resolve_url
from threadguard.storage.models import Base

POSTGRES = os.environ.get("THREADGUARD_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
DIALECTS = ("sqlite", "postgresql")


@cache
def postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used for tests, or None when it can."""
    try:
        engine = create_engine(resolve_url(POSTGRES, None), connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:
        return f"PostgreSQL at {POSTGRES} is unreachable ({type(exc).__name__})"
    return None


def require_postgres() -> None:
    """Skip (or, with THREADGUARD_REQUIRE_POSTGRES=1, fail) when PostgreSQL is unusable."""
    problem = postgres_problem()
    if problem is None:
        return
    if os.environ.get("THREADGUARD_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"{problem}, and THREADGUARD_REQUIRE_POSTGRES=1")
    pytest.skip(f"{problem}; set THREADGUARD_TEST_POSTGRES to test against another server")


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL whose connections live in a fresh schema, dropped when the block ends."""
    require_postgres()
    schema = f"tg_test_{secrets.token_hex(6)}"
    admin = create_engine(resolve_url(POSTGRES, None))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in POSTGRES else "?"
    try:
        yield f"{POSTGRES}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


class Databases:
    """Fresh, migrated, empty databases of either dialect, made cheaply (see module docs)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._template: Path | None = None
        self._postgres: contextlib.ExitStack | None = None
        self._postgres_url: str | None = None

    def _sqlite_template(self) -> Path:
        if self._template is None:
            path = self.folder / "template.db"
            engine = db.connect(f"sqlite:///{path}")
            db.upgrade(engine)
            engine.dispose()
            self._template = path
        return self._template

    def _postgres_schema(self) -> str:
        if self._postgres_url is None:
            stack = contextlib.ExitStack()
            url = stack.enter_context(postgres_schema())
            engine = db.connect(resolve_url(url, None))
            db.upgrade(engine)
            engine.dispose()
            self._postgres, self._postgres_url = stack, url
        return self._postgres_url

    @contextmanager
    def fresh(self, kind: str, folder: Path) -> Iterator[str]:
        """A URL of an empty database at the newest schema revision."""
        if kind == "sqlite":
            path = folder / f"tg-{secrets.token_hex(4)}.db"
            shutil.copyfile(self._sqlite_template(), path)
            yield f"sqlite:///{path}"
            return
        require_postgres()
        url = self._postgres_schema()
        engine = db.connect(resolve_url(url, None))
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        engine.dispose()
        yield url

    def close(self) -> None:
        """Drop the PostgreSQL schema."""
        if self._postgres is not None:
            self._postgres.close()


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    """A fresh, empty, unmigrated database of ``kind`` (sqlite or postgresql), as a URL."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'test.db'}"
    else:
        with postgres_schema() as url:
            yield url


class Service:
    """A running app (in-process) with one key of each role."""

    def __init__(self, engine: Engine, url: str, **settings: Any) -> None:
        # A loaded CI machine can take longer than Coral's 0.5 s: only the deadline test
        # (which sets its own) should ever see the 204 fallback.
        settings.setdefault("coral_deadline_s", 10.0)
        self.app = create_site(
            ServiceSettings(database_url=url, **settings),
            engine=engine,
            key_cache_seconds=0.0,
            policy_ttl=0.0,
        )
        self.store: Store = self.app.state.service.store
        self.client = TestClient(self.app, raise_server_exceptions=False)
        self.admin = self.store.create_key("admin", name="root")
        self.moderator = self.store.create_key("moderator", name="mia")
        self.client_key = self.store.create_key("client", name="site-backend")

    @staticmethod
    def auth(key: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {key}"}

    def post_thread(
        self,
        body: bytes | str,
        content_type: str = "text/plain",
        key: str | None = None,
        **query: str,
    ) -> Any:
        data = body.encode() if isinstance(body, str) else body
        return self.client.post(
            "/api/v1/threads",
            content=data,
            params=query,
            headers={**self.auth(key or self.client_key), "Content-Type": content_type},
        )

    def act(self, comment_id: str, action: str, key: str | None = None, **extra: str) -> Any:
        return self.client.post(
            f"/api/v1/comments/{comment_id}/actions",
            json={"action": action, **extra},
            headers=self.auth(key or self.moderator),
        )

    def close(self) -> None:
        self.client.close()
        self.app.state.uploads.close()
        self.store.close()


def wait_until_serving(
    process: subprocess.Popen[Any], base: str, log: Path, seconds: float = 60.0
) -> None:
    """Poll ``base``/healthz until it answers 200; fail, showing the server's log, if the
    process exits or ``seconds`` pass first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, f"server did not start in {seconds:.0f} s"
        time.sleep(0.1)


#: The command line, run as a new user would (this interpreter, the package's entry point).
THREADGUARD = (sys.executable, "-m", "threadguard")


@contextmanager
def served(
    url: str, folder: Path, log: Path, env: dict[str, str] | None = None
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """``threadguard serve`` (fast tier) on a free port with the store at ``url``, ready;
    ``env``: settings over the environment's; killed (if still alive) on exit."""
    port = free_port()
    command = [*THREADGUARD, "serve", "--port", str(port), "--tier", "fast"]
    command += ["--data-dir", str(folder), "--database", url]
    with log.open("ab") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, base, log)
        yield process, base
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def cli_key(data_dir: Path, role: str, *options: str) -> str:
    """A new API key made with ``threadguard keys create`` in ``data_dir`` (its last line)."""
    made = subprocess.run(
        [*THREADGUARD, "keys", "create", "--role", role, *options, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    return made.stdout.strip().splitlines()[-1]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 just now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def worker_of(server_pid: int, port: int, client_port: int) -> int | None:
    """The process under ``server_pid`` holding the server side of the loopback
    connection from ``client_port`` to ``port`` (read from /proc)."""
    inode = None
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, remote = (int(a.rsplit(":", 1)[1], 16) for a in fields[1:3])
            if (local, remote) == (port, client_port):
                inode = fields[9]
    children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    for pid in children:
        try:
            links = {os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()}
        except OSError:
            continue
        if f"socket:[{inode}]" in links:
            return int(pid)
    return None
