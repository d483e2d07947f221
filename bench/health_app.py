"""A service whose start costs nothing, so benchmarks see the kit's own cost alone."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def _health(request: Request) -> JSONResponse:
    return JSONResponse({"message": "OK"})


def create_health_app() -> Starlette:
    """A fresh app answering ``GET /health`` with ``{"message": "OK"}``."""
    return Starlette(routes=[Route("/health", _health, methods=["GET"])])
