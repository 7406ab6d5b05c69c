"""``threadguard policy``: the thresholds in force shown without opening the package, and a
site's own policy started from the built-in one (four news desks of session 50 could not
find either: the README sent them to a file under ``src/``)."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import tomllib
from pathlib import Path
from typing import Any

import pytest
from cli_support import run_cli

from threadguard.moderation import left_out, load_policy
from threadguard.moderation.policy import LEFT_OUT


def _levels(output: str) -> dict[str, tuple[str, str]]:
    """The threshold table's rows: attribute -> (hold from, reject from)."""
    rows = {}
    for line in output.splitlines():
        cells = line.split()
        if (
            len(cells) >= 3
            and re.fullmatch(r"[a-z_]+", cells[0])
            and re.fullmatch(r"\d\.\d\d|never", cells[1])
        ):
            rows[cells[0]] = (cells[1], cells[2])
    return rows


def _expected(language: str | None = None) -> dict[str, tuple[str, str]]:
    rules = load_policy().thresholds_for(language)
    shown = {}
    for attr, rule in rules.items():
        hold = "never" if rule.hold is None else f"{rule.hold:.2f}"
        reject = "never" if rule.reject is None else f"{rule.reject:.2f}"
        shown[attr] = (hold, reject)
    return shown


def test_show_prints_the_built_in_thresholds_and_how_to_make_your_own() -> None:
    result = run_cli("policy", "show", env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert _levels(result.stdout) == _expected()
    assert "threadguard policy init my_site.toml" in result.stdout
    assert "any other language: hold" in result.stdout


def test_show_of_a_sites_own_file_gives_no_advice_to_make_one(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    assert run_cli("policy", "init", str(mine)).returncode == 0
    result = run_cli("policy", "show", "--policy", str(mine))
    assert result.returncode == 0, result.stderr
    assert _levels(result.stdout) == _expected()
    assert "policy init" not in result.stdout


def test_show_with_a_language_prints_that_languages_own_thresholds() -> None:
    result = run_cli("policy", "show", "--language", "de")
    assert result.returncode == 0, result.stderr
    assert _levels(result.stdout) == _expected("de") != _expected()
    assert "this language's own" in result.stdout


def test_a_language_the_policy_does_not_score_is_refused() -> None:
    result = run_cli("policy", "show", "--language", "cy")
    assert result.returncode == 2
    assert "--language cy" in result.stderr and "unsupported" in result.stderr


def test_init_writes_a_policy_that_loads_as_the_built_in_one_and_never_overwrites(
    tmp_path: Path,
) -> None:
    target = tmp_path / "my_site.toml"
    result = run_cli("policy", "init", str(target))
    assert result.returncode == 0, result.stderr
    assert load_policy(target).thresholds == load_policy().thresholds
    target.write_text(target.read_text().replace("hold = 0.40", "hold = 0.55", 1))
    again = run_cli("policy", "init", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert "hold = 0.55" in target.read_text()  # the site's edit kept
    shown = run_cli("policy", "show", "--policy", str(target))
    assert shown.returncode == 0, shown.stderr
    assert _levels(shown.stdout)["toxicity"][0] == "0.55"


def test_a_broken_policy_file_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[thresholds]\ntoxicity = { hold = 1.7 }\n")
    result = run_cli("policy", "show", "--policy", str(broken))
    assert result.returncode == 2
    assert "broken.toml" in result.stderr and "Traceback" not in result.stderr


def test_show_refuses_a_language_no_model_covers_as_scan_does(tmp_path: Path) -> None:
    swedish = tmp_path / "sv.toml"
    swedish.write_text(
        '[thresholds]\ntoxicity = { hold = 0.5 }\n[languages]\nsupported = ["en", "sv"]\n'
    )
    shown = run_cli("policy", "show", "--policy", str(swedish))
    thread = tmp_path / "thread.txt"
    thread.write_text("A thread\n\n  • ann\n\n    Hello.\n")
    scanned = run_cli("scan", str(thread), "--policy", str(swedish))
    assert shown.returncode == scanned.returncode == 2
    assert "no model covers" in scanned.stderr
    assert "sv" in shown.stderr and "no model covers" in shown.stderr


def test_init_names_the_policy_for_its_file(tmp_path: Path) -> None:
    target = tmp_path / "harbour_news.toml"
    assert run_cli("policy", "init", str(target)).returncode == 0
    assert load_policy(target).name == "harbour_news"


def test_init_writes_the_tables_without_the_built_in_history_and_a_watchlist_to_fill(
    tmp_path: Path,
) -> None:
    # Desks 70 and 72 (session 50): the file opened with 60-70 lines of how the built-in
    # thresholds were chosen, and had no [watchlist] to show its syntax.
    target = tmp_path / "site.toml"
    assert run_cli("policy", "init", str(target)).returncode == 0
    text = target.read_text()
    assert "session" not in text.split("[thresholds]")[0]
    assert "# [watchlist]" in text
    filled = tmp_path / "filled.toml"
    filled.write_text(
        text.replace("# [watchlist]", "[watchlist]").replace("# hold = [", "hold = [")
    )
    assert [w.pattern for w in load_policy(filled).rules.watchlist] == [
        "kill all *",
        "send them all back",
    ]


def test_init_names_a_policy_from_any_file_name_as_a_file_that_loads(tmp_path: Path) -> None:
    # A code review: an emoji, DEL or a newline in the file's name wrote a policy that did
    # not load.
    for stem in ("café 😀", "a\x7fb", "two\nlines"):
        target = tmp_path / f"{stem}.toml"
        assert run_cli("policy", "init", str(target)).returncode == 0
        policy = load_policy(target)
        assert policy.thresholds == load_policy().thresholds
        assert policy.name and all(c.isprintable() for c in policy.name)


def test_a_file_that_leaves_tables_out_is_warned_of_where_it_is_read(tmp_path: Path) -> None:
    # Desk 73 (session 51): a one-line [thresholds] file turned every list off under
    # `scan --policy` ("We know where you live" published), and nothing said so.
    short = tmp_path / "min.toml"
    short.write_text('[thresholds]\ntoxicity = { hold = 0.45 }\n[threats]\naction = "off"\n')
    shown = run_cli("policy", "show", "--policy", str(short))
    assert shown.returncode == 0, shown.stderr
    warning = shown.stderr
    assert "min.toml is a whole policy and leaves out tables" in warning
    assert "[coded_hate]: coded hate is left to the scores" in warning
    # desk 79: a [thresholds] naming only toxicity holds nothing on the other attributes
    assert "[thresholds]: severe_toxicity, identity_attack, insult, threat" in warning
    assert "[contact_details]" in warning and "[languages]" in warning
    assert "[threats]" not in warning  # written out, off on purpose
    scored = run_cli("score", "--policy", str(short), "-", stdin="A calm remark.\n")
    assert scored.returncode == 0 and "[coded_hate]" in scored.stderr
    # neither the built-in policy nor a file policy init wrote is warned of
    assert "warning" not in run_cli("policy", "show").stderr
    full = tmp_path / "site.toml"
    assert run_cli("policy", "init", str(full)).returncode == 0
    assert "warning" not in run_cli("policy", "show", "--policy", str(full)).stderr


def test_the_lists_line_explains_off_only_where_a_list_is_off(tmp_path: Path) -> None:
    # Desk 74: "(off: not looked for)" after four holds read as if something were off
    assert "not looked for" not in run_cli("policy", "show").stdout
    full = tmp_path / "site.toml"
    assert run_cli("policy", "init", str(full)).returncode == 0
    head, threats = full.read_text().split("[threats]\n")
    full.write_text(head + "[threats]\n" + threats.replace('action = "hold"', 'action = "off"', 1))
    shown = run_cli("policy", "show", "--policy", str(full)).stdout
    assert "threats and calls for violence off (not looked for), contact details" in shown
    assert shown.count("not looked for") == 1


def test_init_into_a_folder_that_does_not_exist_is_bad_input(tmp_path: Path) -> None:
    result = run_cli("policy", "init", str(tmp_path / "nodir" / "x.toml"))
    assert result.returncode == 2 and "cannot write" in result.stderr


def test_show_says_whether_repeat_offenders_are_escalated_and_init_shows_how(
    tmp_path: Path,
) -> None:
    # Desk 75: nothing said whether the built-in policy escalates, and init wrote no table
    assert "repeat offenders: not escalated" in run_cli("policy", "show").stdout
    target = tmp_path / "site.toml"
    assert run_cli("policy", "init", str(target)).returncode == 0
    text = target.read_text()
    assert "# [escalation]" in text
    target.write_text(
        text.replace("# [escalation]", "[escalation]")
        .replace("# rejections = 3", "rejections = 3")
        .replace("# days = 30", "days = 30")
    )
    shown = run_cli("policy", "show", "--policy", str(target)).stdout
    assert "held after 3 rejections in 30 days" in shown


def test_a_file_named_as_the_built_in_policy_is_still_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A code review: `--policy default_policy.toml` was taken for the built-in policy
    # (compared by name), so a trimmed copy under that name was never warned of.
    monkeypatch.chdir(tmp_path)
    Path("default_policy.toml").write_text("[thresholds]\ntoxicity = { hold = 0.45 }\n")
    trimmed = load_policy(Path("default_policy.toml"))
    assert not trimmed.builtin and "[threats]: " + LEFT_OUT["threats"] in left_out(trimmed)
    assert load_policy().builtin and left_out(load_policy()) == ()


def test_a_language_with_a_region_is_shown_as_scoring_reads_it() -> None:
    # A hardening review: "pt-BR" was called unsupported by policy show, scored as pt
    result = run_cli("policy", "show", "--language", "pt-BR")
    assert result.returncode == 0, result.stderr
    assert "thresholds for pt comments" in result.stdout
    assert _levels(result.stdout) == _expected("pt")


def test_policy_show_names_the_watched_patterns_in_force(tmp_path: Path) -> None:
    # Desks 79 and 80: a count alone; "go back to *" held a reader's "too scared to go back
    # to the pool" and the operator never saw the pattern it was held by.
    site = tmp_path / "site.toml"
    assert run_cli("policy", "init", str(site)).returncode == 0
    site.write_text(
        site.read_text() + '\n[watchlist]\nhold = ["go back to *", "knacker*"]\nblock = ["x y"]\n'
    )
    shown = run_cli("policy", "show", "--policy", str(site))
    assert shown.returncode == 0, shown.stderr
    line = next(s for s in shown.stdout.splitlines() if "watched words" in s)
    assert "hold 'go back to *', 'knacker*'" in line and "block 'x y'" in line
    assert "watched words and patterns: none" in run_cli("policy", "show").stdout


def test_policy_show_names_an_emoji_entry_and_refuses_one_of_punctuation(tmp_path: Path) -> None:
    # A news desk's hold = ["🐒🍌"] was refused: "has no letter or digit to match".
    site = tmp_path / "my_site.toml"
    assert run_cli("policy", "init", str(site)).returncode == 0
    policy = site.read_text(encoding="utf-8")
    site.write_text(policy + '\n[watchlist]\nhold = ["🐒🍌"]\n', encoding="utf-8")
    shown = run_cli("policy", "show", "--policy", str(site))
    assert shown.returncode == 0, shown.stderr
    line = next(s for s in shown.stdout.splitlines() if "watched words" in s)
    assert "hold '🐒🍌'" in line
    site.write_text(policy + '\n[watchlist]\nhold = ["!!"]\n', encoding="utf-8")
    refused = run_cli("policy", "show", "--policy", str(site))
    assert refused.returncode == 2
    assert "watchlist.hold: '!!': has no letter or digit" in refused.stderr


def test_init_force_on_a_full_disk_keeps_the_policy_that_was_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An on-call night: `policy init --force` on a full disk emptied the site's own policy
    # and left the first 4 KB of the new one, which loads as a policy with its later
    # tables off; exit 1 said only "cannot write"
    from typer.testing import CliRunner

    from threadguard.cli import app

    target = tmp_path / "site.toml"
    own = "[thresholds]\ntoxicity = { hold = 0.30, reject = 0.90 }\n"
    target.write_text(own)

    def full_disk(descriptor: int) -> None:  # the new file's data could not all be stored
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    result = CliRunner().invoke(app, ["policy", "init", "--force", str(target)])
    monkeypatch.undo()
    assert result.exit_code == 1
    assert f"{target}: cannot write: No space left on device" in result.output
    assert target.read_text() == own
    assert [p.name for p in tmp_path.iterdir()] == ["site.toml"]


def _init_force(target: Path) -> Any:
    from typer.testing import CliRunner

    from threadguard.cli import app

    return CliRunner().invoke(app, ["policy", "init", "--force", str(target)])


def test_init_force_to_dev_stdout_writes_the_policy_into_the_pipe() -> None:
    # A code review: `policy init /dev/stdout --force | wc -c` failed with "cannot write:
    # No such file or directory", /dev/stdout resolved to the pipe's name, which is no file
    done = run_cli("policy", "init", "/dev/stdout", "--force")
    assert done.returncode == 0, done.stderr
    # the whole output is the policy: what was written is said on standard error (a second
    # review: the "wrote ..." line ended the piped policy, which then did not load)
    assert tomllib.loads(done.stdout)["thresholds"]
    assert "wrote /dev/stdout" in done.stderr


def test_init_to_dev_stdout_redirected_to_a_file_leaves_a_policy_that_loads(
    tmp_path: Path,
) -> None:
    # A second review: a second descriptor on /dev/stdout wrote from the file's start, and
    # the "wrote ..." line printed after it wrote over the policy's head
    target = tmp_path / "r.toml"
    with open(target, "wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "threadguard", "policy", "init", "/dev/stdout", "--force"],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert tomllib.loads(target.read_text(encoding="utf-8"))["thresholds"]
    shown = run_cli("policy", "show", "--policy", str(target))
    assert shown.returncode == 0, shown.stderr


def test_init_of_a_new_file_takes_the_umasks_mode(tmp_path: Path) -> None:
    # a new file is written as any new file is (the folder's default ACL sees it too)
    old = os.umask(0o027)
    try:
        assert _init_force(tmp_path / "new.toml").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["new.toml"]  # nothing beside it


def test_init_force_into_a_fifo_writes_through_it_and_leaves_it_a_fifo(tmp_path: Path) -> None:
    # A code review: the FIFO was replaced by a regular file (and its reader got nothing)
    fifo = tmp_path / "policy.fifo"
    os.mkfifo(fifo)
    read: list[bytes] = []
    # a daemon: where the FIFO is replaced, its reader waits for a writer that never comes
    reader = threading.Thread(target=lambda: read.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = _init_force(fifo)
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b"[thresholds]" in read[0]


@pytest.mark.skipif(os.geteuid() != 0, reason="only root gives a file to another user")
def test_init_force_keeps_the_replaced_files_owner_and_mode(tmp_path: Path) -> None:
    # A code review: root rewriting nobody's 0640 policy left it root's, unreadable to them
    target = tmp_path / "site.toml"
    target.write_text("[thresholds]\n")
    os.chown(target, 65534, 65534)
    target.chmod(0o640)
    result = _init_force(target)
    assert result.exit_code == 0, result.output
    after = target.stat()
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (65534, 65534, 0o640)
    assert "[thresholds]" in target.read_text() and len(target.read_text()) > 1000


def test_init_force_writes_a_file_its_folder_does_not_let_it_replace(tmp_path: Path) -> None:
    # A code review: a file the user may write, in a folder they may not, worked before
    # the policy was written beside and renamed, then failed "cannot write: Permission denied"
    assert _init_force(tmp_path / "first.toml").exit_code == 0  # its imports, as root
    # root may write in any folder, so the command runs as nobody, in a folder nobody may
    # reach (pytest's tmp_path is its owner's alone)
    outer = Path(tempfile.mkdtemp())
    try:
        outer.chmod(0o755)
        folder = outer / "shared"
        folder.mkdir()
        target = folder / "site.toml"
        target.write_text("[thresholds]\n")
        target.chmod(0o666)
        folder.chmod(0o555)
        root = os.geteuid() == 0
        try:
            if root:
                os.seteuid(65534)
            result = _init_force(target)
        finally:
            if root:
                os.seteuid(0)
            folder.chmod(0o755)
        assert result.exit_code == 0, result.output
        assert len(target.read_text()) > 1000
        assert [p.name for p in folder.iterdir()] == ["site.toml"]
    finally:
        shutil.rmtree(outer)


def test_init_force_does_not_follow_a_link_planted_at_the_temporary_name(
    tmp_path: Path,
) -> None:
    # A code review: the new policy was written at the fixed name site.toml.partial, and a
    # link planted there was followed (the file it named overwritten) and renamed into place
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = tmp_path / "site.toml"
    target.write_text("[thresholds]\n")
    (tmp_path / "site.toml.partial").symlink_to(victim)
    result = _init_force(target)
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "keep me"
    assert not target.is_symlink() and len(target.read_text()) > 1000


def test_init_force_interrupted_leaves_the_old_policy_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A code review: an interrupt (Ctrl-C) while the policy was being put in place left
    # site.toml.partial behind: only an OSError removed it
    target = tmp_path / "site.toml"
    target.write_text("[thresholds]\n")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with contextlib.suppress(KeyboardInterrupt):
        _init_force(target)
    monkeypatch.undo()
    assert target.read_text() == "[thresholds]\n"
    assert [p.name for p in tmp_path.iterdir()] == ["site.toml"]
