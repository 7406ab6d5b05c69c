"""The HTTP schemas spell some values as ``Literal`` types (so OpenAPI lists them); each
must name exactly the values of the domain type it mirrors, so a new verdict, moderator
action, status, watchlist action or adaptation kind cannot reach the store without the API
accepting and documenting it (a newcomer's tryout found them copied by hand)."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from threadguard.adaptation.fit import KINDS
from threadguard.moderation.watchlist import WATCH_ACTIONS
from threadguard.schema import ModeratorAction, Verdict
from threadguard.service import schemas
from threadguard.storage.records import STATUSES
from threadguard.storage.repositories import jobs


def _field(model: type[Any], name: str) -> tuple[str, ...]:
    return get_args(model.model_fields[name].annotation)


@pytest.mark.parametrize(
    ("spelt", "domain"),
    [
        (get_args(schemas.Action), tuple(v.value for v in Verdict)),
        (get_args(schemas.Status), STATUSES),
        (_field(schemas.ActionIn, "action"), tuple(a.value for a in ModeratorAction)),
        (_field(schemas.WatchMatchOut, "action"), tuple(WATCH_ACTIONS)),
        (_field(schemas.JobOut, "status"), (jobs.QUEUED, jobs.RUNNING, jobs.DONE, jobs.FAILED)),
        (_field(schemas.AdaptationOut, "kind"), KINDS),
    ],
    ids=["verdict", "status", "moderator action", "watchlist action", "job status", "kind"],
)
def test_a_schema_literal_names_the_domain_values(
    spelt: tuple[str, ...], domain: tuple[str, ...]
) -> None:
    assert sorted(spelt) == sorted(domain)
