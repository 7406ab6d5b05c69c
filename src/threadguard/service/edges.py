"""The service's outermost layers, outside Starlette's own error handling.

Starlette puts its ``ServerErrorMiddleware`` (which turns an unhandled exception into
the 500 response) outside every middleware added with ``add_middleware``; so a
middleware added that way never sees a 500's response, and cannot log its status, time
it, or give it the security headers. :class:`EdgedApp` is a FastAPI app that wraps its
whole stack, error handler included, in the layers it is given: every response the
service sends passes through them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp

#: A layer: given the app inside it, the ASGI app that wraps it.
Layer = Callable[[ASGIApp], ASGIApp]


class EdgedApp(FastAPI):
    """FastAPI with ``edges`` around everything, the first one outermost."""

    def __init__(self, *, edges: Sequence[Layer] = (), **options: Any) -> None:
        super().__init__(**options)
        self.edges = tuple(edges)

    def build_middleware_stack(self) -> ASGIApp:
        app = super().build_middleware_stack()
        for wrap in reversed(self.edges):
            app = wrap(app)
        return app
