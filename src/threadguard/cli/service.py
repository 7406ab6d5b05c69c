"""``threadguard serve``, ``user`` and ``db``: running the service and its store (``keys``:
:mod:`.keys`)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from threadguard.cli.arguments import SECRET
from threadguard.cli.common import (
    ModelOpt,
    PolicyOpt,
    SettingDeepFromOpt,
    SettingTierOpt,
    app,
    check_names,
    cli_user,
    err,
    fail,
    warn_left_out,
)
from threadguard.schema import Role
from threadguard.validation import lone_surrogate

if TYPE_CHECKING:
    from threadguard.service.settings import ServiceSettings
    from threadguard.storage import Store
    from threadguard.storage.records import Actor

DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="A SQLite file (/path/to/threadguard.db) or a database URL "
        "(postgresql://user@host/db); default: SQLite in the data dir.",
    ),
]
DataDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        # read by Typer, so a value that is not UTF-8 text is refused as the option's (a
        # code review: from the environment it ended in a UnicodeEncodeError line)
        envvar="THREADGUARD_DATA_DIR",  # storage.db.DATA_DIR_ENV (imported lazily here)
        help="Where the service keeps its data ($THREADGUARD_DATA_DIR, else ./threadguard-data).",
    ),
]


@contextmanager
def _store(
    database: str | None,
    data_dir: Path | None,
    *refused: type[Exception],
    upgrade: bool = False,
) -> Iterator[Store]:
    """The moderation store for the block, closed after it: a new database made whole, an
    older one refused unless ``upgrade`` (``db upgrade``). The ``refused`` store errors
    the block raises are one error line, exit 2, as are database problems (exit 1 when
    the database cannot be opened, or cannot be written now: :func:`_unavailable`)."""
    from threadguard.storage.records import StoreBusyError

    try:
        store = _open(database, data_dir, upgrade)
    except StoreBusyError as exc:
        fail(_unavailable(exc, database, data_dir), 1)
    try:
        yield store
    except refused as exc:
        fail(str(exc))
    except StoreBusyError as exc:
        fail(_unavailable(exc, database, data_dir), 1)
    finally:
        store.close()


def _unavailable(exc: Exception, database: str | None, data_dir: Path | None) -> str:
    """One line naming the database that cannot be written now (a full disk, read-only)
    or stayed locked by another process: on call, a full disk said "error:
    StoreFullError: the database's disk is full: this write was not stored (a large
    upload keeps the parts ...)", which named neither the file nor a command's case."""
    from sqlalchemy.engine import make_url

    from threadguard.storage import db, default_data_dir
    from threadguard.storage.contention import busy_cause
    from threadguard.storage.failures import out_of_space
    from threadguard.storage.records import StoreFullError

    try:
        url = make_url(db.resolve_url(database, data_dir or default_data_dir()))
        where = url.database if url.get_backend_name() == "sqlite" else db.redact(str(url))
    except db.DatabaseError:
        where = None
    name = f"the database {where}" if where else "the database"
    if isinstance(exc, StoreFullError):
        cause = exc.__cause__
        problem = out_of_space(cause) if cause is not None else None
        return (
            f"cannot write {name}: {problem or exc}; free space or make it writable, "
            "then run the command again"
        )
    return f"{name} is busy: {busy_cause(exc)}; try again shortly"


def _check_site_to_bind(site: str | None, database: str | None, data_dir: Path | None) -> None:
    """Exit 2 when the ``--site`` a key or an account is bound to is a name no site may
    have (:func:`threadguard.validation.site_problem`) and the store has no such site: one
    an earlier version made under a name now refused is still bound to. The store is
    opened only for a name the rule refuses."""
    from threadguard.validation import site_problem

    if not site or site_problem(site) is None:
        return
    with _store(database, data_dir) as store:
        check_names(site=site, making=True, exists=store.has_site)


