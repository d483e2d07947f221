"""WebSocket and streaming endpoints for the kit's stream steps.

* ``WS /ws/echo`` - echoes every text message; ``close <code> <reason>`` closes with that
  code; chooses the subprotocol ``echo.v2`` or ``echo.v1`` when asked for one.
* ``WS /ws/headers`` - sends its handshake's Authorization and X-Trace headers as JSON.
* ``WS /ws/refuse`` - closes before accepting: the handshake gets HTTP 403.
* ``GET /ws/open`` - ``{"open": N}``: the WebSockets this app has open right now.
* ``GET /sse/ticks?n=N`` - N events named ``tick`` with data ``{"n": i}``, then silence
  until the client leaves (with ``&end``: the stream ends there).
* ``GET /chunks?count=N`` - a chunked body of N chunks ``part i;``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator

from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

__all__ = ["routes"]

_SUBPROTOCOLS = ("echo.v2", "echo.v1")


def _open(app: object, kind: str, change: int) -> None:
    state = app.state  # type: ignore[attr-defined]
    counts = getattr(state, "open_streams", None)
    if counts is None:
        counts = state.open_streams = {"ws": 0, "sse": 0}
    counts[kind] += change


async def echo(websocket: WebSocket) -> None:
    asked = websocket.scope.get("subprotocols", [])
    chosen = next((protocol for protocol in _SUBPROTOCOLS if protocol in asked), None)
    await websocket.accept(subprotocol=chosen)
    _open(websocket.app, "ws", 1)
    try:
        while True:
            text = await websocket.receive_text()
            if text.startswith("close "):
                _, code, reason = (text + " ").split(" ", 2)
                await websocket.close(int(code), reason.strip())
                return
            await websocket.send_text(text)
    except WebSocketDisconnect:
        pass
    finally:
        _open(websocket.app, "ws", -1)


async def headers(websocket: WebSocket) -> None:
    await websocket.accept()
    shown = {name: websocket.headers.get(name) for name in ("authorization", "x-trace")}
    await websocket.send_text(json.dumps(shown))
    with contextlib.suppress(WebSocketDisconnect):
        await websocket.receive_text()


async def refuse(websocket: WebSocket) -> None:
    await websocket.close()


async def open_count(request: Request) -> JSONResponse:
    counts = getattr(request.app.state, "open_streams", {"ws": 0, "sse": 0})
    return JSONResponse({"open": counts["ws"], "streams": counts["sse"]})


async def ticks(request: Request) -> StreamingResponse:
    count = int(request.query_params.get("n", "3"))

    async def events() -> AsyncIterator[str]:
        _open(request.app, "sse", 1)
        try:
            for number in range(1, count + 1):
                yield f"event: tick\nid: {number}\ndata: {json.dumps({'n': number})}\n\n"
            if "end" in request.query_params:
                return
            while (await request.receive())["type"] != "http.disconnect":
                pass  # silence until the client leaves
        finally:
            _open(request.app, "sse", -1)

    return StreamingResponse(events(), media_type="text/event-stream")


async def chunks(request: Request) -> StreamingResponse:
    count = int(request.query_params.get("count", "3"))

    async def parts() -> AsyncIterator[str]:
        for number in range(1, count + 1):
            yield f"part {number};"
            await asyncio.sleep(0)  # each part goes out on its own

    return StreamingResponse(parts(), media_type="text/plain")


routes: list[BaseRoute] = [
    WebSocketRoute("/ws/echo", echo),
    WebSocketRoute("/ws/headers", headers),
    WebSocketRoute("/ws/refuse", refuse),
    Route("/ws/open", open_count, methods=["GET"]),
    Route("/sse/ticks", ticks, methods=["GET"]),
    Route("/chunks", chunks, methods=["GET"]),
]
