"""Endpoints that redirect, for the features about following (or not following) redirects.

* ``GET /redirects/old`` - 302 to ``/redirects/new``.
* ``GET /redirects/moved`` - 301 to ``/redirects/old``: two hops to the end.
* ``GET /redirects/new`` - 200 ``{"page": "new"}``.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import BaseRoute, Route

__all__ = ["routes"]


async def old(request: Request) -> RedirectResponse:
    """Send the client to the new page with a 302 (Found)."""
    return RedirectResponse("/redirects/new", status_code=302)


async def moved(request: Request) -> RedirectResponse:
    """Send the client to the old page with a 301 (Moved Permanently), which redirects again."""
    return RedirectResponse("/redirects/old", status_code=301)


async def new(request: Request) -> JSONResponse:
    """Answer the page that the redirects lead to."""
    return JSONResponse({"page": "new"})


routes: list[BaseRoute] = [
    Route("/redirects/old", old, methods=["GET"]),
    Route("/redirects/moved", moved, methods=["GET"]),
    Route("/redirects/new", new, methods=["GET"]),
]
