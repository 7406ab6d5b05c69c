"""The dashboard's routes: one module per page or family of actions.

``login`` (sign in and out), ``queue`` (``/``, the held queue and its filters),
``actions`` (approve, reject, ban, note, undo, bulk), ``erasure`` (an admin erases a
comment's text and author name), ``preferences`` (each moderator's
reading settings), ``threads`` (the threads list and the thread view), ``policy`` (the
admins' policy editor with its preview), ``stats`` (the statistics page) and ``audit``
(the admins' read-only audit log).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from threadguard.dashboard.forms import plain_query
from threadguard.dashboard.routes import (
    actions,
    audit,
    erasure,
    login,
    policy,
    preferences,
    queue,
    stats,
    threads,
)


def build_router() -> APIRouter:
    """Every dashboard route, outside the API's schema; a path or query value no store
    could look up (a NUL, a lone surrogate) is refused before any route runs."""
    router = APIRouter(include_in_schema=False, dependencies=[Depends(plain_query)])
    for module in (login, queue, actions, erasure, preferences, threads, policy, stats, audit):
        router.include_router(module.router)
    return router
