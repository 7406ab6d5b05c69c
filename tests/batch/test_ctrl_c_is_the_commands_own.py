"""Ctrl-C during `threadguard batch` is the command's to handle: the local cluster's worker
processes never take it (they printed tracebacks and log lines around the command's one
'interrupted' line), one that comes as the cluster finishes starting ends the job with the
cluster closed (one that comes while its workers start: test_ctrl_c_while_the_cluster_starts.py),
and the cluster is quiet about a port another one holds."""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cloudpickle
import pytest

from threadguard.batch import BatchJob, Recipe, runner
from threadguard.engine import CascadeSettings
from threadguard.moderation import load_policy, policy_text
from threadguard.schema import Tier

pytestmark = pytest.mark.slow


def _job(out: Path) -> BatchJob:
    policy = load_policy()
    text = policy_text(policy)
    assert text is not None
    recipe = Recipe(None, CascadeSettings(tier=Tier.FAST), text, policy.source)
    return BatchJob([], out, recipe, workers=1)


def _sigint_blocked() -> bool:
    return signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])


def test_the_local_workers_never_take_a_ctrl_c(tmp_path: Path) -> None:
    # The terminal sends SIGINT to the whole process group: a worker still importing
    # printed a KeyboardInterrupt traceback, a running one died with its nanny's errors.
    # the workers cannot import this module (`pytest` puts no checkout on their path): the
    # functions go to them by value (CI found it; `python -m pytest` had hidden it)
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    try:
        _check_workers(tmp_path)
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert not _sigint_blocked()  # and this process takes it as before


def _check_workers(tmp_path: Path) -> None:
    with runner._client(_job(tmp_path / "out")) as client:
        assert set(client.run(_sigint_blocked).values()) == {True}
        # nor log more than what is critical: the busy worker's heartbeats to the scheduler
        # closed at a Ctrl-C came as dozens of lines of traceback
        assert set(client.run(_distributed_log_levels).values()) == {(logging.CRITICAL,)}


def _distributed_log_levels() -> tuple[int, ...]:
    handlers = logging.getLogger("distributed").handlers
    return tuple(sorted({h.level for h in handlers if isinstance(h, logging.StreamHandler)}))


def test_the_command_quiets_dasks_side_of_its_own_process() -> None:
    # Dask's clean-up of a wait that Ctrl-C broke off logs through Tornado's logger
    # ("Exception in callback ... NameError"), not its own
    from threadguard.cli.batch import _quiet_dask_client

    with _quiet_dask_client():
        for name in ("distributed", "distributed.nanny", "tornado.application"):
            assert logging.getLogger(name).getEffectiveLevel() == logging.CRITICAL


@pytest.fixture
def interrupted_start(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """LocalCluster, with a Ctrl-C that comes as soon as the cluster is up, before the
    job has it; the clusters made."""
    import distributed

    made: list[Any] = []

    class Interrupted(distributed.LocalCluster):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(distributed, "LocalCluster", Interrupted)
    yield made
    for cluster in made:
        cluster.close()


def test_a_ctrl_c_while_the_cluster_starts_ends_the_job_with_the_cluster_closed(
    tmp_path: Path, interrupted_start: list[Any]
) -> None:
    # Taken inside Dask's start, it left a cluster half made and never closed: its workers
    # then logged their failed heartbeats to a scheduler that was gone.
    from distributed.core import Status

    with pytest.raises(KeyboardInterrupt), runner._client(_job(tmp_path / "out")):
        pytest.fail("the job went on after Ctrl-C")
    [cluster] = interrupted_start
    assert cluster.status == Status.closed
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_cluster_starts_quietly_where_another_holds_dasks_port(tmp_path: Path) -> None:
    # The scheduler's HTTP server took 8787 even without a dashboard, and warned on stderr
    # ("Port 8787 is already in use") when another cluster, or batch, had it.
    with socket.socket() as taken:
        try:
            taken.bind(("127.0.0.1", 8787))
        except OSError:
            pytest.skip("port 8787 is in use here")
        taken.listen()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with runner._client(_job(tmp_path / "out")) as client:
                assert client.scheduler_info()["workers"]
    assert not [w for w in caught if "already in use" in str(w.message)]