def _operator() -> Actor:
    """Who the audit log names for a key or account changed here: ``cli:USER``, as
    ``db audit``, ``db rescore``, ``sites delete`` and ``adapt`` name theirs (these said
    ``system``, so a key revoked at night could not be told from one the service made)."""
    from threadguard.storage.records import Actor

    return Actor(f"cli:{cli_user()}", Role.ADMIN.value)


def _open(database: str | None, data_dir: Path | None, upgrade: bool) -> Store:
    """The moderation store (migrated with ``upgrade``, else only if new); database
    problems are one error line, exit 1."""
    from sqlalchemy.exc import SQLAlchemyError

    from threadguard.storage import DatabaseError, Store, db, default_data_dir

    try:
        store = Store.open(database, data_dir or default_data_dir(), migrate=upgrade)
    except DatabaseError as exc:
        fail(str(exc), 2)
    except SQLAlchemyError as exc:
        fail(_cannot_open(exc), 1)
    try:
        db.require_current(store.engine)
        return store
    except DatabaseError as exc:
        store.close()
        fail(str(exc), 2)
    except SQLAlchemyError as exc:
        store.close()
        fail(_cannot_open(exc), 1)


def _check_address(host: str, port: int) -> None:
    """Exit with a line saying why ``host:port`` cannot be listened on (a port in use, a
    host that is no address here), before the models and the database are loaded: the
    server itself would find out only then, and exit with a code of its own."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        fail(f"--host {host}: not an address to listen on ({exc.strerror})")
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind(address)
        except OSError as exc:
            fail(f"cannot listen on {host}:{port}: {exc.strerror}", 1)


def _cannot_open(exc: Exception) -> str:
    """What went wrong opening the database, on one line ("connection to server at ...,
    port 5999 failed: Connection refused"): the driver's first line, never the URL."""
    first = (
        str(exc.args[0]).strip().splitlines()[0] if exc.args and str(exc.args[0]).strip() else ""
    )
    return f"cannot open the database: {type(exc).__name__}" + (f": {first}" if first else "")


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)
    ] = 8080,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
    workers: Annotated[
        int, typer.Option("--workers", help="Worker processes (each loads the model).", min=1)
    ] = 1,
    policy: PolicyOpt = None,
    model: ModelOpt = None,
    tier: SettingTierOpt = None,
    deep_from: SettingDeepFromOpt = None,
) -> None:
    """Run the HTTP service: the native API plus Perspective, OpenAI and Coral endpoints,
    and the moderators' dashboard at `/` (sign in with an account from `threadguard user
    add`; API keys are for the HTTP API, not the dashboard).

    The database is migrated to the current schema first. Settings (Coral secret, limits,
    tier and band) come from `<data-dir>/settings.toml` and THREADGUARD_* environment
    variables; the options given here win.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from threadguard.moderation import PolicyError, load_policy, require_covered
    from threadguard.scoring.languages import covered_languages
    from threadguard.scoring.linear import ModelError
    from threadguard.scoring.registry import ModelChoiceError, model_folders
    from threadguard.service.server import serve as run_server
    from threadguard.service.settings import SettingsError, load_settings
    from threadguard.site import create_site
    from threadguard.storage import DatabaseError, default_data_dir
    from threadguard.storage.records import StoreBusyError

    try:
        settings = load_settings(
            data_dir or default_data_dir(),
            database_url=database,
            policy_path=policy,
            model_dir=model,
            tier=tier,
            deep_from=deep_from,
        )
        # every worker loads the engine after the socket is bound: a model choice that
        # cannot load, or a policy naming a language no model covers, must stop here, or
        # the workers die and respawn for ever
        model_folders(settings.model_dir, None, settings.cascade.tier)
        base = load_policy(settings.policy_path)
        require_covered(base, covered_languages())
        warn_left_out(base)
        _check_metrics_folder()
        _check_address(host, port)
        _say_where_the_dashboard_is(settings.log_format, _dashboard_line(host, port, settings))
        run_server(settings, host=host, port=port, workers=workers, build=create_site)
    except (PolicyError, SettingsError, DatabaseError, ModelChoiceError) as exc:
        fail(str(exc), 2)
    except StoreBusyError as exc:  # migrating on a full disk, or under another's lock
        fail(_unavailable(exc, database, data_dir), 1)
    except ModelError as exc:
        fail(f"{exc}. Train one with `threadguard train`.", 1)
    except SQLAlchemyError as exc:
        fail(_cannot_open(exc), 1)


app.command(
    "dashboard",
    help="The same as `serve`: the moderators' dashboard is part of the service, at `/` "
    "(sign in with an account from `threadguard user add NAME --role moderator`).",
)(serve)


def _dashboard_line(host: str, port: int, settings: ServiceSettings | None = None) -> str:
    """Where the dashboard is and how to sign in, said as the server starts: two news
    desks looked for a `dashboard` command, and one signed in with an API key. The
    settings' ``public_url`` where there is one (the address readers and moderators use)."""
    import ipaddress

    if settings is not None and settings.public_url:
        return _signing_in(settings.public_url.rstrip("/") + "/")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:  # a name: shown as given
        return _signing_in(f"http://{host}:{port}/")
    if address.is_unspecified:  # every interface: this machine's loopback reaches it
        address = ipaddress.ip_address("::1" if address.version == 6 else "127.0.0.1")
    shown = str(address).replace("%", "%25")  # a zone, as a URL writes it (RFC 6874)
    return _signing_in(
        f"http://[{shown}]:{port}/" if address.version == 6 else f"http://{shown}:{port}/"
    )


