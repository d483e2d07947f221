"""Routes of the demo service and the factory that assembles them."""

from __future__ import annotations

import functools
import json
import os
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from app import (
    documents,
    header_samples,
    live_samples,
    method_echo,
    openapi,
    redirects,
    request_inspection,
    response_samples,
)
from app.board import board_exception_handlers, board_lifespan, board_routes

__all__ = ["create_app"]


async def health(request: Request) -> JSONResponse:
    """Answer 200 ``{"message": "OK"}`` while the service is up."""
    return JSONResponse({"message": "OK"})


async def test_endpoint(request: Request) -> JSONResponse:
    """Answer a small, fixed JSON document for smoke tests."""
    return JSONResponse({"name": "behave-live demo", "version": 1, "tags": ["demo", "test"]})


async def echo_data(request: Request) -> JSONResponse:
    """Echo a posted JSON object; anything else is a 400 that says what was wrong."""
    body = await request.body()
    try:
        payload: Any = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _bad_request(f"The request body is not valid JSON: {exc}.")
    if not isinstance(payload, dict):
        return _bad_request(f"The request body must be a JSON object, got {_json_type(payload)}.")
    return JSONResponse(payload)


async def visits(request: Request) -> JSONResponse:
    """Count the visits this server instance has seen (state that lives as long as the app)."""
    request.app.state.visits += 1
    return JSONResponse({"visits": request.app.state.visits})


def create_app(board_database: str | None = None) -> Starlette:
    """Build a fresh instance of the service, with its own state and its own database.

    The task board (``/board/...``) keeps its data in SQLite: ``board_database`` names the
    file, else the ``BOARD_DATABASE`` environment variable does, else a database in memory
    is made for this instance and gone when it stops. Errors are problem documents
    (RFC 9457) everywhere.
    """
    app = Starlette(
        routes=list(_routes()),
        exception_handlers=board_exception_handlers(),
        lifespan=board_lifespan(board_database or os.environ.get("BOARD_DATABASE") or None),
    )
    app.state.visits = 0
    return app


@functools.cache
def _routes() -> tuple[BaseRoute, ...]:
    # Routes hold no state of their own, so every app instance can share one set; building
    # (and compiling the path patterns of) ~40 routes at each server start would not be free.
    return (
        Route("/health", health, methods=["GET"]),
        Route("/test", test_endpoint, methods=["GET"]),
        Route("/api/data", echo_data, methods=["POST"]),
        Route("/api/visits", visits, methods=["POST"]),
        *request_inspection.routes,
        *response_samples.routes,
        *redirects.routes,
        *header_samples.routes,
        *documents.routes,
        *method_echo.routes,
        *openapi.routes,
        *live_samples.routes,
        *board_routes(),
    )


def _bad_request(detail: str) -> JSONResponse:
    return JSONResponse({"error": "bad_request", "detail": detail}, status_code=400)


def _json_type(value: Any) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
