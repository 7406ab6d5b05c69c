"""The whole web site one server runs: the HTTP service with the moderators' dashboard
mounted on it.

Above both packages: the dashboard imports the service (its state, dependencies and
policy previews), so the service must not import the dashboard, not even by name at run
time (it did, through ``importlib``, and the two packages depended on each other). The
command line's ``serve`` hands :func:`create_site` to the server, which builds each
worker's app with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from threadguard.service.settings import ServiceSettings


def create_site(settings: ServiceSettings, **options: Any) -> FastAPI:
    """:func:`threadguard.service.app.create_app` with the dashboard installed on it
    (``options`` are ``create_app``'s)."""
    from threadguard.dashboard import install
    from threadguard.service.app import create_app

    app = create_app(settings, **options)
    install(app)
    return app
