"""Flag: what ``threading.Event`` does for a server's signals, at a fraction of the cost to make.

An Event builds a Condition, whose constructor probes its lock for three methods a plain
lock lacks; a fresh server per scenario makes three Events. A Flag is one lock, held while
the flag is down: waiting for the flag is acquiring the lock.
"""

from __future__ import annotations

import contextlib
import threading

__all__ = ["Flag"]


class Flag:
    """A flag one thread raises (:meth:`set`) and others wait for, like ``threading.Event``.

    Example::

        ready = Flag()
        ...  # on another thread: ready.set()
        if not ready.wait(5.0):
            raise TimeoutError

    Raised by one thread at a time (a server's loop thread); any thread may wait.
    """

    __slots__ = ("_down", "_raised")

    def __init__(self) -> None:
        self._down = threading.Lock()
        self._down.acquire()
        self._raised = False

    def is_set(self) -> bool:
        """True once :meth:`set` was called (and :meth:`clear` not since)."""
        return self._raised

    def set(self) -> None:
        """Raise the flag and wake every waiter; raising a raised flag does nothing."""
        if self._raised:
            return
        self._raised = True
        # RuntimeError: raised at the same moment by a second thread - it is up either way.
        with contextlib.suppress(RuntimeError):
            self._down.release()

    def clear(self) -> None:
        """Lower the flag again (while nothing raises it)."""
        if self._raised:
            self._down.acquire()
            self._raised = False

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the flag is up, at most ``timeout`` seconds; return whether it is."""
        if self._raised:
            return True
        if self._down.acquire(timeout=-1 if timeout is None else max(timeout, 0.0)):
            self._down.release()  # up for every other waiter too
            return True
        return self._raised
