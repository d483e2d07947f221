"""Endpoints that answer with documents and behaviours for the response assertions."""

from __future__ import annotations

from starlette.routing import BaseRoute

__all__ = ["routes"]

routes: list[BaseRoute] = []
