"""In-memory storage: module-level state, as services' stand-ins for a database keep it."""

from __future__ import annotations

import itertools

from .models import Item, Order

orders: dict[int, Order] = {}
_ids = itertools.count(1)


def create_order(customer: str, items: list[Item]) -> Order:
    """Store a new order and return it."""
    order = Order(next(_ids), customer, items)
    orders[order.id] = order
    return order
