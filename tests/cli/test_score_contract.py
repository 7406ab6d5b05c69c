"""`threadguard score`: DESIGN.md's JSON Lines contract, line for line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from threadguard.engine import Engine
from threadguard.moderation import Moderator
from threadguard.parallel import SERIAL_LINES
from threadguard.schema import ATTRIBUTES
from threadguard.score_lines import MAX_TEXT_CHARS, score_stream

KEYS = ["id", "scores", "targets", "spans", "decision", "reasons", "language", "model"]


def run(engine: Engine, *lines: str) -> list[tuple[dict, bool]]:
    return list(score_stream(engine, Moderator(), list(lines)))


def test_one_output_line_per_input_line_in_order(engine: Engine) -> None:
    lines = [json.dumps({"id": f"c{i}", "text": f"comment number {i}"}) for i in range(1500)]
    out = run(engine, *lines)
    assert [o["id"] for o, _ in out] == [f"c{i}" for i in range(1500)]
    assert all(ok for _, ok in out)


def test_a_line_may_name_its_language(engine: Engine) -> None:
    """Short abuse read as English to the detector ("Du Wichser!" was approved; its marker
    words now make it German): a site that knows its comments' language says so, region
    tags included; a code that is no language code is an error on that line."""
    (detected, _), (named, _), (regional, _), (bad, ok), (other, _) = run(
        engine,
        '{"id": "a", "text": "Du Wichser!"}',
        '{"id": "b", "text": "Du Wichser!", "language": "de"}',
        '{"id": "c", "text": "Du Wichser!", "language": "DE-ch"}',
        '{"id": "d", "text": "hello", "language": "German please"}',
        '{"id": "e", "text": "Ты тупой идиот", "language": "ru"}',
    )
    assert detected["language"] == "de" and detected["scores"] == named["scores"]
    assert named["language"] == regional["language"] == "de"
    assert named["decision"] != "approve" and named["scores"] == regional["scores"]
    assert not ok and "language code" in bad["error"]["message"] and bad["id"] == "d"
    assert other["reasons"] == ["language ru is not supported"]


def test_output_line_has_every_contract_field(engine: Engine) -> None:
    ((obj, ok),) = run(
        engine, '{"id": "c1", "text": "You are a pathetic idiot", "parent": "hi", "title": "t"}'
    )
    assert ok
    assert list(obj) == KEYS
    assert list(obj["scores"]) == list(ATTRIBUTES)
    assert all(0.0 <= v <= 1.0 for v in obj["scores"].values())
    assert obj["decision"] in ("approve", "hold", "reject")
    assert obj["language"] == "en"
    assert obj["model"].startswith("threadguard-")


def test_the_parent_else_the_title_is_the_decisions_context(engine: Engine) -> None:
    """A call for expulsion whose group is named only in what it answers is held."""
    reply = "Send them all back."
    lines = [
        json.dumps({"id": "p", "text": reply, "parent": "Forty refugees arrived in May."}),
        json.dumps({"id": "t", "text": reply, "title": "Asylum seekers housed at hotel"}),
        json.dumps({"id": "n", "text": reply, "parent": "The new timetable starts in May."}),
    ]
    out = {o["id"]: o for o, _ in run(engine, *lines)}
    # the group the parent or the title names is the one the call targets
    reason = 'call for expulsion: "Send them all back" (targets nationality_migration)'
    assert reason in out["p"]["reasons"]
    assert reason in out["t"]["reasons"]
    assert not any("expulsion" in r for r in out["n"]["reasons"])


def test_plain_text_line_is_taken_as_the_text(engine: Engine) -> None:
    ((obj, ok),) = run(engine, "Thanks for the clear article about the ferry timetable.")
    assert ok
    assert "id" not in obj
    assert obj["decision"] == "approve"


def test_a_plain_text_line_that_opens_with_a_bracket_is_the_text(engine: Engine) -> None:
    """ "[Update] ..." is no broken JSON: it used to be an error line. A JSON list is
    still refused, and broken JSON that opens an object is still named."""
    (update, ok), (listed, ok_list), (broken, ok_broken) = run(
        engine, "[Update] The ferry timetable changes on Monday.", "[1, 2, 3]", '{"text": "a"'
    )
    assert ok and update["decision"] == "approve" and "id" not in update
    assert not ok_list and "got a list" in listed["error"]["message"]
    assert not ok_broken and "invalid JSON" in broken["error"]["message"]


def test_a_json_scalar_line_is_an_error_on_that_line_and_the_rest_is_scored(
    engine: Engine,
) -> None:
    """`null`, `42` and `true` are JSON, so not a comment's text: they were scored as
    comments reading "null", "42" and "true"."""
    out = run(engine, "null", '{"id": "a", "text": "hello"}', "42", "-1.5e3", "true", "false")
    errors = [(o["error"]["line"], o["error"]["message"], ok) for o, ok in out if "error" in o]
    expected = 'expected a JSON object with a "text" field, got '
    assert errors == [
        (1, expected + "null", False),
        (3, expected + "a number", False),
        (4, expected + "a number", False),
        (5, expected + "true", False),
        (6, expected + "false", False),
    ]
    assert out[1] == (out[1][0], True) and out[1][0]["id"] == "a"
    # words that only start like one are text, as before
    ((text, ok),) = run(engine, "42 is the answer")
    assert ok and "scores" in text


def test_numeric_id_is_echoed_as_given(engine: Engine) -> None:
    ((obj, _),) = run(engine, '{"id": 17, "text": "hello"}')
    assert obj["id"] == 17


def test_span_offsets_point_into_the_original_text(engine: Engine) -> None:
    text = "Honestly 😀 you are a f.u.c.k.i.n.g idiot"
    ((obj, _),) = run(engine, json.dumps({"text": text}))
    assert obj["spans"], obj
    for span in obj["spans"]:
        piece = text[span["begin"] : span["end"]]
        assert piece and piece == piece.strip()
    assert any("idiot" in text[s["begin"] : s["end"]] for s in obj["spans"])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "text": ', "invalid JSON at column"),
        ('{"id": "x"}', 'missing "text"'),
        ('{"id": "x", "text": 5}', '"text" must be a string, got int'),
        ('{"id": [1], "text": "a"}', '"id" must be a string or an integer'),
        ('{"text": "a", "parent": 3}', '"parent" must be a string'),
        ("[1, 2]", "expected a JSON object"),
        ('{"id": "x", "text": "a \\ud800 b"}', '"text" contains a lone surrogate (U+D800)'),
        ('{"id": "x", "text": "a", "parent": "\\udfff"}', '"parent" contains a lone surrogate'),
        ('{"id": "x", "text": "a", "title": "\\udc00"}', '"title" contains a lone surrogate'),
        ('{"text": "a", "n": ' + "9" * 5000 + "}", "invalid JSON"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_bad_line_gives_error_object_and_the_run_goes_on(
    engine: Engine, line: str, message: str
) -> None:
    out = run(engine, '{"id": "a", "text": "fine"}', line, '{"id": "b", "text": "also fine"}')
    assert [ok for _, ok in out] == [True, False, True]
    err = out[1][0]["error"]
    assert err["line"] == 2
    assert message in err["message"]
    assert out[2][0]["id"] == "b"


def test_an_id_with_a_lone_surrogate_is_not_echoed(engine: Engine) -> None:
    ((obj, ok),) = run(engine, '{"id": "c\\ud800", "text": "fine"}')
    assert not ok
    assert "id" not in obj
    assert '"id" contains a lone surrogate' in obj["error"]["message"]
    json.dumps(obj, ensure_ascii=False).encode("utf-8")  # the line can be written


def test_error_keeps_the_id_when_it_was_readable(engine: Engine) -> None:
    ((obj, ok),) = run(engine, '{"id": "c9", "text": null}')
    assert not ok
    assert obj["id"] == "c9"


def test_oversized_text_is_an_error_not_a_crash(engine: Engine) -> None:
    ((obj, ok),) = run(engine, json.dumps({"text": "a" * (MAX_TEXT_CHARS + 1)}))
    assert not ok
    assert "limit" in obj["error"]["message"]


def test_blank_lines_are_skipped(engine: Engine) -> None:
    out = run(engine, "", "  ", "hello", "")
    assert len(out) == 1


def _score_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``threadguard score ARGS`` in a fresh interpreter, text in and out."""
    return subprocess.run(
        [sys.executable, "-m", "threadguard", "score", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_reads_stdin_and_exit_code_reports_failures() -> None:
    good = '{"id": "a", "text": "nice article"}\n'
    proc = _score_cli(stdin=good)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "a"
    proc = _score_cli(stdin=good + "{broken\n" + good)
    assert proc.returncode == 2
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [("error" in x) for x in lines] == [False, True, False]
    assert "Traceback" not in proc.stderr


def test_a_lone_surrogate_costs_its_line_only_on_every_core(tmp_path: Path) -> None:
    # Issue 11: with one such line in 10,000, the run ended with exit 1 and 5,903 good
    # lines were never written. It falls in the pool's part of the input (past the lines
    # scored in process), so each worker's chunk is covered too.
    lines = [json.dumps({"id": f"c{i}", "text": f"comment number {i}"}) for i in range(10_000)]
    lines[SERIAL_LINES + 10] = '{"id": "bad", "text": "lone \\ud800 here"}'
    source = tmp_path / "input.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = _score_cli("--tier", "fast", "--no-spans", "--workers", "2", str(source))
    assert proc.returncode == 2, proc.stderr
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert len(out) == 10_000
    errors = [(i, x) for i, x in enumerate(out) if "error" in x]
    assert [i for i, _ in errors] == [SERIAL_LINES + 10]
    assert errors[0][1]["id"] == "bad"
    assert [x["id"] for x in out[-3:]] == ["c9997", "c9998", "c9999"]
    assert "Traceback" not in proc.stderr


def test_cli_missing_file_is_a_clear_usage_error(tmp_path) -> None:
    proc = _score_cli(str(tmp_path / "nope.jsonl"))
    assert proc.returncode == 2
    assert "nope.jsonl: cannot open" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_model_folder_without_a_model_is_a_usage_error(tmp_path) -> None:
    proc = _score_cli("--model", str(tmp_path), stdin='{"text": "x"}\n')
    assert proc.returncode == 2
    assert f"{tmp_path}: cannot load model" in proc.stderr


def test_undecodable_bytes_on_stdin_do_not_end_the_run() -> None:
    data = b'{"id": "a", "text": "ok"}\n\xff\xfe not utf-8\n{"id": "b", "text": "fine"}\n'
    proc = subprocess.run(
        [sys.executable, "-m", "threadguard", "score"], input=data, capture_output=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [x.get("id") for x in lines] == ["a", None, "b"]


def test_a_byte_order_mark_does_not_turn_line_one_into_plain_text(tmp_path: Path) -> None:
    """Windows editors start a file with one: line 1 keeps its id and its own text."""
    data = '\ufeff{"id": "x1", "text": "Thanks, a fair piece."}\n{"id": "x2", "text": "ok"}\n'
    path = tmp_path / "bom.jsonl"
    path.write_text(data, encoding="utf-8")
    for source, stdin in (([str(path)], None), ([], data.encode())):
        proc = subprocess.run(
            [sys.executable, "-m", "threadguard", "score", "--quiet", *source],
            input=stdin,
            capture_output=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
        assert [x["id"] for x in lines] == ["x1", "x2"]
        assert lines[0]["decision"] == "approve"


def test_a_utf16_file_keeps_one_output_line_per_comment_with_its_id(tmp_path: Path) -> None:
    """What a Windows PowerShell redirect writes: it was read as UTF-8, every id lost and
    each comment split over several output lines of zero-byte text."""
    data = '{"id": "u1", "text": "You are a pathetic idiot."}\r\n{"id": "u2", "text": "Caf\u00e9 ok"}\r\n'
    for encoding in ("utf-16", "utf-16-le", "utf-32"):
        path = tmp_path / f"{encoding}.jsonl"
        path.write_bytes(data.encode(encoding))
        for source, stdin in (([str(path)], None), ([], path.read_bytes())):
            proc = subprocess.run(
                [sys.executable, "-m", "threadguard", "score", "--quiet", "--no-spans", *source],
                input=stdin,
                capture_output=True,
                check=False,
            )
            assert proc.returncode == 0, proc.stderr
            lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
            assert [x["id"] for x in lines] == ["u1", "u2"], encoding
            assert lines[0]["decision"] != "approve"


def test_bytes_that_are_not_utf8_are_read_as_windows_1252_and_named(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "Caf\xe9 cr\xe8me"}\n')
    proc = subprocess.run(
        [sys.executable, "-m", "threadguard", "score", "--quiet", "--no-spans", str(path)],
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    stderr = " ".join(proc.stderr.decode().split())
    assert f"{path}: line 2: not valid UTF-8 (byte 0xe9" in stderr
    assert "read as Windows-1252" in stderr


def _scores(*args: str, lines: str) -> list[dict[str, float]]:
    proc = _score_cli(*args, stdin=lines)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(x)["scores"] for x in proc.stdout.splitlines()]


def test_the_cascade_band_is_a_setting_of_score() -> None:
    # A mildly rude comment (some fast score between 0 and 1) and a civil one: with
    # --deep-from 0 every comment reads the deep tier, exactly as --tier deep; with 1, none
    # does, exactly as --tier fast.
    lines = (
        '{"id": "a", "text": "What a silly thing to write, honestly."}\n'
        '{"id": "b", "text": "Thanks for the article, very informative."}\n'
    )
    all_deep = _scores("--deep-from", "0", lines=lines)
    assert all_deep == _scores("--tier", "deep", lines=lines)
    assert _scores("--deep-from", "1", lines=lines) == _scores("--tier", "fast", lines=lines)
    assert all_deep != _scores("--tier", "fast", lines=lines)


def test_a_band_outside_zero_to_one_is_a_usage_error() -> None:
    proc = _score_cli("--deep-from", "1.5", stdin="hello\n")
    assert proc.returncode == 2
    assert "--deep-from" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_unknown_option_is_a_usage_error() -> None:
    proc = _score_cli("--bogus", stdin="hello\n")
    assert proc.returncode == 2
    assert "--bogus" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_the_help_shows_the_shipped_band_as_a_number() -> None:
    # Desks 60 and 61 (session 49): "[default: (the shipped band)]" told them nothing.
    from typer.testing import CliRunner

    from threadguard.cli import app
    from threadguard.cli.common import SHIPPED_DEEP_FROM
    from threadguard.engine import CascadeSettings

    assert CascadeSettings().deep_from == SHIPPED_DEEP_FROM
    result = CliRunner().invoke(app, ["score", "--help"], env={"COLUMNS": "200"})
    assert "[default: (0.2)]" in result.output


def test_serve_help_says_its_band_defers_to_the_settings() -> None:
    # A code review (session 49): serve's help stated 0.2 whatever the settings file said.
    from typer.testing import CliRunner

    from threadguard.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert "the settings file's, else 0.2" in result.output
