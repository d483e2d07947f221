"""The service's OpenAPI document (app/openapi.yaml) and its routes agree, both ways.

Every documented operation is answered by a route of the app (not by a 404 or 405), and
every route of the app, with each of its methods, is documented - except HEAD where
Starlette adds it to a GET route, and methods OpenAPI has no operation for (PROPFIND...).
The document is also what the app serves at /openapi.json, and a valid OpenAPI document.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import pytest
from starlette.routing import BaseRoute, Match, Mount, Route

from app.main import create_app
from app.openapi import DOCUMENT, document
from behave_live.contract import load_contract
from behave_live.http.session import HttpSession

OPERATIONS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# A path parameter of the app: {name} or {name:converter}.
_PARAMETER = re.compile(r"\{(\w+)(?::(\w+))?\}")


@functools.cache
def mounted_routes() -> list[tuple[str, Route]]:
    """Every (mount prefix, route) of the app, mounts walked."""

    def walk(routes: list[BaseRoute], prefix: str) -> list[tuple[str, Route]]:
        found: list[tuple[str, Route]] = []
        for route in routes:
            if isinstance(route, Mount):
                found += walk(list(route.routes), prefix + route.path)
            elif isinstance(route, Route):
                found.append((prefix, route))
        return found

    return walk(list(create_app().routes), "")


def app_routes() -> list[tuple[str, Route]]:
    """Every (full path template, route) of the app."""
    return [(prefix + route.path, route) for prefix, route in mounted_routes()]


def documented_operations() -> list[tuple[str, str, dict[str, Any]]]:
    paths: dict[str, dict[str, Any]] = document()["paths"]
    return [
        (path, method, item)
        for path, item in paths.items()
        for method in OPERATIONS
        if method in item
    ]


def example_path(template: str, item: dict[str, Any], operation: dict[str, Any]) -> str:
    """The template with each parameter filled in by a value of its documented type."""
    types = {
        parameter["name"]: parameter.get("schema", {}).get("type")
        for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]
        if parameter.get("in") == "path"
    }
    return re.sub(
        r"\{(\w+)\}",
        lambda found: "1" if types.get(found.group(1)) == "integer" else "sample",
        template,
    )


@pytest.mark.parametrize(
    ("path", "method"), [(path, method) for path, method, _ in documented_operations()]
)
def test_every_documented_operation_is_a_route_of_the_app(path: str, method: str) -> None:
    item = document()["paths"][path]
    concrete = example_path(path, item, item[method])
    matches = [
        route
        for prefix, route in mounted_routes()
        # A mounted route matches the path below its mount (Starlette's root_path).
        if route.matches(
            {"type": "http", "path": concrete, "root_path": prefix, "method": method.upper()}
        )[0]
        is Match.FULL
    ]

    assert matches, f"{method.upper()} {path} is documented, but no route answers {concrete}"


@pytest.mark.parametrize(("template", "route"), app_routes(), ids=str)
def test_every_route_of_the_app_is_documented(template: str, route: Route) -> None:
    paths: dict[str, dict[str, Any]] = document()["paths"]
    documented_path = _PARAMETER.sub(lambda found: "{" + found.group(1) + "}", template)
    if ":path}" in template:  # any path below the prefix: documented level by level
        prefix = template[: template.index("{")]
        assert any(path.startswith(prefix) and path != prefix for path in paths), template
        return
    assert documented_path in paths, f"{template} is a route of the app, but not documented"
    methods = set(route.methods or ()) or {method.upper() for method in OPERATIONS}
    if "GET" in methods:
        methods.discard("HEAD")  # Starlette's own, for every GET route
    documented = {method.upper() for method in paths[documented_path] if method in OPERATIONS}
    assert methods <= documented, f"{template}: {sorted(methods - documented)} not documented"


def test_the_app_serves_the_document_as_json(http: HttpSession) -> None:
    served = http.get("/openapi.json")

    assert served.status_code == 200
    assert served.json() == document()


def test_the_document_is_valid_openapi() -> None:
    # The contract check does not lint the document (a second per run): this test does.
    from openapi_spec_validator import validate

    validate(document())
    assert load_contract(DOCUMENT).label == str(DOCUMENT)
