"""Apps that fail on purpose, for the fault suite: each one a fault the kit must report.

Every app is a factory, so every server start gets a fresh one (the flaky job's counter
starts at zero). Sleeps here simulate an app being late; no test sleeps to wait for one.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

__all__ = [
    "LATE_CRASH_DELAY",
    "flaky_job_app",
    "hanging_app",
    "late_crash_app",
    "shutdown_crash_app",
    "streaming_crash_app",
]

#: Seconds between the response and the background crash: longer than the 2 s a request
#: check waits for the app to be idle, so only the scenario's end can catch it.
LATE_CRASH_DELAY = 3.0


async def _health(request: Request) -> Response:
    return PlainTextResponse("ok")


def late_crash_app() -> Starlette:
    """``GET /late`` answers 200, then its background task raises 3 s later."""

    async def crash_later() -> None:
        await asyncio.sleep(LATE_CRASH_DELAY)
        raise RuntimeError("crashed 3 s after answering")

    async def late(request: Request) -> Response:
        return PlainTextResponse("ok", background=BackgroundTask(crash_later))

    return Starlette(routes=[Route("/late", late), Route("/health", _health)])


def shutdown_crash_app() -> Starlette:
    """Serves ``GET /health``; its lifespan shutdown raises."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        raise RuntimeError("the lifespan shutdown failed on purpose")

    return Starlette(routes=[Route("/health", _health)], lifespan=lifespan)


def streaming_crash_app() -> Starlette:
    """``GET /stream`` sends a first chunk, then raises: the response is cut short."""

    async def chunks() -> AsyncIterator[bytes]:
        yield b"first chunk\n"
        await asyncio.sleep(0)
        raise RuntimeError("the stream broke on purpose")

    async def stream(request: Request) -> Response:
        return StreamingResponse(chunks(), media_type="text/plain")

    return Starlette(routes=[Route("/stream", stream)])


def hanging_app() -> Starlette:
    """``GET /hang`` never returns; ``GET /slow`` answers after 0.5 s."""

    async def hang(request: Request) -> Response:
        await asyncio.Event().wait()
        return PlainTextResponse("never")

    async def slow(request: Request) -> Response:
        await asyncio.sleep(0.5)
        return PlainTextResponse("late but fine")

    return Starlette(routes=[Route("/hang", hang), Route("/slow", slow), Route("/health", _health)])


def flaky_job_app() -> Starlette:
    """``GET /job``: 503 (not ready) twice, then a crash on the third call."""
    calls = 0

    async def job(request: Request) -> Response:
        nonlocal calls
        calls += 1
        if calls < 3:
            return PlainTextResponse("not ready", status_code=503)
        raise RuntimeError(f"the job crashed on call {calls}")

    return Starlette(routes=[Route("/job", job)])
