"""``/api/v1/sites/{site}/adaptations``: learning from the site's own moderators.

``POST`` fits the site's adaptation from its moderators' verdicts and serves it at once
(422 naming the counts when the site has fewer than the minimum of either verdict);
``GET`` lists the versions; ``POST ...:rollback`` goes back to the version before (409
when none is active). Admin keys only: an adaptation changes what every comment of the
site is scored. The fitting is the store's
(:meth:`~threadguard.storage.repositories.adaptations.AdaptationRepository.fit`), the
same as ``threadguard adapt``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from threadguard.adaptation import MIN_VERDICTS_PER_CLASS, TooFewVerdicts, WorseThanEngine
from threadguard.service import schemas
from threadguard.service.api.shared import actor, json_body, json_body_doc
from threadguard.service.api.sites import AdminSite, SitePath
from threadguard.service.auth import resolve_site
from threadguard.service.dependencies import Admin, State
from threadguard.service.errors import ApiError
from threadguard.storage.records import AdaptationRecord

router = APIRouter(tags=["sites"])


def adaptation_out(record: AdaptationRecord) -> schemas.AdaptationOut:
    """A stored version as the API shows it."""
    return schemas.AdaptationOut.model_validate(record, from_attributes=True)


def listing(state: State, site: str) -> schemas.AdaptationsOut:
    """Every version of the site's adaptation, newest first."""
    records = state.store.site_adaptations(site)
    active = next((r.version for r in records if r.active), None)
    return schemas.AdaptationsOut(
        site=site,
        active=active,
        minimum_per_class=MIN_VERDICTS_PER_CLASS,
        items=[adaptation_out(r) for r in records],
    )


@router.get(
    "/sites/{site}/adaptations",
    summary="A site's adaptation versions, newest first, and the one served",
    response_model=schemas.AdaptationsOut,
)
def list_adaptations(scope: AdminSite) -> schemas.AdaptationsOut:
    return listing(scope.state, scope.name)


@router.post(
    "/sites/{site}/adaptations",
    summary="Fit the site's adaptation from its moderators' verdicts and serve it",
    response_model=schemas.AdaptationOut,
    status_code=201,
    openapi_extra=json_body_doc(schemas.AdaptationRequest, required=False),
    responses={
        422: {
            "description": "Too few approvals or rejections to fit from, or a fit that "
            "holds more approved comments than the engine's scores (without force)."
        }
    },
)
async def create_adaptation(
    site: SitePath,
    principal: Admin,
    state: State,
    request: Annotated[
        schemas.AdaptationRequest | None, json_body(schemas.AdaptationRequest, required=False)
    ],
) -> schemas.AdaptationOut:
    name = resolve_site(principal, site)
    kind = request.kind if request is not None else "head"
    force = request.force if request is not None else False

    def work() -> schemas.AdaptationOut:
        levels = state.site_policy(name).policy.flag_levels("en")  # fitted on English only
        try:
            record, _ = state.store.fit_adaptation(
                name, levels, actor(principal), kind=kind, force=force
            )
        except TooFewVerdicts as exc:
            raise ApiError(422, f"site {name!r} cannot be adapted yet: {exc}") from None
        except WorseThanEngine as exc:
            raise ApiError(
                422, f'site {name!r}: not served: {exc}; send "force": true to serve it'
            ) from None
        state.forget(name)
        return adaptation_out(record)

    return await run_in_threadpool(work)


@router.post(
    "/sites/{site}/adaptations:rollback",
    summary="Stop serving the site's active adaptation; the version it replaced (if any) "
    "is served again",
    response_model=schemas.AdaptationsOut,
)
async def rollback_adaptation(scope: AdminSite) -> schemas.AdaptationsOut:
    state, name = scope.state, scope.name

    def work() -> schemas.AdaptationsOut:
        state.store.rollback_adaptation(name, actor(scope.principal))
        state.forget(name)
        return listing(state, name)

    return await run_in_threadpool(work)
