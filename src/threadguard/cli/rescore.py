"""``threadguard db rescore``: stored comments scored again under the models served now and
decided again under each site's policy now (:mod:`threadguard.service.rescore`)."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import click
import typer
from rich.markup import escape

from threadguard.cli.common import (
    ModelOpt,
    PolicyOpt,
    SettingDeepFromOpt,
    SettingTierOpt,
    cli_user,
    err,
    fail,
    warn_left_out,
)
from threadguard.cli.service import DatabaseOpt, DataDirOpt, _store, db_app

if TYPE_CHECKING:
    from collections.abc import Callable

    from threadguard.progress import Advance
    from threadguard.service.rescore import PolicyDrift, RescoreSummary
    from threadguard.storage import Store


@db_app.command("rescore")
def db_rescore(
    site: Annotated[
        str | None,
        typer.Option(
            "--site", help="Only this site (as `sites list` names it); default: every site."
        ),
    ] = None,
    database: DatabaseOpt = None,
    data_dir: DataDirOpt = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Score and decide, print the summary, write nothing."),
    ] = False,
    everything: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Every scored comment, not only those scored by another model version "
            "(after a policy change).",
        ),
    ] = False,
    batch: Annotated[
        int,
        typer.Option("--batch", min=1, max=5000, help="Comments per transaction."),
    ] = 500,
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Start at this site and go on with the sites after it by name (to go on "
            "with an interrupted run over every site).",
        ),
    ] = None,
    after: Annotated[
        str | None,
        typer.Option(
            "--after",
            help="In the first site rescored, only comments after this store id (an "
            "interrupted run prints it; needs --site or --from).",
        ),
    ] = None,
    policy: PolicyOpt = None,
    model: ModelOpt = None,
    tier: SettingTierOpt = None,
    deep_from: SettingDeepFromOpt = None,
    policy_change: Annotated[
        bool,
        typer.Option(
            "--policy-change",
            help="Decide again under this run's policy the comments that were decided under "
            "another server policy (after the server's policy changed). Without it such a "
            "run stops before writing (asks, in a terminal).",
        ),
    ] = False,
) -> None:
    """Score stored comments again with the models the server serves now, and decide them
    again under each site's policy now.

    Reads the comments whose stored model version is not the current one (`--all`: every
    scored comment), each with its stored context (its parent's text, its article's
    title), as an upload would be read. **A moderator's verdict is never overturned**: a
    comment a moderator approved or rejected keeps its verdict and its status; only its
    stored scores are updated. A comment whose status is still the policy's gets the new
    decision, and moves queue as a fresh upload would place it (approve -> hold enters the
    queue). Every comment written is audited `comment.rescore`, a transaction per
    `--batch` comments; an interrupted run is resumed by running it again, and one with
    `--all` (which cannot tell what it already wrote) by the `--from SITE --after ID` it
    prints when interrupted (Ctrl-C). Use the
    server's `--model`, `--tier`, `--deep-from` and `--policy` (or its settings file), so
    the versions compared are the ones it serves.

    Each stored policy decision names the server policy it was made under (the file
    given to `--policy`, or the built-in one, and its hash). Before writing, a run under
    another policy than the one that made the decisions it would make again says how
    many comments were decided under which, and stops with exit 2 (in a terminal: asks)
    unless `--policy-change` is given; `--dry-run` only says it."""
    from threadguard.engine import Engine
    from threadguard.moderation import PolicyError, load_policy, require_covered
    from threadguard.progress import progress_bar
    from threadguard.scoring.linear import ModelError
    from threadguard.scoring.registry import ModelChoiceError
    from threadguard.service.context import ServiceState
    from threadguard.service.rescore import policy_drift, rescore_site
    from threadguard.service.settings import SettingsError, load_settings
    from threadguard.storage import default_data_dir
    from threadguard.storage.records import Actor

    try:
        settings = load_settings(
            data_dir or default_data_dir(),
            database_url=database,
            policy_path=policy,
            model_dir=model,
            tier=tier,
            deep_from=deep_from,
        )
        base = load_policy(settings.policy_path)
    except (PolicyError, SettingsError) as exc:
        fail(str(exc), 2)
    warn_left_out(base)
    if site is not None and start is not None:
        fail(
            "--site and --from: give one (--site rescores one site, --from that site and "
            "the sites after it)",
            2,
        )
    if after is not None and site is None and start is None:
        fail("--after needs one of --site or --from: the site whose store ids it counts", 2)
    if after is not None and not after.strip():
        fail("--after: an empty store id (give the id an interrupted run printed)", 2)
    from threadguard.cli.audit import require_database

    require_database(settings.database_url, settings.data_dir)
    with _store(settings.database_url, settings.data_dir) as store:
        names = [s.name for s in store.site_summaries()]
        for option, value in (("--site", site), ("--from", start)):
            if value is not None and value not in names:
                known = ", ".join(names) or "none"
                fail(f"{option} {value}: no such site (sites: {known})", 2)
        todo = [site] if site is not None else names[names.index(start) if start else 0 :]
        if after is not None:
            _check_after(store, after, todo[0])
        try:
            engine = Engine.load(settings.model_dir, cascade=settings.cascade)
            require_covered(base, engine.supported_languages)
        except (PolicyError, ModelChoiceError) as exc:
            fail(str(exc), 2)
        except ModelError as exc:
            fail(f"{exc}. Train one with `threadguard train`.", 1)
        state = ServiceState(engine, store, settings, base)
        drift = policy_drift(state, todo, everything=everything, after=after or "")
        _check_drift(drift, dry_run=dry_run, policy_change=policy_change, given=policy is not None)
        actor = Actor(f"cli:{cli_user()}", "admin")
        summaries: list[RescoreSummary] = []
        # each site's summary after its last page written, for an interruption
        done: dict[str, RescoreSummary] = {}
        for i, name in enumerate(todo):
            first = (after or "") if i == 0 else ""
            try:
                with progress_bar(f"rescoring {name}") as advance:
                    summaries.append(
                        rescore_site(
                            state,
                            name,
                            actor,
                            everything=everything,
                            dry_run=dry_run,
                            batch=batch,
                            after=first,
                            progress=_shown(advance, done),
                        )
                    )
            except KeyboardInterrupt:
                # every page written so far stands (one transaction each), this site's too
                partial = [*summaries, *([done[name]] if name in done else [])]
                _print(partial, engine.model_version, dry_run)
                stopped = done[name].last if name in done else first
                message = _resume(name, site, stopped, everything, dry_run)
                err.print(f"interrupted: {escape(message)}", soft_wrap=True)
                raise typer.Exit(130) from None
            if first and summaries[-1].read == 0 and summaries[-1].stored:
                err.print(
                    f"warning: --after {escape(first)}: no comment of site {escape(name)} comes "
                    "after it, so none of that site was read (the site was done)",
                    soft_wrap=True,
                )
    _print(summaries, engine.model_version, dry_run)


def _check_drift(
    drift: PolicyDrift, *, dry_run: bool, policy_change: bool, given: bool = False
) -> None:
    """Say on stderr, before anything is written, how many of the comments this run would
    decide again were decided under another server policy than its own, and stop (exit
    2) unless ``policy_change`` is given or, in a terminal, the user says go on. A dry run
    only says it. Comments decided before the store kept the policy are not counted as
    another policy's: they are only named."""
    unknown = f"{_comments(drift.unknown)} decided before fingerprints were kept"
    ours = f"{drift.ours.named()} (sha {drift.ours.sha256})"
    if drift.upgraded:
        err.print(
            f"note: {_comments(drift.upgraded)} decided under another version of the "
            f"built-in policy; this ThreadGuard's ({escape(ours)}) decides them now, as an "
            "upgraded server does",
            soft_wrap=True,
        )
    if not drift.others:
        if drift.unknown:
            err.print(
                f"note: {escape(unknown)}: which server policy decided them is not known; "
                f"this rescore uses {escape(ours)}: give the server's --policy if it ran "
                "another",
                soft_wrap=True,
            )
        return
    err.print(f"warning: {escape(_drift_warning(drift))}", soft_wrap=True)
    if dry_run:
        err.print(
            "(a dry run writes nothing; without --dry-run the run stops here unless given --policy-change)",
            soft_wrap=True,
        )
        return
    if policy_change:
        err.print("--policy-change: deciding them again under this rescore's policy")
        return
    hint = (
        "nothing written: --policy-change decides them again under this rescore's policy"
        if given
        else "nothing written: give the server's --policy, or --policy-change to decide "
        "them again under this rescore's policy all the same"
    )
    if _attached():
        try:
            if typer.confirm("Decide them again under this rescore's policy?", err=True):
                return
        except (click.exceptions.Abort, EOFError, KeyboardInterrupt):
            # Ctrl-C or Ctrl-D at the question printed a bare "error: " (a review)
            err.print("interrupted: nothing written")
            raise typer.Exit(130) from None
        fail(hint, 2)
    fail(hint, 2)


