"""Endpoints that keep talking: a WebSocket echo, a stream of events, a body sent in chunks.

* ``WS /ws/echo`` - sends back each message it gets; ``{"close": code, "reason": text}``
  makes it close the connection with that code. Speaks the subprotocols ``echo.v2`` and
  ``echo.v1`` when asked (the first one asked for that it knows).
* ``GET /stream/countdown?from=N`` - server-sent events ``tick`` with ``{"left": N-1}`` down
  to 0, then one ``liftoff``; the stream then ends.
* ``GET /stream/chunks?count=N`` - a plain-text body sent as N chunks, ``part i;`` each.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Final

from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

__all__ = ["routes"]

_SPOKEN: Final = ("echo.v2", "echo.v1")
_MOST_PIECES: Final = 1000


async def echo(websocket: WebSocket) -> None:
    """``WS /ws/echo``: every message comes back as it was sent."""
    chosen = next((p for p in websocket.scope.get("subprotocols", []) if p in _SPOKEN), None)
    await websocket.accept(subprotocol=chosen)
    try:
        while True:
            text = await websocket.receive_text()
            asked = _close_request(text)
            if asked is not None:
                await websocket.close(*asked)
                return
            await websocket.send_text(text)
    except WebSocketDisconnect:
        return


def _close_request(text: str) -> tuple[int, str] | None:
    try:
        message = json.loads(text)
    except ValueError:
        return None
    if isinstance(message, dict) and isinstance(message.get("close"), int):
        return message["close"], str(message.get("reason", ""))
    return None


async def countdown(request: Request) -> StreamingResponse | JSONResponse:
    """``GET /stream/countdown?from=N``: N ticks, then liftoff, as server-sent events."""
    start = _count(request, "from", 3)
    if start is None:
        return _bad_count("from")

    async def events() -> AsyncIterator[str]:
        for left in range(start - 1, -1, -1):
            yield f"event: tick\ndata: {json.dumps({'left': left})}\n\n"
        yield 'event: liftoff\ndata: {"left": 0}\n\n'

    return StreamingResponse(events(), media_type="text/event-stream")


async def chunks(request: Request) -> StreamingResponse | JSONResponse:
    """``GET /stream/chunks?count=N``: a body in N chunks."""
    count = _count(request, "count", 3)
    if count is None:
        return _bad_count("count")

    async def pieces() -> AsyncIterator[str]:
        for number in range(1, count + 1):
            yield f"part {number};"
            await asyncio.sleep(0)  # let each chunk leave before the next is made

    return StreamingResponse(pieces(), media_type="text/plain; charset=utf-8")


def _count(request: Request, name: str, default: int) -> int | None:
    text = request.query_params.get(name, str(default))
    return int(text) if text.isdigit() and 0 < int(text) <= _MOST_PIECES else None


def _bad_count(name: str) -> JSONResponse:
    return JSONResponse(
        {"error": "bad_request", "detail": f"{name} must be a whole number from 1 to 1000."},
        status_code=400,
    )


routes: list[BaseRoute] = [
    WebSocketRoute("/ws/echo", echo),
    Route("/stream/countdown", countdown, methods=["GET"]),
    Route("/stream/chunks", chunks, methods=["GET"]),
]
