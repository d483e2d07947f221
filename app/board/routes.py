"""The board's URL map: which endpoint answers which method on which path.

One :class:`~starlette.routing.Route` per *path*, dispatching on the method, rather than one
per method and path: Starlette answers a wrong method with the ``Allow`` header of the first
route whose path matched, so ``PUT /board/tasks/1`` would claim only GET is allowed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute

from app.board import endpoints, live
from app.board.graphql_endpoint import graphql

__all__ = ["board_routes"]

_Endpoint = Callable[[Request], Awaitable[Response]]


def board_routes() -> list[BaseRoute]:
    """Return the board's routes, all under ``/board``; the task route is named ``board:task``."""
    routes = [
        _route("/health", GET=endpoints.health),
        _route("/crash", GET=endpoints.crash),
        _route("/users", POST=endpoints.register_user),
        _route("/me", GET=endpoints.me),
        _route("/tasks", GET=endpoints.list_tasks, POST=endpoints.create_task),
        _route(
            "/tasks/{task_id:int}",
            name="task",
            GET=endpoints.get_task,
            PATCH=endpoints.update_task,
            DELETE=endpoints.delete_task,
        ),
        _route("/tasks/{task_id:int}/complete", POST=endpoints.complete_task),
        _route("/graphql", POST=graphql),
        _route("/events", GET=live.activity_feed),
        WebSocketRoute("/live", live.live_board),
    ]
    return [Mount("/board", routes=routes, name="board")]


def _route(path: str, name: str | None = None, **handlers: _Endpoint) -> Route:
    """One route for ``path`` whose methods are the keyword names, such as ``GET=...``."""
    table: Mapping[str, _Endpoint] = dict(handlers)

    async def dispatch(request: Request) -> Response:
        # Route answers methods outside `table` with 405 itself; HEAD, which it adds for
        # GET, is answered by the GET endpoint (the server leaves out the body).
        method = "GET" if request.method == "HEAD" else request.method
        return await table[method](request)

    return Route(path, dispatch, methods=list(table), name=name)
