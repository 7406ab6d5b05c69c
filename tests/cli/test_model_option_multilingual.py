"""`--model` with a multilingual folder (`train --tier languages`) says what it replaces."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from threadguard.cli import app as cli
from threadguard.scoring.registry import shipped_model_dir


def test_a_multilingual_folder_says_it_scores_its_languages_only(tmp_path: Path) -> None:
    """`score --model models/fast-xx` on English exited 0 with the model string unchanged,
    so the folder looked ignored: it replaces the multilingual tier, and now says so."""
    folder = shipped_model_dir("fast-xx")
    lines = tmp_path / "in.jsonl"
    lines.write_text(
        json.dumps({"text": "hello there"})
        + "\n"
        + json.dumps({"text": "Du bist ein Idiot, verschwinde endlich aus diesem Forum hier."})
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["score", "--model", str(folder), str(lines)])
    assert result.exit_code == 0, result.output
    note = result.output.replace("\n", " ")
    assert f"{folder} is a multilingual model (languages.json" in note
    assert "scores comments in" in note and " de, " in note
    assert "English and other comments keep threadguard-" in note
    models = [json.loads(x)["model"] for x in result.output.splitlines() if x.startswith("{")]
    assert len(models) == 2 and "fast-de@" in models[1] and "fast-de@" not in models[0]


def test_a_fast_model_folder_gets_no_note(tmp_path: Path) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"text": "hello there"}) + "\n", encoding="utf-8")
    folder = shipped_model_dir("fast")
    result = CliRunner().invoke(cli, ["score", "--model", str(folder), str(lines)])
    assert result.exit_code == 0 and "multilingual" not in result.output, result.output
