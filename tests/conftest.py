"""Fixtures every test folder shares: the shipped engine and moderator, the example thread,
the shared data (if present) and the throwaway databases (SQLite and PostgreSQL).

Tests sit in folders that mirror the package (``tests/storage`` for ``threadguard.storage``
and so on); a folder's own ``conftest.py`` holds what only its tests need."""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import settings
from service_support import Databases

from threadguard.engine import Engine
from threadguard.moderation import Moderator

# CI shares two cores with other work: a per-example time limit would make property tests
# fail on load, not on behaviour.
settings.register_profile("threadguard", deadline=None)
settings.load_profile("threadguard")

REPO = Path(__file__).resolve().parents[1]
# The labelled data comes from THREADGUARD_DATA, as for the command line. Here only, so
# that CI on a clean clone finds it with no setting, the tests fall back to the team's
# shared folder beside the checkout (../shared/data); the code itself has no default.
DATA = Path(os.environ.get("THREADGUARD_DATA") or REPO.parent / "shared" / "data")
SAMPLE = REPO.parent / "shared" / "examples" / "thread_dump_sample.txt"


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The shipped models: what a user gets."""
    return Engine.load()


@pytest.fixture(scope="session")
def moderator() -> Moderator:
    """The moderator under the default policy: what a user gets."""
    return Moderator()


@pytest.fixture(scope="session")
def example_thread() -> Path:
    return Path(str(resources.files("threadguard.resources").joinpath("example_thread.txt")))


@pytest.fixture(scope="session")
def data_root() -> Path:
    """The labelled data folder; tests that need it skip, saying why, when it is absent."""
    if not (DATA / "MANIFEST.md").is_file():
        pytest.skip(
            f"labelled data not found at {DATA} (set THREADGUARD_DATA to run model-quality tests)"
        )
    return DATA


@pytest.fixture(scope="session")
def sample_dump() -> Path:
    if not SAMPLE.is_file():
        pytest.skip(f"{SAMPLE} not found (the shared examples folder is not beside this checkout)")
    return SAMPLE


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    """Migrated template databases, copied fresh for each test that asks for one."""
    made = Databases(tmp_path_factory.mktemp("databases"))
    yield made
    made.close()
