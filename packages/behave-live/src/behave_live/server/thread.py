"""ServerThread: a background thread running the event loop that test servers run on.

A :class:`~behave_live.server.UvicornTestServer` makes its own by default and closes it when
it stops. Servers started one after another (a fresh one per scenario) can share one
instead: each still gets a fresh app, socket and uvicorn server, but the OS thread and the
event loop are created once, which takes a third off the cost of a fresh server.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import itertools
import threading
from collections.abc import Callable, Coroutine
from types import TracebackType
from typing import Any, TypeVar

__all__ = ["ServerThread", "Spawned"]

_Result = TypeVar("_Result")
_numbers = itertools.count(1)


class ServerThread:
    """An event loop on a daemon thread; coroutines are submitted to it from other threads.

    Example::

        with ServerThread() as thread:
            for _ in range(100):
                with UvicornTestServer(app, thread=thread) as server:
                    ...
    """

    def __init__(self, name: str | None = None) -> None:
        self.name = name or f"uvicorn-test-server-{next(_numbers)}"
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        # Set when a coroutine it ran could not be stopped (a lifespan blocking the loop):
        # whatever runs on this thread next would hang too.
        self.stuck = False

    @property
    def is_alive(self) -> bool:
        """True while the thread runs its loop."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> ServerThread:
        """Start the thread (once); calling it on a running thread does nothing."""
        if self._thread is None:
            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(
                target=self._run,
                args=(self._loop,),
                name=self.name,
                daemon=True,  # a loop that cannot stop must never keep the process alive
            )
            self._thread.start()
        return self

    def submit(self, coroutine: Coroutine[Any, Any, _Result]) -> concurrent.futures.Future[_Result]:
        """Run ``coroutine`` on the loop as a task; return a future of its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._running_loop())

    def spawn(self, coroutine: Coroutine[Any, Any, None]) -> Spawned:
        """Run ``coroutine`` as a task on the loop, with no future to bring a result back.

        Cheaper than :meth:`submit` (no thread-safe future, no extra turn of the loop to
        complete it) for a coroutine that reports back by itself; the handle cancels it.
        """
        spawned = Spawned(self._running_loop())
        spawned.loop.call_soon_threadsafe(spawned.create, coroutine)
        return spawned

    def call(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` on the loop soon; nothing happens once the loop has closed."""
        # RuntimeError "Event loop is closed": the thread has already finished.
        with contextlib.suppress(RuntimeError):
            self._running_loop().call_soon_threadsafe(callback)

    def abandon(self) -> None:
        """Give up on a thread whose loop the app blocks: it ends when the block does.

        Marks it :attr:`stuck` (nothing is started on it again) and asks its loop to stop
        as soon as it runs, without waiting; :meth:`close` can still join it later.
        """
        self.stuck = True
        loop = self._loop
        if loop is not None:
            self.call(loop.stop)

    def close(self, timeout: float = 5.0) -> bool:
        """Stop the loop (cancelling what still runs on it) and join; True if it ended."""
        thread = self._thread
        if thread is None:
            return True
        self.call(self._running_loop().stop)
        thread.join(timeout)
        self._thread = self._loop = None
        return not thread.is_alive()

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "running" if self.is_alive else "stopped"
        return f"<ServerThread {self.name} {state}>"

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError(f"{self!r} is not running: call start() first.")
        return self._loop

    @staticmethod
    def _run(loop: asyncio.AbstractEventLoop) -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_forever()
        finally:
            _close_loop(loop)


class Spawned:
    """A task started on a :class:`ServerThread`'s loop from another thread (see ``spawn``)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        # A strong reference: the loop keeps only weak ones to its tasks.
        self.task: asyncio.Task[None] | None = None

    def create(self, coroutine: Coroutine[Any, Any, None]) -> None:
        """Make the task (on the loop's thread)."""
        self.task = self.loop.create_task(coroutine)

    def cancel(self) -> None:
        """Cancel the task from any thread; nothing happens once it ended or the loop closed."""
        # Callbacks run in order: the task exists by the time this one runs.
        with contextlib.suppress(RuntimeError):  # "Event loop is closed"
            self.loop.call_soon_threadsafe(self._cancel_task)

    def _cancel_task(self) -> None:
        if self.task is not None:
            self.task.cancel()


def _close_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what is left on ``loop`` (a hung lifespan, say) and close it, like asyncio.run."""
    try:
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        # An async generator left open by the app must be finalised; with none (the usual
        # case) skipping the call saves loop iterations on every stop.
        if getattr(loop, "_asyncgens", True):
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        asyncio.set_event_loop(None)
        loop.close()
