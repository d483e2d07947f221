"""Find the GET routes of a Starlette or FastAPI app that need no path parameter."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["plain_get_paths"]


def plain_get_paths(app: Any) -> list[str]:
    """GET paths of ``app`` without ``{parameters}``: the app's own first, then the rest.

    Reads ``app.routes`` (or ``app.router.routes``) and the routes of mounted sub-apps.
    "The rest" are routes left out of the schema, such as FastAPI's ``/docs`` and
    ``/openapi.json``: they answer, but say little about the user's service. An app of
    another kind (no routes to read) gives an empty list.
    """
    own: list[str] = []
    others: list[str] = []
    for path, in_schema in _get_routes(_routes_of(app), prefix=""):
        bucket = own if in_schema else others
        if path not in bucket:
            bucket.append(path)
    return own + [path for path in others if path not in own]


def _routes_of(app: Any) -> Iterable[Any]:
    routes = getattr(app, "routes", None)
    if routes is None:
        routes = getattr(getattr(app, "router", None), "routes", None)
    try:
        return list(routes) if routes is not None else []
    except TypeError:  # a "routes" attribute that is not a list of routes
        return []


def _get_routes(routes: Iterable[Any], prefix: str) -> Iterator[tuple[str, bool]]:
    for route in routes:
        path = getattr(route, "path", None)
        if not isinstance(path, str) or "{" in path:
            continue
        methods = getattr(route, "methods", None)
        if methods is not None:  # an HTTP route (a WebSocket route has no methods)
            if "GET" in methods:
                yield prefix + path or "/", bool(getattr(route, "include_in_schema", True))
        elif getattr(route, "routes", None):  # a Mount: its routes sit under its path
            yield from _get_routes(_routes_of(route), prefix + path.rstrip("/"))
