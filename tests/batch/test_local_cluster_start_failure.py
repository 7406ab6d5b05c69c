"""A local cluster that cannot start is named as such, with what to check (it was "error:
RuntimeError: Nanny failed to start." or "RuntimeError: Cluster failed to start: ...", as if
ThreadGuard had broken), exit 1, as a scheduler that cannot be reached."""

from __future__ import annotations

from pathlib import Path

import dask
import pytest

from threadguard.batch import BatchJob, Recipe, runner
from threadguard.batch.runner import SchedulerError
from threadguard.engine import CascadeSettings
from threadguard.moderation import load_policy, policy_text
from threadguard.schema import Tier

pytestmark = pytest.mark.slow


def test_a_local_cluster_that_cannot_start_is_named(tmp_path: Path) -> None:
    policy = load_policy()
    text = policy_text(policy)
    assert text is not None
    recipe = Recipe(None, CascadeSettings(tier=Tier.FAST), text, policy.source)
    job = BatchJob([], tmp_path / "out", recipe, workers=1)
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    with (
        dask.config.set({"temporary-directory": str(blocked / "scratch")}),
        pytest.raises(SchedulerError) as raised,
        runner._client(job),
    ):
        pytest.fail("a cluster started without its scratch folder")
    said = str(raised.value)
    assert said.startswith("cannot start the local Dask cluster (1 worker process): ")
    assert "Not a directory" in said and said.endswith("or pass --scheduler")
    assert not raised.value.usage  # exit 1: no fault of the command line's
