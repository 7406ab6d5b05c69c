"""`adapt --list` says which versions were rolled back: they are never served again."""

from __future__ import annotations

import re
from pathlib import Path

from .test_adapt_command import adapt, give_verdicts


def test_a_rolled_back_version_is_listed_as_such(tmp_path: Path) -> None:
    give_verdicts(tmp_path, 50)
    for args in ((), ("--kind", "calibration"), ("--rollback",)):
        code, output = adapt(tmp_path, "--site", "news", *args)
        assert code == 0, output
    code, output = adapt(tmp_path, "--site", "news", "--list")
    assert code == 0, output
    rows = {line.split("│")[1].strip(): line for line in output.splitlines() if "│" in line}
    # version 2 was rolled back (with when and by whom); version 1 is served again
    assert re.search(r"rolled back \d{4}-\d\d-\d\d \d\d:\d\d by cli:", rows["2"]), output
    assert "yes" in rows["1"] and "rolled back" not in rows["1"]
    code, output = adapt(tmp_path, "--site", "news", "--rollback")
    code, output = adapt(tmp_path, "--site", "news", "--list")
    rows = {line.split("│")[1].strip(): line for line in output.splitlines() if "│" in line}
    assert "rolled back" in rows["1"] and "rolled back" in rows["2"], output
