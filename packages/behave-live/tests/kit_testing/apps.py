"""The apps the kit's tests serve: small Starlette apps with only what the tests need.

``create_app`` is a factory, so every server start gets a fresh app with fresh state (the
``/visits`` counter shows it); ``app`` is one module-level instance, for import strings that
name an app object rather than a factory.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import Route

from kit_testing import inspection, samples, streams

__all__ = ["APP_SPEC", "app", "create_app", "marked_app"]

#: The import string of the factory, as a user would write it in their configuration.
APP_SPEC = "kit_testing.apps:create_app"


async def health(request: Request) -> JSONResponse:
    """Answer 200 ``{"message": "OK"}``."""
    return JSONResponse({"message": "OK"})


async def visits(request: Request) -> JSONResponse:
    """Count the visits this app instance has seen: 1 on a fresh app."""
    request.app.state.visits += 1
    return JSONResponse({"visits": request.app.state.visits})


async def echo(request: Request) -> JSONResponse:
    """Answer the posted JSON document as it came."""
    return JSONResponse(await request.json())


async def redirect_old(request: Request) -> RedirectResponse:
    return RedirectResponse("/redirects/new", status_code=302)


async def redirect_moved(request: Request) -> RedirectResponse:
    return RedirectResponse("/redirects/old", status_code=301)


async def redirect_new(request: Request) -> JSONResponse:
    return JSONResponse({"page": "new"})


#: /redirects/moved -> 301 -> /redirects/old -> 302 -> /redirects/new -> 200.
REDIRECT_ROUTES = [
    Route("/redirects/old", redirect_old, methods=["GET"]),
    Route("/redirects/moved", redirect_moved, methods=["GET"]),
    Route("/redirects/new", redirect_new, methods=["GET"]),
]


def create_app() -> Starlette:
    """A fresh app: health, a visit counter, a JSON echo, request inspection, samples."""
    test_app = Starlette(
        routes=[
            Route("/health", health, methods=["GET"]),
            Route("/visits", visits, methods=["POST"]),
            Route("/echo", echo, methods=["POST"]),
            *inspection.routes,
            *samples.routes,
            *streams.routes,
            *REDIRECT_ROUTES,
        ]
    )
    test_app.state.visits = 0
    test_app.state.eventually_ready_calls = {}  # /samples/eventually-ready: calls per key
    return test_app


#: One instance made at import: its state lives as long as the process.
app = create_app()


def marked_app(marker: str) -> Starlette:
    """An app whose ``/health`` also names ``marker``, to tell servers apart."""

    async def marked_health(request: Request) -> JSONResponse:
        return JSONResponse({"message": "OK", "server": marker})

    return Starlette(routes=[Route("/health", marked_health)])
