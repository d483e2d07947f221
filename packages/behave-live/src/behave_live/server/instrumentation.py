"""Watch the app under test from inside the server: failures, in-flight requests, crashes.

The wrapper sits between uvicorn and the app. It exists because the client cannot see what
a test needs: why lifespan startup failed (in the app's own words), whether the app is
still working on a request (and where it waits), and every unhandled exception - of a
request, of the work it does after answering (a background task), of lifespan shutdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import sys
import threading
import traceback
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from types import FrameType, TracebackType
from typing import Any

from behave_live.server.flag import Flag
from behave_live.server.user_code import (
    CodeLocation,
    innermost_user_frame,
    is_user_file,
    user_frame_of_stack,
)

__all__ = ["AppInstrumentation", "UnhandledError"]

_Message = MutableMapping[str, Any]
_Receive = Callable[[], Awaitable[_Message]]
_Send = Callable[[_Message], Awaitable[None]]
_ASGIApp = Callable[[_Message, _Receive, _Send], Awaitable[None]]

# The same logger and message uvicorn uses, so captured logs read the same either way.
_uvicorn_logger = logging.getLogger("uvicorn.error")


@dataclass(frozen=True)
class UnhandledError:
    """Something the app did wrong that no response shows: an exception nobody handled.

    ``during`` says when: ``"request"`` (answering ``method path``, or the work it did after
    answering), ``"lifespan shutdown"``, or ``"stop"`` (the app was still busy, or blocked
    the event loop, when the server had to stop; ``exception`` then says what it was doing).

    ``where`` is the innermost line of the user's own code in the traceback (``path:line,
    in function``), when there is one; ``traceback`` is the whole traceback (for reports)
    and ``shown_traceback`` the user's own frames only, which messages show.
    """

    method: str
    path: str
    exception: str
    traceback: str
    during: str = "request"
    where: str = ""
    short_traceback: str = ""

    @property
    def headline(self) -> str:
        """One line: what raised what, and where in the user's code.

        For example ``GET /x raised RuntimeError('boom') at app/main.py:12, in boom``.
        """
        at = f" at {self.where}" if self.where else ""
        if self.during == "lifespan shutdown":
            return f"the app's lifespan shutdown raised {self.exception}{at}"
        if self.during == "stop":
            return self.exception
        return f"{self.method} {self.path} raised {self.exception}{at}"

    @property
    def shown_traceback(self) -> str:
        """The traceback a message shows: the user's own frames, else the whole of it."""
        return self.short_traceback or self.traceback

    def __str__(self) -> str:
        return f"{self.headline}\n{self.shown_traceback.rstrip()}"


@dataclass(frozen=True)
class _InFlight:
    method: str
    path: str
    task: asyncio.Task[Any] | None


