"""``GET /stats?site=&days=``: the site's (or every site's) figures over the last 7, 30 or
90 days, as server-drawn SVG charts with their tables.

Comments per day with the policy's held and rejected rates, the attribute mix over time
(comments reaching each attribute's review level under the site's policy), the most
targeted groups, the most active offenders, moderators' throughput (actions per day)
and their agreement with the model. Each figure is one grouped query
(:mod:`threadguard.storage.repositories.stats`); moderators and admins see the page.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from threadguard.dashboard.routes.page_errors import (
    SiteQuery,
    error_page,
    site_for,
)
from threadguard.dashboard.signin import SignedIn, WebUser, state_of
from threadguard.dashboard.stats_page import (
    ATTRIBUTE_COLORS,
    PERIODS,
    period_days,
    period_of,
    review_levels,
    stats_view,
)
from threadguard.dashboard.web import render
from threadguard.service.context import ServiceState
from threadguard.storage.models import utcnow

router = APIRouter()

#: Groups and offenders listed.
TOP = 10


def _context(state: ServiceState, user: WebUser, site: str | None, days: int) -> dict[str, Any]:
    since, day_list = period_days(days, utcnow())
    policy = state.site_policy(site).policy
    levels = review_levels(policy)
    figures = state.store.stats.period(
        site, since, levels, target_report=policy.target_report, top=TOP
    )
    view = stats_view(days=days, site=site, day_list=day_list, levels=levels, figures=figures)
    return {
        "user": user,
        "nav": "stats",
        "title": "Stats",
        "view": view,
        "sites": user.visible(state.store.site_names()),
        "periods": PERIODS,
        "colors": ATTRIBUTE_COLORS,
        "target_report": policy.target_report,
    }


@router.get("/stats")
async def stats_page(
    request: Request,
    user: SignedIn,
    site: SiteQuery = None,
    days: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:
    chosen = site_for(user, site)  # a site-bound account's own site, whatever is asked
    state = state_of(request)
    # Only a stored site's policy is asked for: the state caches every name it is asked
    # about, and a query string can name any.
    if chosen is not None and chosen not in await run_in_threadpool(state.store.site_names):
        return error_page(request, user, 404, "No such site", f"There is no site {chosen!r}.")
    context = await run_in_threadpool(_context, state, user, chosen, period_of(days))
    return render(request, "stats.html", context)
