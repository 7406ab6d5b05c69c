"""Running the service under uvicorn: one process, or several workers.

Every process builds its app from the one :class:`ServiceSettings` the command line made.
With one worker the app is built here and handed to uvicorn. With several, uvicorn's own
``run`` would only start workers from an import string, which carries no settings; so the
supervisor is run here, with an app factory that holds the settings
(``functools.partial(worker_app, settings)``), and spawning pickles it, settings and all,
to each worker, which builds its own app (and loads its own copy of the model); the
settings carry the worker count, so each worker enforces its share of a key's rate. The
database is migrated once, here, before any worker starts. Once a process's app is built,
what it loaded is hidden from the garbage collector (:func:`settle_heap`).
"""

from __future__ import annotations

import copy
import gc
import logging
import multiprocessing
import socket
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from threadguard.service.log_format import formatter_config
from threadguard.service.settings import ServiceSettings
from threadguard.storage import db

log = logging.getLogger("threadguard.service")


def log_config(log_format: str = "text") -> dict[str, Any]:
    """Uvicorn's logging configuration plus ThreadGuard's loggers (access log included).

    ThreadGuard's lines are escaped text or JSON (:mod:`threadguard.service.log_format`);
    with JSON, uvicorn's own lines are JSON too, so the whole output is one format.
    """
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["threadguard"] = formatter_config(log_format)
    config["handlers"]["threadguard"] = {
        "formatter": "threadguard",
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stderr",
    }
    config["loggers"]["threadguard"] = {
        "handlers": ["threadguard"],
        "level": "INFO",
        "propagate": False,
    }
    if log_format == "json":
        for handler in config["handlers"].values():
            handler["formatter"] = "threadguard"
    return config


def public_url(settings: ServiceSettings, host: str, port: int) -> str:
    """The URL clients reach the service at: the setting, else the address served on
    (the loopback address for a wildcard one, with a warning that it needs setting)."""
    if settings.public_url:
        return settings.public_url
    if host in ("0.0.0.0", "::", ""):  # noqa: S104 (a comparison, not a bind)
        log.warning(
            "public_url is not set: the Perspective discovery document points at "
            "http://127.0.0.1:%d/; set THREADGUARD_PUBLIC_URL to the URL clients use",
            port,
        )
        host = "127.0.0.1"
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def settle_heap() -> None:
    """Freeze what start-up loaded out of the cyclic garbage collector's sight.

    The model, its vocabulary, and the SQLAlchemy, pydantic and FastAPI metadata are
    about 120 000 container objects that live as long as the process. Every full
    collection walks all of them (about 80 ms on the 2-core benchmark machine), and under
    load one comes every few seconds, stalling every request in flight: that pause, not
    the work, set the service's p99. :func:`gc.freeze` moves them to a permanent
    generation, so a collection walks only what requests allocated. Garbage is
    collected first so that none of it is frozen with them.
    """
    gc.collect()
    gc.freeze()


def prepare(database: str | None, data_dir: Path | None) -> str:
    """Resolve the database URL and bring its schema up to date; returns the URL."""
    url = db.resolve_url(database, data_dir)
    engine = db.connect(url)
    try:
        warning = db.connected_warning(engine)
        if warning is not None:
            log.warning("%s", warning)
        db.upgrade(engine)
    finally:
        engine.dispose()
    return url


def sqlite_workers_warning(database_url: str, workers: int) -> str | None:
    """What to warn of when several workers would share one SQLite file, or None: SQLite
    has one write lock per file, and each worker process holds its own queue for it, so
    writers of different workers wait on SQLite's busy handler (503s under load)."""
    if workers <= 1 or not database_url.startswith("sqlite"):
        return None
    return (
        f"--workers {workers} on SQLite: the workers share one database file with one write "
        "lock; run one worker on SQLite (or use PostgreSQL, --database postgresql://...) "
        "to serve with several"
    )


#: What a worker scores before it takes requests (a few languages, short and long).
WARM_TEXTS = (
    "Thanks for the article, the ferry timetable finally makes sense.",
    "You are a complete idiot and everyone here knows it.",
    "Ich finde den Artikel gut geschrieben.",
    "Je ne suis pas d'accord avec cette analyse du budget. " * 8,
)


