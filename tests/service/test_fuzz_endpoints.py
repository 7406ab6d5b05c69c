"""Every HTTP endpoint under fuzzed requests: never a 5xx, errors in the surface's shape.

The requests come from :mod:`fuzzing` (valid requests, damaged: lone surrogates, NULs,
huge numbers, deep nesting, wrong types, huge strings, forged keys), drawn through
Hypothesis so that a failure shrinks to a small request and replays. A few examples per
endpoint and database keep this quick; ``make fuzz`` sends 100,000.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from fuzzing import CORAL_SECRET, TARGETS, Keys, Target, learn, send, shape_problem
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from service_support import DIALECTS, Databases, Service

from threadguard.engine import Engine


@pytest.fixture(scope="module", params=DIALECTS)
def fuzzed(
    request: pytest.FixtureRequest,
    engine: Engine,
    databases: Databases,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Service, Keys]]:
    """One app per database for the whole module (the fuzzed requests share its state)."""
    with databases.fresh(request.param, tmp_path_factory.mktemp("fuzz")) as url:
        service = Service(engine, url, coral_secret=CORAL_SECRET, rate_per_minute=10**9)
        yield service, Keys(service.admin, service.moderator, service.client_key)
        service.close()


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rng=st.randoms(use_true_random=False))
def test_no_fuzzed_request_gets_a_5xx_or_the_wrong_error_shape(
    fuzzed: tuple[Service, Keys], target: Target, rng: random.Random
) -> None:
    service, keys = fuzzed
    request = target.make(rng, keys)
    status, body = send(service.client, request)
    problem = shape_problem(target.shape, status, None if request.method == "HEAD" else body)
    assert problem is None, f"{problem}: {request.method} {request.url[:300]} {body[:300]!r}"
    learn(keys, target, status, body)