def _attached() -> bool:
    """Whether a person can answer a question: standard input and error are a terminal."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def _comments(n: int) -> str:
    return f"{n} comment" if n == 1 else f"{n} comments"


def _drift_warning(drift: PolicyDrift) -> str:
    """The warning's text: how many comments were decided under which other server
    policy, and what this rescore uses instead, with what to do about it."""
    ours = drift.ours
    parts = []
    for i, other in enumerate(drift.others):
        stamp = other.stamp
        what = f"{stamp.named()} (sha {stamp.sha256})"
        if stamp.source == ours.source:
            what = f"another version of {what}"
        if i == 0:
            verb = "was" if other.comments == 1 else "were"
            parts.append(f"{_comments(other.comments)} {verb} decided under {what}")
        else:
            parts.append(f"{other.comments} under {what}")
    text = ", ".join(parts)
    if drift.unknown:
        text += f"; {_comments(drift.unknown)} decided before fingerprints were kept"
    text += f"; this rescore uses {ours.named()} (sha {ours.sha256})"
    newest = drift.newest_other
    if drift.ours_is_newest or newest is None:
        return text + (
            ": the newest decisions stored were made under it, so the server may run it "
            "already (its policy changed since the others were decided)"
        )
    if newest.stamp.source == ours.source:
        if ours.builtin:
            return text + ": the built-in policy of the ThreadGuard that decided them differs"
        return text + (
            f": {ours.source} changed since they were decided; a server not restarted "
            "since still decides new comments under the version it read when it started"
        )
    if newest.stamp.builtin:
        return text + ": leave out --policy to decide them as the server does"
    return text + f": pass --policy {newest.stamp.source} to decide them as the server does"


def _check_after(store: Store, after: str, first: str) -> None:
    """Exit 2 unless ``after`` is the store id of a comment of ``first``, the site it
    counts in. Store ids compare as text, so a mistyped one was taken as it stood: one
    ordering before every id rescored the whole site again, one after every id none of it,
    and one of another site somewhere in between, each without a word."""
    owner = store.rescore.site_of(after)
    if owner == first:
        return
    held = "no comment has that store id" if owner is None else f"it is a comment of {owner}"
    fail(
        f"--after {after}: not a comment of site {first} ({held}); give the store id an "
        "interrupted run printed, with the --site or --from it printed",
        2,
    )


def _shown(advance: Advance, done: dict[str, RescoreSummary]) -> Callable[[RescoreSummary], None]:
    """A progress callback: the bar advanced, and the summary so far kept in ``done`` for
    an interrupted run's partial summary and the id it goes on after."""

    def shown(summary: RescoreSummary) -> None:
        done[summary.site] = replace(summary, changed=Counter(summary.changed))
        advance(summary.read, summary.stored)

    return shown