def _signing_in(url: str) -> str:
    return (
        f"Dashboard: {url} (sign in with an account from `threadguard user add NAME --role "
        "moderator`; API keys are for /api/v1, Perspective, OpenAI and Coral)"
    )


def _say_where_the_dashboard_is(log_format: str, line: str) -> None:
    """The line on standard error in the server's log format: with ``log_format = "json"``
    every line there is one JSON object, and a plain first line broke log pipelines that
    parse each (a review)."""
    import logging

    from threadguard.service.log_format import formatter

    record = logging.LogRecord("threadguard", logging.INFO, __file__, 0, line, None, None)
    sys.stderr.write(formatter(log_format).format(record) + "\n")
    sys.stderr.flush()


def _check_metrics_folder() -> None:
    """The multiprocess metrics folder must exist (every worker died on a missing one and
    was respawned for ever), and should be empty: files an earlier run left are summed
    into this run's counters (a SQLite server showed an earlier PostgreSQL run's
    decisions and outages)."""
    import os

    # named here, not imported: importing the metrics module writes into the folder
    multiprocess_dir = "PROMETHEUS_MULTIPROC_DIR"
    folder = os.environ.get(multiprocess_dir)
    if not folder:
        return
    path = Path(folder)
    if not path.is_dir():
        fail(f"{multiprocess_dir}={folder}: no such folder (create an empty one)")
    stale = sorted(p.name for p in path.glob("*.db"))
    if stale:
        err.print(
            f"[yellow]warning:[/] {multiprocess_dir}={escape(folder)} holds {len(stale)} "
            "metrics file(s) of an earlier run, which /metrics adds to this run's; empty it "
            "before starting the server",
            markup=True,
            soft_wrap=True,
        )


def _columns(header: tuple[str, ...], rows: list[tuple[str, ...]], empty: str) -> None:
    """A listing in aligned columns under a header, plain text so scripts can cut it;
    ``empty`` (how to make the first) when there is nothing to list."""
    if not rows:
        typer.echo(empty)
        return
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        typer.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


user_app = typer.Typer(
    help="Moderator and admin accounts.", no_args_is_help=True, rich_markup_mode="markdown"
)
app.add_typer(user_app, name="user")

#: The shortest password ``user add`` and ``user password`` accept: a dashboard account can
#: approve, reject and ban, so a guessable one is an open door.
MIN_PASSWORD_CHARS = 12


