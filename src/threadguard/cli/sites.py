"""``threadguard sites``: list the sites a store holds, and delete one made by a typo.

A site is made by the first thing stored for it (an upload's comments, a policy saved for
it, an adaptation); reading never makes one. A misspelt ``?site=`` on a policy save makes
a site that holds nothing moderated: ``sites delete`` removes it, audited, and refuses a
site with comments, moderators' verdicts or adaptations, which are its record.
"""

from __future__ import annotations

from typing import Annotated

import typer

from threadguard.cli.common import app, cli_user
from threadguard.cli.service import DatabaseOpt, DataDirOpt, _columns, _store

sites_app = typer.Typer(
    help="The sites (tenants) a store holds.", no_args_is_help=True, rich_markup_mode="markdown"
)
app.add_typer(sites_app, name="sites")


@sites_app.command("list")
def sites_list(database: DatabaseOpt = None, data_dir: DataDirOpt = None) -> None:
    """List the sites, with how many comments each holds and its policy version."""
    from threadguard.cli.audit import require_database

    require_database(database, data_dir)
    with _store(database, data_dir) as store:
        sites = store.site_summaries()
    _columns(
        ("site", "comments", "policy", "created"),
        [
            (
                s.name,
                str(s.comments),
                f"version {s.policy_version}" if s.policy_version else "server's",
                f"{s.created_at:%Y-%m-%d %H:%M}",
            )
            for s in sites
        ],
        "no sites yet: a site is made by its first upload or its first saved policy",
    )


@sites_app.command("delete")
def sites_delete(
    name: Annotated[str, typer.Argument(help="The site's name, as `sites list` shows it.")],
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Delete a site that holds no comments, verdicts or adaptations (a name made by a
    typo), with its own policy document; audited `site.delete`. A site that holds any is
    refused, exit 2, and nothing is changed."""
    from threadguard.storage import ConflictError, NotFoundError
    from threadguard.storage.records import Actor

    with _store(database, data_dir, NotFoundError, ConflictError) as store:
        gone = store.delete_site(name, Actor(f"cli:{cli_user()}", "admin"))
    policy = f" and its policy (version {gone.policy_version})" if gone.policy_version else ""
    typer.echo(f"deleted site {name}{policy}")
    if gone.keys or gone.users:
        bound = [
            *(f"key tg_{p}_…" for p in gone.keys),
            *(f"user {u}" for u in gone.users),
        ]
        typer.echo(
            f"note: {', '.join(bound)} still name site {name}: revoke or change them, or "
            "the next upload or policy saved through them makes the site again",
            err=True,
        )
