"""Which GET routes init may try: no path parameters, the app's own first."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route, WebSocketRoute

from behave_live.scaffold.routes import plain_get_paths


async def _ok(request: object) -> PlainTextResponse:
    return PlainTextResponse("ok")


def test_only_get_routes_without_parameters_in_declaration_order() -> None:
    app = Starlette(
        routes=[
            Route("/items/{item_id}", _ok),
            Route("/orders", _ok, methods=["POST"]),
            Route("/items", _ok),
            WebSocketRoute("/ws", _ok),
            Mount("/api", routes=[Route("/health", _ok), Route("/users/{name}", _ok)]),
        ]
    )

    assert plain_get_paths(app) == ["/items", "/api/health"]


def test_routes_left_out_of_the_schema_come_last() -> None:
    # As FastAPI declares /docs and /openapi.json: before the user's routes, not in the schema.
    app = Starlette(routes=[Route("/docs", _ok, include_in_schema=False), Route("/items", _ok)])

    assert plain_get_paths(app) == ["/items", "/docs"]


def test_an_app_without_routes_gives_none() -> None:
    async def bare_app(scope: object, receive: object, send: object) -> None:
        pass

    assert plain_get_paths(bare_app) == []
