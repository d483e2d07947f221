"""An endpoint that accepts any HTTP method and says which one arrived.

``/methods/echo`` answers ``{"method": ..., "body_size": ...}`` whatever the method -
TRACE, PROPFIND, MKCOL or one of the server's own - so features can check that the kit
sends any method token. Starlette's function routes accept a fixed list of methods; an
ASGI class route accepts every method.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

__all__ = ["routes"]


class MethodEcho:
    """An ASGI endpoint answering the request's method and body size."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer ``{"method": ..., "body_size": ...}``."""
        request = Request(scope, receive)
        body = await request.body()
        response = JSONResponse({"method": request.method, "body_size": len(body)})
        await response(scope, receive, send)


routes: list[BaseRoute] = [Route("/methods/echo", MethodEcho())]