class AppInstrumentation:
    """An ASGI app wrapping the app under test (create one per server start)."""

    def __init__(self, app: _ASGIApp) -> None:
        self.app = app
        self.lifespan_error: str | None = None
        # What ended the lifespan call early (also a cancellation), for its traceback.
        self.lifespan_exception: BaseException | None = None
        self._lifespan_task: asyncio.Task[Any] | None = None
        self._lifespan_loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread_id = 0
        self._lifespan_ended = Flag()
        self._lifespan_started = False
        self.errors: list[UnhandledError] = []
        self._in_flight: dict[int, _InFlight] = {}
        self._idle = threading.Condition()

    async def __call__(self, scope: _Message, receive: _Receive, send: _Send) -> None:
        """Serve ``scope`` through the app, watching what it does."""
        if scope["type"] == "lifespan":
            await self._lifespan(scope, receive, send)
        elif scope["type"] == "http":
            await self._http(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    def wait_until_idle(self, timeout: float) -> bool:
        """Block until no request is in the app (at most ``timeout`` s); return whether idle.

        A client has its response a moment before the app's call returns (Starlette sends
        the 500 page, then re-raises): waiting here closes that gap before reading errors.
        """
        with self._idle:
            return self._idle.wait_for(lambda: not self._in_flight, timeout)

    def busy_with(self) -> list[str]:
        """What the app is working on now, one line per request, with where it waits.

        Called from another thread. A request blocking the loop's thread (``time.sleep``)
        is found in that thread's stack; one awaiting something, in its coroutine chain.
        """
        with self._idle:
            in_flight = list(self._in_flight.values())
        blocked_at = self.loop_blocked_at()
        lines = []
        for request in in_flight:
            where = _awaiting_at(request.task)
            detail = f" (waiting at {where.where}, in {where.function})" if where else ""
            lines.append(f"{request.method} {request.path}{detail}")
        if blocked_at is not None:
            lines.append(
                f"the event loop is blocked at {blocked_at.where}, in {blocked_at.function}: "
                f"{blocked_at.source}"
            )
        return lines

    def loop_blocked_at(self) -> CodeLocation | None:
        """The user's line the server's thread is running right now, if any.

        An event loop thread that is inside the user's code while another thread looks is
        (almost always) blocked by it: a synchronous sleep, a blocking call, a busy loop.
        """
        if not self._loop_thread_id:
            return None  # the app has run nothing yet
        return user_frame_of_stack(sys._current_frames().get(self._loop_thread_id))

    async def _lifespan(self, scope: _Message, receive: _Receive, send: _Send) -> None:
        shutdown_failure: list[str] = []

        async def send_watched(message: _Message) -> None:
            if message["type"] == "lifespan.startup.failed" and message.get("message"):
                # Starlette sends the whole traceback; its last line names the error.
                last_line = str(message["message"]).strip().splitlines()[-1]
                self.lifespan_error = self.lifespan_error or last_line
            elif message["type"] == "lifespan.startup.complete":
                self._lifespan_started = True
            elif message["type"] == "lifespan.shutdown.failed":
                shutdown_failure.append(str(message.get("message") or ""))
            await send(message)

        self._lifespan_task = asyncio.current_task()
        self._lifespan_loop = asyncio.get_running_loop()
        self._loop_thread_id = threading.get_ident()
        try:
            await self.app(scope, receive, send_watched)
        except asyncio.CancelledError as exc:
            self.lifespan_exception = exc
            raise
        except Exception as exc:
            if self._lifespan_started:
                # After startup: the shutdown raised. uvicorn only logs it; record it so
                # the test that stopped the server fails.
                self.errors.append(_lifespan_shutdown_error(exc))
            else:
                self.lifespan_error = repr(exc)
            self.lifespan_exception = exc
            raise
        else:
            if shutdown_failure:  # reported without raising
                text = shutdown_failure[0].strip()
                last_line = text.splitlines()[-1] if text else "lifespan.shutdown.failed"
                self.errors.append(
                    UnhandledError("LIFESPAN", "shutdown", last_line, text, "lifespan shutdown")
                )
        finally:
            self._lifespan_ended.set()

    def stop_hung_lifespan(self, timeout: float) -> CodeLocation | None:
        """Stop a lifespan startup that takes too long; return the user's line it was on.

        Called from another thread. A lifespan blocking its thread (``time.sleep``, a
        synchronous connect) is found in that thread's stack. One awaiting something is
        cancelled: the cancellation's traceback runs through the line it waited on, and
        nothing of it is left on the loop. None when no line of the user's code is found.
        """
        task, loop = self._lifespan_task, self._lifespan_loop
        if task is None or loop is None or self._lifespan_ended.is_set():
            return None
        blocked_at = user_frame_of_stack(sys._current_frames().get(self._loop_thread_id))
        if blocked_at is not None:
            return blocked_at
        try:
            loop.call_soon_threadsafe(task.cancel)
        except RuntimeError:  # the loop has closed
            return None
        if not self._lifespan_ended.wait(timeout) or self.lifespan_exception is None:
            return None
        return innermost_user_frame(self.lifespan_exception)

    def cancel_lifespan(self, reason: str) -> None:
        """Cancel the lifespan call (from another thread), whatever it is doing; no waiting.

        Its startup or shutdown code unwinds (``finally``, ``async with``) as soon as the loop
        runs it - at once, or when code blocking the loop lets go.
        """
        task, loop = self._lifespan_task, self._lifespan_loop
        if task is None or loop is None or self._lifespan_ended.is_set():
            return
        with contextlib.suppress(RuntimeError):  # the loop has closed: nothing left to cancel
            loop.call_soon_threadsafe(functools.partial(task.cancel, reason))

    def lifespan_waiting_at(self) -> CodeLocation | None:
        """The user's line the lifespan task is waiting on, if it is suspended in it."""
        return _awaiting_at(self._lifespan_task)

    async def _http(self, scope: _Message, receive: _Receive, send: _Send) -> None:
        response_complete = client_gone = False

        async def receive_watched() -> _Message:
            nonlocal client_gone
            message = await receive()
            client_gone = client_gone or message["type"] == "http.disconnect"
            return message

        async def send_watched(message: _Message) -> None:
            nonlocal response_complete
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                response_complete = True
            await send(message)

        key = id(scope)
        self._loop_thread_id = threading.get_ident()
        with self._idle:
            self._in_flight[key] = _InFlight(
                scope.get("method", "?"), scope.get("path", "?"), asyncio.current_task()
            )
        try:
            await self.app(scope, receive_watched, send_watched)
        except Exception as exc:
            if client_gone:
                # The client went away mid-request (it timed out, or closed its connection):
                # what the app raised about it (Starlette's ClientDisconnect) is no crash of
                # the app, and nobody waits for its answer. uvicorn still logs it.
                raise
            self.errors.append(
                _unhandled(scope.get("method", "?"), scope.get("path", "?"), exc, "request")
            )
            if not response_complete:
                raise  # uvicorn answers 500, or closes a response cut short
            # The response already went out whole (Starlette's error page). Re-raising would
            # make uvicorn close the keep-alive connection without a "Connection: close", and
            # the client's next request on it would fail with a reset. Log as uvicorn would.
            _uvicorn_logger.error("Exception in ASGI application\n", exc_info=exc)
        finally:
            with self._idle:
                self._in_flight.pop(key, None)
                self._idle.notify_all()


def _lifespan_shutdown_error(exc: BaseException) -> UnhandledError:
    return _unhandled("LIFESPAN", "shutdown", exc, "lifespan shutdown")


def _unhandled(method: str, path: str, exc: BaseException, during: str) -> UnhandledError:
    """The record of ``exc``, raised by the app, with where in the user's code it came from."""
    # Skip this wrapper's own frame: the traceback starts in the app.
    frames = _next_frame(exc)
    location = innermost_user_frame(exc)
    return UnhandledError(
        method=method,
        path=path,
        exception=repr(exc),
        traceback="".join(traceback.format_exception(type(exc), exc, frames)),
        during=during,
        where=f"{location.where}, in {location.function}" if location else "",
        short_traceback=_users_frames(exc, frames),
    )


def _users_frames(exc: BaseException, frames: TracebackType | None) -> str:
    """The traceback's frames of the user's own code and the exception: "" if it has none.

    A crash in a Starlette or FastAPI app runs through a dozen frames of middleware, the
    router and anyio before the user's line; a message shows the user's lines only.
    """
    summary = traceback.extract_tb(frames)
    own = [frame for frame in summary if is_user_file(frame.filename)]
    if not own:
        return ""
    left_out = len(summary) - len(own)
    lines = [
        f"Traceback, the app's own frames ({left_out} of libraries and Python left out):"
        if left_out
        else "Traceback:"
    ]
    lines += [
        CodeLocation(frame.filename, frame.lineno or 0, frame.name, frame.line or "").describe()
        for frame in own
    ]
    lines.append("".join(traceback.format_exception_only(type(exc), exc)).rstrip())
    return "\n".join(lines) + "\n"


def _awaiting_at(task: asyncio.Task[Any] | None) -> CodeLocation | None:
    """The innermost line of the user's code a suspended task is waiting on."""
    if task is None or task.done():
        return None
    found: CodeLocation | None = None
    awaited: Any = task.get_coro()
    for _ in range(200):  # an await chain is finite; the bound guards a cycle
        frame: FrameType | None = getattr(awaited, "cr_frame", None) or getattr(
            awaited, "gi_frame", None
        )
        if frame is None:
            break
        if is_user_file(frame.f_code.co_filename):
            found = user_frame_of_stack(frame)
        awaited = getattr(awaited, "cr_await", None) or getattr(awaited, "gi_yieldfrom", None)
    return found


def _next_frame(exc: BaseException) -> TracebackType | None:
    frames = exc.__traceback__
    return frames.tb_next if frames is not None else None
