"""Endpoints about header lines: repeated response headers, and request headers as received.

* ``GET /headers/repeated`` - sends ``Vary`` on two lines, ``Allow`` as one list, and an
  ``X-Trace`` header (the request's own ``X-Trace``, else a fixed one).
* ``GET /headers/received/{name}`` - the lines of the request header ``name`` as they
  arrived: ``{"name": ..., "lines": [...]}``, one entry per header line.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

__all__ = ["routes"]


async def repeated(request: Request) -> Response:
    """Answer with one header on two lines, and a list-valued header on one."""
    response = Response(status_code=204)
    trace = request.headers.get("x-trace", "trace-0001")
    # Raw lines: a mapping of headers could not repeat a name.
    response.raw_headers += [
        (b"vary", b"Accept"),
        (b"vary", b"Accept-Language"),
        (b"allow", b"OPTIONS, GET, HEAD"),
        (b"x-trace", trace.encode("latin-1")),
    ]
    return response


async def received(request: Request) -> JSONResponse:
    """Answer the lines of one request header, as the server received them."""
    name = request.path_params["name"]
    return JSONResponse({"name": name.lower(), "lines": request.headers.getlist(name)})


routes: list[BaseRoute] = [
    Route("/headers/repeated", repeated, methods=["GET"]),
    Route("/headers/received/{name}", received, methods=["GET"]),
]
