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
SERVICE_COMMANDS = ("serve", "dashboard", "keys", "user", "db")


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


def test_dashboard_is_serve_under_the_name_people_look_for() -> None:
    """Two news desks typed `threadguard dashboard` and were told there is no such command."""
    shown = rendered(("dashboard",))
    assert "The same as serve" in shown and "user add NAME --role moderator" in shown
    assert "--port" in shown and "--policy" in shown  # serve's own options


def test_serve_says_where_the_dashboard_is_and_who_signs_in(
    tmp_path: Any, monkeypatch: Any
) -> None:
    started: list[tuple[str, int]] = []
    monkeypatch.setattr(
        "threadguard.service.server.serve",
        lambda settings, *, host, port, workers, build: started.append((host, port)),
    )
    for command in ("serve", "dashboard"):
        result = CliRunner().invoke(
            app,
            [command, "--data-dir", str(tmp_path), "--host", "0.0.0.0", "--port", "18443"],
            env={"COLUMNS": "400"},
        )
        assert result.exit_code == 0, result.output
        assert (
            "INFO:     Dashboard: http://127.0.0.1:18443/ (sign in with an account" in result.output
        )
    assert started == [("0.0.0.0", 18443)] * 2


def test_the_dashboard_line_writes_an_ipv6_host_in_brackets() -> None:
    from threadguard.cli.service import _dashboard_line

    assert "http://[::1]:8080/" in _dashboard_line("::1", 8080)
    assert "http://[::1]:8080/" in _dashboard_line("::", 8080)
    assert "http://[fe80::1%25lo]:8080/" in _dashboard_line("fe80::1%lo", 8080)
    assert "http://news.example:80/" in _dashboard_line("news.example", 80)


def test_the_dashboard_line_gives_the_public_url_and_keeps_json_logs_json(
    tmp_path: Any, monkeypatch: Any
) -> None:
    import json

    monkeypatch.setattr(
        "threadguard.service.server.serve",
        lambda settings, *, host, port, workers, build: None,
    )
    env = {
        "COLUMNS": "400",
        "THREADGUARD_PUBLIC_URL": "https://moderation.example",
        "THREADGUARD_LOG_FORMAT": "json",
    }
    result = CliRunner().invoke(
        app, ["serve", "--data-dir", str(tmp_path), "--host", "0.0.0.0", "--port", "18444"], env=env
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert lines[-1]["message"].startswith("Dashboard: https://moderation.example/ (sign in")
