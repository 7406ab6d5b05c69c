"""Languages beyond English without a labelled set: the team's sample comments (bench/
resources/language_samples.tsv) and suites are told right, and stay apart from English."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from threadguard.language import detect_language

SAMPLES = Path(__file__).parents[2] / "bench" / "resources" / "language_samples.tsv"


def _samples() -> list[tuple[str, str]]:
    rows = []
    for line in SAMPLES.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, text = line.split("\t", 1)
            rows.append((code, text))
    return rows


@pytest.mark.parametrize("code", ["es", "it", "nl", "pl"])
def test_short_comments_in_each_language_are_told_right(code: str) -> None:
    texts = [t for c, t in _samples() if c == code]
    assert len(texts) >= 25
    wrong = [(t, detect_language(t)) for t in texts if detect_language(t) != code]
    assert wrong == []


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_the_functional_suites_are_told_right(code: str) -> None:
    name = f"functional_suite_{code}.jsonl"
    text = resources.files("threadguard.resources").joinpath(name).read_text("utf-8")
    cases = [json.loads(line)["text"] for line in text.splitlines()]
    long = [t for t in cases if len(t) >= 20]
    right = sum(detect_language(t) == code for t in long)
    assert right / len(long) >= 0.95
