"""``threadguard policy``: see the policy a command decides by, and start a site's own.

Four news desks in a row (session 50) could not find the thresholds without opening the
package's source, and the README told them to copy a file under ``src/``, which a
pip-installed ThreadGuard does not have. ``policy show`` prints what a policy decides by,
checked as ``scan --policy`` checks it; ``policy init`` writes the built-in policy, with
its comments, to a file of the site's own to edit.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from threadguard.cli.common import ModelOpt, PolicyOpt, app, fail, warn_left_out, write_fault
from threadguard.cli.service import _columns

if TYPE_CHECKING:
    from threadguard.moderation.policy import Policy

policy_app = typer.Typer(
    help="The moderation policy: the thresholds and rules in force, and a file to make your own.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
app.add_typer(policy_app, name="policy")


def _level(value: float | None) -> str:
    return "never" if value is None else f"{value:.2f}"


@policy_app.command("show")
def policy_show(
    policy: PolicyOpt = None,
    model: ModelOpt = None,
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            help="Show the thresholds a comment in this language is decided by "
            "(ISO 639-1, e.g. de; default: the policy's own, which English comments get).",
        ),
    ] = None,
) -> None:
    """Print the thresholds and rules a policy decides by: the built-in news-site policy,
    or the `--policy` file, checked as `scan --policy` checks it, against the models'
    languages too (a broken file exits 2 with what is wrong and where)."""
    from threadguard.engine import Engine
    from threadguard.language import primary_language
    from threadguard.moderation import PolicyError, load_policy, require_covered
    from threadguard.schema import ATTRIBUTES
    from threadguard.scoring.linear import ModelError
    from threadguard.scoring.registry import ModelChoiceError

    try:
        chosen = load_policy(policy)
        require_covered(chosen, Engine.load(model).supported_languages)
    except (PolicyError, ModelChoiceError) as exc:
        fail(str(exc), 2)
    except ModelError as exc:
        fail(f"{exc}. Train one with `threadguard train`.", 1)
    warn_left_out(chosen)
    # as scoring reads a stated language: "pt-BR" is Portuguese (a hardening review)
    code = primary_language(language.strip()) if language else None
    if code is not None and code not in chosen.languages.supported:
        known = ", ".join(sorted(chosen.languages.supported))
        fail(
            f"--language {language}: this policy does not decide that language by scores "
            f"(it gets the rule for unsupported languages); supported: {known}",
            2,
        )
    typer.echo(f"policy {chosen.name} ({chosen.source})")
    typer.echo("")
    rules = chosen.thresholds_for(code)
    own = chosen.languages.thresholds.get(code or "", {})
    typer.echo(
        f"thresholds for {code} comments (a score at or above a level holds or rejects):"
        if code
        else "thresholds (a score at or above a level holds or rejects the comment):"
    )
    _columns(
        ("attribute", "hold from", "reject from", *(("",) if own else ())),
        [
            (
                attr,
                _level(rules[attr].hold),
                _level(rules[attr].reject),
                *(("this language's own",) if attr in own else (("",) if own else ())),
            )
            for attr in ATTRIBUTES
            if attr in rules
        ],
        "no thresholds: no comment is held or rejected on its scores",
    )
    typer.echo("")
    for line in _rules(chosen):
        typer.echo(line)
    if policy is None:  # a site's own file needs no advice to make one (desk 90)
        typer.echo("")
        typer.echo(
            "To make it your own: `threadguard policy init my_site.toml`, edit the file, "
            "check it with `threadguard policy show --policy my_site.toml`, and pass "
            "`--policy my_site.toml` to scan, score, batch or serve (docs/policy.md explains "
            "each table)."
        )


def _rules(policy: Policy) -> list[str]:
    """The rules beyond the thresholds, one line each."""
    site, languages = policy.rules, policy.languages
    names = (
        f"screened, their scores counting from {policy.author_floor:.2f}"
        if policy.screen_authors
        else "not screened"
    )
    own = ", ".join(sorted(languages.thresholds)) or "none"

    def shown(action: str) -> str:
        # explained where it is: "(off: not looked for)" after four holds read as if
        # something were off (desk 74), and after the last list as if about that one
        return "off (not looked for)" if action == "off" else action

    return [
        f"languages decided by scores: {', '.join(sorted(languages.supported))}; any other "
        f"language: {languages.unsupported.value}",
        f"languages with thresholds of their own: {own} (`--language CODE` shows them)",
        f"lists: coded hate {shown(site.coded_action)}, threats and calls for violence "
        f"{shown(site.threat_action)}, contact details and spam {shown(site.contact_action)}, "
        "abusive words (other languages' lists, and English insults at a reader) "
        f"{shown(site.abusive_action)}",
        # desks 79 and 80: a count alone, and "go back to *" held a reader's "too scared
        # to go back to the pool" without the operator seeing the pattern in force
        "watched words and patterns: "
        + (
            "; ".join(
                f"{action} {', '.join(repr(r.pattern) for r in site.watchlist if r.action == action)}"
                for action in dict.fromkeys(r.action for r in site.watchlist)
            )
            if site.watchlist
            else "none"
        ),
        f"user names: {names}",
        f"new authors: {'their first ' + str(site.premoderate_first) + ' comments held' if site.premoderate_first else 'not held for being new'}; "
        f"trusted authors: {len(site.trusted)}",
        f"targeted groups reported from: {policy.target_report:.2f}",
        # desk 75: nothing said whether the built-in policy escalates
        f"repeat offenders: everything an author writes held after {site.escalation_rejections} "
        f"rejections in {site.escalation_days} days"
        if site.escalation_rejections
        else "repeat offenders: not escalated (an [escalation] table turns it on)",
    ]


#: What a site's own policy file opens with, in place of the built-in one's history of how
#: its thresholds were chosen (desk 72, session 50: "70 lines of internal developer
#: history before the first setting").
_HEAD = """# {name}: a ThreadGuard policy, written by `threadguard policy init` from the built-in
# news-site policy. Every score is a calibrated probability: a comment is REJECTED when
# an attribute reaches its `reject` level, HELD for a moderator when one reaches `hold`,
# and APPROVED otherwise. Check it with `threadguard policy show --policy FILE`; pass it
# with `--policy FILE` to scan, score, batch or serve. docs/policy.md explains each table.