PasswordOpt = Annotated[
    str | None,
    typer.Option(
        "--password",
        help=f"Password, at least {MIN_PASSWORD_CHARS} characters "
        "(prompted for, without echo, if absent).",
    ),
    SECRET,  # refused unquoted when it is not UTF-8 text (cli/arguments.py)
]
PasswordStdinOpt = Annotated[
    bool,
    typer.Option(
        "--password-stdin",
        help="Read the password from the first line of standard input (a script's way: "
        "--password is visible to every user in ps).",
    ),
]
UserNameArg = Annotated[str, typer.Argument(help="User name, as `user list` shows it.")]


def _stdin_password() -> str:
    """The first line of standard input, less its line ending and a byte-order mark (the
    password). A file saved by Notepad (`< pw.txt`) or piped from PowerShell starts with
    the mark, which became the password's invisible first character: the account could
    never be signed in to with what its admin typed."""
    line = sys.stdin.readline().removeprefix("\ufeff")
    password = line[:-1] if line.endswith("\n") else line
    return password[:-1] if password.endswith("\r") else password


def _read_password(read: Callable[[], str], where: str) -> str:
    """The password ``read()`` returns; exit 2 naming ``where`` when its bytes are not
    UTF-8 text. A stream decodes such bytes as lone surrogates (under the C locale) or
    fails (under a UTF-8 one): the one became a UnicodeEncodeError at the store, exit 1,
    the other an error of the decoder's."""
    try:
        password: str | None = read()
    except UnicodeDecodeError:
        password = None
    if password is None or lone_surrogate(password) is not None:
        fail(f"the password {where} is not UTF-8 text")
    return password


def _new_password(name: str, password: str | None, from_stdin: bool = False) -> str:
    """The password given, read from stdin, or prompted for twice without echo; refused
    when short or not UTF-8 text (before anything is stored)."""
    import getpass

    if from_stdin:
        if password is not None:
            fail("give the password with --password or --password-stdin, not both")
        password = _read_password(_stdin_password, "on standard input")
    if password is None:
        if not sys.stdin.isatty():
            fail(
                "no password: pass --password-stdin (or --password), or run in a terminal "
                "to be prompted"
            )
        password = _read_password(lambda: getpass.getpass(f"Password for {name}: "), "typed")
        if password != _read_password(lambda: getpass.getpass("Again: "), "typed"):
            fail("the passwords differ")
    if len(password) < MIN_PASSWORD_CHARS:
        fail(
            f"the password must be at least {MIN_PASSWORD_CHARS} characters long "
            f"(this one has {len(password)})"
        )
    return password


class PersonRole(StrEnum):
    """The roles a person signs in as (``--role`` of ``user add`` and ``user role``): a
    client is a program, with a key (``keys create``), never a person; offering it in
    ``--help`` (the full :class:`Role`) and then refusing it contradicted the help."""

    MODERATOR = Role.MODERATOR.value
    ADMIN = Role.ADMIN.value


PersonRoleOpt = Annotated[
    PersonRole,
    typer.Option(
        "--role",
        help="moderator or admin (programs use keys: `keys create --role client`).",
        case_sensitive=False,
    ),
]


