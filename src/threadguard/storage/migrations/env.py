"""Alembic environment: runs migrations on the connection ThreadGuard hands in.

ThreadGuard never runs Alembic from an ini file; ``threadguard.storage.db.upgrade`` builds
the configuration in code and passes an open connection in ``config.attributes``. Running
``alembic`` by hand with ``-x url=...`` is supported for operators who want it.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from threadguard.storage.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Use the connection we were given, else one made from ``-x url=...``."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise RuntimeError("pass the database with: alembic -x url=postgresql+psycopg://...")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
