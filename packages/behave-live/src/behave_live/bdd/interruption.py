"""SIGINT and SIGTERM end a run cleanly: servers stopped, reports written, a distinct exit status.

behave handles a ``KeyboardInterrupt`` (Ctrl-C) on its own: the step running is marked as an
error, the run is *aborted* (nothing more starts), the fixtures' cleanups run, the formatters
close and write their files, and "ABORTED: By user." is printed - but the exit status is 1,
like a failing test. SIGTERM, which a cancelled CI job sends, has no handler at all: the
process dies at once, leaving temporary files behind and no report.

:func:`handle_interruptions` (called from ``before_all``) installs one handler for both
signals. It records the signal (servers then stop without a grace period, see
:mod:`behave_live.server.interruption`), tells behave to abort, and raises
``KeyboardInterrupt`` - behave's own path - unless a server is starting or stopping right
then, which must not be cut short. A reporter added last to behave's reporters ends the run,
after every formatter and reporter has written its file, with :data:`EXIT_STATUS` of the
signal: 130 for SIGINT, 143 for SIGTERM (the shell's 128 + signal number), never 1.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any, Final

from behave.reporter.base import Reporter

from behave_live.server import interruption

__all__ = ["EXIT_STATUS", "handle_interruptions", "mark_report_interrupted"]

#: The exit status of a run stopped by each signal: 128 + the signal's number, as shells do.
EXIT_STATUS: Final = {signal.SIGINT: 130, signal.SIGTERM: 143}

_Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None
Context = Any  # behave.runner.Context: behave ships no type information


def handle_interruptions(context: Context) -> None:
    """Make SIGINT and SIGTERM end the run cleanly, with their own exit status (``before_all``).

    Does nothing off the main thread (only the main thread may install signal handlers) or
    without a behave runner.
    """
    runner = getattr(context, "_runner", None)
    if runner is None or threading.current_thread() is not threading.main_thread():
        return
    interruption.reset()
    previous: dict[int, _Handler] = {}

    def on_signal(signum: int, frame: FrameType | None) -> None:
        first = interruption.interrupted_by() is None
        interruption.interrupt(signum)
        if first:
            runner.abort(reason=f"interrupted by {signal.Signals(signum).name}")
        # Inside a server's start or stop, raising would leave the server half-stopped: the
        # abort flag alone stops behave before the next step.
        if not interruption.is_shielded():
            raise KeyboardInterrupt

    for signum in EXIT_STATUS:
        previous[signum] = signal.signal(signum, on_signal)
    context.config.reporters.append(_ExitStatus(context.config, previous))


def mark_report_interrupted(context: Context) -> None:
    """Say in the HTML report that the run was interrupted, and by which signal (``after_all``).

    The title gets "(interrupted by SIGTERM)", and the step that was running (the last one
    reported) a note saying so.
    """
    signum = interruption.interrupted_by()
    runner = getattr(context, "_runner", None)
    if signum is None or runner is None:
        return
    name = signal.Signals(signum).name
    for formatter in getattr(runner, "formatters", None) or []:
        title = getattr(formatter, "title_string", None)
        if isinstance(title, str) and callable(getattr(formatter, "set_title", None)):
            formatter.set_title(f"{title} (interrupted by {name})")
        if callable(getattr(formatter, "embed", None)) and formatter.current_feature:
            formatter.embed(
                "text/plain",
                f"The run was interrupted by {name} here: the servers were stopped and the "
                "scenarios after this point did not run.",
                "Interrupted",
            )


class _ExitStatus(Reporter):  # type: ignore[misc]
    """Last of behave's reporters: ends an interrupted run with the signal's exit status.

    behave calls reporters' ``end()`` after every formatter has closed (written its file) and
    every earlier reporter (JUnit, summary) has ended, so nothing is lost by exiting here.
    """

    def __init__(self, config: Any, previous: dict[int, _Handler]) -> None:
        super().__init__(config)
        self._previous = previous

    def feature(self, feature: Any) -> None:
        """Nothing to report per feature."""

    def end(self) -> None:
        """Put the previous handlers back; exit with the signal's status if one came."""
        for signum, handler in self._previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        received = interruption.interrupted_by()
        if received is not None:
            name = signal.Signals(received).name
            status = EXIT_STATUS[signal.Signals(received)]
            print(f"Interrupted by {name}: servers stopped, reports written; exit status {status}.")
            sys.stdout.flush()
            raise SystemExit(status)