def _person_role(role: PersonRole) -> Role:
    return Role(role.value)


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="User name.")],
    role: PersonRoleOpt,
    password: PasswordOpt = None,
    password_stdin: PasswordStdinOpt = False,
    site: Annotated[
        str | None,
        typer.Option(
            "--site",
            help="Limit the account to this site: the dashboard shows and acts on its "
            "comments, threads and stats only (default: every site).",
        ),
    ] = None,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Add a moderator or admin; the password is stored as a salted scrypt hash."""
    from threadguard.storage import ConflictError, InvalidError

    check_names(site=site)
    _check_site_to_bind(site, database, data_dir)
    person = _person_role(role)
    password = _new_password(name, password, password_stdin)
    with _store(database, data_dir, ConflictError, InvalidError) as store:
        store.add_user(name, person, password, _operator(), site=site)
    where = f" for site {site}" if site else ""
    typer.echo(f"added {person.value} {name}{where}")


@user_app.command("list")
def user_list(database: DatabaseOpt = None, data_dir: DataDirOpt = None) -> None:
    """List accounts: name, role, site (* for every site), enabled or disabled, open
    dashboard sessions."""
    with _store(database, data_dir) as store:
        users = store.users()
    _columns(
        ("name", "role", "site", "state", "sessions", "created"),
        [
            (
                u.name,
                u.role,
                u.site or "*",
                "disabled" if u.disabled else "enabled",
                str(u.sessions),
                f"{u.created_at:%Y-%m-%d %H:%M}",
            )
            for u in users
        ],
        "no users yet: `threadguard user add NAME --role moderator|admin`",
    )


@user_app.command("disable")
def user_disable(
    name: UserNameArg, database: DatabaseOpt = None, data_dir: DataDirOpt = None
) -> None:
    """Disable an account (someone who left): no more sign-ins, and every open dashboard
    session of theirs ends now. The audit log keeps what they did."""
    from threadguard.storage import ConflictError, NotFoundError

    with _store(database, data_dir, NotFoundError, ConflictError) as store:
        ended = store.set_user_disabled(name, True, _operator())
    typer.echo(f"disabled {name} ({ended} open session{'s' if ended != 1 else ''} ended)")


@user_app.command("enable")
def user_enable(
    name: UserNameArg, database: DatabaseOpt = None, data_dir: DataDirOpt = None
) -> None:
    """Enable a disabled account again (with the password it had)."""
    from threadguard.storage import ConflictError, NotFoundError

    with _store(database, data_dir, NotFoundError, ConflictError) as store:
        store.set_user_disabled(name, False, _operator())
    typer.echo(f"enabled {name}")


@user_app.command("password")
def user_password(
    name: UserNameArg,
    password: PasswordOpt = None,
    password_stdin: PasswordStdinOpt = False,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Set a new password; every open dashboard session of the account ends."""
    from threadguard.storage import InvalidError, NotFoundError

    password = _new_password(name, password, password_stdin)
    with _store(database, data_dir, NotFoundError, InvalidError) as store:
        ended = store.set_password(name, password, _operator())
    typer.echo(f"new password for {name} ({ended} open session{'s' if ended != 1 else ''} ended)")


@user_app.command("role")
def user_role(
    name: UserNameArg,
    role: PersonRoleOpt,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Make a moderator an admin or an admin a moderator (open sessions follow at once)."""
    from threadguard.storage import ConflictError, InvalidError, NotFoundError

    person = _person_role(role)
    with _store(database, data_dir, NotFoundError, ConflictError, InvalidError) as store:
        store.set_user_role(name, person, _operator())
    typer.echo(f"{name} is now {person.value}")


db_app = typer.Typer(
    help="The service's database.", no_args_is_help=True, rich_markup_mode="markdown"
)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(database: DatabaseOpt = None, data_dir: DataDirOpt = None) -> None:
    """Bring the database schema up to date (serve does this on start too).

    On PostgreSQL, other connections to the database (servers of the older version should
    be stopped first) are named in a warning, and the upgrade goes on (exit 0), so that an
    automated deploy is not stopped by a server it is about to replace."""
    from threadguard.storage import db

    _warn_of_other_connections(database, data_dir)
    with _store(database, data_dir, upgrade=True) as store:
        typer.echo(
            f"{db.redact(str(store.engine.url))} is at revision {db.current_revision(store.engine)}"
        )


def _warn_of_other_connections(database: str | None, data_dir: Path | None) -> None:
    """Warn, on standard error, of other clients connected to the PostgreSQL database
    about to be migrated (:func:`threadguard.storage.db.connected_warning`); a database
    that cannot be asked is left to the upgrade itself to report."""
    from sqlalchemy.exc import SQLAlchemyError

    from threadguard.storage import db, default_data_dir

    try:
        url = db.resolve_url(database, data_dir or default_data_dir())
    except db.DatabaseError:
        return
    if not url.startswith("postgresql"):
        return
    engine = db.connect(url)
    try:
        warning = db.connected_warning(engine)
    except SQLAlchemyError:
        return
    finally:
        engine.dispose()
    if warning is not None:
        typer.echo(f"warning: {warning}", err=True)
