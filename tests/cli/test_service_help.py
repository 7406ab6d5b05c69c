"""The ``--help`` of ``serve``, ``keys``, ``user`` and ``db`` shows what their source says.

Typer renders help as Markdown (``rich_markup_mode="markdown"``), where ``<data-dir>`` is
an HTML tag and is dropped: ``serve --help`` said settings "come from /settings.toml"."""

from __future__ import annotations

import re
from typing import Any

import typer
from typer.testing import CliRunner

from threadguard.cli import app

#: The commands of ``cli/service.py``.
SERVICE_COMMANDS = ("serve", "keys", "user", "db")


def commands(group: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """Each command under ``group`` (of cli/service.py at the top), with its words."""
    found: list[tuple[tuple[str, ...], Any]] = []
    for name, command in group.commands.items():
        if not path and name not in SERVICE_COMMANDS:
            continue
        found.append(((*path, name), command))
        if hasattr(command, "commands"):
            found.extend(commands(command, (*path, name)))
    return found


def rendered(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_serve_help_names_the_settings_file_in_the_data_dir() -> None:
    assert "come from <data-dir>/settings.toml and THREADGUARD_*" in rendered(("serve",))


def test_no_angle_bracketed_word_of_the_source_is_lost() -> None:
    found = commands(typer.main.get_command(app))
    assert {p[0] for p, _ in found} == set(SERVICE_COMMANDS)
    checked = 0
    for path, command in found:
        texts = [command.help or ""] + [getattr(p, "help", None) or "" for p in command.params]
        shown = rendered(path)
        for text in texts:
            for word in re.findall(r"<[A-Za-z][\w-]*>", text.replace("`", "")):
                checked += 1
                assert word in shown, f"{' '.join(path)} --help lost {word}"
    assert checked >= 1
