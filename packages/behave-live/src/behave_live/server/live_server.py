"""UvicornTestServer: a real uvicorn server in a background thread, started and stopped in ~1 ms.

Why not ``threading.Thread(target=uvicorn.Server(config).run)``? That common pattern
costs ~200 ms per stop (uvicorn checks ``should_exit`` every 0.1 s and its shutdown sleeps
0.1 s), races for ports when the port is probed before uvicorn binds it, and hangs forever
when the app fails to start (uvicorn's ``sys.exit`` vanishes inside a thread). Here:

* the listening socket is bound before the thread starts (see ``_listening_socket``);
* readiness and stop requests are events, never polling loops on a 0.1 s clock;
* shutdown is uvicorn's graceful sequence (stop listening, let in-flight requests finish,
  lifespan shutdown) with fine-grained wake-ups and a bound;
* every startup failure becomes a :class:`ServerStartupError` naming its cause;
* both bounds hold even when the app blocks the event loop (a synchronous ``time.sleep``):
  the caller gives up on time, stops the listening socket itself and abandons the thread,
  which ends by itself once the app's call returns and is never used again.

The sequence drives ``uvicorn.Server.startup`` and its ``server_state`` directly, which is why
pyproject pins the uvicorn range.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import socket
import sys
import time
from collections.abc import Callable, Coroutine
from types import TracebackType
from typing import Any, Literal

import uvicorn

from behave_live._uvicorn_options import check_keywords
from behave_live.errors import ServerStartupError
from behave_live.server import exit_stop, interruption
from behave_live.server.app_loading import AppSpec, load_app
from behave_live.server.flag import Flag
from behave_live.server.instrumentation import AppInstrumentation, UnhandledError
from behave_live.server.listening_socket import bind_listening_socket, format_base_url
from behave_live.server.log import ServerLog
from behave_live.server.thread import ServerThread, Spawned
from behave_live.server.user_code import startup_error
from behave_live.server.uvicorn_config import loaded_config

__all__ = ["UvicornTestServer"]

logger = logging.getLogger(__name__)

_UVICORN_LOGGERS = ("uvicorn.error", "uvicorn.access", "uvicorn.asgi")
# How long a hung lifespan, once cancelled, may take to end (and show where it waited).
_HUNG_LIFESPAN_GRACE = 1.0
# How long the caller waits, past a timeout, for the server's thread to wind down: the
# cancelled requests and the lifespan shutdown's last turn. A loop that needs longer is
# blocked by the app, and the thread is abandoned.
_WIND_DOWN = 0.5
# Cancelled requests get this long to end, and lifespan shutdown at least this long.
_CANCEL_GRACE = 0.2
_LIFESPAN_SHUTDOWN_FLOOR = 0.1
_BLOCKING_FIX = (
    "A synchronous call (time.sleep, a blocking client or driver) inside async code stops "
    "the whole server: use its async form, or run it in a thread with asyncio.to_thread."
)
_ASGIApp = Callable[..., Any]


class UvicornTestServer:
    """A uvicorn server on a background thread, for tests that talk real HTTP.

    Example::

        with UvicornTestServer("app:create_app") as server:
            requests.get(f"{server.base_url}/health")

    ``app`` is an ASGI app, an import string ``"package.module:attribute"``, or a
    zero-argument factory. ``port=0`` (the default) lets the kernel pick a free port.
    ``app_dir`` is put on ``sys.path`` before an import string is imported (like uvicorn's
    ``--app-dir``).
    ``thread`` lets servers started one after another share a :class:`ServerThread`
    (by default each server runs on a thread of its own). ``reimport=True`` imports an
    import string's top-level package afresh at every start, so a module-level app object
    comes with fresh module globals (see ``behave_live.server.reimport``). Extra keyword
    arguments go to :class:`uvicorn.Config` unchanged.
    """

    def __init__(
        self,
        app: AppSpec,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        factory: bool | None = None,
        app_dir: str | None = None,
        lifespan: Literal["on", "off", "auto"] = "on",
        startup_timeout: float = 5.0,
        shutdown_timeout: float = 5.0,
        thread: ServerThread | None = None,
        reimport: bool = False,
        **uvicorn_options: Any,
    ) -> None:
        self.app = app
        self.reimport = reimport
        self.host = host
        self.port = port
        self.factory = factory
        self.app_dir = app_dir
        # "on", not uvicorn's "auto": "auto" logs a failing lifespan as "unsupported" and
        # keeps serving, which hides a broken startup.
        self.lifespan = lifespan
        self.startup_timeout = startup_timeout
        self.shutdown_timeout = shutdown_timeout
        self.uvicorn_options = uvicorn_options
        self.log = ServerLog()
        # A thread shared with other servers (see ServerThread), or None for one of our own.
        self.thread = thread
        self._base_url: str | None = None
        self._running_on: ServerThread | None = None
        self._serving: Spawned | None = None
        self._stop_requested: asyncio.Event | None = None
        self._ready = Flag()
        self._finished = Flag()
        self._failure: ServerStartupError | None = None
        self._instrumentation: AppInstrumentation | None = None
        self._socket: socket.socket | None = None
        self._errors_taken = 0

    # -- public API -----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The root URL of the running server, such as ``http://127.0.0.1:41234``."""
        if self._base_url is None:
            raise RuntimeError("The server is not running: call start() first.")
        return self._base_url

    @property
    def is_running(self) -> bool:
        """True between a successful :meth:`start` and :meth:`stop`."""
        return self._base_url is not None

    @property
    def unhandled_errors(self) -> list[UnhandledError]:
        """Requests of the current (or last) run that ended in an unhandled app exception.

        Call :meth:`wait_until_idle` first when a response just arrived: the app records the
        error a moment after the client has its 500.
        """
        return list(self._instrumentation.errors) if self._instrumentation else []

    def take_unhandled_errors(self) -> list[UnhandledError]:
        """The unhandled errors recorded since the last call (each is handed out once).

        What reports a failure takes the errors it reports, so none is reported twice and
        none is dropped: whatever is left is still there for the next taker.
        """
        errors = self.unhandled_errors[self._errors_taken :]
        self._errors_taken += len(errors)
        return errors

    def wait_until_idle(self, timeout: float = 1.0) -> bool:
        """Wait until the app is working on no request (at most ``timeout`` s); True if so."""
        return self._instrumentation.wait_until_idle(timeout) if self._instrumentation else True

    def busy_with(self) -> list[str]:
        """What the app is working on right now: one line per request, with where it waits."""
        return self._instrumentation.busy_with() if self._instrumentation else []

    def start(self, meanwhile: Callable[[str], object] | None = None) -> UvicornTestServer:
        """Start serving and return once the server accepts requests.

        Raises :class:`ServerStartupError` (never hangs) when the app cannot be loaded, the
        port cannot be bound, lifespan startup fails, or startup takes longer than
        ``startup_timeout`` seconds; the message names the line of the app's code that
        failed (or was waiting). Nothing is left running after a failure.

        ``meanwhile`` is called with the server's base URL once the port is bound, while
        the server thread starts the app: work the caller needs next anyway (an HTTP
        session, say) then fills the time it would otherwise spend waiting. Should it
        raise, the start is undone and the exception propagates.
        """
        if self._running_on is not None:
            raise RuntimeError("The server is already running: call stop() before start().")
        if self.thread is not None and self.thread.stuck:
            raise ServerStartupError(
                f"Server did not start: {self.thread!r} is still blocked by a server that "
                "could not be stopped earlier. Give this server a new ServerThread."
            )
        app = load_app(self.app, factory=self.factory, app_dir=self.app_dir, reimport=self.reimport)
        self._quiet_uvicorn_loggers()
        # Before the socket and the loop exist: a bad uvicorn option (TypeError) leaks nothing.
        config = self._config(app)
        sock = bind_listening_socket(self.host, self.port)
        self._socket = sock
        self._errors_taken = 0
        try:
            self._failure = None
            self._ready.clear()
            self._finished.clear()
            self._stop_requested = asyncio.Event()  # loop-bound lazily, on first use in the loop
            self._running_on = self.thread or ServerThread()
            self.log.attach()
            self._serving = self._running_on.start().spawn(self._serve_reporting(config, sock))
            if meanwhile is not None:
                meanwhile(format_base_url(sock))
            started = self._ready.wait(self.startup_timeout)
        except BaseException:  # KeyboardInterrupt: the run was interrupted while starting
            self._stop_interrupted_start(sock)
            raise
        if started and self._failure is None:
            self._base_url = format_base_url(sock)
            exit_stop.track(self)  # stopped at interpreter exit unless stopped before
            return self
        # Not started in time, unless a failure was reported (then _ready is set too).
        watched = self._instrumentation
        blocked = self._failure is None and watched is not None and watched.loop_blocked_at()
        failure = self._failure or self._startup_timed_out()
        # A blocked loop cannot wind down: waiting for it would break the bound.
        self._abandon(0.0 if blocked else _WIND_DOWN)
        raise failure

    def stop(self) -> None:
        """Stop gracefully: stop listening, let in-flight requests finish, run lifespan shutdown.

        The whole stop takes at most ``shutdown_timeout`` seconds (and a moment to wind
        down): requests still running then are cancelled, and each such fault - a request
        still busy, a lifespan shutdown that raised or did not finish, an event loop blocked
        by the app - is recorded in :attr:`unhandled_errors`. A server whose loop the app
        blocks is abandoned: the listening socket is stopped here, and the thread ends by
        itself once the app's call returns. Calling ``stop()`` on a stopped server does
        nothing.
        """
        running_on, stop_requested = self._running_on, self._stop_requested
        if running_on is None or stop_requested is None:
            return
        # Never cut short by an interrupt: a half-stopped server skips the lifespan shutdown.
        with interruption.shielded():
            self._base_url = None
            running_on.call(stop_requested.set)
            if not self._release(running_on, self.shutdown_timeout + _WIND_DOWN):
                self._record_blocked_stop()

    def __enter__(self) -> UvicornTestServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self._base_url or "stopped"
        return f"<UvicornTestServer {self.app!r} {where}>"

    # -- running in the thread ------------------------------------------------------------

    def _config(self, app: _ASGIApp) -> uvicorn.Config:
        check_keywords(self.uvicorn_options)  # a clear error, not Config's bare TypeError
        options: dict[str, Any] = {
            # None: leave logging alone, so records propagate to the process's handlers
            # (behave's log capture, pytest's caplog) and to self.log.
            "log_config": None,
            "timeout_graceful_shutdown": self.shutdown_timeout,
            # Startup/shutdown chatter and access lines would drown the records that matter
            # when a scenario fails (warnings, tracebacks); the exchange log has the requests.
            # A test server sits behind no proxy: skip the X-Forwarded-* middleware (and
            # its per-start parsing of trusted addresses).
            "proxy_headers": False,
            **self.uvicorn_options,
        }
        self._instrumentation = AppInstrumentation(app)
        options.update(lifespan=self.lifespan, interface="asgi3")
        return loaded_config(self._instrumentation, options)

    @staticmethod
    @functools.cache
    def _quiet_uvicorn_loggers() -> None:
        """Hide uvicorn's INFO chatter (startup, shutdown, access lines) once per process.

        Levels are global, so they are set only where nobody has chosen one; set a level
        on the "uvicorn.error" or "uvicorn.access" logger to see more. Cached: once is
        enough, and a fresh server per scenario would otherwise repeat it every time.
        """
        for name in _UVICORN_LOGGERS:
            named = logging.getLogger(name)
            if named.level == logging.NOTSET:
                named.setLevel(logging.WARNING)
        logging.getLogger("uvicorn.error").addFilter(interruption.QUIET_INTERRUPTED_REQUESTS)

    async def _serve_reporting(self, config: uvicorn.Config, sock: socket.socket) -> None:
        """Serve until asked to stop; report any failure instead of raising it on the loop.

        A SystemExit (uvicorn's reaction to a failed startup) must not escape: on a loop
        thread it would vanish, or stop a loop that other servers share.
        """
        self.log.bind_to_current_context()
        try:
            await self._serve(config, sock)
        except asyncio.CancelledError:
            raise  # start() gave up waiting (startup timeout); it reports the cause
        except BaseException as exc:
            self._failure = self._failure or ServerStartupError(f"Server did not start: {exc!r}")
            logger.exception("The test server failed")
        finally:
            sock.close()  # idempotent; covers failures before uvicorn owned the socket
            self._finished.set()
            self._ready.set()  # wakes start() at once when startup failed

    async def _serve(self, config: uvicorn.Config, sock: socket.socket) -> None:
        if not config.loaded:
            config.load()
        server = uvicorn.Server(config)
        server.lifespan = config.lifespan_class(config)
        try:
            await server.startup(sockets=[sock])
            # uvicorn < 0.50 returns with should_exit set when lifespan startup fails.
            started = not server.should_exit
        except SystemExit:
            # uvicorn >= 0.50 exits with status 3 when lifespan startup fails.
            started = False
        if not started:
            self._failure = self._lifespan_failure()
            return
        await server.on_tick(0)  # sets the Date and default headers, as uvicorn's loop would
        self._ready.set()
        refresh = _DefaultHeaderRefresh(server)
        try:
            assert self._stop_requested is not None
            await self._stop_requested.wait()
        finally:
            refresh.cancel()
            try:
                await self._shutdown(server)
            finally:
                # uvicorn's Server and asyncio's hold each other (the protocol factory is a
                # closure over the Server): without the link, a stopped server is freed at
                # once instead of by the garbage collector, whose runs a fresh server per
                # scenario would otherwise make several times as frequent.
                server.servers = []

    async def _shutdown(self, server: uvicorn.Server) -> None:
        """Uvicorn's graceful shutdown, minus its fixed 0.1 s sleeps and polls.

        One deadline covers the whole sequence, so ``shutdown_timeout`` bounds the stop.
        """
        deadline = time.monotonic() + self.shutdown_timeout
        for listener in server.servers:
            listener.close()
        state = server.server_state
        for connection in list(state.connections):
            connection.shutdown()  # idle keep-alive: closes now; busy: closes after response
        # An interrupted run ends within seconds: in-flight requests get no grace period.
        grace = 0.0 if interruption.interrupted_by() is not None else self.shutdown_timeout
        in_flight_done = await _wait_for(lambda: not state.connections and not state.tasks, grace)
        if not in_flight_done:
            if grace == 0.0:
                reason = interruption.CANCELLED_BY_INTERRUPTION
                logger.warning(
                    "Cancelling %d request(s): the run was interrupted", len(state.tasks)
                )
            else:
                reason = "Test server stopped: shutdown timeout exceeded"
                if state.tasks:
                    self._record_stop_fault(
                        f"the app was still busy {self.shutdown_timeout:g} s after the server "
                        "was asked to stop (shutdown_timeout), so its requests were cancelled",
                        self.busy_with(),
                    )
            for task in list(state.tasks):
                task.cancel(msg=reason)
            for connection in list(state.connections):
                connection.transport.abort()
            await _wait_for(lambda: not state.tasks, _CANCEL_GRACE)
        remaining = max(deadline - time.monotonic(), _LIFESPAN_SHUTDOWN_FLOOR)
        try:
            await _within(remaining, server.lifespan.shutdown())
        except asyncio.TimeoutError:
            watched = self._instrumentation
            where = watched.lifespan_waiting_at() if watched else None
            self._record_stop_fault(
                f"the app's lifespan shutdown did not finish within the {self.shutdown_timeout:g} "
                "s shutdown_timeout",
                [f"waiting at {where.where}, in {where.function}: {where.source}"] if where else [],
            )

    def _record_stop_fault(self, what: str, details: list[str]) -> None:
        """Record a fault found while stopping, so whoever stopped the server reports it."""
        logger.error("The test server: %s", what)
        if self._instrumentation is not None:
            self._instrumentation.errors.append(
                UnhandledError("STOP", "", what, "\n".join(details), during="stop")
            )

    def _record_blocked_stop(self) -> None:
        watched = self._instrumentation
        blocked_at = watched.loop_blocked_at() if watched else None
        where = f" at {blocked_at.where}, in {blocked_at.function}" if blocked_at else ""
        self._record_stop_fault(
            f"the server did not stop within the {self.shutdown_timeout:g} s shutdown_timeout: "
            f"the app blocks the event loop{where}. The listening socket was closed and the "
            "server's thread abandoned (it ends when the blocking call returns)",
            [blocked_at.source, _BLOCKING_FIX] if blocked_at else [_BLOCKING_FIX],
        )

    # -- lifespan failures ----------------------------------------------------------------

    def _lifespan_failure(self) -> ServerStartupError:
        watched = self._instrumentation
        reason = (
            watched and watched.lifespan_error
        ) or "the app reported 'lifespan.startup.failed'"
        return startup_error(
            f"lifespan startup failed: {reason}",
            "Fix the app's startup code; or, if the app does not implement the ASGI "
            "lifespan protocol, turn it off: -D lifespan=off (behave), behave_live_lifespan = "
            "off (pytest ini), UvicornTestServer(app, lifespan='off') (code).",
            exc=watched.lifespan_exception if watched else None,
        )

    def _startup_timed_out(self) -> ServerStartupError:
        """The lifespan startup is still running: stop it, and say where it was waiting."""
        watched = self._instrumentation
        blocked_at = watched.loop_blocked_at() if watched else None
        if blocked_at is not None:
            return startup_error(
                f"the app's lifespan startup blocked the event loop for more than "
                f"{self.startup_timeout} s (startup_timeout)",
                f"{_BLOCKING_FIX} The server was abandoned: its listening socket is closed, "
                "and its thread ends when the blocking call returns.",
                location=blocked_at,
                preposition="blocking at",
            )
        location = watched.stop_hung_lifespan(_HUNG_LIFESPAN_GRACE) if watched else None
        return startup_error(
            f"the app's lifespan startup did not finish within {self.startup_timeout} s",
            "Look for a startup handler that waits forever, or raise startup_timeout.",
            location=location,
            preposition="waiting at",
        )

    # -- cleanup --------------------------------------------------------------------------

    def _stop_interrupted_start(self, sock: socket.socket) -> None:
        """Wind down a start cut short by an interrupt, lifespan shutdown included."""
        running_on, stop_requested = self._running_on, self._stop_requested
        with interruption.shielded():
            if running_on is None or stop_requested is None or self._serving is None:
                sock.close()  # interrupted before the serving task owned the socket
                if running_on is not None and running_on is not self.thread:
                    running_on.close(1.0)
                self.log.detach()
                self._running_on = self._stop_requested = None
                return
            # Started by now: the stop request leads to the graceful shutdown. Still starting:
            # cancelling the lifespan startup unwinds what it made so far (``finally``).
            running_on.call(stop_requested.set)
            if not self._ready.is_set() and self._instrumentation is not None:
                self._instrumentation.cancel_lifespan(interruption.CANCELLED_BY_INTERRUPTION)
            self._release(running_on, self.shutdown_timeout + _WIND_DOWN)

    def _abandon(self, wind_down: float) -> None:
        """Tear down after a failed start: cancel the startup and release everything."""
        if self._running_on is None or self._serving is None:
            return
        self._serving.cancel()  # cancels the task on the loop; no-op if it already finished
        self._release(self._running_on, wind_down)

    def _release(self, running_on: ServerThread, timeout: float) -> bool:
        """Wait (bounded) for the serving task to end, then free the thread if it is ours.

        Returns False when it did not end: the app blocks the loop. Then nothing waits any
        longer - the listening socket stops listening now, and the thread is told to end
        once it can and marked stuck, so nothing runs on it again.
        """
        finished = self._finished.wait(timeout)
        if not finished:
            self._stop_listening()
            running_on.abandon()  # its loop stops itself as soon as the app lets it run
            logger.error(
                "The app blocks the event loop of the test server on %s: the thread is "
                "abandoned, and ends when the blocking call returns",
                running_on.name,
            )
        elif running_on is not self.thread and not running_on.close(1.0):
            logger.error("The test server thread %s did not end in time", running_on.name)
        self.log.detach()
        exit_stop.untrack(self)
        self._running_on = self._serving = self._stop_requested = None
        self._socket = None
        return finished

    def _stop_listening(self) -> None:
        """Take the listening socket out of service from this thread, the loop being stuck.

        ``shutdown`` (not ``close``) so the descriptor stays valid for the stuck loop,
        which closes it when it resumes; on Linux a shut-down listener accepts nothing and
        is gone from the socket table at once.
        """
        sock = self._socket
        if sock is None:
            return
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            # Not supported for listeners on this platform (or already closed): close it.
            with contextlib.suppress(OSError):
                sock.close()