def warm(app: FastAPI) -> None:
    """Score :data:`WARM_TEXTS` with the app's engine: its models' lazy parts load, and the
    first comment after a start no longer pays for them (Coral's first comment missed its
    0.5 s deadline and got PREMOD; Perspective's first call took ~0.5 s)."""
    from threadguard.engine import CommentInput

    app.state.service.engine.analyze([CommentInput(text) for text in WARM_TEXTS])


#: What builds a worker's app from the settings: the service's own ``create_app``, or,
#: from the command line, :func:`threadguard.site.create_site` (the dashboard mounted on
#: it: the service does not import the package that imports it). A module-level function,
#: since spawning workers pickles it.
Build = Callable[..., FastAPI]


def worker_app(settings: ServiceSettings, build: Build | None = None) -> FastAPI:
    """The app one server process serves (its database already migrated), its engine
    warmed (:func:`warm`) before it takes a request, heap settled."""
    from threadguard.service.app import create_app

    app = (build or create_app)(settings, migrate=False)
    warm(app)
    settle_heap()
    return app


def preflight(settings: ServiceSettings, build: Build | None = None) -> None:
    """Build one worker's app in a process of its own and let it go: raises what building
    it raised (models that cannot be loaded, a metrics folder that is missing, ...)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        pool.submit(_build_and_drop, settings, build).result()


def _build_and_drop(settings: ServiceSettings, build: Build | None) -> None:
    worker_app(settings, build)


#: How long a worker may take to answer the supervisor's ping before it counts as hung.
WORKER_HEALTHCHECK_S = 30


def serve(
    settings: ServiceSettings, *, host: str, port: int, workers: int, build: Build | None = None
) -> None:
    """Migrate, then serve until interrupted; each worker's app made by ``build`` (None:
    the service alone, without the dashboard)."""
    import uvicorn

    settings = replace(
        settings,
        database_url=prepare(settings.database_url, settings.data_dir),
        public_url=public_url(settings, host, port),
        workers=max(1, workers),
    )
    warning = sqlite_workers_warning(settings.database_url or "", workers)
    if warning is not None:
        log.warning("%s", warning)
    common: dict[str, Any] = {
        "host": host,
        "port": port,
        "access_log": False,  # ours redacts ?key=; uvicorn's would print it
        "log_config": log_config(settings.log_format),
        "proxy_headers": True,
        # On SIGTERM/SIGINT: stop accepting, let requests in flight finish (up to the
        # grace; without it uvicorn waits for ever), then the app's shutdown gives a
        # running upload job the grace again (UploadJobs.close).
        "timeout_graceful_shutdown": settings.shutdown_grace_s,
    }
    if workers <= 1:
        uvicorn.run(worker_app(settings, build), **common)
        return
    # Each worker loads the models after the supervisor has started, and a worker that
    # fails to start is respawned forever (a corrupt model file: a traceback every 2.5 s,
    # connections refused, never an exit): one worker is started first, alone, and what
    # stops it stops the command, as with one worker.
    preflight(settings, build)
    config = uvicorn.Config(
        partial(worker_app, settings, build),
        factory=True,
        workers=workers,
        # A worker loading its models on a busy machine can miss uvicorn's 5-second ping
        # and be killed while starting (then respawned, loading again): give it time.
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_S,
        **common,
    )
    supervisor(config, [config.bind_socket()]).run()


def supervisor(config: Any, sockets: list[socket.socket]) -> Any:
    """uvicorn's supervisor of worker processes, which on a stop closes its own copy of the
    listening socket before it signals the workers.

    Each worker closes its copy when it starts its graceful shutdown, but the supervisor's
    kept the socket listening: the kernel went on queueing new connections that no worker
    would accept, and reset them all when the supervisor exited (ConnectionResetError in
    clients during every stop). With every copy closed, a new connection is refused at
    once, which a client or load balancer retries elsewhere, and requests in flight finish.
    """
    from uvicorn.supervisors import Multiprocess

    class Supervisor(Multiprocess):
        def terminate_all(self) -> None:
            for sock in self.sockets:
                sock.close()
            super().terminate_all()

    return Supervisor(config, sockets=sockets)
