"""The dashboard's routes: one module per page or family of actions.

``login`` (sign in and out), ``queue`` (``/``, the held queue and its filters),
``actions`` (approve, reject, ban, note, undo, bulk) and ``preferences`` (each
moderator's reading settings) are here; the pages listed in :data:`OPTIONAL` (the thread
view, the policy editor, the statistics) are included when their module exists.
"""

from __future__ import annotations

import importlib

from fastapi import APIRouter

from threadguard.dashboard.routes import actions, login, preferences, queue

#: Page modules included when present: each has a module-level ``router``.
OPTIONAL = ("threads", "policy", "stats")


def build_router() -> APIRouter:
    """Every dashboard route, outside the API's schema."""
    router = APIRouter(include_in_schema=False)
    for module in (login, queue, actions, preferences):
        router.include_router(module.router)
    for name in OPTIONAL:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue
            raise
        router.include_router(module.router)
    return router
