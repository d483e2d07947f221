"""The HTTP endpoints."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from . import store
from .models import Item


async def health(request: Request) -> JSONResponse:
    """Liveness probe."""
    return JSONResponse({"message": "OK", "orders": len(store.orders)})


async def create_order(request: Request) -> JSONResponse:
    """POST /orders: {"customer": ..., "items": [{"sku": ..., "quantity": ...}]}."""
    body = await request.json()
    try:
        items = [Item.from_json(item) for item in body.get("items", [])]
    except ValueError as error:
        return JSONResponse({"error": str(error)}, status_code=422)
    order = store.create_order(str(body.get("customer", "")), items)
    return JSONResponse(order.to_json(), status_code=201)


async def list_orders(request: Request) -> JSONResponse:
    """GET /orders."""
    return JSONResponse([order.to_json() for order in store.orders.values()])


ROUTES = [
    Route("/health", health, methods=["GET"]),
    Route("/orders", create_order, methods=["POST"]),
    Route("/orders", list_orders, methods=["GET"]),
]
