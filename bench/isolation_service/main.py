"""The app: a module-level object (``app``), and the factory that would fix it."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware

from . import settings
from .routes import ROUTES


def create_app() -> Starlette:
    """A new app (routes and middleware); the store stays module-level either way."""
    return Starlette(
        debug=settings.DEBUG,
        routes=ROUTES,
        middleware=[Middleware(GZipMiddleware, minimum_size=1000)],
    )


app = create_app()
