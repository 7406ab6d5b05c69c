"""``threadguard keys``: the HTTP service's API keys (create, list, revoke, rotate)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from threadguard.cli.common import app, check_names, err
from threadguard.cli.service import (
    DatabaseOpt,
    DataDirOpt,
    _check_site_to_bind,
    _columns,
    _operator,
    _store,
)
from threadguard.schema import Role

if TYPE_CHECKING:
    from threadguard.storage.records import KeyRecord

keys_app = typer.Typer(
    help="API keys for the HTTP service.", no_args_is_help=True, rich_markup_mode="markdown"
)
app.add_typer(keys_app, name="keys")


@keys_app.command("create")
def keys_create(
    role: Annotated[Role, typer.Option("--role", help="admin, moderator or client.")],
    site: Annotated[str | None, typer.Option("--site", help="Limit the key to this site.")] = None,
    name: Annotated[str, typer.Option("--name", help="A label for the key.")] = "",
    rate: Annotated[
        int | None,
        typer.Option(
            "--rate",
            help="Requests a minute for this key (0: unlimited; at most 1,000,000, which "
            "both databases store).",
            min=0,
            max=1_000_000,
        ),
    ] = None,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Create an API key. The key is printed once, as the last line; only its hash is kept."""
    from threadguard.storage import InvalidError

    check_names(site=site, name=name)
    _check_site_to_bind(site, database, data_dir)
    where = f" for site {site}" if site else ""
    article = "an" if role.value[0] in "aeiou" else "a"
    heading = (
        f"Created {article} {role.value} key{where}. It is shown only now; keep it somewhere safe:"
    )
    with _store(database, data_dir, InvalidError) as store, _unshown(""):
        store.create_key(
            role,
            site=site,
            name=name,
            rate_per_minute=rate,
            actor=_operator(),
            shown=lambda k: _show(heading, k),
        )


def _show(heading: str, key: str) -> None:
    typer.echo(heading)
    typer.echo(key)


@contextmanager
def _unshown(kept: str) -> Iterator[None]:
    """A new key is printed inside the transaction that stores it: where standard output
    fails (closed, full, its reader gone), nothing is stored, and standard error says so
    and what ``kept`` adds. Before, the key was stored first, and a key that could not be
    printed stayed active with nobody holding it (and ``keys list`` showed it usable);
    one printed only in part is no key anyone holds either."""
    from threadguard.cli import stdout

    try:
        yield
    except stdout.Unwritable:
        err.print(
            f"error: the new key could not be printed in full, so it was not kept{kept}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        raise


@keys_app.command("list")
def keys_list(database: DatabaseOpt = None, data_dir: DataDirOpt = None) -> None:
    """List keys by their public prefix (keys themselves are not stored)."""
    with _store(database, data_dir) as store:
        keys = store.api_keys()
    _columns(
        ("key", "role", "site", "name", "rate", "state", "created"),
        [
            (
                f"tg_{k.prefix}_…",
                k.role,
                k.site or "*",
                k.name or "-",
                str(k.rate_per_minute) if k.rate_per_minute is not None else "default",
                "revoked" if k.revoked_at else "active",
                f"{k.created_at:%Y-%m-%d %H:%M}",
            )
            for k in keys
        ],
        "no keys yet: `threadguard keys create --role admin|moderator|client`",
    )


KeyPrefixArg = Annotated[
    str,
    typer.Argument(
        help="The key's prefix as `keys list` shows it after tg_, or a start of it that "
        "only that key's has (at least 4 characters)."
    ),
]


@keys_app.command("revoke")
def keys_revoke(
    prefix: KeyPrefixArg,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Revoke a key: running servers refuse it within `key_check_s` seconds (default 1)."""
    from threadguard.storage import ConflictError, InvalidError, NotFoundError

    with _store(database, data_dir, NotFoundError, ConflictError, InvalidError) as store:
        old = store.revoke_key(prefix, _operator())
    typer.echo(f"revoked tg_{old.prefix}_…")


@keys_app.command("rotate")
def keys_rotate(
    prefix: KeyPrefixArg,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Replace a key by a new one with the same role, site, name and rate, and revoke the
    old one, in one step (audited `key.rotate`). The new key is printed once, as the last
    line; the old one is refused within `key_check_s` seconds (default 1)."""
    from threadguard.storage import ConflictError, InvalidError, NotFoundError

    def show(key: str, old: KeyRecord) -> None:
        where = f" for site {old.site}" if old.site else ""
        article = "an" if old.role[0] in "aeiou" else "a"
        _show(
            f"Revoked tg_{old.prefix}_… and created its replacement, {article} {old.role} "
            f"key{where}. It is shown only now; keep it somewhere safe:",
            key,
        )

    with (
        _store(database, data_dir, NotFoundError, ConflictError, InvalidError) as store,
        _unshown(" (the old key stays active)"),
    ):
        store.rotate_key(prefix, _operator(), shown=show)
