"""Endpoints that show what the server received: headers, query, cookies, forms, uploads."""

from __future__ import annotations

from starlette.routing import BaseRoute

__all__ = ["routes"]

routes: list[BaseRoute] = []
