"""The app object, created at import time (``app = Starlette(...)``), not by a factory."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from stateful_service import store


async def _visit(request: Request) -> JSONResponse:
    store.visits.append(request.url.path)
    return JSONResponse({"visits": len(store.visits)})


app = Starlette(routes=[Route("/visits", _visit, methods=["POST"])])
