"""The demo app, plus what the interruption tests need: a request that holds, a marker file.

The tests send a signal once the run is known to be at the point they interrupt: the app
writes the marker (path in ``INTERRUPT_MARKER``, a file or a named pipe) when it gets there -
inside ``GET /hold``, or with ``INTERRUPT_HOLD_AT=startup`` inside the lifespan startup, after
its scratch file exists. Either then waits (at most :data:`HOLD_SECONDS`) for the
interruption.

The lifespan owns a scratch file in the temporary directory, created at startup and removed
when the lifespan ends (after shutdown, or when a cancelled startup unwinds): what an
interrupted run must not leave behind. (The board's own database lives in memory.)
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from app.main import create_app as create_demo_app

__all__ = ["HOLD_AT_ENV", "HOLD_SECONDS", "MARKER_ENV", "create_app"]

MARKER_ENV = "INTERRUPT_MARKER"
HOLD_AT_ENV = "INTERRUPT_HOLD_AT"
#: A bound, so a test that never sends its signal cannot hang the run.
HOLD_SECONDS = 30.0

_Message = MutableMapping[str, Any]
_Receive = Callable[[], Awaitable[_Message]]
_Send = Callable[[_Message], Awaitable[None]]
_ASGIApp = Callable[[_Message, _Receive, _Send], Awaitable[None]]


def create_app() -> _ASGIApp:
    """A fresh demo app whose ``/hold`` (or lifespan startup) waits to be interrupted."""
    board = create_demo_app()

    async def app(scope: _Message, receive: _Receive, send: _Send) -> None:
        if scope["type"] == "http" and scope["path"] == "/hold":
            await _hold(f"request {scope['server'][1]}")  # the port, to check it closes
            await send({"type": "http.response.start", "status": 204, "headers": []})
            await send({"type": "http.response.body", "body": b""})
        elif scope["type"] == "lifespan":
            descriptor, scratch = tempfile.mkstemp(prefix="interrupt-app-")
            os.close(descriptor)
            try:
                holding = os.environ.get(HOLD_AT_ENV) == "startup"
                await board(scope, receive, _holding_startup(send) if holding else send)
            finally:
                os.remove(scratch)
        else:
            await board(scope, receive, send)

    return app


def _holding_startup(send: _Send) -> _Send:
    async def send_holding(message: _Message) -> None:
        if message["type"] == "lifespan.startup.complete":
            await _hold("startup")  # the scratch file exists: startup is nearly done
        await send(message)

    return send_holding


async def _hold(where: str) -> None:
    Path(os.environ[MARKER_ENV]).write_text(where, encoding="utf-8")
    await asyncio.sleep(HOLD_SECONDS)