name = {quoted}

"""
#: Watched words, which the built-in policy has none of (desk 72 found the table only from
#: an error message): an example, commented out.
_WATCHLIST = """
# Your own watched words and phrases (matched after normalisation: f.u.c.k, fuuuck and
# the styled letters all match "fuck*"; `*` alone is one whole word, inside a word any
# letters; not regular expressions; emoji as written, "🐒🍌"). Uncomment and edit, its
# header line too:
# [watchlist]
# hold = ["kill all *", "send them all back"]   # held for a moderator
# block = []                                    # rejected
# flag = []                                     # a reason only
# censor = []                                   # masked in censored_text

# Repeat offenders, which the built-in policy does not escalate: hold everything an author
# writes once the moderators have rejected this many of their comments in so many days.
# Uncomment and edit:
# [escalation]
# rejections = 3
# days = 30
"""


def _surrogate(c: str) -> bool:
    """Whether ``c`` is a lone surrogate (a file name's undecodable byte)."""
    return "\ud800" <= c <= "\udfff"


def _site_policy(default: str, name: str) -> str:
    """The built-in policy's text for a site's own file: its tables and their comments,
    under a short head of the file's own (named ``name``) instead of the built-in one's
    head and history, with an example watchlist at the end."""
    first = re.search(r"(?m)^\[thresholds\]\s*$", default)
    tables = default[first.start() :] if first else default
    # printable characters only (a code review: an emoji, DEL or a newline in the file's
    # name wrote a file that does not load); json.dumps then quotes it as TOML reads a
    # basic string
    name = "".join(c for c in name if c.isprintable() and c != "\x7f" and not _surrogate(c))
    name = name or "site"
    head = _HEAD.format(name=name, quoted=json.dumps(name, ensure_ascii=False))
    return head + tables.rstrip("\n") + "\n" + _WATCHLIST


@policy_app.command("init")
def policy_init(
    path: Annotated[Path, typer.Argument(help="The file to write, e.g. my_site.toml.")],
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the file if it exists.")
    ] = False,
) -> None:
    """Write the built-in news-site policy, with the comments that explain each table, to
    a file of your own, named for it (`name = "my_site"` for my_site.toml): edit it, then
    pass it as `--policy`."""
    from threadguard.moderation.policy import _default_text
    from threadguard.report.files import is_standard_output, replace_text

    if path.is_dir():  # --force would not help: "cannot write: Is a directory"
        fail(f"{path}: is a folder; name the file to write in it (say {path / 'my_site.toml'})")
    if path.exists() and not force:
        fail(f"{path}: already exists (pass --force to overwrite it)", 2)
    text = _site_policy(_default_text(), path.stem)
    # written beside and renamed (report/files.py): on a full disk `--force` had emptied
    # the site's own policy and left the first 4 KB of the new one, which loads, its later
    # tables off
    try:
        replace_text(path, text)
    except OSError as exc:
        fail(f"{path}: cannot write: {exc.strerror or exc}", write_fault(exc))
    typer.echo(
        f"wrote {path}: edit it, check it with `threadguard policy show --policy {path}`, "
        f"and pass `--policy {path}` to scan, score, batch or serve",
        err=is_standard_output(path),  # not into the policy written there
    )
