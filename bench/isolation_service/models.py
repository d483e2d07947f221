"""The service's data types."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Item:
    """One line of an order."""

    sku: str
    quantity: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Item:
        """Build from a request body, refusing what is not an item."""
        sku, quantity = data.get("sku"), data.get("quantity")
        if not isinstance(sku, str) or not isinstance(quantity, int) or quantity < 1:
            raise ValueError("an item needs a 'sku' (string) and a 'quantity' (at least 1)")
        return cls(sku, quantity)


@dataclass
class Order:
    """A customer's order."""

    id: int
    customer: str
    items: list[Item] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The order as the API shows it."""
        return asdict(self)
