"""Responses for the response assertions: a JSON catalogue, plain text, a poll that ends.

* ``GET /samples/catalog[?tag=...]`` - a nested JSON document with caching headers and a
  fresh ``X-Request-Id``; ``tag`` filters the items.
* ``GET /samples/catalog/items/{sku}`` - one item, or a 404 problem document.
* ``GET /samples/greeting?name=...`` - a two-line plain-text body.
* ``GET /samples/ping`` - the plain-text body ``pong``.
* ``GET /samples/eventually-ready?after=N&key=K`` - 202 "pending" until the N-th call
  with that key, then 200 "ready".
"""

from __future__ import annotations

import uuid
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import BaseRoute, Route

__all__ = ["CATALOG_ITEMS", "routes"]

CATALOG_ITEMS: Final[tuple[dict[str, Any], ...]] = (
    {
        "sku": "TEA-001",
        "price": 34.5,
        "tags": ["kitchen", "gift"],
        "stock": {"available": True, "quantity": 12},
        "discount": None,
    },
    {
        "sku": "MUG-002",
        "price": 12.0,
        "tags": ["kitchen"],
        "stock": {"available": True, "quantity": 140},
        "discount": {"percent": 10},
    },
    {
        "sku": "LMP-003",
        "price": 58.9,
        "tags": ["living-room", "gift"],
        "stock": {"available": False, "quantity": 0},
        "discount": None,
    },
)


async def catalog(request: Request) -> JSONResponse:
    """Answer the catalogue; ``?tag=gift`` keeps only the items with that tag."""
    tag = request.query_params.get("tag")
    items = [item for item in CATALOG_ITEMS if tag is None or tag in item["tags"]]
    headers = {
        "Cache-Control": "public, max-age=300",
        "Content-Language": "en",
        "X-Request-Id": str(uuid.uuid4()),  # a fresh value: only a regex can check it
    }
    document = {"currency": "EUR", "count": len(items), "items": items}
    return JSONResponse(document, headers=headers)


async def catalog_item(request: Request) -> JSONResponse:
    """Answer one item by SKU, or a 404 problem document."""
    sku = request.path_params["sku"]
    for item in CATALOG_ITEMS:
        if item["sku"] == sku:
            return JSONResponse(item)
    return JSONResponse({"error": "not_found", "detail": f"No item {sku!r}."}, status_code=404)


async def greeting(request: Request) -> PlainTextResponse:
    """Answer a two-line greeting for ``?name=``."""
    return PlainTextResponse(f"Hello, {request.query_params['name']}!\nYou have 3 new messages.")


async def ping(request: Request) -> PlainTextResponse:
    """Answer ``pong``."""
    return PlainTextResponse("pong")


async def eventually_ready(request: Request) -> JSONResponse:
    """Answer 202 "pending" until the ``?after=``-th call with this ``?key=``, then "ready"."""
    after = int(request.query_params["after"])
    key = request.query_params["key"]
    # Counted per app instance; the handlers share one event loop, so no lock is needed.
    calls: dict[str, int] = request.app.state.eventually_ready_calls
    calls[key] = calls.get(key, 0) + 1
    if calls[key] < after:
        return JSONResponse({"state": "pending", "calls": calls[key]}, status_code=202)
    return JSONResponse({"state": "ready", "calls": calls[key]})


routes: list[BaseRoute] = [
    Route("/samples/catalog", catalog, methods=["GET"]),
    Route("/samples/catalog/items/{sku}", catalog_item, methods=["GET"]),
    Route("/samples/greeting", greeting, methods=["GET"]),
    Route("/samples/ping", ping, methods=["GET"]),
    Route("/samples/eventually-ready", eventually_ready, methods=["GET"]),
]
