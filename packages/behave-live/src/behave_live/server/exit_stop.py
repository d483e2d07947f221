"""Stop the servers still running when the interpreter exits, quietly and completely.

A script or test that starts a server and never stops it would otherwise end with its loop
thread (a daemon) frozen mid-serve: the app's lifespan shutdown never runs (its temporary
files stay), and the interpreter prints "Task was destroyed but it is pending!" and a
traceback while it tears the loop down. ``atexit`` handlers run before that teardown, while
daemon threads still work, so a normal :meth:`~UvicornTestServer.stop` is possible there.
"""

from __future__ import annotations

import atexit
import weakref
from typing import Protocol

__all__ = ["stop_running_servers", "track", "untrack"]


class _Stoppable(Protocol):
    def stop(self) -> None: ...


# Weak: a running server is kept alive by its serving task; this set must not add to that.
_running: weakref.WeakSet[_Stoppable] = weakref.WeakSet()


def track(server: _Stoppable) -> None:
    """Remember a server that has started, to stop it at exit if nobody else does."""
    _running.add(server)


def untrack(server: _Stoppable) -> None:
    """Forget a server that has stopped."""
    _running.discard(server)


def stop_running_servers() -> None:
    """Stop every server still running (registered with :mod:`atexit`)."""
    for server in list(_running):
        server.stop()


atexit.register(stop_running_servers)