class _DefaultHeaderRefresh:
    """Refresh the Date header once a second, as uvicorn's own main loop does.

    A timer callback rather than a task: cancelling it at stop costs no loop iteration.
    """

    def __init__(self, server: uvicorn.Server) -> None:
        self._server = server
        self._loop = asyncio.get_running_loop()
        self._handle = self._loop.call_later(1.0, self._tick)
        self._task: asyncio.Task[bool] | None = None

    def _tick(self) -> None:
        self._task = self._loop.create_task(self._server.on_tick(0))
        self._handle = self._loop.call_later(1.0, self._tick)

    def cancel(self) -> None:
        self._handle.cancel()
        if self._task is not None:
            self._task.cancel()


async def _within(timeout: float, awaitable: Coroutine[Any, Any, None]) -> None:
    """Await with a time limit (``asyncio.timeout`` adds no task, unlike ``wait_for``)."""
    if sys.version_info >= (3, 11):
        async with asyncio.timeout(timeout):
            await awaitable
    else:  # pragma: no cover - Python 3.10
        await asyncio.wait_for(awaitable, timeout)


async def _wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    """Wait until ``condition()`` holds, at most ``timeout`` seconds; return whether it held.

    Connections close within a loop iteration or two, so the first checks yield without
    sleeping; after that, 1 ms wake-ups keep a long wait cheap and a short one short.
    """
    deadline = time.monotonic() + timeout
    for _ in range(10):
        if condition():
            return True
        await asyncio.sleep(0)
    while not condition():
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(0.001)
    return True
