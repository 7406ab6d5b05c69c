"""Every file under ``threadguard/resources`` is package data: the wheel carries it.

The code reads these files through importlib.resources, so one that a package-data pattern
of pyproject.toml misses works from a checkout and fails from an installed wheel.
"""

from __future__ import annotations

import tomllib
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "threadguard"


def _matches(relative: str, pattern: str) -> bool:
    """setuptools' glob: ``*`` stays within one folder."""
    parts, globs = relative.split("/"), pattern.split("/")
    return len(parts) == len(globs) and all(map(fnmatchcase, parts, globs))


def test_every_resource_file_matches_a_package_data_pattern() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["threadguard"]
    files = [
        p.relative_to(PACKAGE).as_posix()
        for p in sorted((PACKAGE / "resources").rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    ]
    assert files
    assert [f for f in files if not any(_matches(f, p) for p in patterns)] == []
