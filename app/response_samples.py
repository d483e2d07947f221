"""Endpoints that answer with documents and behaviours for the response assertions.

* ``GET /samples/catalog[?tag=...]`` - a nested JSON catalogue (UUIDs, prices, date-times,
  nulls), with caching and request-id headers; ``tag`` filters the items.
* ``GET /samples/catalog/items[?tag=...]`` - the items alone, as a JSON array.
* ``GET /samples/catalog/items/{sku}`` - one item, or a 404 problem document.
* ``GET /samples/greeting[?name=...]`` - a two-line plain-text body.
* ``GET /samples/ping`` - the plain-text body ``pong``.
* ``GET /samples/slow?delay_ms=N`` - answers after ``N`` milliseconds (at most 5000).
* ``GET /samples/eventually-ready?after=N[&key=...]`` - "pending" (202) for the first
  ``N - 1`` calls, then "ready" (200); calls are counted per server instance and ``key``.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import BaseRoute, Route

__all__ = ["CATALOG_ITEMS", "routes"]

_MAX_DELAY_MS: Final = 5000

CATALOG_ITEMS: Final[tuple[dict[str, Any], ...]] = (
    {
        "id": "6f1c2a4e-8b3d-4c5f-9a7e-1d2b3c4d5e6f",
        "sku": "TEA-001",
        "name": "Cast-iron teapot",
        "price": 34.5,
        "tags": ["kitchen", "gift"],
        "stock": {"available": True, "quantity": 12},
        "discount": None,
        "added_at": "2024-03-01T09:30:00Z",
    },
    {
        "id": "0b7e9d2c-5a41-4f3e-8c6d-2e9f1a3b4c5d",
        "sku": "MUG-002",
        "name": "Stoneware mug",
        "price": 12.0,
        "tags": ["kitchen"],
        "stock": {"available": True, "quantity": 140},
        "discount": {"percent": 10, "until": "2024-04-01T00:00:00Z"},
        "added_at": "2024-03-02T14:05:00Z",
    },
    {
        "id": "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
        "sku": "LMP-003",
        "name": "Reading lamp",
        "price": 58.9,
        "tags": ["living-room", "gift"],
        "stock": {"available": False, "quantity": 0},
        "discount": None,
        "added_at": "2024-03-05T08:00:00Z",
    },
)


async def catalog(request: Request) -> JSONResponse:
    """Answer the catalogue; ``?tag=gift`` keeps only the items with that tag."""
    items = _items_tagged(request)
    document = {
        "catalog": "Spring collection",
        "currency": "EUR",
        "updated_at": "2024-03-05T08:00:00Z",
        "count": len(items),
        "items": items,
    }
    headers = {
        "Cache-Control": "public, max-age=300",
        "Content-Language": "en",
        # A fresh value per response: the kind of header only a regex can check.
        "X-Request-Id": str(uuid.uuid4()),
    }
    return JSONResponse(document, headers=headers)


async def catalog_items(request: Request) -> JSONResponse:
    """Answer the items alone, as an array; ``?tag=gift`` keeps only the items with that tag."""
    return JSONResponse(_items_tagged(request))


async def catalog_item(request: Request) -> JSONResponse:
    """Answer one item by SKU, or a 404 problem document naming the unknown SKU."""
    sku = request.path_params["sku"]
    for item in CATALOG_ITEMS:
        if item["sku"] == sku:
            return JSONResponse(item)
    return JSONResponse(
        {"error": "not_found", "detail": f"No catalogue item has the SKU {sku!r}."},
        status_code=404,
    )


async def greeting(request: Request) -> PlainTextResponse:
    """Answer a short plain-text greeting for ``?name=`` (default "world")."""
    name = request.query_params.get("name", "world")
    return PlainTextResponse(f"Hello, {name}!\nYou have 3 new messages.")


async def ping(request: Request) -> PlainTextResponse:
    """Answer ``pong`` as plain text."""
    return PlainTextResponse("pong")


async def slow(request: Request) -> JSONResponse:
    """Answer after ``?delay_ms=`` milliseconds, so response-time checks have something slow."""
    delay_ms = _int_param(request, "delay_ms", default=100)
    if delay_ms is None or not 0 <= delay_ms <= _MAX_DELAY_MS:
        return _bad_request(f"delay_ms must be a whole number from 0 to {_MAX_DELAY_MS}.")
    await asyncio.sleep(delay_ms / 1000)
    return JSONResponse({"waited_ms": delay_ms})


async def eventually_ready(request: Request) -> JSONResponse:
    """Answer 202 "pending" until the ``?after=``-th call (default 3), then 200 "ready".

    Calls are counted per server instance (on ``app.state``) and per ``?key=``, so scenarios
    sharing a server can poll their own counters.
    """
    after = _int_param(request, "after", default=3)
    if after is None or after < 1:
        return _bad_request("after must be a whole number of calls, 1 or more.")
    key = request.query_params.get("key", "default")
    calls: dict[str, int] = _state_dict(request, "eventually_ready_calls")
    calls[key] = calls.get(key, 0) + 1
    if calls[key] < after:
        return JSONResponse(
            {"state": "pending", "calls": calls[key], "ready_after": after},
            status_code=202,
            headers={"Retry-After": "1"},
        )
    return JSONResponse({"state": "ready", "calls": calls[key], "ready_after": after})


routes: list[BaseRoute] = [
    Route("/samples/catalog", catalog, methods=["GET"]),
    Route("/samples/catalog/items", catalog_items, methods=["GET"]),
    Route("/samples/catalog/items/{sku}", catalog_item, methods=["GET"]),
    Route("/samples/greeting", greeting, methods=["GET"]),
    Route("/samples/ping", ping, methods=["GET"]),
    Route("/samples/slow", slow, methods=["GET"]),
    Route("/samples/eventually-ready", eventually_ready, methods=["GET"]),
]


def _items_tagged(request: Request) -> list[dict[str, Any]]:
    tag = request.query_params.get("tag")
    return [item for item in CATALOG_ITEMS if tag is None or tag in item["tags"]]


def _int_param(request: Request, name: str, *, default: int) -> int | None:
    text = request.query_params.get(name)
    if text is None:
        return default
    try:
        return int(text)
    except ValueError:
        return None


def _state_dict(request: Request, name: str) -> dict[str, int]:
    # create_app() does not know about the samples, so their state is created on first use.
    # The handlers are coroutines on one event loop: no lock is needed.
    state = request.app.state
    value: dict[str, int] | None = getattr(state, name, None)
    if value is None:
        value = {}
        setattr(state, name, value)
    return value


def _bad_request(detail: str) -> JSONResponse:
    return JSONResponse({"error": "bad_request", "detail": detail}, status_code=400)
