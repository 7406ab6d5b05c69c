"""``threadguard adapt``: fit, list and roll back a site's adaptation from the command line.

The same fit as ``POST /api/v1/sites/{site}/adaptations`` (the store's), on the same
database as ``serve`` (``--database`` / ``--data-dir``); a running service picks the new
version up within its policy cache period. The site's policy (the base one given by
``--policy``, with the site's stored document on top) says from which score each
attribute is held, which the fit keeps catching as much of the rejected comments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from threadguard.cli.common import PolicyOpt, app, check_names, cli_user, fail, load_moderator
from threadguard.cli.service import DatabaseOpt, DataDirOpt, _store

if TYPE_CHECKING:
    from threadguard.moderation import Policy
    from threadguard.storage import Store
    from threadguard.storage.records import AdaptationRecord


@app.command()
def adapt(
    site: Annotated[str, typer.Option("--site", help="The site to adapt.")],
    rollback: Annotated[
        bool,
        typer.Option(
            "--rollback",
            help="Stop serving the active version; the one it replaced is served again.",
        ),
    ] = False,
    list_only: Annotated[
        bool,
        typer.Option(
            "--list",
            help="List the site's versions (served: yes, or 'rolled back', never served again); "
            "change nothing.",
        ),
    ] = False,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="head (a logistic head over the seven attribute logits; the default) or "
            "calibration (one monotone curve per attribute).",
        ),
    ] = "head",
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Serve the fit even if it holds more approved comments than the engine's "
            "own scores, or far more of the site's recent comments (refused otherwise).",
        ),
    ] = False,
    policy: PolicyOpt = None,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Fit and serve a site's adaptation from its moderators' verdicts (approve / reject).

    Refuses, with exit code 2, below 50 approvals or 50 rejections, a fit that holds more
    approved comments than the engine's own scores, and one that would hold far more of the
    site's recent English comments than they do (unless --force). Each fit is a new
    version; --rollback goes back one, --list shows them all.
    """
    from threadguard.adaptation import KINDS, TooFewVerdicts, WorseThanEngine
    from threadguard.storage import ConflictError
    from threadguard.storage.records import Actor

    check_names(site=site)
    if not site.strip():
        fail("--site needs a site's name (the one its keys and comments are stored under)")
    if rollback and list_only:
        fail("--rollback and --list do not go together")
    if kind not in KINDS:
        fail(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    base = load_moderator(policy).policy
    who = Actor(f"cli:{cli_user()}", "admin")
    console = Console(width=max(Console().width, 140))  # a pipe is 80 wide: "approva…"
    if list_only:  # reading only: a typo must not make a database (a hardening review)
        from threadguard.cli.audit import require_database

        require_database(database, data_dir)
    with _store(database, data_dir, ConflictError) as store:
        if list_only:
            _print_versions(
                console, site, store.site_adaptations(site), rolled_back=_rolled_back(store, site)
            )
            return
        if rollback:
            now = store.rollback_adaptation(site, who)
            served = f"version {now.version}" if now else "the engine's own scores"
            typer.echo(f"rolled back: site {site} is now served {served}")
            return
        try:
            record, _ = store.fit_adaptation(
                site,
                _site_policy(store, base, site).flag_levels("en"),
                who,
                kind=kind,
                force=force,
            )
        except TooFewVerdicts as exc:
            fail(f"site {site!r} cannot be adapted yet: {exc}")
        except WorseThanEngine as exc:
            fail(f"site {site!r}: not served: {exc}; --force serves it anyway")
    _print_versions(console, site, [record], title=f"site {site}: adaptation fitted and served")


def _site_policy(store: Store, base: Policy, site: str) -> Policy:
    """The site's effective policy: its stored document on top of ``base``."""
    from threadguard.moderation import PolicyError, on_top

    doc = store.site_doc(site)
    if doc is None or doc.policy_text is None:
        return base
    try:
        return on_top(base, doc.policy_text, doc.policy_format, site)
    except PolicyError as exc:
        fail(f"site {site!r}: its stored policy is not valid on top of this base policy: {exc}")


def _rolled_back(store: Store, site: str) -> dict[int, str]:
    """Each rolled-back version of the site, with when and by whom, from the audit log: a
    rollback never serves a rolled-back version again (storage/repositories/adaptations)."""
    out: dict[int, str] = {}
    entries = store.audit_log(site=site, action="adaptation.rollback", limit=10_000).items
    for e in entries:  # newest first: a version's latest rollback is kept
        name, _, number = e.object_id.rpartition("@")
        if name == site and number.isdigit():
            out.setdefault(int(number), f"rolled back {e.at:%Y-%m-%d %H:%M} by {e.actor}")
    return out


def _print_versions(
    console: Console,
    site: str,
    records: list[AdaptationRecord],
    title: str | None = None,
    rolled_back: dict[int, str] | None = None,
) -> None:
    if not records:
        typer.echo(f"site {site} has no adaptation")
        return
    table = Table(title=title or f"site {site}: adaptations, newest first")
    for col in (
        "version",
        "kind",
        "served",
        "approvals",
        "rejections",
        "caught",
        "approved held",
        "created",
    ):
        table.add_column(col, justify="left" if col in ("kind", "created", "served") else "right")
    for r in records:
        f = r.figures or {}
        table.add_row(
            str(r.version),
            r.kind,
            "yes" if r.active else (rolled_back or {}).get(r.version, ""),
            str(r.approvals),
            str(r.rejections),
            f"{f.get('caught_before', '-')} → {f.get('caught_after', '-')}",
            f"{f.get('approved_held_before', '-')} → {f.get('approved_held_after', '-')}",
            f"{r.created_at:%Y-%m-%d %H:%M} by {r.created_by}",
        )
    console.print(table)
    console.print(
        "caught: rejected comments the policy's thresholds hold or reject; approved held: "
        "approved comments they hold or reject (engine's scores → adapted, on the verdicts "
        "fitted on; the rules of coded hate, threats and watched words, which an adaptation "
        "does not change, are not counted)",
        highlight=False,
    )
