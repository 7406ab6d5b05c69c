"""A comment in a language the models do not cover is held (the default policy's rule), with
the reason that says so, in `threadguard score` and in `threadguard scan --format json`:
never scored as English and approved."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import run_cli

#: Abuse the English model would misread, each written for these tests.
ABUSE = {
    "ru": "Ты тупой идиот, убирайся отсюда, тебя надо убить",
    "hi": "तुम बेवकूफ हो, मैं तुम्हें मार दूंगा",
    "el": "Είσαι ηλίθιος, θα σε σκοτώσω",
    "sv": "Jag ska döda dig, din jävla idiot, du förtjänar att dö",
}
#: Languages the multilingual fast tier covers: scored in their own language, not held
#: as unsupported (each written for these tests).
COVERED = {
    "ar": "أنت غبي وحقير ويجب أن تموت",
    "de": "Ich bringe dich um, du dreckiges Stück Scheiße",
}
ENGLISH = "Thanks for the clear article about the ferry timetable."


def test_score_holds_each_unsupported_language_with_its_reason() -> None:
    lines = [json.dumps({"id": code, "text": text}) for code, text in ABUSE.items()]
    lines.append(json.dumps({"id": "en", "text": ENGLISH}))
    proc = run_cli("score", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    out = {o["id"]: o for o in map(json.loads, proc.stdout.splitlines())}
    for code in ABUSE:
        assert out[code]["language"] == code
        assert out[code]["decision"] == "hold"
        assert out[code]["reasons"] == [f"language {code} is not supported"]
    assert out["en"]["language"] == "en" and out["en"]["decision"] == "approve"


def test_score_scores_a_covered_language_with_its_own_model() -> None:
    lines = [json.dumps({"id": code, "text": text}) for code, text in COVERED.items()]
    proc = run_cli("score", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    for o in map(json.loads, proc.stdout.splitlines()):
        assert o["language"] == o["id"]
        assert "threadguard-fast-" in o["model"] and "threadguard-fast@" not in o["model"]
        assert o["decision"] != "approve"
        assert not any("not supported" in r for r in o["reasons"])
        assert o["scores"]["toxicity"] >= 0.5


def test_scan_json_holds_each_unsupported_language_with_its_reason(tmp_path: Path) -> None:
    thread = tmp_path / "thread.jsonl"
    rows = [{"thread": {"title": "Ferry", "body": "Boats.", "url": "https://n.test/f"}}]
    rows += [{"id": "en", "author": "ann", "text": ENGLISH}]
    rows += [
        {"id": code, "parent": "en", "author": f"user{i}", "text": text}
        for i, (code, text) in enumerate(ABUSE.items())
    ]
    thread.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    proc = run_cli("scan", str(thread), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    comments = {c["id"]: c for c in json.loads(proc.stdout)["comments"]}
    for code in ABUSE:
        assert comments[code]["analysis"]["language"] == code
        assert comments[code]["decision"] == {
            "action": "hold",
            "reasons": [f"language {code} is not supported"],
        }
    assert comments["en"]["decision"]["action"] == "approve"
