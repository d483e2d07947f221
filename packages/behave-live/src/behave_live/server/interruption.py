"""The run was interrupted (SIGINT, SIGTERM): stop fast, and never half-way through a stop.

A signal is process-wide, so this state is too. Whoever catches the signal (the behave glue)
calls :func:`interrupt`; from then on a stopping server cancels its in-flight requests at
once instead of granting them ``shutdown_timeout`` (an interrupted run must end within
seconds), but still runs the app's lifespan shutdown, which removes what the app created.

A ``KeyboardInterrupt`` raised in the middle of a server's start or stop would leave it
half-stopped: its lifespan shutdown (temporary files, databases) would never run.
:func:`shielded` marks those sections; a signal handler asks :func:`is_shielded` and, inside
one, only records the signal - the run is stopped by other means (behave's abort flag).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Final

__all__ = [
    "CANCELLED_BY_INTERRUPTION",
    "QUIET_INTERRUPTED_REQUESTS",
    "QuietInterruptedRequests",
    "interrupt",
    "interrupted_by",
    "is_shielded",
    "reset",
    "shielded",
]

# No locks: signal handlers run on the main thread, between its bytecodes - a lock the main
# thread holds when the signal arrives would deadlock the handler.
_signal: int | None = None
_shield_depth = 0  # of the main thread: the only one a signal handler interrupts


def interrupt(signum: int) -> None:
    """Record that the process received ``signum``: servers stop without a grace period."""
    global _signal  # noqa: PLW0603 - a signal is process-wide state
    if _signal is None:
        _signal = signum


def interrupted_by() -> int | None:
    """The first interrupting signal received, or None while the run goes on."""
    return _signal


def reset() -> None:
    """Forget an interruption (for tests that interrupt in-process)."""
    global _signal  # noqa: PLW0603 - a signal is process-wide state
    _signal = None


def shielded() -> contextlib.AbstractContextManager[None]:
    """Mark a section that a ``KeyboardInterrupt`` must not cut short (a server start or stop).

    Only the main thread's sections count: signal handlers run on no other thread.
    """
    if threading.current_thread() is threading.main_thread():
        return _main_thread_shield()
    return nullcontext()


@contextmanager
def _main_thread_shield() -> Iterator[None]:
    global _shield_depth  # noqa: PLW0603 - signal handlers run on the main thread only
    _shield_depth += 1
    try:
        yield
    finally:
        _shield_depth -= 1


def is_shielded() -> bool:
    """True while the main thread is inside :func:`shielded` (then do not raise, only record)."""
    return _shield_depth > 0


#: Why a stopping server cancels its in-flight requests when the run was interrupted.
CANCELLED_BY_INTERRUPTION: Final = "Test server stopped: the run was interrupted"


class QuietInterruptedRequests(logging.Filter):
    """Drop uvicorn's tracebacks of requests and startups cancelled by an interrupted run.

    The user asked for the stop; a ``CancelledError`` traceback per held request (or for the
    lifespan startup that was waiting) would only bury the summary. Every other record
    passes.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """False for uvicorn's reports of work cancelled because the run was interrupted."""
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, asyncio.CancelledError) and CANCELLED_BY_INTERRUPTION in exc.args:
            return False  # "Exception in ASGI application", with the request's traceback
        if _signal is None:
            return True
        # A cancelled lifespan startup: the traceback as text, then uvicorn's verdict.
        message = record.getMessage()
        return CANCELLED_BY_INTERRUPTION not in message and message != _STARTUP_FAILED


_STARTUP_FAILED = "Application startup failed. Exiting."

#: Added to the "uvicorn.error" logger by every server start (once: it is one object).
QUIET_INTERRUPTED_REQUESTS: Final = QuietInterruptedRequests()
