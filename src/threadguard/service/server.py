"""Running the service under uvicorn: one process, or several workers.

With one worker the app is built here and handed to uvicorn. With several, uvicorn
starts each worker from an import string, so the options travel in environment
variables and each worker builds its own app (and loads its own copy of the model).
The database is migrated once, here, before any worker starts. Once a process's app is
built, what it loaded is hidden from the garbage collector (:func:`settle_heap`).
"""

from __future__ import annotations

import copy
import gc
import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from threadguard.service.settings import load_settings
from threadguard.storage import db

#: Environment variables a multi-worker server passes its options to workers in.
ENV_DATABASE = "THREADGUARD_SERVE_DATABASE"
ENV_POLICY = "THREADGUARD_SERVE_POLICY"
ENV_MODEL = "THREADGUARD_SERVE_MODEL"
ENV_DATA_DIR = "THREADGUARD_SERVE_DATA_DIR"


def log_config() -> dict[str, Any]:
    """Uvicorn's logging configuration plus ThreadGuard's loggers (access log included)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["threadguard"] = {
        "handlers": ["default"],
        "level": "INFO",
        "propagate": False,
    }
    return config


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


def prepare(database: str | None, data_dir: Path) -> str:
    """Resolve the database URL and bring its schema up to date; returns the URL."""
    url = db.resolve_url(database, data_dir)
    engine = db.connect(url)
    try:
        db.upgrade(engine)
    finally:
        engine.dispose()
    return url


def app_from_environment() -> FastAPI:
    """The app factory each worker of a multi-worker server calls."""
    from threadguard.service.app import create_app

    data_dir = Path(os.environ[ENV_DATA_DIR])
    policy = os.environ.get(ENV_POLICY)
    model = os.environ.get(ENV_MODEL)
    app = create_app(
        load_settings(data_dir),
        database_url=os.environ[ENV_DATABASE],
        data_dir=data_dir,
        policy_path=Path(policy) if policy else None,
        model_dir=Path(model) if model else None,
        migrate=False,
    )
    settle_heap()
    return app


def serve(
    *,
    host: str,
    port: int,
    database: str | None,
    data_dir: Path,
    workers: int,
    policy: Path | None,
    model: Path | None,
) -> None:
    """Migrate, then serve until interrupted."""
    import uvicorn

    from threadguard.service.app import create_app

    settings = load_settings(data_dir)
    url = prepare(database, data_dir)
    common: dict[str, Any] = {
        "host": host,
        "port": port,
        "access_log": False,  # ours redacts ?key=; uvicorn's would print it
        "log_config": log_config(),
        "proxy_headers": True,
    }
    if workers <= 1:
        app = create_app(
            settings,
            database_url=url,
            data_dir=data_dir,
            policy_path=policy,
            model_dir=model,
            migrate=False,
        )
        settle_heap()
        uvicorn.run(app, **common)
        return
    os.environ[ENV_DATABASE] = url
    os.environ[ENV_DATA_DIR] = str(data_dir.resolve())
    if policy is not None:
        os.environ[ENV_POLICY] = str(policy.resolve())
    if model is not None:
        os.environ[ENV_MODEL] = str(model.resolve())
    uvicorn.run(
        "threadguard.service.server:app_from_environment",
        factory=True,
        workers=workers,
        **common,
    )
