"""Every file of the package that is not Python source is package data: the wheel carries it.

The code reads these files (resources, models, the dashboard's templates and static files,
the migrations' template) through importlib.resources or beside its own module, so one that
a package-data pattern of pyproject.toml misses works from a checkout and fails from an
installed wheel.
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


def _patterns() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns: list[str] = config["tool"]["setuptools"]["package-data"]["threadguard"]
    return patterns


def _data_files(folder: Path) -> list[str]:
    """Files under ``folder`` that are not Python source, relative to the package."""
    return [
        p.relative_to(PACKAGE).as_posix()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts
    ]


def test_every_resource_file_matches_a_package_data_pattern() -> None:
    files = _data_files(PACKAGE / "resources")
    assert files
    assert [f for f in files if not any(_matches(f, p) for p in _patterns())] == []


def test_every_non_python_file_of_the_package_matches_a_package_data_pattern() -> None:
    files = _data_files(PACKAGE)
    assert any(f.startswith("models/") for f in files), "the shipped models are not here"
    assert [f for f in files if not any(_matches(f, p) for p in _patterns())] == []