def _resume(name: str, site: str | None, last: str, everything: bool, dry_run: bool) -> str:
    """Where an interrupted run stopped and the command that goes on from there."""
    if dry_run:
        return f"in site {name}; a dry run wrote nothing"
    if not everything:
        return (
            f"in site {name}; what was written stands: run the same command again to go on "
            "(it reads only the comments not yet rescored)"
        )
    where = f"--site {name}" if site is not None else f"--from {name}"
    go_on = f"threadguard db rescore --all {where}" + (f" --after {last}" if last else "")
    stopped = f"after store id {last}" if last else "before its first page was written"
    return (
        f"in site {name} {stopped}; what was written stands. To go on where it stopped, "
        f"with the same other options: {go_on}"
    )


def _print(summaries: list[RescoreSummary], model: str, dry_run: bool) -> None:
    """The summary table: one row per site, then what changed."""
    from rich.console import Console
    from rich.table import Table

    out = Console(highlight=False)
    title = f"rescore under {model}" + (" (dry run: nothing written)" if dry_run else "")
    table = Table(title=title, title_justify="left")
    for column in ("site", "stored", "read", "rescored", "decisions changed", "moderator kept"):
        table.add_column(column, justify="left" if column == "site" else "right")
    skipped = sum(s.skipped for s in summaries)
    if skipped:
        table.add_column("changed meanwhile", justify="right")
    for s in summaries:
        row = [s.site, str(s.stored), str(s.read), str(s.rescored)]
        row += [str(sum(s.changed.values())), str(s.kept)]
        table.add_row(*row, *([str(s.skipped)] if skipped else []))
    out.print(table)
    changes: dict[tuple[str, str], int] = {}
    for s in summaries:
        for pair, n in s.changed.items():
            changes[pair] = changes.get(pair, 0) + n
    verb = "would change" if dry_run else "changed"
    if not changes:
        out.print(f"no decision {verb}")
    for (was, now), n in sorted(changes.items(), key=lambda kv: (-kv[1], kv[0])):
        out.print(f"{verb}: {was} -> {now}: {n}")
    if skipped:
        out.print(f"{skipped} changed while being rescored: run it again to rescore them")
